// Which config files may set a variable code reads, so that they are read without an LLM
// signal of their own (workspace.ts). Lookups are exact (env-scope.ts: a Map by name), and a
// config file that is not value-setting by kind defines only names it writes out whole, in
// their case (resolve/config.ts): an UPPER_SNAKE name (ENV_NAME) as a key (`OPENAI_BASE_URL:`,
// `"OPENAI_BASE_URL":`, TOML, properties, the lexical fallback of a broken file) or a
// compose-style `- OPENAI_BASE_URL=...` entry; any other name only as a Kubernetes-style
// `{name: X, value: ...}` item, whose keys are then in the file too. So a mention in another
// case (`openai_api_key`), inside a longer word (`MY_OPENAI_API_KEY`), or of a name that is
// no ENV_NAME in a file without `name` and `value` keys (`LIMIT` in an SQL string) sets
// nothing code reads, and does not make the file worth reading.

import { ENV_NAME } from '../resolve/config';
import { utf16Encoding } from '../text';

/** Characters of an identifier (`\w`): a name is whole where it has none of these beside it. */
const WORD = /\w/;
const IDENTIFIER = /^\w+$/;
/**
 * Names shorter than this never made a file worth reading (the Prefilter's shortest anchor);
 * `KEY` or `URL` alone would let most config files through.
 */
const MIN_LENGTH = 4;

/** The shape of the engine's own lookup names (a lower-case name of their kind, then `:`). */
const ENGINE_NAME = /^[a-z][a-z0-9-]*:/;

/**
 * Whether code's lookup name is one a config file could write: the engine's own lookup names
 * (`export:module:NAME`, `npmpackage:dir`, `tsconfig:file`, `tfvar:...`, `bicepparam:...`,
 * `config-file:path`, ...) all start with a lower-case kind and a `:`, and are set only by code
 * or by files read whatever they name (formats.ts setsValuesOnly), never written out in the
 * config that sets them. Another name may hold a `:` (.NET's `AzureOpenAI:Endpoint`, which a
 * Kubernetes env item can set). Printable ASCII only, as the Prefilter's anchors (a non-ASCII
 * name never made a file worth reading).
 */
export function isSettableName(name: string): boolean {
  return name.length >= MIN_LENGTH && /^[!-~]+$/.test(name) && !ENGINE_NAME.test(name);
}

/** The keys of a Kubernetes-style env item, as resolve/config.ts reads them (exact case). */
const ITEM_KEYS = [/\bname\b/, /\bvalue\b/];

/** Tests a config file for a name, among those code reads, that it could set (see above). */
export class SettableNames {
  /**
   * ENV_NAMEs, and other names that are identifiers, as whole words (one regular expression
   * each: measured 8x faster than a Set of the file's words).
   */
  private readonly envNames: RegExp | undefined;
  private readonly itemNames: RegExp | undefined;
  /** Names with other characters (a Kubernetes env name may hold `.` or `-`), found by search. */
  private readonly others: string[];
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  /** Undefined when no name read can be set by a config file. */
  static of(names: readonly string[]): SettableNames | undefined {
    const settable = [...new Set(names.filter(isSettableName))];
    return settable.length ? new SettableNames(settable) : undefined;
  }

  private constructor(names: string[]) {
    const words = (list: string[]): RegExp | undefined => (list.length ? new RegExp(`\\b(?:${list.join('|')})\\b`) : undefined);
    this.envNames = words(names.filter((n) => ENV_NAME.test(n)));
    this.itemNames = words(names.filter((n) => !ENV_NAME.test(n) && IDENTIFIER.test(n)));
    this.others = names.filter((n) => !IDENTIFIER.test(n));
  }

  /** Whether the file writes one of the names whole, in its case, as it could set it (bytes are read as the engine decodes them: UTF-16 after its byte-order mark, else UTF-8). */
  test(content: Uint8Array | string): boolean {
    const utf16 = typeof content === 'string' ? undefined : utf16Encoding(content);
    const text = typeof content === 'string' ? content : utf16 ? new TextDecoder(utf16).decode(content) : this.decoder.decode(content);
    if (this.envNames?.test(text)) return true;
    return (this.itemNames?.test(text) === true || this.others.some((name) => writtenWhole(text, name))) && ITEM_KEYS.every((key) => key.test(text));
  }
}

function writtenWhole(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = at > 0 ? text[at - 1]! : '';
    const after = text[at + name.length] ?? '';
    if (!WORD.test(before) && !WORD.test(after)) return true;
  }
  return false;
}
