// `llm-compliance init [--require LIST] [--baa LIST] [--gateway HOST] [--residency ZONE] [--yes]`:
// writes .llm-compliance.yaml in the current folder from the core's policyTemplate, the same
// file the editor's Create Policy command writes. On a terminal without answer flags it asks
// the seed's questions (PHI? EU personal data? which BAAs are signed? certifications? a
// gateway?); with flags or --yes it never asks, so scripts and CI can run it. It never
// replaces a policy that is there.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { closestMatch, nearestPolicy, parsePolicy, POLICY_FILE_NAMES, policyTemplate, PROVIDER_IDS, providersOfferingBaa, providersWithUnconfirmedBaa, type ProviderId, type Requirement, REQUIREMENT_LABELS, REQUIREMENTS, RESIDENCY_ZONES, type ResidencyZone, visibleControls } from '../core';

export interface InitFlags {
  require?: string;
  baa?: string;
  gateway?: string[];
  residency?: string;
  yes?: boolean;
}

export interface InitIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Whether to ask: stdin and stdout are a terminal (tests inject streams and say so). */
  interactive: boolean;
  cwd: string;
}

/** A reason to stop with exit code 2, in the user's words. */
export class InitError extends Error {}

interface Answers {
  require: Requirement[];
  baa: ProviderId[];
  gateway: string[];
  residency?: ResidencyZone;
}

const CERTIFICATIONS: Requirement[] = ['soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'];
const POLICY_FILE = POLICY_FILE_NAMES[0]!;

/** Writes the policy; returns the exit code (0 written, 2 refused or cancelled). Throws InitError for a usage problem. */
export async function runInit(flags: InitFlags, io: InitIo): Promise<number> {
  const existing = POLICY_FILE_NAMES.find((name) => fs.lstatSync(path.join(io.cwd, name), { throwIfNoEntry: false }) !== undefined);
  if (existing) throw new InitError(`${existing} already exists here; edit it (or delete it to start again): init never overwrites a policy`);
  const answerFlags = flags.require !== undefined || flags.baa !== undefined || flags.gateway !== undefined || flags.residency !== undefined;
  let answers: Answers | undefined;
  if (answerFlags || flags.yes) {
    answers = fromFlags(flags);
  } else if (!io.interactive) {
    throw new InitError('init asks its questions only on a terminal; in a script give the answers, e.g. "llm-compliance init --require hipaa,eu-residency --baa aws-bedrock", or --yes for a policy that requires nothing yet');
  } else {
    answers = await ask(io);
    if (!answers) {
      io.output.write('\nCancelled: no policy written.\n');
      return 2;
    }
  }
  const text = policyTemplate({ require: answers.require, baa: answers.baa, ...(answers.gateway.length ? { gateway: answers.gateway } : {}), ...(answers.residency ? { residency: answers.residency } : {}) });
  // What init writes must be what a scan reads: checked before anything is written.
  parsePolicy(POLICY_FILE, text);
  try {
    // 'wx': a policy created meanwhile is never replaced.
    fs.writeFileSync(path.join(io.cwd, POLICY_FILE), text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InitError(`cannot write ${POLICY_FILE} here: ${code === 'EEXIST' ? 'it was created meanwhile' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (code ?? String(err))}`);
  }
  // A policy above (up to the repository root) judged this folder until now: the new one takes its place here.
  const above = fs.existsSync(path.join(io.cwd, '.git')) ? undefined : await nearestPolicy(path.dirname(io.cwd), {
    parent: (dir) => (path.dirname(dir) === dir ? undefined : path.dirname(dir)),
    has: (dir, name) => fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false }) !== undefined,
  });
  if (above && above.folder !== io.cwd) io.output.write(`Note: ${visibleControls(path.relative(io.cwd, path.join(above.folder, above.name)))} applied to this folder until now; the new file takes its place here.\n`);
  const required = answers.require.length ? `requires ${answers.require.join(', ')}` : 'requires nothing yet: add to require: when you know';
  io.output.write(`Wrote ${POLICY_FILE} (${visibleControls(required)}${answers.gateway.length ? `; gateway ${visibleControls(answers.gateway.join(', '))}` : ''}). Next: llm-compliance scan\n`);
  return 0;
}

/** The answers the flags give; --yes alone requires nothing yet. */
function fromFlags(flags: InitFlags): Answers {
  if (flags.require === undefined && !flags.yes) {
    throw new InitError('say what to require: --require LIST (hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai; "none" for nothing), or --yes for a policy that requires nothing yet');
  }
  const require = parseIds(flags.require ?? '', REQUIREMENTS, 'requirement', '--require');
  const baa = parseIds(flags.baa ?? '', PROVIDER_IDS, 'provider', '--baa');
  const gateway = gatewayHosts((flags.gateway ?? []).flatMap(splitList));
  let residency: ResidencyZone | undefined;
  if (flags.residency !== undefined) {
    if (!require.includes('eu-residency')) throw new InitError('--residency says what eu-residency accepts: add eu-residency to --require');
    residency = parseIds(flags.residency, RESIDENCY_ZONES, 'residency zone', '--residency')[0];
  }
  return { require, baa, gateway, ...(residency ? { residency } : {}) };
}

function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The ids in a comma-separated list, each checked against the known ones ("none" is the empty list). */
function parseIds<T extends string>(text: string, known: readonly T[], what: string, flag: string): T[] {
  const items = splitList(text);
  if (items.length === 1 && items[0]!.toLowerCase() === 'none') return [];
  const out: T[] = [];
  for (const item of items) {
    const id = known.find((k) => k === item.toLowerCase());
    if (!id) {
      const meant = closestMatch(item, known);
      throw new InitError(`unknown ${what} "${item}" in ${flag}${meant ? `; did you mean ${meant}?` : ''} (known: ${known.join(', ')})`);
    }
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** The questions, one at a time; undefined when the user cancels (Ctrl+C, Ctrl+D). */
async function ask(io: InitIo): Promise<Answers | undefined> {
  const prompt = new Prompt(io);
  try {
    const out = (text: string): void => void io.output.write(`${text}\n`);
    out(`Creating ${POLICY_FILE}: what every LLM endpoint in this folder must meet. Enter keeps the [default]; Ctrl+C cancels.\n`);
    const phi = await prompt.yesNo('Does this workload send protected health information (PHI) to an LLM (HIPAA)?', false);
    if (phi === undefined) return undefined;
    let baa: ProviderId[] = [];
    if (phi) {
      out(`  Providers that offer a BAA: ${providersOfferingBaa().join(', ')}`);
      const unconfirmed = providersWithUnconfirmedBaa();
      if (unconfirmed.length) out(`  Named in the catalog, coverage not confirmed: ${unconfirmed.join(', ')} (check with the vendor)`);
      const signed = await prompt.ids('Which providers\' BAAs has your organisation signed? (comma-separated ids; Enter for none)', PROVIDER_IDS, 'provider');
      if (signed === undefined) return undefined;
      baa = signed;
    }
    const eu = await prompt.yesNo('Does it send personal data of people in the EU that must stay in the EU?', false);
    if (eu === undefined) return undefined;
    let residency: ResidencyZone | undefined;
    if (eu) {
      out('  eu: the 27 member states; eea: + Iceland, Liechtenstein, Norway; eu-adequacy: the EEA + countries with an EU adequacy decision (Switzerland, the UK, Japan, ...)');
      const zone = await prompt.ids('Where may that data be processed? [eu]', RESIDENCY_ZONES, 'residency zone', 1);
      if (zone === undefined) return undefined;
      residency = zone[0] ?? 'eu';
    }
    out(`  ${CERTIFICATIONS.map((r) => `${r}: ${REQUIREMENT_LABELS[r].label}`).join('; ')}`);
    const certs = await prompt.ids('Which certifications must every provider hold? (comma-separated; Enter for none)', CERTIFICATIONS, 'certification');
    if (certs === undefined) return undefined;
    const gateway = await prompt.line('Must every LLM call go through your team\'s gateway? Its host name (Enter for none):');
    if (gateway === undefined) return undefined;
    const require = REQUIREMENTS.filter((r) => (r === 'hipaa' && phi) || (r === 'eu-residency' && eu) || certs.includes(r));
    return { require, baa, gateway: gatewayHosts(splitList(gateway)), ...(residency ? { residency } : {}) };
  } finally {
    prompt.close();
  }
}

/** Questions over readline, answered line by line; undefined once the input ends or Ctrl+C is pressed. */
class Prompt {
  private readonly rl: readline.Interface;
  private readonly buffered: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private closed = false;
  private readonly terminal: boolean;

  constructor(private readonly io: InitIo) {
    this.terminal = (io.output as { isTTY?: boolean }).isTTY === true;
    this.rl = readline.createInterface({ input: io.input, output: io.output, terminal: this.terminal });
    this.rl.on('line', (line) => (this.waiting ? this.take(line) : this.buffered.push(line)));
    this.rl.on('close', () => {
      this.closed = true;
      this.take(undefined);
    });
    this.rl.on('SIGINT', () => this.rl.close());
  }

  private take(line: string | undefined): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.(line);
  }

  /** One answer; the question is readline's prompt, so line editing never erases it. */
  async line(question: string): Promise<string | undefined> {
    this.rl.setPrompt(`${question} `);
    this.rl.prompt();
    const line = this.buffered.length ? this.buffered.shift() : this.closed ? undefined : await new Promise<string | undefined>((resolve) => (this.waiting = resolve));
    // Not typed on a terminal: show the answer after its question, as a terminal would have.
    if (!this.terminal) this.io.output.write(line === undefined ? '\n' : `${visibleControls(line)}\n`);
    return line?.trim();
  }

  async yesNo(question: string, fallback: boolean): Promise<boolean | undefined> {
    for (;;) {
      const answer = await this.line(`${question} ${fallback ? '[Y/n]' : '[y/N]'}`);
      if (answer === undefined) return undefined;
      if (!answer) return fallback;
      if (/^(y|yes)$/i.test(answer)) return true;
      if (/^(n|no)$/i.test(answer)) return false;
      this.io.output.write('  Please answer y or n.\n');
    }
  }

  async ids<T extends string>(question: string, known: readonly T[], what: string, max = Infinity): Promise<T[] | undefined> {
    for (;;) {
      const answer = await this.line(question);
      if (answer === undefined) return undefined;
      try {
        const ids = parseIds(answer, known, what, 'the answer');
        if (ids.length <= max) return ids;
        this.io.output.write(`  Please give one ${what}.\n`);
      } catch (err) {
        this.io.output.write(`  ${visibleControls(err instanceof Error ? err.message : String(err))}; try again.\n`);
      }
    }
  }

  close(): void {
    this.rl.close();
  }
}

/** Gateway hosts as the policy matches them: a bare host name (a URL, a path or a port would never match a call, failing every one). */
function gatewayHosts(hosts: string[]): string[] {
  for (const h of hosts) {
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(h)) {
      throw new InitError(`gateway "${visibleControls(h)}" is not a host name: give the host alone, e.g. litellm.internal (no scheme, path or port)`);
    }
  }
  return hosts.map((h) => h.toLowerCase());
}
