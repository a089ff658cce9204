import { describe, expect, it } from 'vitest';
import { assetsOfEntry } from './early-assets.js';

describe('assetsOfEntry', () => {
  const entry = 'http://shop.test/apps/shop/0.2.2/index.shared.html';

  it('names the stylesheets and scripts of a built entry, absolute, in order', () => {
    const html = `<head><link rel="icon" href="./icon.png"><link rel="stylesheet" href="./shop.css" /></head>
      <body><div id="root"></div><script src="./shop.shared.js" entry></script></body>`;
    expect(assetsOfEntry(html, entry)).toEqual([
      'http://shop.test/apps/shop/0.2.2/shop.css',
      'http://shop.test/apps/shop/0.2.2/shop.shared.js',
    ]);
  });

  it('leaves out inline scripts and other links', () => {
    const html = `<link rel="preconnect" href="https://cdn.test"><script>window.x = 1</script>`;
    expect(assetsOfEntry(html, entry)).toEqual([]);
  });
});
