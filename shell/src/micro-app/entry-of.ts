import { isSharedReactCompatible } from '@mosaic/build-kit';
import { version as shellReact } from 'react';
import type { AppEntry } from '../session/session-api.js';

/**
 * The html entry to load for `app`: its shared entry (React from the shell) when it has one
 * built with the shell's React major.minor, else its bundled entry (React inside), which every
 * app has. Apps built before protocol 1.4 have only the bundled one.
 */
export function entryOf(app: AppEntry, react: string = shellReact): string {
  return app.shared && isSharedReactCompatible(app.shared.react, react)
    ? app.shared.entry
    : app.entry;
}
