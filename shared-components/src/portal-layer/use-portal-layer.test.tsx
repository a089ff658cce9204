import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog } from '../dialog/dialog.js';
import { ToastProvider, useToast } from '../toast/toast.js';
import { useEffect } from 'react';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

/** What a Mosaic shell renders for app 'stock': the app's root and, beside it, its layer. */
function shellBox(): { root: HTMLElement; layer: HTMLElement } {
  const root = document.createElement('div');
  root.setAttribute('data-mosaic-app', 'stock');
  const layer = document.createElement('div');
  layer.setAttribute('data-mosaic-portal', 'stock');
  layer.setAttribute('data-mosaic-app', 'stock');
  document.body.append(root, layer);
  return { root, layer };
}

function Notify(): null {
  const toast = useToast();
  useEffect(() => {
    toast.show('已保存');
  }, [toast]);
  return null;
}

describe('given a shell that gives the app a portal layer', () => {
  it('opens a dialog in the layer, under the app scope', () => {
    const { root, layer } = shellBox();
    render(
      <Dialog open onClose={() => {}} title="调整库存">
        <input aria-label="数量" />
      </Dialog>,
      { container: root },
    );
    const dialog = screen.getByRole('dialog');
    expect(layer.contains(dialog)).toBe(true);
    expect(root.contains(dialog)).toBe(false);
  });

  it('shows toasts in the layer', () => {
    const { root, layer } = shellBox();
    render(
      <ToastProvider>
        <Notify />
      </ToastProvider>,
      { container: root },
    );
    expect(layer.textContent).toContain('已保存');
  });
});

describe('given no shell (standalone)', () => {
  it('opens the dialog in place', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <Dialog open onClose={() => {}} title="调整库存">
        <p>x</p>
      </Dialog>,
      { container: root },
    );
    expect(root.contains(screen.getByRole('dialog'))).toBe(true);
  });
});
