// The language-neutral view of code that the resolver works on.

export interface Span {
  s: number;
  e: number;
}

export type Value =
  /** `cs`/`ce` bound the literal's content inside its quotes (where edits go). */
  | { k: 'str'; v: string; s: number; e: number; cs: number; ce: number }
  /** Concatenation or interpolation: literal chunks (`str`) and code. */
  | { k: 'tmpl'; parts: Value[]; s: number; e: number }
  /** A name or dotted path: `BASE_URL`, `process.env.X`, `Region.EU_CENTRAL_1`. */
  | { k: 'ref'; path: string; s: number; e: number }
  | { k: 'call'; call: Call; s: number; e: number }
  | { k: 'index'; target: Value; index: Value; s: number; e: number }
  | { k: 'obj'; entries: Entry[]; s: number; e: number }
  | { k: 'arr'; items: Value[]; s: number; e: number }
  | { k: 'lit'; v: boolean | number | null; s: number; e: number }
  /** `a ?? b`, `a || b`, `a or b`: the first that is set. */
  | { k: 'alt'; options: Value[]; s: number; e: number }
  | { k: 'other'; s: number; e: number };

export interface Entry {
  key: string;
  value: Value;
  s: number;
  e: number;
}

export interface Arg {
  /** Keyword (`base_url=`), named (`endpoint:`) or spread (`**`, `...`) argument name. */
  name?: string;
  value: Value;
  s: number;
  e: number;
}

export interface Call {
  /** Dotted callee path; `::` and `->` are written as `.`; a Rust macro keeps its `!`. */
  callee: string;
  isNew: boolean;
  args: Arg[];
  /** Method calls chained on the result: `.region(x).build()`. */
  chain: Call[];
  /** Object initializer or composite literal that follows (`new T { A = b }`, Go `T{A: b}`). */
  init?: Value;
  /** For a method chained on another call (`Session(region_name=...).client(...)`): that call. */
  receiver?: Call;
  s: number;
  e: number;
  calleeS: number;
  calleeE: number;
  /** Offsets of `(` and `)`; -1 when the call has no argument list (`new T { }`). */
  open: number;
  close: number;
  /**
   * The lexer repaired the call's text: its `)` or a bracket inside it is missing, or a
   * string in it is never closed. Where it ends is a guess, so no option is inserted there.
   */
  repaired?: true;
}

export interface Assignment {
  name: string;
  /** Where the assigned expression's tokens start and end (token indices). */
  from: number;
  to: number;
  /** `+=` and friends: the name is not a constant. */
  compound: boolean;
  /** The statement declares the name (`const x =`, `x :=`, Python's `x =`) rather than reassigning it. */
  declares: boolean;
  s: number;
  /** The block (function, class body, file) the assignment is in; -1 until computed (Python). */
  blockS: number;
  blockE: number;
  /**
   * Later assignments that run only when this value is empty (`if x == "" { x = "d" }`):
   * defaults, like `x ?? "d"`, rather than competing values.
   */
  defaults?: Assignment[];
}
