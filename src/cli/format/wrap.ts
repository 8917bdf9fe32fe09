// Wrapping for the text output: by the columns a terminal gives a character, not by
// string length, so East Asian wide text and emoji (two columns) and combining marks
// (none) line up. The text is already escaped (visibleControls): an escape such as
// `\x1b` or `\u202e` is kept whole when a long word has to be cut.

/** Columns a code point takes in a terminal: 0 for combining marks and zero-width characters, 2 for wide ones, 1 otherwise. */
export function charWidth(cp: number): number {
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff)
    || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0;
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf)
    || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff)
    || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
    || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

/** Columns the text takes in a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** The pieces a long word may be cut between: an escape written by visibleControls, or one character with the marks that follow it. */
const UNIT = /\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|[\s\S][\p{M}\u200d]*/gu;

/**
 * The text in lines of at most `width` columns, broken at spaces; a word longer than a
 * line is cut between units. `width` <= 0 means no wrapping. Spaces at a break are dropped.
 */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0 || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/ +/)) {
    const w = displayWidth(word);
    if (line && used + 1 + w <= width) {
      line += ` ${word}`;
      used += 1 + w;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    used = 0;
    if (w <= width) {
      line = word;
      used = w;
      continue;
    }
    for (const unit of word.match(UNIT) ?? []) {
      const uw = displayWidth(unit);
      if (used + uw > width && line) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += unit;
      used += uw;
    }
  }
  if (line) lines.push(line);
  return lines;
}
