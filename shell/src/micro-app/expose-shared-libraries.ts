import { SHARED_LIBRARIES_GLOBAL } from '@mosaic/build-kit';
import type { SharedLibraries } from '@mosaic/build-kit';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as ReactDomClient from 'react-dom/client';
import * as JsxRuntime from 'react/jsx-runtime';

/**
 * Lends the shell's React to apps loaded through their shared entry: puts it on the real
 * `window` (apps' reads through qiankun's sandbox fall through to it) before any app loads.
 * Frozen, so no app can swap a module under the others.
 */
export function exposeSharedLibraries(target: Window = window): SharedLibraries {
  const libraries: SharedLibraries = Object.freeze({
    react: React.version,
    modules: Object.freeze({
      react: React,
      jsxRuntime: JsxRuntime,
      reactDom: ReactDom,
      reactDomClient: ReactDomClient,
    }),
  });
  Object.defineProperty(target, SHARED_LIBRARIES_GLOBAL, {
    value: libraries,
    configurable: false,
    enumerable: false,
    writable: false,
  });
  return libraries;
}
