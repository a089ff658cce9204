import { describe, expect, it } from 'vitest';
import { EnvironmentError, readEnvironment } from './environment.js';

describe('readEnvironment', () => {
  it('fills every default when nothing is set', () => {
    const env = readEnvironment({});
    expect(env.PORT).toBe(8080);
    expect(env.GRAPHQL_MAX_DEPTH).toBe(8);
    expect(env.CATALOG_URL).toBe('http://127.0.0.1:7101');
    expect(env.MOSAIC_PROTOCOL_MAJORS).toEqual([1]);
  });

  it('reads numbers as numbers and trims a trailing slash off service URLs', () => {
    const env = readEnvironment({ GRAPHQL_MAX_DEPTH: '12', SALES_URL: 'http://sales:80/' });
    expect(env.GRAPHQL_MAX_DEPTH).toBe(12);
    expect(env.SALES_URL).toBe('http://sales:80');
  });

  it('refuses an empty or malformed value, naming each variable and what it accepts', () => {
    let error: unknown;
    try {
      readEnvironment({ GRAPHQL_MAX_DEPTH: '', UPSTREAM_TIMEOUT_MS: '5s', ACCESS_LOG: 'no' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const message = (error as Error).message;
    expect(message).toContain("GRAPHQL_MAX_DEPTH='': expected a whole number from 1 to 100");
    expect(message).toContain("UPSTREAM_TIMEOUT_MS='5s'");
    expect(message).toContain("ACCESS_LOG='no': expected one of '0', '1'");
  });

  it('never prints a secret it refuses', () => {
    expect(() => readEnvironment({ MOSAIC_METRICS_TOKEN: 'short-secret' })).toThrow(
      'MOSAIC_METRICS_TOKEN=(hidden): expected at least 16 characters',
    );
  });
});
