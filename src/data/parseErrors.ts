// Rewording csv-parse and file-read failures as DataFileErrors that name the file and line.
import { CsvError } from 'csv-parse';
import { DataFileError } from './errors.ts';

/** What the reader knew when the failure happened. */
export interface FailureContext {
  file: string;
  /** First line of the record being parsed when the error was raised. */
  line: number;
  maxLineBytes: number;
}

/** A DataFileError for any failure while streaming a file; unknown errors pass through unchanged. */
export function toDataFileError(error: unknown, context: FailureContext): unknown {
  if (error instanceof DataFileError) return error;
  const { file, line } = context;
  if (error instanceof CsvError) {
    const field = (error as { column?: unknown }).column;
    const column = typeof field === 'number' ? field + 1 : undefined;
    return new DataFileError(file, describeCsvError(error, context), { line, column });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES') return new DataFileError(file, 'cannot be read: permission denied');
  if (code === 'EISDIR') return new DataFileError(file, 'is a directory, not a CSV file');
  return error;
}

function describeCsvError(error: CsvError, { maxLineBytes }: FailureContext): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field that starts in this record is never closed (is the file truncated, or a quote unbalanced?)';
    case 'CSV_MAX_RECORD_SIZE':
      return `the record starting here is longer than ${maxLineBytes} bytes (maxLineBytes); is a quote left open?`;
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field; quote the whole field and double the quotes inside it';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'unexpected characters after a closing quote; a quote inside a quoted field must be doubled';
    default:
      return `malformed CSV (${error.message})`;
  }
}
