import { defineMicroApp } from '@mosaic/build-kit';

/**
 * A deliberately careless app (no framework), for the e2e suite: on every mount it adds
 * styles to the page's head, listeners to `document` and nodes to `document.body`, and never
 * removes any of them. The shell must scope the styles to this app and remove all of it when
 * the app unmounts.
 */

/** Set `localStorage['careless:fail-mount'] = '1'` to make mount throw, as a broken build would. */
const FAIL_MOUNT_KEY = 'careless:fail-mount';

// Like a CSS-in-JS library's cache: rules inserted once per load of the bundle, on the first
// mount, and never again (the library believes they are still in the page).
let cachedRulesInserted = false;

function insertCachedRulesOnce(): void {
  if (cachedRulesInserted) return;
  cachedRulesInserted = true;
  const cached = document.createElement('style');
  cached.textContent = '.careless-cached { color: rgb(0, 128, 0); }';
  document.head.appendChild(cached);
  // Like React's one `selectionchange` listener per document: added once, relied on after.
  document.addEventListener('careless-once', (event) => {
    (event as CustomEvent<{ count: number }>).detail.count++;
  });
}

function addStyles(): void {
  // appendChild, then more rules as a text node (styled-components in development).
  const appended = document.createElement('style');
  appended.textContent = 'h1 { color: rgb(200, 0, 0); } body { background: rgb(255, 0, 255); }';
  document.head.appendChild(appended);
  appended.appendChild(document.createTextNode('header { background: rgb(0, 0, 255); }'));

  // append(): outside what qiankun watches.
  const viaAppend = document.createElement('style');
  viaAppend.textContent = 'button { outline: 4px solid rgb(0, 200, 0); } nav { opacity: 0.2; }';
  document.head.append(viaAppend);

  // CSSOM rules on an empty tag (emotion and styled-components in production).
  const viaRules = document.createElement('style');
  document.head.appendChild(viaRules);
  viaRules.sheet?.insertRule('main { font-family: monospace; }');
  viaRules.sheet?.insertRule('.careless-box { border: 3px dashed rgb(1, 2, 3); }');
}

function addListeners(): void {
  // A test dispatches `careless-ping` with `{ detail: { count: 0 } }`: each live listener counts.
  document.addEventListener('careless-ping', (event) => {
    (event as CustomEvent<{ count: number }>).detail.count++;
  });
  document.addEventListener('click', () => undefined, true);
}

function addBodyNodes(): void {
  const banner = document.createElement('div');
  banner.className = 'careless-body-node';
  banner.textContent = 'careless banner';
  document.body.appendChild(banner);
  const toast = document.createElement('div');
  toast.className = 'careless-body-node';
  toast.textContent = 'careless toast';
  document.body.append(toast);
}

export const { bootstrap, mount, unmount } = defineMicroApp({
  name: 'careless',
  mount(ctx) {
    if (localStorage.getItem(FAIL_MOUNT_KEY) === '1') {
      throw new Error('careless: mount failed on purpose');
    }
    insertCachedRulesOnce();
    addStyles();
    addListeners();
    addBodyNodes();
    ctx.container.innerHTML =
      '<div class="careless-box"><h1>Careless</h1>' +
      '<p class="careless-cached" data-testid="careless-ready">mounted</p>' +
      '<button type="button">does nothing</button></div>';
  },
  unmount(ctx) {
    // Careless: clears its own box and nothing else.
    ctx.container.innerHTML = '';
  },
});
