import { defineMicroAppConfig } from '@mosaic/build-kit/vite';

export default defineMicroAppConfig({
  name: 'shop',
  title: '商城',
  titles: { en: 'Shop' },
  roles: ['owner', 'clerk'],
});
