import { Button } from '@mosaic/shared-components';
import type { Session } from '../session/session-api.js';
import { useSession } from '../session/session-context.js';

/** Tenant, user and sign-out. */
export function FrameHeader({ session }: { session: Session }): React.JSX.Element {
  const { signOut } = useSession();

  // Signing out flips the session to anonymous; RequireSession then shows the sign-in page.
  async function onSignOut(): Promise<void> {
    await signOut().catch((error: unknown) => console.error('[mosaic] sign-out failed', error));
  }

  return (
    <header className="shell-header">
      <span className="shell-brand">Mosaic</span>
      <span className="shell-tenant" data-testid="tenant-name">
        {session.tenant.name}
      </span>
      <span className="shell-user" data-testid="user-name">
        {session.user.displayName}
      </span>
      <Button variant="ghost" className="shell-signout" onClick={() => void onSignOut()}>
        退出 <span className="shell-secondary">Sign out</span>
      </Button>
    </header>
  );
}
