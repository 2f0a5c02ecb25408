// Watching the raw bytes of a data file as they stream past: hash, size, progress, and text sanity.
import { createHash } from 'node:crypto';
import { DataFileError } from './errors.ts';

const PROGRESS_INTERVAL_MS = 100;

/** Leading bytes of formats people save by mistake, and what to do about each. */
const MAGIC_NUMBERS: readonly [number[], string][] = [
  [[0xff, 0xfe], 'is UTF-16 encoded; re-save it as UTF-8 (CSV UTF-8 in Excel)'],
  [[0xfe, 0xff], 'is UTF-16 encoded; re-save it as UTF-8 (CSV UTF-8 in Excel)'],
  [[0x1f, 0x8b], 'is gzip-compressed; decompress it first (gunzip)'],
  [[0x50, 0x4b, 0x03, 0x04], 'is a zip archive (or an .xlsx workbook); extract or export the CSV first'],
];

/** Reports progress as a (bytesRead, totalBytes) pair. */
export type ProgressListener = (bytesRead: number, totalBytes: number) => void;

/** A pass-through pipeline stage that hashes the bytes and rejects binary input early. */
export class ByteInspector {
  bytes = 0;
  /** Set once any byte sequence so far is not UTF-8; the record reader then finds its line. */
  invalidUtf8 = false;
  private readonly hash = createHash('sha256');
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private lastProgressAt = 0;

  constructor(
    private readonly file: string,
    private readonly totalBytes: number,
    private readonly onProgress?: ProgressListener,
  ) {}

  /** The pipeline stage: yields every chunk unchanged after inspecting it. */
  async *inspect(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      if (this.bytes === 0) this.rejectKnownBinary(chunk);
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        throw new DataFileError(
          this.file,
          `contains a NUL byte at byte ${this.bytes + nul}: this looks like a binary file, not CSV text`,
        );
      }
      this.hash.update(chunk);
      this.bytes += chunk.length;
      this.checkUtf8(chunk);
      this.reportProgress(false);
      yield chunk;
    }
    this.checkUtf8();
    this.reportProgress(true);
  }

  /** Hex SHA-256 of every byte seen; call once, after the stream ends. */
  sha256(): string {
    return this.hash.digest('hex');
  }

  private rejectKnownBinary(chunk: Buffer): void {
    const match = MAGIC_NUMBERS.find(([magic]) => magic.every((byte, i) => chunk[i] === byte));
    if (match) throw new DataFileError(this.file, match[1]);
  }

  private checkUtf8(chunk?: Buffer): void {
    if (this.invalidUtf8) return;
    try {
      this.decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      this.invalidUtf8 = true;
    }
  }

  private reportProgress(final: boolean): void {
    if (!this.onProgress) return;
    const now = performance.now();
    if (!final && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    this.lastProgressAt = now;
    this.onProgress(this.bytes, this.totalBytes);
  }
}
