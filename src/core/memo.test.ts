import { describe, expect, it } from 'vitest';
import { perPair } from './memo';

describe('perPair', () => {
  it('makes the value of a pair once and gives it again on every later ask', () => {
    const cache = new WeakMap<object, WeakMap<object, { n: number }>>();
    const a = {};
    const b = {};
    let made = 0;
    const make = () => ({ n: ++made });
    const first = perPair(cache, a, b, make);
    expect(perPair(cache, a, b, make)).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps the pairs apart, in either order of their keys', () => {
    const cache = new WeakMap<object, WeakMap<object, string>>();
    const a = {};
    const b = {};
    const c = {};
    expect(perPair(cache, a, b, () => 'ab')).toBe('ab');
    expect(perPair(cache, a, c, () => 'ac')).toBe('ac');
    expect(perPair(cache, b, a, () => 'ba')).toBe('ba');
    expect(perPair(cache, a, b, () => 'again')).toBe('ab');
  });
});
