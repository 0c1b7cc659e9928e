import { describe, expect, it } from 'vitest';
import { cacheKey, LruCache, stableStringify } from '../../server/evaluate/cache.ts';

describe('stableStringify', () => {
  it('gives the same text whatever the key order, and drops undefined fields', () => {
    expect(stableStringify({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe(
      '{"a":[{"x":1,"y":2}],"b":1}',
    );
  });
});

describe('cacheKey', () => {
  it('is equal for equal inputs and differs when the seed or data version differs', () => {
    const base = { inputs: { campus: { id: 'a' }, options: { seed: 1 } }, data: 'v1', model: '1' };
    expect(cacheKey(base)).toBe(
      cacheKey({ model: '1', data: 'v1', inputs: { options: { seed: 1 }, campus: { id: 'a' } } }),
    );
    expect(cacheKey(base)).not.toBe(
      cacheKey({ ...base, inputs: { ...base.inputs, options: { seed: 2 } } }),
    );
    expect(cacheKey(base)).not.toBe(cacheKey({ ...base, data: 'v2' }));
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.size).toBe(2);
  });
});
