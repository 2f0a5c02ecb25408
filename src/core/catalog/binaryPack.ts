// A small binary container for named typed arrays, string lists and numbers: a JSON header, then
// 8-byte-aligned sections. Decoding reads each section straight into its own array, with no
// per-item parsing beyond slicing strings, from any ByteSource: the whole pack need never be in
// memory at once.
import { CatalogSourceError } from '../errors.ts';
import { PackedStrings, toArray, type StringList } from '../titles/index.ts';
import { lazyStrings, type LazyPart } from './lazyStrings.ts';

export type { LazyPart };

export type PackArray = Int32Array | Int16Array | Uint8Array | Float32Array | Float64Array;
export type PackValue = PackArray | StringList | number;

const MAGIC = 0x3150424e; // "NBP1" little-endian
const ARRAY_TYPES = { Int32Array, Int16Array, Uint8Array, Float32Array, Float64Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;

interface Header {
  numbers: Record<string, number>;
  /** name -> [type, byte offset, element count] */
  arrays: Record<string, [ArrayTypeName, number, number]>;
  /** name -> [byte offset, byte length]; item ends (UTF-16 units) live in arrays[`${name}#ends`]. */
  strings: Record<string, [number, number]>;
}

/** Packs named values into one byte array. */
export function encodePack(values: Record<string, PackValue>): Uint8Array {
  const parts = encodePackParts(values);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(partBytes(part), at);
    at += part.byteLength;
  }
  return out;
}

/** One part of encodePackParts's list, as bytes. */
export function partBytes(part: Uint8Array | LazyPart): Uint8Array {
  return part instanceof Uint8Array ? part : part.bytes();
}

/**
 * encodePack's bytes as consecutive parts: views of the values' own arrays, and string columns
 * encoded only when their turn comes. A large pack is so written part by part, never whole nor
 * with every column's text at once (205 MB and ~100 MB at 1.2M tracks).
 */
export function encodePackParts(values: Record<string, PackValue>): (Uint8Array | LazyPart)[] {
  const header: Header = { numbers: {}, arrays: {}, strings: {} };
  const chunks: (Uint8Array | LazyPart)[] = [];
  let size = 0;
  const place = (part: Uint8Array | LazyPart): number => {
    const at = size;
    chunks.push(part);
    size = align(size + part.byteLength);
    if (size > at + part.byteLength) chunks.push(new Uint8Array(size - at - part.byteLength));
    return at;
  };
  const placeArray = (name: string, array: PackArray): void => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    header.arrays[name] = [array.constructor.name as ArrayTypeName, place(bytes), array.length];
  };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number') header.numbers[name] = value;
    else if (ArrayBuffer.isView(value)) placeArray(name, value);
    else {
      const part = lazyStrings(value);
      header.strings[name] = [place(part), part.byteLength];
      placeArray(`${name}#ends`, part.ends);
    }
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = align(8 + headerBytes.byteLength);
  const head = new Uint8Array(start);
  const view = new DataView(head.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.byteLength, true);
  head.set(headerBytes, 8);
  return [head, ...chunks];
}

/** Where a pack is read from: its length, and a way to copy any of its byte ranges. */
export interface ByteSource {
  readonly byteLength: number;
  /** Fills `into` with the bytes from `position` on (the range is within byteLength). */
  read(position: number, into: Uint8Array): void;
}

/** A pack held in memory as a ByteSource. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    byteLength: bytes.byteLength,
    read: (position, into) => into.set(bytes.subarray(position, position + into.byteLength)),
  };
}

// Kept for the next load rather than freed: it grows to the largest text column, and freeing a
// block that large raises glibc's mmap threshold, after which smaller garbage stays resident.
let textScratch = new Uint8Array(0);

/** Reads values back from encodePack's bytes; each getter checks the name and type. */
export class PackReader {
  private readonly source: ByteSource;
  private readonly header: Header;
  private readonly start: number;

  constructor(source: ByteSource | Uint8Array) {
    this.source = source instanceof Uint8Array ? bytesSource(source) : source;
    const view = this.source.byteLength < 8 ? undefined : new DataView(this.bytes(0, 8).buffer);
    if (view?.getUint32(0, true) !== MAGIC) {
      throw new CatalogSourceError('Not a packed catalog snapshot');
    }
    const headerLength = view.getUint32(4, true);
    this.header = parseHeader(new TextDecoder().decode(this.bytes(8, headerLength)));
    this.start = align(8 + headerLength);
  }

  // Bytes [position, position + length) of the source, copied into new memory.
  private bytes(position: number, length: number): Uint8Array<ArrayBuffer> {
    const into = new Uint8Array(length);
    this.copy(position, into);
    return into;
  }

  // A range of the source in textScratch (kept for the next load), for a string column.
  private gather(position: number, length: number): Uint8Array {
    if (textScratch.byteLength < length) textScratch = new Uint8Array(length);
    const into = textScratch.subarray(0, length);
    this.copy(position, into);
    return into;
  }

  // Fills `into` from `position` on; CatalogSourceError when the source ends first.
  private copy(position: number, into: Uint8Array): void {
    if (position + into.byteLength > this.source.byteLength) {
      throw new CatalogSourceError('The catalog snapshot is shorter than its header says');
    }
    this.source.read(position, into);
  }

  /** A number stored under `name`. */
  number(name: string): number {
    const value = this.header.numbers[name];
    if (value === undefined) throw missing(name);
    return value;
  }

  /** The typed array stored under `name`, checked to be of `type`, read into its own memory. */
  array<T extends ArrayTypeName>(name: string, type: T): InstanceType<(typeof ARRAY_TYPES)[T]> {
    const entry = this.header.arrays[name];
    if (!entry || entry[0] !== type) throw missing(name);
    const [, at, length] = entry;
    const Type = ARRAY_TYPES[type];
    const bytes = this.bytes(this.start + at, length * Type.BYTES_PER_ELEMENT);
    return new Type(bytes.buffer, 0, length) as InstanceType<(typeof ARRAY_TYPES)[T]>;
  }

  /** The string list stored under `name`, as an array. */
  strings(name: string): string[] {
    return toArray(this.packedStrings(name));
  }

  /** The string list stored under `name`, kept packed in one string. */
  packedStrings(name: string): PackedStrings {
    const entry = this.header.strings[name];
    if (!entry) throw missing(name);
    const [at, byteLength] = entry;
    const ends = this.array(`${name}#ends`, 'Int32Array');
    try {
      return new PackedStrings(this.gather(this.start + at, byteLength), ends);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new CatalogSourceError(`Packed strings "${name}" do not match their ends`);
    }
  }
}

// A damaged header must say so as a CatalogSourceError (which callers turn into advice naming
// the file), not as a bare SyntaxError.
function parseHeader(text: string): Header {
  let header: Partial<Header> | null;
  try {
    header = JSON.parse(text) as Partial<Header> | null;
  } catch {
    throw new CatalogSourceError('Its header is not valid JSON');
  }
  const isRecord = (value: unknown) => typeof value === 'object' && value !== null;
  if (!isRecord(header?.numbers) || !isRecord(header?.arrays) || !isRecord(header?.strings)) {
    throw new CatalogSourceError('Its header lacks the numbers, arrays or strings table');
  }
  return header as Header;
}

function align(offset: number): number {
  return (offset + 7) & ~7;
}

function missing(name: string): CatalogSourceError {
  return new CatalogSourceError(`The catalog snapshot lacks "${name}" or stores it differently`);
}
