import { defineMicroApp } from '@mosaic/build-kit';
import type { MountContext } from '@mosaic/build-kit';
import { reactLifecycles } from '@mosaic/shared-components';
import { InventoryApp } from './inventory-app.js';

// One React root per container; a new context (the user switched language) re-renders it and
// the search and page stay.
export const { bootstrap, mount, unmount, update } = defineMicroApp({
  name: 'inventory',
  ...reactLifecycles((ctx: MountContext) => <InventoryApp ctx={ctx} />),
});
