// Waivers: accepted risks written as audit records, inline in a comment or in the policy
// file. A valid waiver keeps its finding in the output, marked as suppressed; one without
// a reason, past its expiry or naming no valid rule waives nothing and is reported itself
// (LLMC007), so a waiver can never quietly outlive its justification.

import type { FileFormat } from '../formats';
import type { Finding, RuleId, Suppression, TextEdit, TextRange } from '../model';
import { isDate, check as waiverFinding, waiverProblem } from '../rules/llmc007-waiver-invalid';
import { clip } from '../rules/context';
import { RULES } from '../rules/rules';
import { commentSpans, inSpans } from '../scan/comments';
import { LineIndex } from '../text';
import { pathMatcher, type Policy, type PolicyWaiver } from './policy';

// Hosts read the date check from here, with the other waiver helpers.
export { isDate };

export const WAIVER_MARKER = 'llm-compliance-ignore';

/** A waiver written in a comment: `# llm-compliance-ignore LLMC002 -- reason; expires=2027-03-31; owner=alice`. */
export interface InlineWaiver {
  file: string;
  /** Rule ids as written (checked when applied). */
  rules: string[];
  reason?: string;
  expires?: string;
  owner?: string;
  /** A part that looks like a field but is not one (`expiry=...`). */
  malformed?: string;
  /** The comment, for findings about the waiver itself. */
  range: TextRange;
  line: number;
  /** The line the waiver covers: its own when it trails code, else the first code line below it. */
  covers: TextRange;
}

const MARKER_RE = /(?:#|\/\/|\/\*|<!--|--|;|\*)[ \t]*llm-compliance-ignore\b([^\r\n]*)/g;
const COMMENT_OPENERS = ['#', '//', '/*', '*', '<!--', '--', ';'];

/** The text without its leading blanks and a notebook's opening quote (`"`). */
function unquoted(line: string): string {
  const t = line.trimStart();
  return t.startsWith('"') ? t.slice(1).trimStart() : t;
}

/** A line holding only a comment (also inside a notebook's JSON string: `"# ...\n",`). */
function isCommentOnly(line: string): boolean {
  const t = unquoted(line);
  return COMMENT_OPENERS.some((o) => t.startsWith(o));
}

/** Finds the inline waivers in a file's text: markers in comments, by the format's own rules (never in a string). */
export function findInlineWaivers(file: string, text: string, format: FileFormat): InlineWaiver[] {
  if (!text.includes(WAIVER_MARKER)) return [];
  const lines = new LineIndex(text);
  const comments = commentSpans(text, format);
  const out: InlineWaiver[] = [];
  // Lines from..covered are blank or comments (the last look downwards): thousands of waiver lines in a row stay linear.
  let lastScan = { from: 0, covered: 0 };
  for (const m of text.matchAll(MARKER_RE)) {
    if (!inSpans(comments, m.index)) continue;
    const { line, column } = lines.position(m.index);
    const lineStart = m.index - column + 1;
    // A block or HTML comment ends where it closes; code after it shares the line.
    const close = /^(?:\/\*|<!--)/.test(m[0]) ? /\*\/|-->/.exec(m[1]!) : null;
    const content = close ? m[1]!.slice(0, close.index) : m[1]!;
    const after = close ? m[1]!.slice(close.index + close[0].length) : '';
    // Only blanks (or a notebook's opening quote) around the comment: it stands on its own line.
    // (Checked without regular expressions: a run of blanks made them quadratic.)
    const trailing = unquoted(text.slice(lineStart, m.index)) !== '' || after.trim() !== '';
    let covered = line;
    if (!trailing && line > lastScan.from && line < lastScan.covered) {
      covered = lastScan.covered; // a waiver among the comment lines the last one looked past
    } else if (!trailing) {
      // The first line below that is neither blank nor a comment.
      for (covered = line + 1; covered <= lines.lineCount; covered++) {
        const t = lines.lineText(covered);
        if (t.trim() !== '' && t.trim() !== '"\\n",' && !isCommentOnly(t)) break;
      }
      lastScan = { from: line, covered };
    }
    const coverStart = lines.offset(covered, 1);
    out.push({
      file,
      ...parseWaiverText(content),
      range: { start: m.index, end: m.index + m[0].length - m[1]!.length + (close ? close.index + close[0].length : m[1]!.length) },
      line,
      covers: { start: coverStart, end: coverStart + lines.lineText(covered).length },
    });
  }
  return out;
}

/**
 * The waiver's text without the end of a block comment, an HTML comment or a notebook's
 * JSON string (`\n",`). No regular expression ends in `\s*$` here: on a long run of
 * blanks those try every start in the run (268,000 blanks took minutes).
 */
function waiverBody(raw: string): string {
  let body = raw.trimEnd();
  for (const end of ['*/', '-->']) if (body.endsWith(end)) body = body.slice(0, -end.length).trimEnd();
  const quote = body.endsWith('",') ? 2 : body.endsWith('"') ? 1 : 0;
  if (quote) {
    body = body.slice(0, -quote);
    if (body.endsWith('\\n')) body = body.slice(0, -2);
  }
  return body.trim();
}

/** `LLMC001,LLMC002 -- reason; expires=2027-03-31; owner=alice` (also `:` for `--`, `until` for `expires`). */
function parseWaiverText(raw: string): Pick<InlineWaiver, 'rules' | 'reason' | 'expires' | 'owner' | 'malformed'> {
  const body = waiverBody(raw);
  const head = /^((?:LLMC\d+|[A-Z]+\d+)(?:\s*,\s*(?:LLMC\d+|[A-Z]+\d+))*)?\s*(?:--|:)?\s*/.exec(body)!;
  const rules = head[1] ? head[1].split(',').map((r) => r.trim()) : [];
  const result: Pick<InlineWaiver, 'rules' | 'reason' | 'expires' | 'owner' | 'malformed'> = { rules };
  const reason: string[] = [];
  for (const part of body.slice(head[0].length).split(';')) {
    const field = /^\s*(expires|until|owner)\s*[=:]/i.exec(part);
    if (field) {
      const value = part.slice(field[0].length).trim();
      if (field[1]!.toLowerCase() === 'owner') result.owner = value;
      else result.expires = value;
    } else if (/^\s*[\w-]+\s*=/.test(part) || /^\s*(?:expir|valid|until)/i.test(part)) {
      // `expiry=...`, `expires 2027-01-31`: a misspelt field must not turn into a waiver without end.
      result.malformed ??= part.trim();
    } else if (part.trim()) reason.push(part.trim());
  }
  if (reason.length) result.reason = reason.join('; ');
  return result;
}

export interface WaiverOptions {
  /** Today as YYYY-MM-DD: waivers that expired before it stop waiving. */
  today: string;
  /** A finding's file path relative to the policy file's folder (policy `paths:` are relative to it). */
  pathForPolicy?: (file: string) => string;
}

/**
 * Marks the findings that valid waivers accept, and adds an LLMC007 finding for each
 * waiver that is not valid (no reason, expired, malformed). Returns all findings.
 */
export function applyWaivers(findings: Finding[], inline: InlineWaiver[], policy: Policy, options: WaiverOptions): Finding[] {
  const problems: Finding[] = [];
  const report = (file: string, range: TextRange, message: string): void => {
    const finding = waiverFinding(file, range, message, policy);
    if (finding) problems.push(finding);
  };
  const isRule = (id: string): boolean => RULES.some((x) => x.id === id);
  const valid: { waiver: InlineWaiver | PolicyWaiver; suppression: Suppression; matches: (f: Finding) => boolean }[] = [];
  for (const w of inline) {
    const problem = waiverProblem(w, options.today, isRule);
    if (problem) {
      report(w.file, w.range, `This waiver ${problem}, so it waives nothing.`);
      continue;
    }
    valid.push({
      waiver: w,
      suppression: suppressionOf('inline', w, w.file, w.line),
      matches: (f) => f.file === w.file && w.rules.includes(f.ruleId) && f.range.start >= w.covers.start && f.range.start <= w.covers.end,
    });
  }
  for (const w of policy.waivers) {
    const problem = waiverProblem({ rules: w.rules, reason: w.reason, expires: w.expires }, options.today, isRule);
    const where = policy.source ?? 'policy';
    if (problem) {
      report(where, w.range, `The policy waiver for ${clip(w.rules.join(', '), 30)}${w.paths.length ? ` on ${clip(w.paths.join(', '), 30)}` : ''} ${problem}, so it waives nothing.`);
      continue;
    }
    const inPaths = w.paths.length ? pathMatcher(w.paths) : undefined;
    valid.push({
      waiver: w,
      suppression: suppressionOf('policy', w, where, w.line),
      matches: (f) => {
        if (!w.rules.includes(f.ruleId) || (w.provider && f.provider !== w.provider)) return false;
        return !inPaths || inPaths(options.pathForPolicy ? options.pathForPolicy(f.file) : f.file);
      },
    });
  }
  const out = findings.map((f) => {
    const match = valid.find((v) => v.matches(f));
    return match ? { ...f, suppression: match.suppression } : f;
  });
  return [...out, ...problems];
}

function suppressionOf(kind: Suppression['kind'], w: { reason?: string; expires?: string; owner?: string }, file: string, line: number): Suppression {
  return { kind, reason: w.reason!, ...(w.expires ? { expires: w.expires } : {}), ...(w.owner ? { owner: w.owner } : {}), file, line };
}


/** The line comment of a file format, or undefined when the format has none (JSON). */
export function lineCommentOf(format: FileFormat | null): '#' | '//' | undefined {
  switch (format?.kind) {
    case 'code':
      return format.lang === 'python' ? '#' : '//';
    case 'dotenv':
    case 'yaml':
    case 'toml':
    case 'properties':
    case 'terraform':
      return '#';
    case 'bicep':
      return '//';
    default:
      return undefined;
  }
}

/**
 * An inline waiver for one rule, as a comment on its own line above the line at `offset`,
 * indented like it. Throws a WaiverInputError when the reason or the expiry would make a
 * waiver that waives nothing.
 */
export function waiverCommentEdit(text: string, offset: number, comment: '#' | '//', rule: RuleId, reason: string, expires?: string): TextEdit {
  const why = reason.replace(/\s+/g, ' ').trim();
  if (!why) throw new WaiverInputError('A waiver needs a reason: it is an audit record of why the risk is accepted.');
  if (/[;=]/.test(why)) throw new WaiverInputError('Write the reason without ";" or "=": they separate the waiver\'s fields.');
  if (expires !== undefined && !isDate(expires)) throw new WaiverInputError(`"${expires}" is not a date (YYYY-MM-DD).`);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `${indent}${comment} ${WAIVER_MARKER} ${rule} -- ${why}${expires ? `; expires=${expires}` : ''}${eol}`;
  // Read it back as the scanner will: a reason that looks like a field ("valid until ...") would waive nothing.
  const body = new RegExp(MARKER_RE.source).exec(line)?.[1];
  const parsed = body === undefined ? undefined : parseWaiverText(body);
  if (!parsed || parsed.malformed || parsed.reason !== why) throw new WaiverInputError(`"${why}" would be read as a waiver field; start the reason with other words.`);
  return { start: lineStart, end: lineStart, newText: line };
}

export class WaiverInputError extends Error {}
