import '@mosaic/shared-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { warmFirstListedApp } from './frame/use-apps.js';
import { captureOverrideQuery } from './dev-override/capture-override-query.js';
import { LocaleProvider } from './i18n/locale-context.js';
import { exposeSharedLibraries } from './micro-app/expose-shared-libraries.js';
import { warmSandboxGlobals } from './micro-app/warm-sandbox-globals.js';
import { SessionProvider } from './session/session-context.js';
import { startEarlyRequests } from './session/start-early-requests.js';
import './shell.css';

const boot = startEarlyRequests();
captureOverrideQuery();
// The page came with the app list: the first app's files start downloading before React renders.
if (boot) warmFirstListedApp(boot.appList);
// Before any app loads: apps loaded through their shared entry read React from here.
exposeSharedLibraries();
// Sign-in page included: the user is about to open an app, and the sandbox needs these then.
void warmSandboxGlobals();

const element = document.getElementById('mosaic-shell');
if (!element) throw new Error('index.html must contain <div id="mosaic-shell">');

createRoot(element).render(
  <StrictMode>
    <LocaleProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </LocaleProvider>
  </StrictMode>,
);
