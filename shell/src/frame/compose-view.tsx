import { EmptyState } from '@mosaic/shared-components';
import { useSearchParams } from 'wouter';
import { MicroAppErrorBoundary } from '../micro-app/micro-app-error-boundary.js';
import { MicroAppHost } from '../micro-app/micro-app-host.js';
import type { AppEntry, Session } from '../session/session-api.js';

/** Path of the developer view that mounts several apps side by side. */
export const COMPOSE_PATH = '/_mosaic/compose';

export interface ComposeViewProps {
  apps: readonly AppEntry[];
  session: Session;
}

/**
 * 联调视图 (developers only): `/_mosaic/compose?apps=a,b` mounts the named apps at
 * once, so a team can watch its app talk to others over the bus before release.
 */
export function ComposeView({ apps, session }: ComposeViewProps): React.JSX.Element {
  const [params] = useSearchParams();
  const names = (params.get('apps') ?? '').split(',').filter(Boolean);
  const chosen = names
    .map((name) => apps.find((app) => app.name === name))
    .filter((app): app is AppEntry => app !== undefined);
  if (chosen.length === 0) {
    return (
      <EmptyState
        title="联调视图 · Compose view"
        description={`用 ?apps=名称,名称 选择应用。可用 Available: ${apps.map((a) => a.name).join(', ')}`}
      />
    );
  }
  return (
    <div className="shell-compose" data-testid="compose-view">
      {chosen.map((app) => (
        <section key={app.name} className="shell-compose-pane" aria-label={app.title}>
          <MicroAppErrorBoundary key={`${app.name}@${app.version}`} app={app}>
            <MicroAppHost app={app} session={session} />
          </MicroAppErrorBoundary>
        </section>
      ))}
    </div>
  );
}
