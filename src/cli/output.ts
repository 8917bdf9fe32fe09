// Where the output goes and how it looks there: stdout or --output FILE, coloured or not,
// wrapped at the terminal's width or not. main.ts writes a scan's output through it, and
// last-run.ts writes a kept one the same way.

import { once } from 'node:events';
import * as fs from 'node:fs';
import { colorFlag, useColor } from './color';

export interface Terminal {
  color: boolean;
  width: number;
}

/**
 * Whether text output would be coloured (color.ts), and the columns to wrap it at: the
 * terminal's width on a terminal. Piped or written to a file it is not wrapped: one finding
 * per line suits grep, and CI log viewers wrap themselves.
 */
export function terminalOf(argv: string[], output: string | undefined): Terminal {
  const isTTY = output === undefined && process.stdout.isTTY === true;
  return {
    color: useColor({ flag: colorFlag(argv), env: process.env, toStdout: output === undefined, isTTY, colorDepth: (env) => process.stdout.getColorDepth?.(env) ?? 1 }),
    width: isTTY ? (process.stdout.columns || 80) : 0,
  };
}

/** Writes chunk by chunk to the file, or to stdout waiting for it to drain. */
export async function writeOutput(chunks: Iterable<string>, file: string | undefined): Promise<void> {
  if (file === undefined) {
    for (const chunk of chunks) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
    return;
  }
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
    }
  } finally {
    fs.closeSync(fd);
  }
}
