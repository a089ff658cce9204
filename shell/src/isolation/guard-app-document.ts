import { appScopeSelector } from '@mosaic/build-kit';
import { findCallingApp } from './find-calling-app.js';
import { scopeCssText } from './scope-css-text.js';

export interface GuardAppDocumentOptions {
  /** The app's name: its run-time styles are scoped to `[data-mosaic-app="<name>"]`. */
  name: string;
  /** Base URL of the app's assets: calls whose stack runs through it are the app's. */
  assetBase: string;
}

export interface AppDocumentGuard {
  /**
   * Puts back the style tags and `document` listeners the app added on an earlier mount of
   * the same build and did not add again on this one: a CSS-in-JS cache believes its rules
   * are still in the page, React adds its `selectionchange` listener once per document.
   * Call once the app has mounted.
   */
  restoreKept(): void;
  /** Removes what the app added to the document and left there: styles, listeners, nodes. */
  release(): void;
  /**
   * The app is hidden but stays mounted (keep-alive): its `document` listeners stop hearing
   * events and the nodes it put into `document.body` are hidden, so a hidden app's shortcut
   * or overlay never acts on the app on screen. `resume()` puts both back.
   */
  suspend(): void;
  resume(): void;
}

interface DocumentListener {
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

interface Guarded {
  name: string;
  assetBase: string;
  scope: string;
  styles: Set<HTMLStyleElement>;
  nodes: Set<Node>;
  listeners: DocumentListener[];
}

const guarded: Guarded[] = [];
/** What was taken out at an app's unmount, by app and build, for `restoreKept`. */
const kept = new Map<string, { styles: HTMLStyleElement[]; listeners: DocumentListener[] }>();
const observers = new WeakMap<HTMLStyleElement, MutationObserver>();
const written = new WeakMap<HTMLStyleElement, string>();
const patchedSheets = new WeakSet<CSSStyleSheet>();

const nativeAppendChild = Node.prototype.appendChild;
const nativeInsertBefore = Node.prototype.insertBefore;

function captureOf(options?: boolean | EventListenerOptions): boolean {
  return typeof options === 'boolean' ? options : Boolean(options?.capture);
}

/** Rules added with `sheet.insertRule` (CSS-in-JS in production) are scoped on the way in. */
function patchSheet(style: HTMLStyleElement, scope: string): void {
  const sheet = style.sheet;
  if (!sheet || patchedSheets.has(sheet)) return;
  patchedSheets.add(sheet);
  const insertRule = sheet.insertRule.bind(sheet);
  sheet.insertRule = (rule: string, index?: number): number =>
    insertRule(scopeCssText(rule, scope) || rule, index);
}

function rescope(style: HTMLStyleElement, scope: string): void {
  const text = style.textContent ?? '';
  if (text === written.get(style)) return;
  const scoped = scopeCssText(text, scope);
  written.set(style, scoped);
  if (scoped !== text) style.textContent = scoped;
  patchSheet(style, scope);
}

function adoptStyle(app: Guarded, style: HTMLStyleElement): void {
  if (observers.has(style)) return;
  style.setAttribute('data-mosaic-style-of', app.name);
  rescope(style, app.scope);
  // Text added later (a text node, textContent) is scoped too: styled-components does that.
  const observer = new MutationObserver(() => rescope(style, app.scope));
  observer.observe(style, { childList: true, characterData: true, subtree: true });
  observers.set(style, observer);
  app.styles.add(style);
}

function insertedNodes(args: unknown[], method: string): Node[] {
  const given = method === 'appendChild' || method === 'insertBefore' ? [args[0]] : args;
  return given
    .filter((node): node is Node => node instanceof Node)
    .flatMap((node) => (node instanceof DocumentFragment ? [...node.childNodes] : [node]));
}

const INSERT_METHODS = ['appendChild', 'insertBefore', 'append', 'prepend'] as const;

/**
 * `document.head` and `document.body` get their own insert methods: what an app inserts is
 * recorded (its styles scoped), the rest passes to the prototype's, which qiankun patches
 * while apps are mounted. An app's styles skip qiankun's patch: qiankun would move them into
 * the app's wrapper unscoped, and never sees `append()`.
 */
function patchParent(parent: HTMLElement): void {
  for (const method of INSERT_METHODS) {
    Object.defineProperty(parent, method, {
      configurable: true,
      writable: true,
      value: function (this: HTMLElement, ...args: unknown[]): unknown {
        const app = findCallingApp(guarded);
        const ownStyle = app !== undefined && args[0] instanceof HTMLStyleElement;
        if (app) {
          for (const node of insertedNodes(args, method)) {
            if (node instanceof HTMLStyleElement) adoptStyle(app, node);
            else app.nodes.add(node);
          }
        }
        const proto = Object.getPrototypeOf(this) as Record<string, (...a: unknown[]) => unknown>;
        const insert =
          ownStyle && method === 'appendChild'
            ? nativeAppendChild
            : ownStyle && method === 'insertBefore'
              ? nativeInsertBefore
              : proto[method];
        const result = (insert as (...a: unknown[]) => unknown).apply(this, args);
        if (app)
          for (const style of app.styles) if (style.isConnected) patchSheet(style, app.scope);
        return result;
      },
    });
  }
}

/** `document`'s addEventListener as it was before the guard (a test may count through it). */
let addListener: Document['addEventListener'] = EventTarget.prototype.addEventListener;
let removeListener: Document['removeEventListener'] = EventTarget.prototype.removeEventListener;

function patchDocumentListeners(): void {
  const own = (name: 'addEventListener' | 'removeEventListener') =>
    Object.prototype.hasOwnProperty.call(document, name)
      ? document[name]
      : EventTarget.prototype[name];
  const add = own('addEventListener');
  const remove = own('removeEventListener');
  addListener = add;
  removeListener = remove;
  document.addEventListener = function (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    const app = findCallingApp(guarded);
    if (app && listener) app.listeners.push({ type, listener, capture: captureOf(options) });
    add.call(document, type, listener as EventListenerOrEventListenerObject, options);
  };
  document.removeEventListener = function (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    const capture = captureOf(options);
    for (const app of guarded) {
      app.listeners = app.listeners.filter(
        (l) => !(l.type === type && l.listener === listener && l.capture === capture),
      );
    }
    remove.call(document, type, listener as EventListenerOrEventListenerObject, options);
  };
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  patchParent(document.head);
  patchParent(document.body);
  patchDocumentListeners();
}

function keptKey(app: Guarded): string {
  return `${app.name} ${app.assetBase}`;
}

/** What a style tag holds: its sheet's rules (those added with insertRule too), else its text. */
function cssTextOf(style: HTMLStyleElement): string {
  const rules = style.sheet ? [...style.sheet.cssRules].map((rule) => rule.cssText) : [];
  return rules.length > 0 ? rules.join('\n') : (style.textContent ?? '');
}

function takeOut(style: HTMLStyleElement): void {
  observers.get(style)?.disconnect();
  observers.delete(style);
  if (!style.isConnected) return;
  // Rules added with insertRule live only in the sheet: keep them as text for a later mount.
  style.textContent = cssTextOf(style);
  written.set(style, style.textContent);
  style.remove();
}

/**
 * Guards the document against app `name` while it is mounted: `<style>` tags it adds to
 * `document.head` or `document.body` (appendChild, insertBefore, append, prepend, later text,
 * `insertRule`) are scoped to its root like its CSS files, and on `release()` its styles,
 * the `document` listeners it added and the nodes it put into `document.head` or
 * `document.body` are removed. Call before the app's code runs.
 */
export function guardAppDocument({ name, assetBase }: GuardAppDocumentOptions): AppDocumentGuard {
  install();
  const app: Guarded = {
    name,
    assetBase,
    scope: appScopeSelector(name),
    styles: new Set(),
    nodes: new Set(),
    listeners: [],
  };
  guarded.push(app);
  let released = false;
  /** Body nodes hidden by `suspend`, with the inline display they had. */
  let hidden: Map<HTMLElement, string> | undefined;
  return {
    restoreKept() {
      const taken = kept.get(keptKey(app));
      if (released || !taken) return;
      const present = new Set([...app.styles].map(cssTextOf));
      for (const style of taken.styles) {
        if (present.has(style.textContent)) continue;
        adoptStyle(app, style);
        nativeAppendChild.call(document.head, style);
        patchSheet(style, app.scope);
      }
      // A listener of a type the app added again this mount is one it adds every time.
      const added = new Set(app.listeners.map(({ type, capture }) => `${type} ${capture}`));
      for (const { type, listener, capture } of taken.listeners) {
        if (added.has(`${type} ${capture}`)) continue;
        app.listeners.push({ type, listener, capture });
        addListener.call(document, type, listener, { capture });
      }
      kept.delete(keptKey(app));
    },
    release() {
      if (released) return;
      released = true;
      guarded.splice(guarded.indexOf(app), 1);
      for (const { type, listener, capture } of app.listeners) {
        document.removeEventListener(type, listener, { capture });
      }
      for (const node of app.nodes) {
        if (node.parentNode === document.body || node.parentNode === document.head) {
          node.parentNode.removeChild(node);
        }
      }
      const byText = new Map<string, HTMLStyleElement>();
      for (const style of app.styles) {
        takeOut(style);
        const text = style.textContent ?? '';
        if (text.trim() !== '') byText.set(text, style);
      }
      kept.set(keptKey(app), { styles: [...byText.values()], listeners: app.listeners });
    },
    suspend() {
      if (released || hidden) return;
      hidden = new Map();
      for (const { type, listener, capture } of app.listeners) {
        removeListener.call(document, type, listener, { capture });
      }
      for (const node of app.nodes) {
        if (node instanceof HTMLElement && node.isConnected) {
          hidden.set(node, node.style.display);
          node.style.display = 'none';
        }
      }
    },
    resume() {
      if (!hidden) return;
      const shown = hidden;
      hidden = undefined;
      if (released) return;
      for (const { type, listener, capture } of app.listeners) {
        addListener.call(document, type, listener, { capture });
      }
      for (const [node, display] of shown) node.style.display = display;
    },
  };
}
