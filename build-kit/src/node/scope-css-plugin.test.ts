import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { scopeCssPlugin, scopeSelector } from './scope-css-plugin.js';

const scope = '[data-mosaic-app="inventory"]';

describe('scopeSelector', () => {
  it('prefixes each selector of a list', () => {
    expect(scopeSelector('.a, h1 > .b', scope)).toBe(`${scope} .a, ${scope} h1 > .b`);
  });

  it('turns :root, html and body into the scope itself', () => {
    expect(scopeSelector(':root', scope)).toBe(scope);
    expect(scopeSelector('html body .x', scope)).toBe(`${scope} .x`);
    expect(scopeSelector('body', scope)).toBe(scope);
  });

  it('leaves commas inside :is() and attribute values alone', () => {
    expect(scopeSelector(':is(.a, .b) [title="x,y"]', scope)).toBe(
      `${scope} :is(.a, .b) [title="x,y"]`,
    );
  });

  it('does not touch a body- prefixed class', () => {
    expect(scopeSelector('.body-text', scope)).toBe(`${scope} .body-text`);
    expect(scopeSelector('bodyx', scope)).toBe(`${scope} bodyx`);
  });
});

describe('scopeCssPlugin', () => {
  it('scopes rules inside @media and @container but not keyframes', async () => {
    const css = `
      * { box-sizing: content-box }
      @media (min-width: 1px) { .a { color: red } }
      @container (min-width: 560px) { .b { color: blue } }
      @keyframes spin { from { opacity: 0 } to { opacity: 1 } }
      .c { & .d { color: green } }
    `;
    const result = await postcss([scopeCssPlugin('inventory')]).process(css, { from: undefined });

    expect(result.css).toContain(`${scope} * {`);
    expect(result.css).toContain(`${scope} .a {`);
    expect(result.css).toContain(`${scope} .b {`);
    expect(result.css).toContain('from { opacity: 0 }');
    expect(result.css).toContain(`${scope} .c { & .d`);
  });
});
