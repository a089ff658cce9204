/**
 * Selector scoping shared by the build (the preset's PostCSS plugin scopes an app's CSS
 * files) and the browser (the shell scopes the style tags an app adds at run time).
 */

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
