import type { AtRule, Node, Plugin as PostcssPlugin, Rule } from 'postcss';

/** The attribute selector an app's CSS is scoped to; `defineMicroApp` puts it on the app's root. */
export function appScopeSelector(name: string): string {
  return `[data-mosaic-app="${name}"]`;
}

/** Splits a selector list on its top-level commas (not those inside `:is(a, b)` or `[x=","]`). */
function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const char = list[i];
    if (quote) {
      if (char === quote && list[i - 1] !== '\\') quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

const DOCUMENT_ROOT = /^(?::root|html)(?:\s+body)?(?=$|[\s>+~.:#[])|^body(?=$|[\s>+~.:#[])/;

/**
 * Prefixes every selector with `scope`, so an app's styles (its own and the UI kit
 * copy it bundles) match only inside its root. `:root`, `html` and `body` become the
 * scope itself, so the theme variables the kit sets on `:root` stay inside the app.
 */
export function scopeSelector(selector: string, scope: string): string {
  return splitSelectorList(selector)
    .map((part) => {
      if (part.startsWith(scope)) return part;
      if (DOCUMENT_ROOT.test(part)) return part.replace(DOCUMENT_ROOT, scope);
      return `${scope} ${part}`;
    })
    .join(', ');
}

function insideKeyframes(rule: Rule): boolean {
  for (let node: Node | undefined = rule.parent; node; node = node.parent) {
    if (node.type === 'atrule' && /keyframes$/i.test((node as AtRule).name)) return true;
  }
  return false;
}

/**
 * PostCSS plugin the preset runs on every stylesheet of an app: an app's CSS cannot
 * reach the shell or another app. Rules nested in other rules inherit the parent's
 * scope; rules in `@media`, `@supports`, `@container` and `@layer` are scoped too.
 */
export function scopeCssPlugin(name: string): PostcssPlugin {
  const scope = appScopeSelector(name);
  return {
    postcssPlugin: 'mosaic:scope-css',
    Once(root) {
      root.walkRules((rule) => {
        if (rule.parent?.type === 'rule' || insideKeyframes(rule)) return;
        rule.selector = scopeSelector(rule.selector, scope);
      });
    },
  };
}
