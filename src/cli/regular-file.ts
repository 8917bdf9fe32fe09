// Reading a file from disk without being led astray: opened without blocking (a FIFO or a
// device cannot hang the scan), checked after opening (it cannot be swapped in between),
// and never read past a limit (a link to /dev/zero cannot grow without end). No engine import:
// the start of the CLI (last-run.ts) reads the cache with it before the engine is loaded.

import * as fs from 'node:fs';

export type ReadResult =
  | { bytes: Uint8Array }
  /** Larger than the limit (by its size, or by reading one byte past the limit where no size is reported); not read. */
  | { tooLarge: number }
  /** Not a regular file: what it is ("a FIFO", "a directory"). */
  | { notRegular: string };

/** The file's bytes, or why they were not read. System errors (ENOENT, EACCES) are thrown. */
export function readRegularFile(file: string, limit: number): ReadResult {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { notRegular: kindOf(stat) };
    if (stat.size > limit) return { tooLarge: stat.size };
    if (stat.size > 0) {
      // Its size as stat gave it: a file that grows meanwhile is read no further.
      const bytes = Buffer.allocUnsafe(stat.size);
      let length = 0;
      for (let read = -1; length < bytes.length && read !== 0; length += read) read = fs.readSync(fd, bytes, length, bytes.length - length, length);
      return { bytes: bytes.subarray(0, length) };
    }
    // Empty, or a file that reports no size (/proc): read up to the limit and one byte more, never further.
    let bytes = Buffer.allocUnsafe(Math.min(limit + 1, 64 * 1024));
    let length = 0;
    for (let read = -1; read !== 0 && length <= limit; length += read) {
      if (length === bytes.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, bytes.length * 2));
        bytes.copy(grown, 0, 0, length);
        bytes = grown;
      }
      read = fs.readSync(fd, bytes, length, bytes.length - length, null);
    }
    return length > limit ? { tooLarge: length } : { bytes: bytes.subarray(0, length) };
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(stat: fs.Stats): string {
  return stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket'
    : stat.isCharacterDevice() ? 'a character device' : stat.isBlockDevice() ? 'a block device' : 'not a file';
}

/** A system error's code (ENOENT, EACCES), or what the error says. */
export function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? String(err);
}
