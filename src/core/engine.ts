// The engine's entry point: file in, endpoints and notes out; endpoints and policy in,
// findings out. Pure TypeScript: no `vscode`, no Node built-ins, no network, so the
// CLI, the desktop extension and the web extension all run this same code.

import { catalog as defaultCatalog } from './catalog/data';
import type { Catalog, CodeLanguage } from './catalog/types';
import { MAX_ENDPOINTS_PER_FILE, type Endpoint, type Finding, type ScanNote, type TextEdit } from './model';
import { DEFAULT_MAX_FILE_SIZE_KB, type Policy } from './policy/policy';
import { CatalogIndex } from './resolve/catalog-index';
import { callsOfModule, isInitCall, moduleExports, resolveCode, type CodeFile } from './resolve/code';
import { ConfigResolver, dotenvAssignments } from './resolve/config';
import { flatten, springAiProperties, springAiStarters } from './resolve/spring';
import { CDK_APP_ANCHORS, CDK_LAMBDA_ANCHORS, cdkContextDefinitions, constructionProps, lambdaEnvironments, readCdkFile, stackRegions } from './resolve/cdk';
import { promptyModel } from './resolve/prompty';
import { componentConfigs, publishedConfigFile } from './resolve/component-config';
import { promptyFrontMatterEnd } from './scan/config/prompty';
import { compilerConfig, exportedNames, moduleKeyOf, PROJECT_IMPORT_ANCHORS, pythonModuleDefines } from './resolve/modules';
import { goModuleDefinition, npmPackageDefinition } from './resolve/not-endpoints';
import { applyAzureResources, bicepParamName, moduleDir, tfDefaultName, tfvarName, type AzureResource } from './resolve/infrastructure';
import { dirOf, isDocumentationEnv, scopedEnv, type EnvDefinition, type EnvFileUse, type EnvScope } from './env-scope';
import { formatOf, NOTEBOOK_READ_FACTOR, readLimit, type FileFormat } from './formats';
import { UNSEEN_ENV, type EnvLookup } from './resolve/values';
import { evaluateEndpoints, type EvaluateOptions } from './rules/evaluate';
import { onePerProblem } from './rules/one-per-problem';
import * as notAnalysed from './rules/llmc008-not-analysed';
import { todayUtc } from './day';
import { applyWaivers, findInlineWaivers, type InlineWaiver } from './policy/waivers';
import { parseBicep } from './scan/config/bicep';
import { parseDockerfileEnv } from './scan/config/dockerfile';
import { parseDotenv } from './scan/config/dotenv';
import { parseHcl } from './scan/config/hcl';
import { escapeForJsonString, notebookLanguage, parseNotebook, type Notebook } from './scan/config/notebook';
import { parseProperties } from './scan/config/properties';
import { springValueProperties } from './resolve/spring-values';
import { entryOf, located, parseJson, parseToml, parseYaml, scalarEntry, type ConfigTree, type Located } from './scan/config/tree';
import { catalogAnchors, mayHoldLookalikeHost, Prefilter, prefilterAnchors, PrefilterGroups, type AnchorTest } from './scan/prefilter';
import { lex } from './scan/lexer';
import type { Span } from './scan/ir';
import { parseNotes } from './scan/notes';
import { lineAndColumn, LineIndex, utf16Encoding } from './text';

export { placeEnv, scopedEnv, type EnvDefinition, type EnvFileUse, type EnvScope } from './env-scope';
export { formatOf, readLimit, setsValuesOnly, NOTEBOOK_READ_FACTOR, type FileFormat } from './formats';
export { calleesNeeded, wantedCallees } from './resolve/calls';

/** Whether code may import the project's own modules (and so use a constant one exports). */
export const mayImportProjectModule = matcher(PROJECT_IMPORT_ANCHORS);
/** Whether JS/TS code may re-export another module's names (`export * from`, `export { X } from`). */
const REEXPORT_ANCHORS = ['export * from', 'export {'];
const mayDefineCdkLambda = matcher(CDK_LAMBDA_ANCHORS);
const mayDefineCdkApp = matcher(CDK_APP_ANCHORS);

/**
 * The groups of anchors decode() looks for, in one pass (PrefilterGroups): the catalog's (code's
 * or config's), `://` (a URL, whose host may imitate a catalogued one), and in code what makes
 * a file worth reading without a signal (a CDK app or Lambda function, a re-export).
 */
const CATALOG = 1;
const URL_SCHEME = 2;
const CDK_LAMBDA = 4;
const CDK_APP = 8;
const REEXPORT = 16;

function matcher(anchors: string[]): (content: Uint8Array | string) => boolean {
  const prefilter = new Prefilter(anchors);
  return (content) => (typeof content === 'string' ? prefilter.testString(content) : prefilter.test(content));
}

export interface AnalyzeOptions {
  /** Files larger than this (bytes) are skipped with a note. */
  maxFileSize?: number;
  /** Where that limit is set, for the note ('policy maxFileSizeKb' unless said). */
  sizeLimitSetting?: string;
  /** Analyse even when the prefilter finds no LLM signal (e.g. to read the env variables a config file sets). */
  force?: boolean;
  /** Values of environment variables defined elsewhere in the workspace. */
  env?: EnvLookup;
  /** Python: read only the file's calls of these imported names (resolve/calls.ts), as workspace values; nothing else is analysed. */
  callsOf?: string[];
}

export interface FileResult {
  file: string;
  endpoints: Endpoint[];
  notes: ScanNote[];
  /** Environment variables this file sets. */
  env: EnvDefinition[];
  /** Waivers written in the file's comments. */
  waivers: InlineWaiver[];
  /** Azure OpenAI resources this file's infrastructure code defines. */
  azureResources: AzureResource[];
  /** Dotenv files this (compose) file loads into the code of a build context. */
  envFiles?: EnvFileUse[];
  /** The decoded text, kept when endpoints were found (for positions and fixes). */
  text?: string;
}

/** What one scanner found in one file. */
interface Scanned {
  endpoints: Endpoint[];
  /** Where the resolver stopped making endpoints, past MAX_ENDPOINTS_PER_FILE. */
  stoppedAt?: number;
  definitions?: { name: string; value: string; offset: number; scope?: EnvScope }[];
  azureResources?: (Omit<AzureResource, 'line'> & { offset: number })[];
  envFiles?: EnvFileUse[];
}

export const DEFAULT_MAX_FILE_SIZE = DEFAULT_MAX_FILE_SIZE_KB * 1024;
/**
 * A notebook's code cells as one program (the cells share one namespace, and run in order),
 * each offset's place in the notebook file, and the cells that are programs of their own.
 */
function notebookProgram(nb: Notebook): { code: string; rawOffset: number[]; separatePrograms: Span[] } {
  let code = '';
  const rawOffset: number[] = [];
  // A cell that writes itself to a file (`%%writefile app.py`) is a program of its own, run elsewhere.
  const separatePrograms: Span[] = [];
  for (const cell of nb.cells) {
    if (code) {
      code += '\n';
      rawOffset.push(rawOffset[rawOffset.length - 1] ?? 0);
    }
    if (/^\s*%%writefile\b/.test(cell.text)) separatePrograms.push({ s: code.length, e: code.length + cell.text.length });
    code += cell.text;
    for (let i = 0; i < cell.text.length; i++) rawOffset.push(cell.rawOffset[i]!); // no spread: cells can be large
  }
  rawOffset.push(nb.cells.at(-1)?.rawOffset.at(-1) ?? 0);
  // IPython magics and shell escapes are not Python.
  code = code.replace(/^[ \t]*[!%].*$/gm, (m) => ' '.repeat(m.length));
  return { code, rawOffset, separatePrograms };
}

/** As git: a file with a NUL byte in its first 8,000 bytes looks binary. */
const BINARY_SNIFF_BYTES = 8000;

/** The steps of a scan at which the engine (or a host) can fail; `fault` hooks are called there. */
export type ScanPass = 'read' | 'decode' | 'scan' | 'inline-waivers' | 'workspace-facts' | 'evaluate' | 'waivers' | 'report';

export interface EngineOptions {
  /**
   * Called at the start of each pass, with the file when the pass works on one. Tests throw
   * from it to prove that no failure, anywhere, makes a failing project look compliant.
   */
  fault?: (pass: ScanPass, file?: string) => void;
}

export interface EvaluateInput extends EvaluateOptions {
  waivers?: InlineWaiver[];
  /** What was not fully analysed: each note is an LLMC008 finding under a policy. */
  notes?: ScanNote[];
  today?: string;
}

export class Engine {
  readonly index: CatalogIndex;
  /** Prefilters for code (and notebooks) and for config files. */
  readonly prefilters: { code: AnchorTest; config: AnchorTest };
  /** The same anchors with decode()'s others, for one pass per file (group bits as CATALOG above); `prefilters` test on their tables. */
  private readonly scanners: { code: PrefilterGroups; config: PrefilterGroups };
  /** By module name, the names of a framework's whole import paths a project package may shadow (see moduleDefines). */
  private readonly shadowedNames = new Map<string, string[]>();
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private readonly utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

  constructor(readonly catalog: Catalog = defaultCatalog, private readonly options: EngineOptions = {}) {
    this.index = new CatalogIndex(catalog);
    // Each group holds the anchors its own Prefilter would test (the short `://` kept whole), in bit order.
    const code = prefilterAnchors(catalogAnchors(catalog, 'code'));
    const config = prefilterAnchors(catalogAnchors(catalog, 'config'));
    this.scanners = {
      code: new PrefilterGroups([code, ['://'], prefilterAnchors(CDK_LAMBDA_ANCHORS), prefilterAnchors(CDK_APP_ANCHORS), prefilterAnchors(REEXPORT_ANCHORS)]),
      config: new PrefilterGroups([config, ['://']]),
    };
    // (One table per kind of file: a Prefilter of its own would take 2.5 MB more in each thread.)
    this.prefilters = { code: this.scanners.code.group(CATALOG, code), config: this.scanners.config.group(CATALOG, config) };
    for (const path of catalog.providers.flatMap((p) => p.clients).filter((c) => c.wholePath).flatMap((c) => c.callees)) {
      const [module, name] = [path.slice(0, path.lastIndexOf('.')), path.slice(path.lastIndexOf('.') + 1)];
      this.shadowedNames.set(module, [...(this.shadowedNames.get(module) ?? []), name]);
    }
  }

  /**
   * A Python module of the workspace named like a framework's whole import path (`agents`, as
   * the OpenAI Agents SDK's `agents.Agent`) says which of the framework's names it defines or
   * imports, read or not: code that imports them from it uses the project's own (resolve/modules.ts).
   */
  private moduleDefines(file: string, format: FileFormat, content: Uint8Array | string): EnvDefinition[] {
    if (format.kind !== 'code' || format.lang !== 'python') return [];
    const module = moduleKeyOf(file);
    const names = this.shadowedNames.get(module.slice(module.lastIndexOf('/') + 1));
    if (!names) return [];
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    // A class, an assignment, or an import of the name (also a parenthesised one over several lines).
    return names.filter((name) => new RegExp(`^[ \\t]*(?:class[ \\t]+${name}\\b|${name}[ \\t]*[:=]|(?:from[ \\t]+\\S+[ \\t]+)?import[ \\t][^\\n]*\\b${name}\\b|from[ \\t]+\\S+[ \\t]+import[ \\t]*\\([^)]*\\b${name}\\b)`, 'm').test(text))
      .map((name) => ({ name: pythonModuleDefines(module, name), value: 'defined', file, line: 1 }));
  }

  /**
   * The names of constants code files export whose values mention something the catalog
   * knows (an LLM host): a file that names one may use an endpoint without any LLM signal
   * of its own (`fetch(XAI_BASE_URL)`), so hosts read such files again, with the values.
   */
  importableNames(definitions: EnvDefinition[]): string[] {
    return exportedNames(definitions, (value) => this.prefilters.code.testString(value));
  }

  /** Marks the start of a pass (for fault injection; nothing happens otherwise). Hosts call it for their own passes. */
  checkpoint(pass: ScanPass, file?: string): void {
    this.options.fault?.(pass, file);
  }

  /** Analyses one file. Never throws: problems, the engine's own included, become notes. */
  analyze(file: string, content: Uint8Array | string, options: AnalyzeOptions = {}): FileResult {
    const format = formatOf(file);
    const result: FileResult = { file, endpoints: [], notes: [], env: [], waivers: [], azureResources: [] };
    if (!format) return result;
    result.env = this.moduleDefines(file, format, content);
    const size = typeof content === 'string' ? content.length : content.byteLength;
    const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (size > readLimit(file, max)) {
      result.notes.push(tooLargeNote(file, size, max, options.sizeLimitSetting));
      return result;
    }
    let text: string | undefined;
    const read: DecodeFacts = {};
    try {
      this.checkpoint('decode', file);
      text = this.decode(file, format, content, options.force === true, result.notes, read);
    } catch (err) {
      result.notes.push(internalError(file, 'reading', err));
    }
    if (text === undefined) return result;
    if (read.exportsOnly && format.kind === 'code') return this.exportsOnly(result, text, format.lang);
    if (options.callsOf) return this.callsOnly(result, text, format, options.callsOf);
    let scanned: Scanned;
    try {
      this.checkpoint('scan', file);
      scanned = this.dispatch(file, text, format, options.env ?? UNSEEN_ENV, result.notes, { max, setting: options.sizeLimitSetting }, read.cdk);
    } catch (err) {
      // An engine bug (or input deep enough to exhaust the stack) must not hide the file's
      // endpoints: say so, and fall back to the lexical scan.
      result.notes.push(internalError(file, 'scanning', err));
      try {
        const fallback = this.lexicalFallback(file, text, undefined, result.notes);
        // Code sets no workspace values (its exports need the scan that failed): only a config file keeps what the fallback read.
        scanned = format.kind === 'code' || format.kind === 'notebook' ? { endpoints: fallback.endpoints } : fallback;
      } catch {
        scanned = { endpoints: [] };
      }
    }
    result.endpoints = dedupe(scanned.endpoints);
    if (result.endpoints.length > MAX_ENDPOINTS_PER_FILE || scanned.stoppedAt !== undefined) {
      // dedupe sorted them by start: the first ones in the text stay.
      result.endpoints = result.endpoints.slice(0, MAX_ENDPOINTS_PER_FILE);
      const max = MAX_ENDPOINTS_PER_FILE.toLocaleString('en-US');
      result.notes.push({
        kind: 'skipped-too-large', file, line: lineAndColumn(text, scanned.stoppedAt ?? result.endpoints.at(-1)!.range.end).line,
        message: `not fully analysed: more than ${max} LLM endpoints in one file; ${max} are reported, and the rest is not checked (the engine stopped at this line)`,
      });
    }
    const lines = new LineIndex(text);
    if (scanned.definitions?.length || scanned.azureResources?.length) {
      result.env = [...result.env, ...(scanned.definitions ?? []).map((d) => ({ name: d.name, value: d.value, file, line: lines.position(d.offset).line, ...(d.scope ? { scope: d.scope } : {}) }))];
      result.azureResources = (scanned.azureResources ?? []).map(({ offset, ...r }) => ({ ...r, line: lines.position(offset).line }));
    }
    if (scanned.envFiles?.length) result.envFiles = scanned.envFiles;
    try {
      this.checkpoint('inline-waivers', file);
      result.waivers = findInlineWaivers(file, text, format);
    } catch (err) {
      // No waiver read: every finding stays, so this can only fail closed.
      result.notes.push(internalError(file, 'reading its waiver comments', err));
    }
    // A note about a line points at that line's text.
    for (const note of result.notes) {
      if (note.line && note.line <= lines.lineCount) {
        const start = lines.offset(note.line, 1);
        note.range = { start, end: start + lines.lineText(note.line).length };
      }
    }
    if (result.endpoints.length || result.waivers.length || result.notes.some((n) => n.range)) result.text = text;
    return result;
  }

  /**
   * The file's text, or undefined when it is not worth (or not possible) analysing.
   * Binary detection follows git (a NUL in the first 8,000 bytes), except that a file of a
   * scanned text format that decodes as UTF-8 is text: NULs in its comments or strings
   * do not hide its code. UTF-16 with a byte-order mark is decoded as such.
   */
  private decode(file: string, format: FileFormat, content: Uint8Array | string, force: boolean, notes: ScanNote[], read: DecodeFacts): string | undefined {
    const code = format.kind === 'code' || format.kind === 'notebook';
    const prefilter = code ? this.prefilters.code : this.prefilters.config;
    const lang = format.kind === 'code' ? format.lang : undefined;
    // A CDK app's Lambda functions set env values for code elsewhere, LLM signal or not; a CDK
    // app sets its stacks' region for the resources they declare elsewhere; a module that passes
    // on another's constants publishes them too.
    const extra = lang === 'js' ? CDK_LAMBDA | CDK_APP | REEXPORT : lang === 'python' ? CDK_APP : 0;
    // Not worth reading: nothing the catalog knows, no host that could imitate one, no CDK, no re-export.
    const unremarkable = (t: string | Uint8Array): boolean => {
      // A Prompty file always runs a model: its configuration is read whatever it names.
      if (force || format.kind === 'prompty') return false;
      // With CDK groups to tell readCode, the pass runs to the end (or until all are seen): one pass for both.
      const found = (code ? this.scanners.code : this.scanners.config).scan(t, CATALOG | URL_SCHEME | extra, extra ? 0 : CATALOG);
      if (extra) read.cdk = { lambda: (found & CDK_LAMBDA) !== 0, app: (found & CDK_APP) !== 0 };
      // A look-alike host needs `://` before it; most files have none, and are spared that search.
      if ((found & (CATALOG | CDK_LAMBDA | CDK_APP)) !== 0 || ((found & URL_SCHEME) !== 0 && mayHoldLookalikeHost(t))) return false;
      read.exportsOnly = (found & REEXPORT) !== 0;
      return !read.exportsOnly;
    };
    let text: string;
    if (typeof content === 'string') {
      if (unremarkable(content)) return undefined;
      text = content;
    } else {
      const utf16 = utf16Encoding(content);
      if (utf16) {
        text = new TextDecoder(utf16).decode(content);
        if (unremarkable(text)) return undefined;
      } else if (looksBinary(content)) {
        const decoded = this.decodeStrict(content);
        // Not text at all: worth a note only when the bytes mention an LLM provider, SDK or variable.
        if (decoded === undefined) {
          if (force || prefilter.test(content)) notes.push({ kind: 'skipped-binary', file, message: 'not scanned: the file looks binary (it contains NUL bytes and is not UTF-8 text)' });
          return undefined;
        }
        if (unremarkable(decoded)) return undefined;
        text = decoded;
        const nul = format.kind === 'code' ? nulInCode(decoded, format.lang) : -1;
        if (nul >= 0) notes.push({ kind: 'parse-error', file, line: lineAndColumn(decoded, nul).line, message: 'a NUL byte stands in the code, outside comments and strings; the file was scanned as text, but code around it may be misread' });
      } else {
        if (unremarkable(content)) return undefined;
        const strict = this.decodeStrict(content);
        text = strict ?? this.utf8Lenient.decode(content);
        if (strict === undefined) notes.push({ kind: 'invalid-encoding', file, message: 'the file is not valid UTF-8; it was scanned with the invalid bytes replaced' });
      }
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /**
   * A module with no LLM signal that re-exports others (`export * from "./hosts"`): only the
   * names it passes on are read, for the modules that import them; it has no endpoints.
   */
  private exportsOnly(result: FileResult, text: string, lang: CodeLanguage): FileResult {
    try {
      this.checkpoint('scan', result.file);
      const lines = new LineIndex(text);
      result.env = moduleExports({ file: result.file, text, lang }, this.index).map((d) => ({ name: d.name, value: d.value, file: result.file, line: lines.position(d.offset).line }));
    } catch (err) {
      result.notes.push(internalError(result.file, 'reading its re-exports', err));
    }
    return result;
  }

  /** Only the calls a Python file or notebook makes of the named imported functions and classes, for the modules that define them. */
  private callsOnly(result: FileResult, text: string, format: FileFormat, callees: string[]): FileResult {
    if (format.kind !== 'notebook' && (format.kind !== 'code' || format.lang !== 'python')) return result;
    try {
      this.checkpoint('scan', result.file);
      const lines = new LineIndex(text);
      let input: CodeFile = { file: result.file, text, lang: 'python' };
      let rawOf = (offset: number): number => offset;
      if (format.kind === 'notebook') {
        const nb = parseNotebook(text);
        if (notebookLanguage(nb)?.lang !== 'python') return result;
        const { code, rawOffset } = notebookProgram(nb);
        rawOf = (offset) => rawOffset[Math.min(offset, rawOffset.length - 1)]!;
        input = { file: result.file, text: code, lang: 'python', lineOf: (offset) => lines.position(rawOf(offset)).line };
      }
      result.env = callsOfModule(input, this.index, callees)
        .map((d) => ({ name: d.name, value: d.value, file: result.file, line: lines.position(rawOf(d.offset)).line }));
    } catch (err) {
      result.notes.push(internalError(result.file, 'reading its calls', err));
    }
    return result;
  }

  private decodeStrict(bytes: Uint8Array): string | undefined {
    try {
      return this.utf8.decode(bytes);
    } catch {
      return undefined;
    }
  }

  /**
   * The endpoints with what the whole workspace knows: Azure resources named in code take
   * the region and deployment type their Terraform (or the policy) gives them. Should that
   * fail, the endpoints stay as found (an Azure host without a region stays unknown) and a
   * note says so.
   */
  withWorkspaceFacts(endpoints: Endpoint[], azureResources: AzureResource[], policy: Policy, notes: ScanNote[]): Endpoint[] {
    try {
      this.checkpoint('workspace-facts');
      return applyAzureResources(endpoints, this.index, azureResources, policy.azureResources, policy.source);
    } catch (err) {
      notes.push(internalError(policy.source ?? endpoints[0]?.file ?? '.', 'applying the workspace\'s Azure resources', err));
      return endpoints;
    }
  }

  /**
   * Findings for endpoints under a policy, with the waivers applied (waived findings stay,
   * marked as suppressed), and an LLMC008 finding for each note. An engine failure while
   * judging an endpoint is an LLMC008 error at that endpoint, never a missing finding.
   */
  evaluate(endpoints: Endpoint[], policy: Policy, options: EvaluateInput = {}): Finding[] {
    let findings: Finding[];
    const notes = [...(options.notes ?? [])];
    try {
      this.checkpoint('evaluate');
      findings = evaluateEndpoints(endpoints, policy, this.index, options);
    } catch (err) {
      // Judge each endpoint alone, so that one failure cannot hide the others' findings;
      // chains across endpoints (LLMC005) are lost that way, so the failure itself is reported.
      notes.push(internalError(policy.source ?? endpoints[0]?.file ?? '.', 'judging the endpoints', err));
      findings = [];
      for (const endpoint of endpoints) {
        try {
          this.checkpoint('evaluate', endpoint.file);
          findings.push(...evaluateEndpoints([endpoint], policy, this.index, options));
        } catch (err) {
          notes.push({ ...internalError(endpoint.file, 'judging the endpoint here', err), range: endpoint.range });
        }
      }
    }
    // Without a policy file the scan is an inventory: nothing is judged, waived, or checked against waivers.
    if (!policy.source) return findings;
    findings.push(...notAnalysed.check(notes, policy));
    try {
      this.checkpoint('waivers');
      return onePerProblem(applyWaivers(findings, options.waivers ?? [], policy, { today: options.today ?? todayUtc(), ...options }), options);
    } catch (err) {
      // Unwaived, every finding still counts: this can only fail closed.
      return [...findings, ...notAnalysed.check([internalError(policy.source, 'applying waivers', err)], policy)];
    }
  }

  private dispatch(file: string, text: string, format: FileFormat, env: EnvLookup, notes: ScanNote[], limit: ReadLimit, cdk?: CdkAnchors): Scanned {
    const context: ReadContext = {
      file, text, env, notes, limit, index: this.index, ...(cdk ? { cdk } : {}),
      config: (fill) => {
        const r = new ConfigResolver(file, this.index, text);
        fill(r);
        return { endpoints: r.endpoints, definitions: r.definitions, azureResources: r.azureResources, envFiles: r.envFiles };
      },
      broken: (what, problem) => {
        const { line } = lineAndColumn(text, problem.offset);
        return this.lexicalFallback(file, text, `not valid ${what} (line ${line}: ${problem.message})`, notes, line);
      },
      notebook: (nb) => this.notebook(file, nb, text, env, notes),
    };
    const read = READERS[format.kind] as (context: ReadContext, format: FileFormat) => Scanned;
    return read(context, format);
  }

  /**
   * A file that could not be parsed: say why, then still look for LLM URLs and env
   * lines, outside comments (which never count).
   */
  private lexicalFallback(file: string, text: string, why: string | undefined, notes: ScanNote[], line?: number): Scanned {
    if (why) notes.push({ kind: 'parse-error', file, ...(line ? { line } : {}), message: `${why}; scanned lexically for URLs and env variables` });
    const code = withoutComments(text);
    const r = new ConfigResolver(file, this.index);
    const env: { name: string; value: { text: string; s: number; e: number; cs: number; ce: number; verbatim: boolean } }[] = [];
    const lineRe = /^[ \t-]*"?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"?[ \t]*[:=][ \t]*["']?([^"'\r\n#]*)/gm;
    for (const m of code.matchAll(lineRe)) {
      const value = m[2]!.trimEnd();
      const s = m.index + m[0].length - m[2]!.length;
      env.push({ name: m[1]!, value: { text: value, s, e: s + value.length, cs: s, ce: s + value.length, verbatim: true } });
    }
    r.env(env);
    for (const m of code.matchAll(/(?:https?|wss?):\/\/[^\s"'<>`),\]}]+/g)) {
      const s = m.index;
      r.url({ text: m[0], s, e: s + m[0].length, cs: s, ce: s + m[0].length, verbatim: true });
    }
    return { endpoints: r.endpoints, definitions: r.definitions };
  }

  private notebook(file: string, nb: Notebook, text: string, env: EnvLookup, notes: ScanNote[]): Scanned {
    const language = notebookLanguage(nb);
    const named = nb.language ? `the notebook's language is "${nb.language}"` : 'the notebook names no language';
    if (!language && nb.cells.some((c) => c.text.trim() !== '')) {
      // Never dropped in silence: say so, and still find the LLM URLs its code cells write.
      const fallback = this.notebookUrls(file, nb);
      notes.push({ kind: 'parse-error', file, message: `${named}, which is not one the engine reads, and its code cells do not look like Python; only LLM URLs in its code cells were looked for` });
      return fallback;
    }
    if (!language) return { endpoints: [] };
    if (language.assumed && nb.language) {
      notes.push({ kind: 'parse-error', file, message: `${named}, which is not one the engine reads; its code cells look like Python and were analysed as Python` });
    }
    const lang: CodeLanguage = language.lang;
    const { code, rawOffset, separatePrograms } = notebookProgram(nb);
    const codeLines = new LineIndex(code);
    const rawLines = new LineIndex(text);
    const rawLine = (line: number): number => rawLines.position(rawOffset[Math.min(codeLines.offset(line, 1), rawOffset.length - 1)]!).line;
    // A variable a cell sets (`os.environ[...] = ...`) is cited at its line in the notebook file.
    const lineOf = (offset: number): number => rawLines.position(rawOffset[Math.min(offset, rawOffset.length - 1)]!).line;
    const resolved = resolveCode({ file, text: code, lang, lineOf, separatePrograms }, this.index, env);
    for (const note of resolved.notes) notes.push(note.line ? { ...note, line: rawLine(note.line) } : note);
    const endpoints = resolved.endpoints.map((e) => mapCellEndpoint(e, rawOffset, text));
    // Nothing imports a notebook, but the modules it imports build their clients in its process: its init calls reach them.
    const definitions = resolved.exports.filter(isInitCall).map((d) => ({ ...d, offset: rawOffset[Math.min(d.offset, rawOffset.length - 1)]! }));
    return { endpoints, definitions, ...(resolved.stoppedAt === undefined ? {} : { stoppedAt: rawOffset[Math.min(resolved.stoppedAt, rawOffset.length - 1)]! }) };
  }

  /** LLM URLs in the code cells of a notebook in a language the engine does not read (outputs stay out). */
  private notebookUrls(file: string, nb: Notebook): Scanned {
    const r = new ConfigResolver(file, this.index);
    for (const cell of nb.cells) {
      const code = withoutComments(cell.text);
      for (const m of code.matchAll(/(?:https?|wss?):\/\/[^\s"'<>`),\]}]+/g)) {
        const s = cell.rawOffset[m.index]!;
        const last = cell.rawOffset[m.index + m[0].length - 1]!;
        // The JSON text spells the URL exactly when it holds no escapes.
        const verbatim = last - s + 1 === m[0].length;
        r.url({ text: m[0], s, e: last + 1, cs: s, ce: last + 1, verbatim });
      }
    }
    return { endpoints: r.endpoints };
  }
}

type ReadLimit = { max: number; setting?: string | undefined };

/** Whether a JS or Python file names the CDK's Lambda or app modules (its whole text scanned). */
type CdkAnchors = { lambda: boolean; app: boolean };

/** What decode() learnt of a file on its way. */
interface DecodeFacts {
  /** JS with no signal that re-exports: only its exports are read. */
  exportsOnly?: boolean;
  /** JS and Python: what the prefilter pass found of the CDK (absent when it did not run, as for a forced read). */
  cdk?: CdkAnchors;
}

/** What a format's reader is given: the file, and the engine's services it may call. */
interface ReadContext {
  file: string;
  text: string;
  env: EnvLookup;
  notes: ScanNote[];
  limit: ReadLimit;
  index: CatalogIndex;
  /** Found by decode()'s pass over the same text, when it ran. */
  cdk?: CdkAnchors;
  /** What a ConfigResolver finds in the file once `fill` has fed it. */
  config: (fill: (r: ConfigResolver) => void) => Scanned;
  /** A file that is not valid `what`: noted, then scanned lexically. */
  broken: (what: string, problem: { message: string; offset: number }) => Scanned;
  notebook: (nb: Notebook) => Scanned;
}

type Reader<K extends FileFormat['kind']> = (c: ReadContext, format: Extract<FileFormat, { kind: K }>) => Scanned;

/** One reader per file format. */
const READERS: { [K in FileFormat['kind']]: Reader<K> } = {
  code: readCode,
  dotenv: readDotenv,
  dockerfile: readDockerfile,
  yaml: readConfigTree,
  json: readConfigTree,
  toml: readConfigTree,
  properties: readConfigTree,
  terraform: readTerraform,
  build: readBuild,
  bicepparam: readBicepParam,
  prompty: readPrompty,
  bicep: readBicep,
  notebook: readNotebook,
};

function readCode({ file, text, env, notes, index, cdk: seen }: ReadContext, format: Extract<FileFormat, { kind: 'code' }>): Scanned {
  const code = resolveCode({ file, text, lang: format.lang }, index, env);
  notes.push(...code.notes);
  // The constants it exports reach the modules that import them (resolve/modules.ts); a CDK app's Lambda env reaches their code.
  // A CDK app's stack region reaches the Bedrock resources its stacks declare.
  const cdkLang = format.lang === 'js' || format.lang === 'python' ? format.lang : undefined;
  const lambdas = cdkLang === 'js' && (seen?.lambda ?? mayDefineCdkLambda(text));
  const app = cdkLang !== undefined && (seen?.app ?? mayDefineCdkApp(text));
  const cdk = cdkLang && (lambdas || app) ? readCdkFile(text, cdkLang, env) : undefined;
  const lambdaEnv = cdk && lambdas ? lambdaEnvironments(file, cdk) : [];
  const stackEnv = cdk && app ? stackRegions(file, cdk) : [];
  // What the app's constructions pass in their props, for the `props.key` a Lambda environment reads.
  const props = cdk ? constructionProps(file, cdk) : [];
  return { endpoints: code.endpoints, definitions: [...code.exports, ...lambdaEnv, ...stackEnv, ...props], ...(code.stoppedAt === undefined ? {} : { stoppedAt: code.stoppedAt }) };
}

function readDotenv({ file, text, config }: ReadContext): Scanned {
  // A dotenv file serves the code in its folder; where that is, the workspace decides (env-scope.ts).
  const scope: EnvScope = { kind: 'dotenv', dir: dirOf(file), ...(isDocumentationEnv(file) ? { documentation: true as const } : {}) };
  return config((r) => r.env(dotenvAssignments(parseDotenv(text)), scope));
}

function readDockerfile({ file, text, config }: ReadContext): Scanned {
  // The image's code is its build context, most often the Dockerfile's folder: scoped as a .env there is.
  const scope: EnvScope = { kind: 'dotenv', dir: dirOf(file) };
  return config((r) => r.env(dotenvAssignments(parseDockerfileEnv(text)), scope));
}

function readConfigTree(c: ReadContext, format: Extract<FileFormat, { kind: 'yaml' | 'json' | 'toml' | 'properties' }>): Scanned {
  const { file, text, env, config } = c;
  const tree: ConfigTree = format.kind === 'yaml' ? parseYaml(text) : format.kind === 'json' ? parseJson(text)
    : format.kind === 'toml' ? parseToml(text) : parseProperties(text);
  if (tree.problems.length) return c.broken(format.kind.toUpperCase(), tree.problems[0]!);
  // Spring Boot reads its properties from YAML and .properties files (Spring AI's starters first, so their URLs are theirs).
  const spring = format.kind === 'yaml' || format.kind === 'properties';
  const scanned = config((r) => tree.roots.forEach((root) => {
    if (spring) {
      const all = flatten(root);
      springAiProperties(r, root, env, all);
      springValueProperties(r, root, env, all);
    }
    if (format.kind === 'yaml' || format.kind === 'json') {
      r.bicepLoaded(root, env);
      componentConfigs(r, root, env);
    }
    r.tree(root);
  }));
  // A model config file reaches the code that loads it by name (resolve/config-files.ts).
  if (format.kind === 'yaml' || format.kind === 'json') scanned.definitions = [...(scanned.definitions ?? []), ...publishedConfigFile(file, text, tree, c.index)];
  return format.kind === 'json' ? withJsonDefinitions(c, format, tree, scanned) : scanned;
}

/** What a JSON file of a known kind (tsconfig, cdk.json, package.json, deployment parameters) adds. */
function withJsonDefinitions({ file, text, env, config }: ReadContext, format: Extract<FileFormat, { kind: 'json' }>, tree: ConfigTree, scanned: Scanned): Scanned {
  if (format.compilerConfig) return { ...scanned, definitions: [...(scanned.definitions ?? []), ...compilerConfig(file, tree)] };
  if (format.cdkContext) return { ...scanned, definitions: [...(scanned.definitions ?? []), ...cdkContextDefinitions(file, tree.roots[0])] };
  // A package.json names its package: JS/TS code below it reads that to tell a library's own source.
  if (format.packageManifest) return { ...scanned, definitions: [...(scanned.definitions ?? []), ...npmPackageDefinition(file, tree.roots[0])] };
  if (!format.deploymentParameters) return scanned;
  const { template, settings } = deploymentParameters(file, tree);
  const skus = config((r) => r.bicepParameters(template, settings, env, (offset) => lineAndColumn(text, offset).line));
  return {
    ...scanned,
    endpoints: [...scanned.endpoints, ...skus.endpoints],
    definitions: [...(scanned.definitions ?? []), ...settings.map((p) => ({ name: bicepParamName(template, p.param), value: p.value.text, offset: p.value.s }))],
  };
}

function readTerraform({ file, text, env, notes, config, broken }: ReadContext, format: Extract<FileFormat, { kind: 'terraform' }>): Scanned {
  const hcl = parseHcl(text);
  if (hcl.problems.length) return broken('HCL', hcl.problems[0]!);
  notes.push(...parseNotes(file, text, undefined, hcl.parser.tooDeep()));
  if (format.varsOnly) {
    // Variable values for the module in this folder; Terraform code elsewhere reads them.
    const dir = moduleDir(file);
    const definitions = [...hcl.body.attributes.values()]
      .filter((a) => a.value.k === 'str')
      .map((a) => ({ name: tfvarName(dir, a.name), value: (a.value as { v: string }).v, offset: a.value.s }));
    return { ...config((r) => r.terraform(hcl, env)), definitions };
  }
  // Variable defaults serve the module's other files (variables.tf for main.tf).
  const dir = moduleDir(file);
  const defaults = hcl.body.blocks.flatMap((b) => {
    const def = b.type === 'variable' && b.labels[0] ? b.attributes.get('default') : undefined;
    return def?.value.k === 'str' ? [{ name: tfDefaultName(dir, b.labels[0]!), value: def.value.v, offset: def.value.s }] : [];
  });
  const scanned = config((r) => r.terraform(hcl, env));
  return { ...scanned, definitions: [...(scanned.definitions ?? []), ...defaults] };
}

function readBuild({ file, text }: ReadContext): Scanned {
  // A go.mod names its module: Go code below it reads that to tell an SDK's own source.
  const goModule = file === 'go.mod' || file.endsWith('/go.mod') ? goModuleDefinition(file, text) : undefined;
  if (goModule !== undefined) return { endpoints: [], definitions: goModule ? [goModule] : [] };
  // Which Spring AI starters this module declares: its application properties read it.
  return { endpoints: [], definitions: [springAiStarters(file, text)] };
}

function readBicepParam({ file, text, env, config }: ReadContext): Scanned {
  const { template, settings } = bicepParameters(file, text);
  const scanned = config((r) => r.bicepParameters(template, settings, env, (offset) => lineAndColumn(text, offset).line));
  return { ...scanned, definitions: [...(scanned.definitions ?? []), ...settings.map((p) => ({ name: bicepParamName(template, p.param), value: p.value.text, offset: p.value.s }))] };
}

function readPrompty({ text, env, config, broken }: ReadContext): Scanned {
  const end = promptyFrontMatterEnd(text);
  if (end < 0) return /^\s*---/.test(text) ? broken('Prompty front matter', { message: 'it has no closing --- line', offset: 0 }) : { endpoints: [] };
  const tree = parseYaml(text.slice(0, end));
  if (tree.problems.length) return broken('Prompty front matter YAML', tree.problems[0]!);
  return config((r) => tree.roots.forEach((root) => {
    promptyModel(r, root, env);
    r.tree(root);
  }));
}

function readBicep({ file, text, env, notes, config }: ReadContext): Scanned {
  const bicep = parseBicep(text);
  notes.push(...parseNotes(file, text, bicep.brackets, bicep.tooDeep));
  return config((r) => r.bicep(bicep, env));
}

function readNotebook({ file, text, notes, limit, broken, notebook }: ReadContext): Scanned {
  const nb = parseNotebook(text);
  if (nb.problems.length && nb.cells.length === 0) return broken('notebook JSON', nb.problems[0]!);
  if (nb.problems.length) {
    // The cells before the damage are read; what the damage hides is not.
    const problem = nb.problems[0]!;
    const { line } = lineAndColumn(text, problem.offset);
    notes.push({ kind: 'parse-error', file, line, message: `not valid notebook JSON (line ${line}: ${problem.message}); only the code cells that could be read were scanned` });
  }
  // The size limit is on the code: outputs, however large, are not analysed.
  const codeSize = nb.cells.reduce((n, c) => n + c.text.length, 0);
  if (codeSize > limit.max) {
    const setting = limit.setting ?? 'policy maxFileSizeKb';
    notes.push({ kind: 'skipped-too-large', file, message: `not scanned: the notebook's code cells hold ${formatSize(codeSize)}, over the ${formatSize(limit.max)} limit (${setting})` });
    return { endpoints: [] };
  }
  return notebook(nb);
}

/** Maps an endpoint found in the notebook's code back to the notebook's JSON text. */
function mapCellEndpoint(e: Endpoint, rawOffset: number[], raw: string): Endpoint {
  const mapOffset = (o: number, end: boolean): number => {
    if (!end) return rawOffset[Math.min(o, rawOffset.length - 1)]!;
    const last = rawOffset[Math.max(0, o - 1)]!;
    // End of the last character: an escape (\" or \uXXXX) is longer than one.
    return last + (raw[last] === '\\' ? (raw[last + 1] === 'u' ? 6 : 2) : 1);
  };
  const mapEdits = (edits: TextEdit[]): TextEdit[] =>
    edits.map((x) => ({ start: mapOffset(x.start, false), end: x.end > x.start ? mapOffset(x.end, true) : mapOffset(x.start, false), newText: escapeForJsonString(x.newText) }));
  const start = mapOffset(e.range.start, false);
  // An empty range (a value not written, as in `host=,`) stays empty: ends map past their last character.
  const mapped: Endpoint = { ...e, range: { start, end: e.range.end > e.range.start ? Math.max(start, mapOffset(e.range.end, true)) : start } };
  if (e.euFix) mapped.euFix = { ...e.euFix, edits: mapEdits(e.euFix.edits) };
  return mapped;
}

export function tooLargeNote(file: string, size: number, max: number, setting = 'policy maxFileSizeKb'): ScanNote {
  const limit = readLimit(file, max);
  const why = limit === max ? setting : `${NOTEBOOK_READ_FACTOR} times ${setting}, for a notebook with its outputs`;
  return { kind: 'skipped-too-large', file, message: `not scanned: ${formatSize(size)} is over the ${formatSize(limit)} limit (${why})` };
}

function looksBinary(bytes: Uint8Array): boolean {
  // indexOf is native; a JS loop over every file's first 8 KB costs more than the prefilter saves.
  return bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) >= 0;
}

/** The offset of the first NUL that the lexer sees as code (not inside a comment or string), or -1. */
function nulInCode(text: string, lang: CodeLanguage): number {
  if (!text.includes('\0')) return -1;
  return lex(text, lang).tokens.find((t) => t.t === 'p' && t.v === '\0')?.s ?? -1;
}

/** A note for an engine failure: a bug, never the file's fault, and always an error under a policy (LLMC008). */
export function internalError(file: string, doing: string, err: unknown): ScanNote {
  return { kind: 'internal-error', file, message: `internal error while ${doing}: ${err instanceof Error ? err.message : String(err)}` };
}

function dedupe(endpoints: Endpoint[]): Endpoint[] {
  const place = (e: Endpoint): string => `${e.range.start}:${e.range.end}:${e.provider}:${e.host}:${e.region}`;
  // One text found by two routes is one endpoint: a URL literal that is also a client's base
  // URL, or a client found again as an argument of the call around it (`Agent(llm=LLM(...))`).
  // One constant that two clients send to different places is two, and so are two separate
  // calls that send it to the same place: each call is a use.
  const byCall = new Set(endpoints.filter((e) => e.call).map(place));
  // Per place, the end of the calls kept so far: calls nest or are apart, so in order of their
  // start a call that begins before that end is inside one already kept.
  const keptUntil = new Map<string, number>();
  const out: Endpoint[] = [];
  for (const e of endpoints.sort((a, b) => a.range.start - b.range.start || (a.call?.start ?? -1) - (b.call?.start ?? -1))) {
    const key = place(e);
    if (!e.call && byCall.has(key)) continue;
    const until = keptUntil.get(key);
    if (until !== undefined && (e.call?.start ?? -1) < until) continue;
    keptUntil.set(key, e.call?.end ?? Infinity);
    out.push(e);
  }
  return out;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Blanks `#`, `//` and block comments (keeping offsets), so the lexical fallback never reads them. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[ \t])(?:#|\/\/).*$/gm, (m, lead: string) => lead + ' '.repeat(m.length - lead.length));
}

/**
 * `main.parameters.json` (azd, ARM): each `parameters.NAME.value` string sets parameter NAME
 * of the Bicep file beside it (`main.bicep`), read there before the parameter's default.
 */
function deploymentParameters(file: string, tree: ConfigTree): { template: string; settings: { param: string; value: Located }[] } {
  const template = `${file.slice(0, -'.parameters.json'.length)}.bicep`;
  const root = tree.roots[0];
  const params = entryOf(root, 'parameters');
  if (params?.k !== 'map') return { template, settings: [] };
  return {
    template,
    settings: params.entries.flatMap((p) => {
      const value = p.value.k === 'map' ? scalarEntry(p.value.entries, 'value') : undefined;
      return typeof value?.v === 'string' ? [{ param: p.key, value: located(value) }] : [];
    }),
  };
}

/**
 * A `.bicepparam` file (`using 'main.bicep'`, `param location = 'swedencentral'`): each
 * parameter it sets, for the Bicep file it names, as `main.parameters.json` does. A value
 * read from the environment at deploy time (`readEnvironmentVariable('X', 'default')`) is
 * azd's `${X=default}`; any other expression is unknown where it is deployed, never the
 * template's default.
 */
function bicepParameters(file: string, text: string): { template: string; settings: { param: string; value: Located }[] } {
  const using = /^\s*using\s+'([^']+)'/m.exec(text);
  if (!using) return { template: '', settings: [] };
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const template = (dir + using[1]!).replace(/(^|\/)\.\//g, '$1');
  const settings: { param: string; value: Located }[] = [];
  for (const m of text.matchAll(/^[ \t]*param[ \t]+(\w+)[ \t]*=[ \t]*([^\r\n]*)/gm)) {
    const expr = m[2]!.replace(/\s*\/\/.*$/, '').trim();
    const literal = /^'([^'\\$]*)'$/.exec(expr);
    const fromEnv = /^readEnvironmentVariable\(\s*'(\w+)'\s*(?:,\s*'([^'\\$]*)'\s*)?\)$/.exec(expr);
    const value = literal ? literal[1]! : fromEnv ? `\${${fromEnv[1]}${fromEnv[2] !== undefined ? `=${fromEnv[2]}` : ''}}` : `\${${expr}}`;
    const s = m.index + m[0].indexOf(m[2]!);
    // The text as written is the quoted literal's content only; anything else is an expression.
    settings.push({ param: m[1]!, value: { text: value, s, e: s + expr.length, cs: literal ? s + 1 : s, ce: literal ? s + expr.length - 1 : s + expr.length, verbatim: literal !== null } });
  }
  return { template, settings };
}

/**
 * The lookup code analysis uses for environment variables the workspace's config files
 * set, when which file reaches which code is not asked (definitions without a scope). A
 * variable set to different values in different files is a conflict: which one applies
 * depends on the deployment, so the value stays unknown.
 */
export function workspaceEnv(definitions: EnvDefinition[]): EnvLookup {
  return scopedEnv(definitions)('');
}
