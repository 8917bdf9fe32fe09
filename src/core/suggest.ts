// "Did you mean ...?" for ids people type: requirements, provider ids, policy keys.

/** Edit distance with adjacent swaps (optimal string alignment): "hipa" -> "hipaa" is 1, "haipa" -> "hipaa" is 2. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate the user most likely meant, or undefined when none is close: a small edit
 * (at most a third of the word, at least one; to the id or the tail of a hyphenated one) that no other candidate ties, or the only candidate that contains the word
 * or is contained in it ("bedrock" -> "aws-bedrock", "soc2" -> "soc2-type2"). Case is ignored.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const w = word.trim().toLowerCase();
  if (!w) return undefined;
  const same = candidates.find((c) => c.toLowerCase() === w);
  if (same !== undefined) return same === word ? undefined : same;
  let best: string[] = [];
  let bestDistance = Math.max(1, Math.floor(w.length / 3)) + 1;
  for (const c of candidates) {
    // Also against the tails of a hyphenated id ("bedrok" is one edit from aws-bedrock's "bedrock").
    const forms = c.toLowerCase().split('-').map((_, i, parts) => parts.slice(i).join('-')).filter((f, i) => i === 0 || f.length >= 4);
    // A tail counts half an edit more, so "opena" is openai, not azure-openai.
    const d = Math.min(...forms.map((f, i) => editDistance(w, f) + (i ? 0.5 : 0)));
    if (d < bestDistance) [best, bestDistance] = [[c], d];
    else if (best.length && d === bestDistance) best.push(c);
  }
  // Two equally close candidates ("LLMC009": LLMC001 or LLMC008?) are no guess.
  if (best.length) return best.length === 1 ? best[0] : undefined;
  const containing = w.length >= 3 ? candidates.filter((c) => c.toLowerCase().includes(w) || w.includes(c.toLowerCase())) : [];
  return containing.length === 1 ? containing[0] : undefined;
}
