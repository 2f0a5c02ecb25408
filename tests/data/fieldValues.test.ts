// Cell parsers used by row validation.
import { describe, expect, it } from 'vitest';
import { parseExplicit, parseNameList, parseNumber, parseYear } from '../../src/data/fieldValues.ts';

describe('parseNameList', () => {
  it('GIVEN names joined by ; WHEN parsed THEN splits and trims them', () => {
    expect(parseNameList('Ingrid Michaelson; ZAYN ')).toEqual(['Ingrid Michaelson', 'ZAYN']);
  });

  it('GIVEN a Python list with both quote styles and an escape WHEN parsed THEN returns the items', () => {
    expect(parseNameList(`['Rage Against The Machine', "Guns N' Roses", 'It\\'s Me']`)).toEqual([
      'Rage Against The Machine',
      "Guns N' Roses",
      "It's Me",
    ]);
  });

  it('GIVEN an artist literally named in brackets WHEN parsed THEN keeps the name whole', () => {
    expect(parseNameList('[Alexandros]')).toEqual(['[Alexandros]']);
  });

  it('GIVEN an empty list or empty text WHEN parsed THEN returns no names', () => {
    expect(parseNameList('[]')).toEqual([]);
    expect(parseNameList('')).toEqual([]);
  });
});

describe('parseNumber', () => {
  it('GIVEN decimal and exponent notation WHEN parsed THEN returns the number', () => {
    expect(parseNumber('-17.235')).toBe(-17.235);
    expect(parseNumber('1.01e-06')).toBe(1.01e-6);
  });

  it('GIVEN empty, NaN, Infinity, hex or words WHEN parsed THEN returns null', () => {
    for (const text of ['', 'NaN', 'Infinity', '-Infinity', '0x1F', '0b1', 'loud', '1,5']) {
      expect(parseNumber(text), text).toBeNull();
    }
  });
});

describe('parseYear and parseExplicit', () => {
  it('GIVEN years and dates WHEN parsed THEN takes the first four digits, 0 being unknown', () => {
    expect(parseYear('1999')).toBe(1999);
    expect(parseYear('1969-12-05')).toBe(1969);
    expect(parseYear('0')).toBeNull();
    expect(parseYear('0000')).toBeNull();
    expect(parseYear('')).toBeNull();
  });

  it('GIVEN True/False and 1/0 WHEN parsed THEN returns booleans, else null', () => {
    expect([parseExplicit('True'), parseExplicit('0'), parseExplicit('maybe')]).toEqual([true, false, null]);
  });
});
