import { defineMicroAppConfig } from '@mosaic/build-kit/vite';

export default defineMicroAppConfig({ name: 'hello', title: '示例' });
