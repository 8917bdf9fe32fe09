// A workspace file read for the engine, or the note that says why it was not (regular-file.ts reads it).

import { internalError, type ScanNote, tooLargeNote } from '../core';
import { readRegularFile } from './regular-file';

/**
 * A workspace file's bytes for the engine, or the note that says why it was not read: too
 * large (by its size, never read), not a regular file, or refused by the file system.
 */
export function readForScan(abs: string, rel: string, limit: number, maxFileSize: number): Uint8Array | ScanNote {
  try {
    const read = readRegularFile(abs, limit);
    if ('bytes' in read) return read.bytes;
    return 'tooLarge' in read ? tooLargeNote(rel, read.tooLarge, maxFileSize) : { kind: 'unreadable', file: rel, message: `not read: it is ${read.notRegular}, not a regular file` };
  } catch (err) {
    // The file system's refusal is the file's state; anything else is a bug of ours.
    const code = (err as NodeJS.ErrnoException).code;
    return code ? { kind: 'unreadable', file: rel, message: `not readable: ${code}` } : internalError(rel, 'reading the file', err);
  }
}
