// A pack's string column declares its UTF-8 size before it is encoded: the two must agree.
import { describe, expect, it } from 'vitest';
import { lazyStrings } from '../../src/core/catalog/lazyStrings.ts';
import { PackedStrings } from '../../src/core/titles/stringList.ts';

describe('lazyStrings', () => {
  it('GIVEN titles in several scripts, an emoji and a lone surrogate WHEN sized and encoded THEN the size is TextEncoder’s', () => {
    // GIVEN items of 1-, 2-, 3- and 4-byte characters, and a broken surrogate pair
    const items = ['Halo', 'Beyoncé', 'ひかり', 'Party 😀', 'broken \uD800 pair', ''];
    const expected = new TextEncoder().encode(items.join(''));
    // WHEN sized up front and encoded later, as a list and already packed
    for (const part of [
      lazyStrings(items),
      lazyStrings(new PackedStrings(items.join(''), lazyStrings(items).ends)),
    ]) {
      // THEN the declared size, the bytes and the item ends all match
      expect(part.byteLength).toBe(expected.byteLength);
      expect(Buffer.compare(Buffer.from(part.bytes()), Buffer.from(expected))).toBe(0);
      expect(Array.from(part.ends)).toEqual([4, 11, 14, 22, 35, 35]);
    }
  });
});
