import { Button } from '@mosaic/shared-components';
import { useLocale } from '../i18n/locale-context.js';
import { readOverrides, writeOverrides } from './override-store.js';
import type { OverrideStatus } from './resolve-overrides.js';

export interface OverrideBannerProps {
  overrides: readonly OverrideStatus[];
  /** Called after an override was removed, to reload the app list. */
  onChange(): void;
}

/** Tells the developer which apps come from their machine, and takes an override away. */
export function OverrideBanner({
  overrides,
  onChange,
}: OverrideBannerProps): React.JSX.Element | null {
  const { t } = useLocale();
  if (overrides.length === 0) return null;

  function remove(name: string): void {
    const next = readOverrides();
    delete next[name];
    writeOverrides(next);
    onChange();
  }

  return (
    <div className="shell-override-banner" role="status" data-testid="override-banner">
      {overrides.map((o) => (
        <p key={o.name}>
          <strong>开发覆盖</strong> <span className="shell-secondary">Dev override</span>{' '}
          <code>{o.name}</code> → <code>{o.baseUrl}</code>
          {o.refused ? (
            <span className="shell-override-error" data-testid="override-refused">
              {' '}
              {t('overrideRoleRefused', { app: o.refused.title })}
            </span>
          ) : (
            o.error && <span className="shell-override-error">（未生效：{o.error}）</span>
          )}{' '}
          <Button variant="ghost" onClick={() => remove(o.name)}>
            移除 <span className="shell-secondary">Remove</span>
          </Button>
        </p>
      ))}
    </div>
  );
}
