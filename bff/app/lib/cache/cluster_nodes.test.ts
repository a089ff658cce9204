import { describe, expect, it } from 'vitest';
import { parseClusterNodes } from './cluster_nodes.js';

describe('REDIS_CLUSTER_NODES', () => {
  it('is no cluster when unset or blank', () => {
    expect(parseClusterNodes(undefined)).toBeUndefined();
    expect(parseClusterNodes(' ')).toBeUndefined();
  });

  it('lists seed nodes, IPv6 in brackets', () => {
    expect(parseClusterNodes('redis-0:6379, 10.0.0.2:7000,[::1]:6380')).toEqual([
      { host: 'redis-0', port: 6379 },
      { host: '10.0.0.2', port: 7000 },
      { host: '::1', port: 6380 },
    ]);
  });

  it('refuses an entry without a port, naming it', () => {
    expect(() => parseClusterNodes('redis-0:6379,redis-1')).toThrow(/'redis-1'.*host:port/);
    expect(() => parseClusterNodes('redis://redis-0:6379')).toThrow(/not host:port/);
  });
});
