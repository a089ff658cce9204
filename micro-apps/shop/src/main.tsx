import { defineMicroApp } from '@mosaic/build-kit';
import type { MountContext } from '@mosaic/build-kit';
import { reactLifecycles } from '@mosaic/shared-components';
import { ShopApp } from './shop-app.js';

// One React root per container; a new context (the user switched language) re-renders it and
// the cart and page stay.
export const { bootstrap, mount, unmount, update } = defineMicroApp({
  name: 'shop',
  ...reactLifecycles((ctx: MountContext) => <ShopApp ctx={ctx} />),
});
