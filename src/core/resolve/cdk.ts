// AWS CDK apps in TypeScript/JavaScript as a source of env values: a Lambda function's
// `environment` map (`new lambda.Function`, `NodejsFunction`, `PythonFunction`,
// `DockerImageFunction`, `GoFunction`) reaches the code of its asset folder, as a compose
// service's `environment:` reaches its build context; the app's cdk.json "context" reaches
// the CDK code beside and below it (`this.node.tryGetContext("key")`). A value a construct
// takes from its props (`props.key`) is what every construction of it in the app passes
// (`new Api(this, "Api", { key: value })`), followed up to a literal or the context; where
// the constructions disagree or cannot be read, it is set, but unknown.

import { cdkClassKey, cdkContextLink, cdkPropLink, cdkPropName, cdkPropSitesName, dirOf, joinPath, type EnvScope } from '../env-scope';
import { isProjectModule } from '../scan/imports';
import { lex } from '../scan/lexer';
import { CodeParser, type CodeStructure } from '../scan/parse';
import { HOLE } from '../scan/tokens';
import type { Call, Value } from '../scan/ir';
import type { CNode } from '../scan/config/tree';
import { moduleKeyOf } from './modules';
import { cdkContextName, evaluate, findAssignment, type EnvLookup, type EvalContext } from './values';

/** A value an env-setting file publishes, at its offset (the engine adds the line). */
interface Definition {
  name: string;
  value: string;
  offset: number;
  scope?: EnvScope;
}

/** The Lambda constructs whose props carry `environment`, by class name. */
const FUNCTION_CLASSES = new Set(['Function', 'SingletonFunction', 'NodejsFunction', 'PythonFunction', 'DockerImageFunction', 'GoFunction']);

/** The modules that define them: aws-cdk-lib's `aws-lambda` (and `aws_lambda` through the root), and the alpha packages. */
const FUNCTION_MODULE = /^(?:aws-cdk-lib\/aws-lambda(?:-nodejs)?|aws-cdk-lib\.aws_lambda(?:_nodejs)?|@aws-cdk\/aws-lambda(?:-[a-z]+)*)\.(\w+)$/;

/** Whether code may define Lambda functions with the CDK (worth reading without an LLM signal). */
export const CDK_LAMBDA_ANCHORS = ['aws-cdk-lib/aws-lambda', '@aws-cdk/aws-lambda', 'aws_lambda.'];

/** The values a cdk.json (or cdk.context.json) "context" sets, for the CDK code in its folder and below. */
export function cdkContextDefinitions(file: string, root: CNode | undefined): Definition[] {
  const context = root?.k === 'map' ? root.entries.find((e) => e.key === 'context')?.value : undefined;
  if (context?.k !== 'map') return [];
  const scope: EnvScope = { kind: 'folder', dir: dirOf(file), by: 'CDK app' };
  return context.entries.flatMap((e) => (e.value.k === 'scalar' && typeof e.value.v === 'string'
    ? [{ name: cdkContextName(e.key), value: e.value.v, offset: e.value.s, scope }] : []));
}

/** A CDK file parsed once, for both its Lambda environments and its stacks' regions. */
export interface CdkFile {
  parser: CodeParser;
  structure: CodeStructure;
  ctx: EvalContext;
}

export function readCdkFile(text: string, lang: 'js' | 'python', env: EnvLookup): CdkFile {
  const { tokens } = lex(text, lang);
  const parser = CodeParser.forFile(text, tokens, lang, () => true);
  const structure = parser.parseFile();
  return { parser, structure, ctx: { parser, assignments: structure.assignments, unstable: structure.unstable, env } };
}

/**
 * The env variables each CDK Lambda function in a file sets, scoped to its code: the asset
 * folder (`entry:`, `Code.fromAsset(...)`, `DockerImageCode.fromImageAsset(...)`) when it is
 * written from `__dirname`; otherwise tied to no folder (a relative path is taken from where
 * the CDK app runs). Inline code (`Code.fromInline`) runs no workspace code.
 */
export function lambdaEnvironments(file: string, { parser, structure, ctx }: CdkFile): Definition[] {
  const out: Definition[] = [];
  const fromProps = propsReader(file, parser);
  for (const call of structure.calls) {
    if (!call.isNew) continue;
    const cdkFunction = FUNCTION_CLASSES.has(FUNCTION_MODULE.exec(parser.qualify(call.callee))?.[1] ?? '');
    const props = call.args[2]?.value;
    const environment = props?.k === 'obj' ? props.entries.find((e) => e.key === 'environment')?.value : undefined;
    if (props?.k !== 'obj' || environment?.k !== 'obj') continue;
    // The project's own Lambda construct (a wrapper around PythonFunction or NodejsFunction) with an `entry`.
    const wrapper = !cdkFunction && isProjectModule(parser.imports.get(call.callee.split('.')[0]!)) && props.entries.some((e) => e.key === 'entry');
    if (!cdkFunction && !wrapper) continue;
    const dir = codeFolder(file, call, props.entries, wrapper);
    if (dir === undefined) continue;
    const id = call.args[1]?.value;
    const by = `CDK Lambda function ${id?.k === 'str' ? `"${id.v}"` : 'construct'}`;
    const scope: EnvScope = dir === null ? { kind: 'none' } : { kind: 'folder', dir, by };
    for (const entry of environment.entries) {
      if (!/^[A-Za-z_]\w*$/.test(entry.key)) continue;
      out.push({ name: entry.key, value: envValue(entry.value, ctx, fromProps), offset: entry.value.s, scope });
    }
  }
  return out;
}

/** A variable's value as the function gets it: known, a link to the CDK context or to the construct's props, or unknown (HOLE). */
function envValue(value: Value, ctx: EvalContext, fromProps: (v: Value) => string | undefined): string {
  const prop = fromProps(value);
  if (prop) return prop;
  // A cross-region inference profile's id: its geography is known (`global.`), the model's id is not read.
  const geography = profileIdGeography(value, ctx);
  if (geography) return `${geography}.${HOLE}`;
  const r = evaluate(value, ctx);
  const key = r.env?.name.startsWith(cdkContextName('')) ? r.env.name.slice(cdkContextName('').length) : undefined;
  // From the context: which value depends on the app's cdk.json, looked up when code reads the variable.
  if (key !== undefined) return cdkContextLink(key, r.env?.defaulted ? r.text : undefined);
  return r.text.includes(HOLE) ? HOLE : r.text;
}

/**
 * The folder of the function's code; null when it cannot be placed (a path relative to where
 * the app runs, or computed); undefined when the function runs no code of the workspace.
 */
function codeFolder(file: string, call: Call, props: { key: string; value: Value }[], wrapper = false): string | null | undefined {
  const tail = call.callee.slice(call.callee.lastIndexOf('.') + 1);
  const entry = props.find((p) => p.key === 'entry')?.value;
  if (wrapper || tail === 'NodejsFunction' || tail === 'PythonFunction' || tail === 'GoFunction') {
    // NodejsFunction's default entry is a file beside the defining one.
    if (!entry) return tail === 'NodejsFunction' ? dirOf(file) : null;
    const path = pathOf(file, entry);
    // A handler file (`lambda/index.ts`, `cmd/main.go`) runs the code of its folder.
    return path && /\.[cm]?[jt]sx?$|\.go$|\.py$/.test(path) ? dirOf(path) : path;
  }
  const code = props.find((p) => p.key === 'code')?.value;
  if (code?.k !== 'call') return null;
  const method = code.call.callee.slice(code.call.callee.lastIndexOf('.') + 1);
  if (method === 'fromInline') return undefined;
  if ((method === 'fromAsset' || method === 'fromImageAsset' || method === 'fromDockerBuild') && code.call.args[0]) return pathOf(file, code.call.args[0].value);
  return null;
}

/** A path written from the defining file's folder (`path.join(__dirname, "../backend")`, `` `${__dirname}/fn` ``); else null. */
function pathOf(file: string, value: Value): string | null {
  const parts: Value[] = value.k === 'call' && /^path\.(?:join|resolve)$/.test(value.call.callee) ? value.call.args.map((a) => a.value)
    : value.k === 'tmpl' ? value.parts : [value];
  if (parts[0]?.k !== 'ref' || parts[0].path !== '__dirname') return null;
  let dir: string | null = dirOf(file);
  for (const part of parts.slice(1)) {
    if (part.k !== 'str' || dir === null) return null;
    dir = joinPath(dir, part.v.replace(/^\//, ''));
  }
  return dir;
}

/** Whether code may deploy CDK stacks (worth reading for their `env` without an LLM signal). */
export const CDK_APP_ANCHORS = ['aws-cdk-lib', 'aws_cdk'];

/** The region a CDK app deploys its stacks to (`env: { region }`), as the env variable the stack's resources read. */
export const CDK_STACK_REGION = 'cdk-stack:region';

/**
 * The region each stack an app creates is deployed to (`new MyStack(app, "id", { env: { region: "eu-west-1" } })`,
 * Python `MyStack(app, "id", env=cdk.Environment(region=...))`), for the CDK code of the app: the
 * folder of the app file, or the folder above when the app is in `bin/` as `cdk init` lays it out.
 * A region from CDK_DEFAULT_REGION is the deploying account's: set, but unknown.
 */
export function stackRegions(file: string, { parser, structure, ctx }: CdkFile): Definition[] {
  const lang = parser.lang;
  const held = (v: Value | undefined): Value | undefined => {
    if (v?.k !== 'ref') return v;
    const a = findAssignment(v.path, v.s, ctx);
    return a && typeof a !== 'string' ? parser.valueOf(a) : undefined;
  };
  const dir = dirOf(file);
  const appDir = /(?:^|\/)bin$/.test(dir) ? dirOf(dir) : dir;
  const stacks: { value: string; offset: number; by: string; written?: true }[] = [];
  for (const call of structure.calls) {
    const props = lang === 'js' ? held(call.args[2]?.value) : undefined;
    const stackEnv = held(lang === 'js' ? (props?.k === 'obj' ? props.entries.find((e) => e.key === 'env')?.value : undefined) : call.args.find((a) => a.name === 'env')?.value);
    const region = stackEnv?.k === 'obj' ? stackEnv.entries.find((e) => e.key === 'region')?.value
      : stackEnv?.k === 'call' ? stackEnv.call.args.find((a) => a.name === 'region')?.value : undefined;
    const id = call.args[1]?.value;
    // A construct made with (scope, "Id", ...) in the app: a stack, with or without a region of its own.
    const isStack = /^[A-Z]/.test(call.callee.slice(call.callee.lastIndexOf('.') + 1)) && call.args[0]?.value.k === 'ref'
      && !call.args[0].name && !call.args[1]?.name && id?.k === 'str' && !id.v.includes('/');
    if (!region && !isStack) continue;
    const by = `CDK stack ${id?.k === 'str' ? `"${id.v}"` : 'construct'}`;
    if (!region) {
      stacks.push({ value: HOLE, offset: call.s, by });
      continue;
    }
    const r = evaluate(region, ctx);
    stacks.push({ value: r.text.includes(HOLE) ? HOLE : r.text, offset: region.s, by, written: true });
  }
  const regions = stacks.filter((x) => x.value !== HOLE);
  const scope = (by: string): Definition['scope'] => ({ kind: 'folder', dir: appDir, by });
  // Regions written but not readable (CDK_DEFAULT_REGION) are said so; with none written the stack default applies.
  if (!regions.length) return stacks.filter((x) => x.written).map((x) => ({ name: CDK_STACK_REGION, value: HOLE, offset: x.offset, scope: scope(x.by) }));
  // Which stack declares which resource is not followed: the app's region holds only when all its stacks share it.
  const shared = stacks.every((x) => x.value === regions[0]!.value);
  return shared
    ? regions.map((x) => ({ name: CDK_STACK_REGION, value: x.value, offset: x.offset, scope: scope(x.by) }))
    : [{ name: CDK_STACK_REGION, value: HOLE, offset: regions[0]!.offset, scope: scope(`CDK app with stacks in different regions (${stacks.map((x) => x.by.slice('CDK stack '.length)).join(', ')})`) }];
}

/** The catalog's client signals for Bedrock resources a CDK stack declares (agents, knowledge bases, inference profiles). */
export const CDK_BEDROCK_SIGNALS = new Set(['cdk-bedrock-agent', 'cdk-bedrock-inference-profile']);

/** Why such a resource's region is unknown: the stack's. */
export const CDK_STACK_REGION_UNKNOWN = 'the stack\'s region is chosen when the CDK app is deployed (its env.region, else the deploying account\'s default region)';

/**
 * The geography a cross-region inference profile names: `CrossRegionInferenceProfileRegion.US_GOV`
 * is "us-gov", the prefix of its model ids (the enum's values are those prefixes).
 */
export function cdkProfileGeography(value: Value): string | undefined {
  const m = value.k === 'ref' ? /(?:^|\.)CrossRegionInferenceProfileRegion\.([A-Z_]+)$/.exec(value.path) : null;
  return m ? m[1]!.toLowerCase().replace(/_/g, '-') : undefined;
}

/** The geography of `profile.inferenceProfileId` when `profile` is `CrossRegionInferenceProfile.fromConfig({ geoRegion })` in this file. */
function profileIdGeography(value: Value, ctx: EvalContext): string | undefined {
  const m = value.k === 'ref' ? /^(\w+)\.inferenceProfileId$/.exec(value.path) : null;
  const assigned = m ? findAssignment(m[1]!, value.s, ctx) : undefined;
  const made = assigned && typeof assigned !== 'string' ? ctx.parser.valueOf(assigned) : undefined;
  if (made?.k !== 'call' || !/(?:^|\.)CrossRegionInferenceProfile\.fromConfig$/.test(made.call.callee)) return undefined;
  const config = made.call.args[0]?.value;
  const geoRegion = config?.k === 'obj' ? config.entries.find((e) => e.key === 'geoRegion')?.value : undefined;
  return geoRegion ? cdkProfileGeography(geoRegion) : undefined;
}

/** A class declared in a JS/TS file: its body's text range and the name of its constructor's props parameter (the third). */
interface ClassBody {
  name: string;
  s: number;
  e: number;
  props?: string;
}

const PARAMETER_MODIFIERS = new Set(['private', 'public', 'protected', 'readonly', 'override']);

function classBodies(parser: CodeParser): ClassBody[] {
  const { tokens } = parser;
  const out: ClassBody[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.t !== 'id' || tokens[i]!.v !== 'class' || tokens[i + 1]!.t !== 'id') continue;
    // The body is the first `{` after the heading (`extends Construct implements X`); generics do not use braces.
    let open = i + 2;
    while (open < tokens.length && open < i + 64 && tokens[open]!.v !== '{') open++;
    if (tokens[open]?.v !== '{') continue;
    const close = parser.closeOf(open);
    const body: ClassBody = { name: tokens[i + 1]!.v, s: tokens[open]!.s, e: tokens[close]!.e };
    for (let j = open + 1; j < close; j++) {
      if (tokens[j]!.v === '{' || (tokens[j]!.v === '(' && tokens[j - 1]?.v !== 'constructor')) {
        j = parser.closeOf(j);
        continue;
      }
      if (tokens[j]!.v !== '(') continue;
      const third = parser.itemsOf(j)[2];
      let k = third?.from ?? -1;
      while (k >= 0 && PARAMETER_MODIFIERS.has(tokens[k]!.v)) k++;
      if (third && tokens[k]?.t === 'id' && k < third.to) body.props = tokens[k]!.v;
      break;
    }
    out.push(body);
  }
  return out;
}

/**
 * Reads `props.key` written inside a construct class whose constructor takes `(scope, id, props)`
 * as a link to what its constructions pass (env-scope.ts follows it); undefined for anything else.
 */
function propsReader(file: string, parser: CodeParser): (v: Value) => string | undefined {
  let classes: ClassBody[] | undefined;
  return (value) => {
    // `props.key ?? "default"`: the default is what a construction that leaves the key out gets.
    const [first, second] = value.k === 'alt' && value.options.length === 2 ? value.options : [];
    const fallback = second?.k === 'str' ? second.v : undefined;
    const read = fallback !== undefined && first ? first : value;
    const m = read.k === 'ref' ? /^(\w+)\.(\w+)$/.exec(read.path) : null;
    if (!m) return undefined;
    classes ??= classBodies(parser);
    const owner = classes.filter((c) => c.s < value.s && value.e <= c.e).pop();
    return owner && owner.props === m[1] ? cdkPropLink(cdkClassKey(moduleKeyOf(file), owner.name), m[2]!, fallback) : undefined;
  };
}

/**
 * What each construction of one of the app's own constructs passes in its props
 * (`new ApiStack(app, "Api", { bedrockRegion: "eu-west-1" })`), for the `props.key` the
 * construct reads: the construct is a class of this file or of a module it imports by a
 * relative path. Each value is known, a link (context, or the props of the construct that
 * makes this one), or unknown; with it, the keys each construction writes out.
 */
export function constructionProps(file: string, { parser, structure, ctx }: CdkFile): Definition[] {
  if (parser.lang !== 'js') return [];
  const own = new Set(classBodies(parser).map((c) => c.name));
  const fromProps = propsReader(file, parser);
  const out: Definition[] = [];
  for (const call of structure.calls) {
    if (!call.isNew || call.args.length !== 3 || call.args.some((a) => a.name)) continue;
    const cls = constructedClass(file, call.callee, parser, own);
    if (!cls) continue;
    const scope: EnvScope = { kind: 'folder', dir: '', by: `construction of ${call.callee}` };
    let props = call.args[2]!.value;
    if (props.k === 'ref') {
      const a = findAssignment(props.path, props.s, ctx);
      if (a && typeof a !== 'string') props = parser.valueOf(a);
    }
    // Keys not all written out (a spread, props built elsewhere): which props it passes is not known.
    if (props.k !== 'obj' || props.entries.some((e) => e.key === '...')) {
      out.push({ name: cdkPropSitesName(cls), value: '*', offset: call.s, scope });
      continue;
    }
    out.push({ name: cdkPropSitesName(cls), value: props.entries.map((e) => e.key).sort().join(','), offset: call.s, scope });
    for (const entry of props.entries) {
      out.push({ name: cdkPropName(cls, entry.key), value: envValue(entry.value, ctx, fromProps), offset: entry.value.s, scope });
    }
  }
  return out;
}

/** The class key of `new Callee(...)` when the class is declared in this file or imported from a relative module. */
function constructedClass(file: string, callee: string, parser: CodeParser, own: Set<string>): string | undefined {
  if (!/^[\w$.]+$/.test(callee)) return undefined;
  const head = callee.split('.')[0]!;
  const imported = parser.imports.get(head);
  if (imported === undefined) return own.has(callee) ? cdkClassKey(moduleKeyOf(file), callee) : undefined;
  const qualified = `${imported}${callee.slice(head.length)}`;
  const m = /^(\.{1,2}\/.*)\.([\w$]+)$/.exec(qualified);
  const path = m ? joinPath(dirOf(file), m[1]!) : null;
  return m && path !== null ? cdkClassKey(moduleKeyOf(path), m[2]!) : undefined;
}
