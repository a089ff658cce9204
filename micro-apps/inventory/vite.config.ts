import { defineMicroAppConfig } from '@mosaic/build-kit/vite';

export default defineMicroAppConfig({
  name: 'inventory',
  title: '库存',
  titles: { en: 'Inventory' },
  roles: ['owner', 'keeper'],
});
