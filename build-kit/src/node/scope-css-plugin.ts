import type { AtRule, Node, Plugin as PostcssPlugin, Rule } from 'postcss';
import { appScopeSelector, scopeSelector } from '../shared/scope-selector.js';

export { appScopeSelector, scopeSelector };

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
