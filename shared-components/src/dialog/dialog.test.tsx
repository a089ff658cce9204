import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog.js';

afterEach(cleanup);

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>调整库存</button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="调整库存"
        description="可乐 · 前店"
        footer={<button onClick={() => setOpen(false)}>保存</button>}
      >
        <input aria-label="数量" />
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('renders nothing while closed', () => {
    render(
      <Dialog open={false} onClose={vi.fn()} title="x">
        body
      </Dialog>,
    );

    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a modal named by its title and moves focus to its first field', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '调整库存' }));

    const dialog = screen.getByRole('dialog', { name: '调整库存' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '数量' }));
  });

  it('closes on Esc and gives focus back to the button that opened it', () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: '调整库存' });
    opener.focus();
    fireEvent.click(opener);

    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside: from the last control back to the first, and the reverse', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '调整库存' }));
    const close = screen.getByRole('button', { name: '关闭' });
    const save = screen.getByRole('button', { name: '保存' });

    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(document.activeElement).toBe(close);

    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });

  it('still closes on Esc when focus fell out of it, e.g. a save button disabled itself', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '调整库存' }));
    (document.activeElement as HTMLElement).blur();

    fireEvent.keyDown(document.body, { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('brings Tab back inside when focus fell out of it', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '调整库存' }));
    (document.activeElement as HTMLElement).blur();

    fireEvent.keyDown(document.body, { key: 'Tab' });

    expect(document.activeElement).toBe(screen.getByRole('button', { name: '关闭' }));
  });

  it('closes from its close button', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '调整库存' }));

    fireEvent.click(screen.getByRole('button', { name: '关闭' }));

    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
