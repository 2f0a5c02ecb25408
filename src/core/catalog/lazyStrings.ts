// A string column of a pack: its item ends and UTF-8 size known up front (the pack's header needs
// them), its joined text encoded only when the column is written.
import { PackedStrings, toArray, type StringList } from '../titles/index.ts';

/** A part of a pack whose bytes are made only when asked for (a string column's UTF-8). */
export interface LazyPart {
  readonly byteLength: number;
  bytes(): Uint8Array;
}

/** A string list's part of a pack, and the item ends (UTF-16 units) stored beside it. */
export function lazyStrings(value: StringList): LazyPart & { ends: Int32Array } {
  const items = value instanceof PackedStrings ? undefined : toArray(value);
  const ends = value instanceof PackedStrings ? value.ends : endsOf(items as string[]);
  const text = (): string =>
    value instanceof PackedStrings ? value.text : (items as string[]).join('');
  const byteLength =
    value instanceof PackedStrings ? utf8Length(value.text) : sumUtf8(items as string[]);
  const bytes = (): Uint8Array => {
    const encoded = new TextEncoder().encode(text());
    if (encoded.byteLength !== byteLength) {
      throw new RangeError(
        `Strings encoded to ${encoded.byteLength} bytes, ${byteLength} expected`,
      );
    }
    return encoded;
  };
  return { byteLength, bytes, ends };
}

function endsOf(items: readonly string[]): Int32Array {
  const ends = new Int32Array(items.length);
  let end = 0;
  items.forEach((item, k) => (ends[k] = end += item.length));
  return ends;
}

function sumUtf8(items: readonly string[]): number {
  let bytes = 0;
  for (const item of items) bytes += utf8Length(item);
  return bytes;
}

// Bytes TextEncoder gives for `text`: a lone surrogate becomes U+FFFD, 3 bytes.
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c < 0xe000;
}
