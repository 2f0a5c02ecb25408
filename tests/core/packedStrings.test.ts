// Packed strings are stored in pieces of 16 items: every item must come back whole, whichever
// piece it is in and whatever its characters.
import { describe, expect, it } from 'vitest';
import { lazyStrings } from '../../src/core/catalog/lazyStrings.ts';
import { PackedStrings, toArray } from '../../src/core/titles/stringList.ts';

const WORDS = ['Halo', '', 'Beyoncé', 'ひかり', 'Party 😀', '😀', 'Ünïcödé', 'x', 'Motörhead'];
const items = Array.from({ length: 101 }, (_, k) => `${WORDS[k % WORDS.length]}${k % 5 ? k : ''}`);
const ends = lazyStrings(items).ends;

describe('PackedStrings', () => {
  it('GIVEN 101 items in several scripts WHEN packed from text or from UTF-8 THEN each comes back whole', () => {
    const fromText = new PackedStrings(items.join(''), ends);
    const fromUtf8 = new PackedStrings(new TextEncoder().encode(items.join('')), ends);
    for (const list of [fromText, fromUtf8]) {
      expect(toArray(list)).toEqual(items);
      expect(list.text).toBe(items.join(''));
      expect([list.at(15), list.at(16), list.at(100)]).toEqual([items[15], items[16], items[100]]);
    }
  });

  it('GIVEN a lone surrogate WHEN packed THEN it reads back as U+FFFD, one unit like before', () => {
    const broken = ['a', 'b \uD800 c', 'd'];
    const list = new PackedStrings(broken.join(''), lazyStrings(broken).ends);
    expect(toArray(list)).toEqual(['a', 'b \uFFFD c', 'd']);
  });

  it('GIVEN ends that do not fit the text WHEN packed THEN RangeError', () => {
    expect(() => new PackedStrings('abc', Int32Array.from([2]))).toThrow(RangeError);
    expect(() => new PackedStrings('ab', Int32Array.from([1, 3]))).toThrow(RangeError);
    expect(() => new PackedStrings('ab', new Int32Array(0))).toThrow(RangeError);
    expect(new PackedStrings('', new Int32Array(0)).length).toBe(0);
  });
});
