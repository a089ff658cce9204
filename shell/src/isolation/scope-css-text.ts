import { scopeSelector } from '@mosaic/build-kit';

function scopeRule(rule: CSSRule, scope: string): void {
  if (rule instanceof CSSStyleRule) {
    // Nested rules (CSS nesting) are relative to this one, so scoping the top is enough.
    rule.selectorText = scopeSelector(rule.selectorText, scope);
  } else if (
    rule instanceof CSSMediaRule ||
    rule instanceof CSSSupportsRule ||
    (typeof CSSContainerRule !== 'undefined' && rule instanceof CSSContainerRule) ||
    (typeof CSSLayerBlockRule !== 'undefined' && rule instanceof CSSLayerBlockRule)
  ) {
    for (const child of rule.cssRules) scopeRule(child, scope);
  }
  // @keyframes, @font-face, @property: nothing to scope.
}

/**
 * CSS text with every selector scoped under `scope` (`[data-mosaic-app="x"]`), the way
 * build-kit scopes an app's CSS files at build time: `:root`, `html` and `body` become the
 * scope itself. Parsed by the browser's own CSS parser; `@import` rules are dropped (the
 * browser refuses them in a constructed sheet).
 */
export function scopeCssText(text: string, scope: string): string {
  if (text.trim() === '' || typeof CSSStyleSheet === 'undefined') return text;
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(text);
  } catch {
    return text;
  }
  const rules = [...sheet.cssRules];
  for (const rule of rules) scopeRule(rule, scope);
  return rules.map((rule) => rule.cssText).join('\n');
}
