// Prompty files: a prompt template after a YAML front matter between `---` lines.

/**
 * Where a Prompty file's front matter ends: the offset of the line break before its closing
 * `---`, or -1 when the file has none. The text before that offset is the YAML to read
 * (its opening `---` is a YAML document marker); the prompt template after it is not.
 */
export function promptyFrontMatterEnd(text: string): number {
  const open = /^\s*---[ \t]*\r?\n/.exec(text);
  if (!open) return -1;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index : -1;
}
