import { defineMicroAppConfig } from '@mosaic/build-kit/vite';

export default defineMicroAppConfig({
  name: 'careless',
  title: '粗心',
  titles: { en: 'Careless' },
  entry: 'src/main.ts',
  // Its isolation test counts what it leaves behind at unmount: the shell must not keep it.
  keepAlive: false,
});
