import { Route, Switch } from 'wouter';
import { useShellBus } from './bus/use-shell-bus.js';
import { Frame } from './frame/frame.js';
import { RequireSession } from './session/require-session.js';
import { useSession } from './session/session-context.js';
import { SignInPage } from './sign-in/sign-in-page.js';

function SignedInFrame(): React.JSX.Element | null {
  const { state } = useSession();
  return state.status === 'signed-in' ? <Frame session={state.session} /> : null;
}

export function App(): React.JSX.Element {
  const { state } = useSession();
  useShellBus(state.status === 'signed-in' ? state.session : null);
  return (
    <Switch>
      <Route path="/signin">
        <SignInPage />
      </Route>
      <Route>
        <RequireSession>
          <SignedInFrame />
        </RequireSession>
      </Route>
    </Switch>
  );
}
