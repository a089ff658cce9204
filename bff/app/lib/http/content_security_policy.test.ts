import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, parseImageHosts } from './content_security_policy.js';

describe('MOSAIC_IMAGE_HOSTS', () => {
  it('takes comma-separated origins, wildcards included', () => {
    expect(parseImageHosts(' https://img.example.com ,https://*.cdn.example.net:8443')).toEqual([
      'https://img.example.com',
      'https://*.cdn.example.net:8443',
    ]);
    expect(parseImageHosts(undefined)).toEqual([]);
    expect(parseImageHosts('')).toEqual([]);
  });

  it.each([
    '*',
    'img.example.com',
    'https://img.example.com/path',
    "https://a.com 'unsafe-inline'",
    'https://a.com;script-src *',
  ])('refuses %s, saying what to write instead', (value) => {
    expect(() => parseImageHosts(value)).toThrow(/list origins like https:\/\/img\.example\.com/);
  });
});

describe('the policy of a deployment that allows no local builds', () => {
  it('allows no inline script and no other origin for code', () => {
    const csp = contentSecurityPolicy([]);
    expect(csp).toContain("script-src 'self' 'unsafe-eval';");
    expect(csp).not.toMatch(/localhost/);
  });
});
