// Whether the text output is coloured, decided as Node decides it for util.styleText and
// tty.WriteStream#getColorDepth (documented in Node's tty and util pages), with the
// command line first, as ESLint does:
//   --color / --no-color (the later one on the command line wins)  -> on / off
//   FORCE_COLOR set: '', '1', 'true', '2', '3' -> on; anything else ('0', 'false') -> off,
//                    whether or not the output is a terminal (NO_COLOR is then ignored, as in Node)
//   not a terminal (piped, or --output FILE)                        -> off
//   NO_COLOR or NODE_DISABLE_COLORS set (even empty), or TERM=dumb  -> off
//   otherwise: the terminal's colour depth (TERM, COLORTERM, CI...) -> on with more than 2 colours
// FORCE_COLOR speaks for stdout only: a report written with --output is coloured only with --color.

export type ColorFlag = 'always' | 'never' | undefined;

export interface ColorContext {
  /** --color / --no-color, whichever came last. */
  flag: ColorFlag;
  env: Record<string, string | undefined>;
  /** The output is a terminal (stdout, not --output). */
  isTTY: boolean;
  /** Whether the output is stdout (FORCE_COLOR applies) rather than a file. */
  toStdout: boolean;
  /** The terminal's colour depth in bits for an environment (tty.WriteStream#getColorDepth). */
  colorDepth?: (env: Record<string, string | undefined>) => number;
}

/** FORCE_COLOR values that mean colours on, as Node reads them (1, 2, 3: 16, 256, 16M colours). */
const FORCE_COLOR_ON = new Set(['', '1', 'true', '2', '3']);

export function useColor(c: ColorContext): boolean {
  if (c.flag === 'always') return true;
  if (c.flag === 'never') return false;
  const force = c.env.FORCE_COLOR;
  if (force !== undefined && c.toStdout) return FORCE_COLOR_ON.has(force);
  if (!c.isTTY) return false;
  if (c.env.NO_COLOR !== undefined || c.env.NODE_DISABLE_COLORS !== undefined || c.env.TERM === 'dumb') return false;
  // Bits per colour: 1 (2 colours), 4, 8 or 24; Node's styleText colours above 2.
  return (c.colorDepth?.(c.env) ?? 1) > 2;
}

/** --color or --no-color, whichever the command line gives last (ESLint's reading). */
export function colorFlag(argv: string[]): ColorFlag {
  let flag: ColorFlag;
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg === '--color') flag = 'always';
    else if (arg === '--no-color') flag = 'never';
  }
  return flag;
}
