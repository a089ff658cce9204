import { defineMicroAppConfig } from '@mosaic/build-kit/vite';

export default defineMicroAppConfig({
  name: 'sales',
  title: '销售',
  titles: { en: 'Sales' },
  roles: ['owner', 'clerk'],
});
