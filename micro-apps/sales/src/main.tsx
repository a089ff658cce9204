import { defineMicroApp } from '@mosaic/build-kit';
import type { MountContext } from '@mosaic/build-kit';
import { reactLifecycles } from '@mosaic/shared-components';
import { SalesApp } from './sales-app.js';

// One React root per container; a new context (the user switched language) re-renders it and
// pages keep their state.
export const { bootstrap, mount, unmount, update } = defineMicroApp({
  name: 'sales',
  ...reactLifecycles((ctx: MountContext) => <SalesApp ctx={ctx} />),
});
