// Places where text names an LLM API without being a use of it: test files (expected
// URLs, mocks, fixtures), values shown to a person as an example, DNS zone names, and a
// local server's model list. Each rule holds on any repository: it reads the file's path,
// the name a value is given and the URL, never a project's name. A rule that could also
// silence a real call (a library's "internal" default, a cloud API's `/models` prefix) is
// not one of them unless what makes it safe is known: a default inside the source of an SDK
// the catalog models (each construction of that SDK is reported with that default), a model
// list fetched as a whole GET URL. The engine fails closed.

import { entryOf, type CNode } from '../scan/config/tree';
import type { ParsedUrl } from './hosts';

/** Folders whose code is tests or test support, by the conventions of the common test runners. */
const TEST_FOLDER = /^(?:tests?|__tests__|__mocks__|testdata|test[-_]?utils|test[-_]?helpers|testing|specs?|e2e|integration[-_]?tests?|fixtures?)$/i;

/** File names of tests: pytest, Go, Jest/Vitest/Mocha, JUnit and friends, RSpec. */
const TEST_FILE = [
  /^test_.+\.py$/,
  /_test\.(?:py|go|rb|exs?)$/,
  /^conftest\.py$/,
  /\.(?:test|spec|vitest|e2e)\.[cm]?[jt]sx?$/,
  /(?:Tests?|IT|Spec)\.(?:java|kt|scala|groovy|cs)$/,
  /_spec\.rb$/,
];

/**
 * Whether a workspace-relative path is a test file or test support. URLs written there are
 * expectations, mocks and fixtures; an SDK client built there is still reported.
 */
export function isTestFile(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return parts.some((dir) => TEST_FOLDER.test(dir)) || TEST_FILE.some((re) => re.test(name));
}

/** The words of a name: `ExampleEndpoint`, `example_url`, `placeholder` -> example, endpoint, ... */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * Whether the name a value is given says it is shown to a person rather than used: a UI
 * `placeholder`, an `exampleEndpoint`. (Not `sample`: sample apps name real settings so.)
 */
export function isExampleName(name: string | undefined): boolean {
  return name !== undefined && wordsOf(name).some((w) => w === 'placeholder' || w === 'example');
}

/**
 * Whether a host is a DNS zone's name rather than a server's: Azure Private Link zones
 * (`privatelink.openai.azure.com`) are created and linked to networks, never connected to.
 */
export function isDnsZoneName(host: string): boolean {
  return host.startsWith('privatelink.');
}

/**
 * Whether a URL lists an API's models (`/v1/models`, Ollama's `/api/tags`): a catalogue or
 * health check that sends no prompt, so no data the policy is about. Only as a whole request
 * URL (a script's curl) or on a local server: in code, a cloud API's `.../models` is also
 * the prefix of real calls (`${GEMINI_BASE}/gemini-1.5-flash:generateContent`).
 */
export function isModelList(url: ParsedUrl): boolean {
  return /\/(?:models|api\/tags)\/?$/i.test(url.path);
}

/**
 * A call to an OpenAI-style Administration API (`/v1/organization/projects`, `/users`,
 * `/audit_logs`, ...; https://platform.openai.com/docs/api-reference/administration): it
 * manages the account and sends no prompt. No inference path lives under `/v1/organization/`.
 */
export function isAdministration(url: ParsedUrl): boolean {
  return /^\/v1\/organization(?:\/|$)/i.test(url.path);
}

/** A URL written where a server's would be that names none: a placeholder to fill in, or a DNS zone. */
export function isNotServer(url: ParsedUrl): boolean {
  return url.placeholder === true || isDnsZoneName(url.host);
}

/** The env-lookup name under which a folder's go.mod tells its module path. */
export function goModuleName(dir: string): string {
  return `gomodule:${dir}`;
}

/**
 * A go.mod's module path, as a definition the Go code below it reads (`goModuleName`); null
 * for a go.mod that names none (a value-setting file with nothing to set).
 */
export function goModuleDefinition(file: string, text: string): { name: string; value: string; offset: number } | null {
  const m = /^[ \t]*module[ \t]+"?([^\s"/]+(?:\/[^\s"/]+)*)"?[ \t]*(?:\/\/.*)?$/m.exec(text);
  if (!m) return null;
  return { name: goModuleName(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''), value: m[1]!, offset: m.index + m[0].indexOf(m[1]!) };
}

/**
 * The hosts a Go file may name without being a use of them: when the file is the source of
 * an SDK package the catalog models, or of a package inside it (its `internal/` client), and
 * a library package (not `package main`), the default hosts of that package's clients. The
 * catalog already applies those defaults at every construction of the clients; the library
 * itself sends nothing until an application calls it. Any other URL in the file is reported.
 * The package's import path comes from where Go itself takes it: a `vendor/<importpath>/` or
 * module cache `pkg/mod/<module>@<version>/` folder, else the nearest go.mod above the file
 * (its module path plus the folders below it, a major version suffix `/v3` aside). Without
 * either, nothing says the folder is the SDK's own: an application's `llms/openai/` looks alike.
 */
export function goSdkDefaultHosts(
  path: string, goPackage: string | undefined, sdk: readonly { package: string; hosts: readonly string[] }[], moduleOf: (dir: string) => string | undefined,
): Set<string> {
  const hosts = new Set<string>();
  if (goPackage === undefined || goPackage === 'main') return hosts;
  const importPath = goImportPath(path.split('/').slice(0, -1), moduleOf);
  if (importPath === undefined) return hosts;
  for (const s of sdk) if (importPath === s.package || importPath.startsWith(`${s.package}/`)) s.hosts.forEach((h) => hosts.add(h));
  return hosts;
}

/** The import path of the Go package in a folder (its path parts), or undefined when nothing the scan read says it. */
function goImportPath(parts: string[], moduleOf: (dir: string) => string | undefined): string | undefined {
  const vendor = parts.lastIndexOf('vendor');
  if (vendor >= 0 && vendor < parts.length - 1) return parts.slice(vendor + 1).join('/');
  // The module cache: pkg/mod/github.com/!azure/sdk@v1.2.0/sub (capitals are escaped as `!` + lower case).
  for (let m = parts.length - 1; m > 1; m--) {
    if (parts[m - 1] !== 'mod' || parts[m - 2] !== 'pkg') continue;
    const at = parts.findIndex((p, k) => k >= m && /@v\d/.test(p));
    if (at < 0) return undefined;
    const module = [...parts.slice(m, at), parts[at]!.slice(0, parts[at]!.indexOf('@'))].join('/').replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
    return [module.replace(/\/v\d+$/, ''), ...parts.slice(at + 1)].join('/');
  }
  for (let n = parts.length; n >= 0; n--) {
    const module = moduleOf(parts.slice(0, n).join('/'));
    if (module !== undefined) return [module.replace(/\/v\d+$/, ''), ...parts.slice(n)].join('/');
  }
  return undefined;
}

/**
 * The hosts a Python file may name without being a use of them: when the file sits in the
 * folders of a module the catalog ties client classes to (`semantic_kernel/connectors/ai/nvidia/`,
 * below any folder: the import root may be `python/` or `src/`), the default hosts of those
 * classes, which every construction of them is reported with. Such a folder path is the
 * module: Python would import it under that name. Only a module that names a library counts:
 * three or more parts, or a compound package name (`langchain_nvidia_ai_endpoints/`), since
 * `llms/gemini/` or `gigachat/` may be an application's own; or any module of an installed
 * package's folder (`site-packages/`, `dist-packages/`). Any other URL in the file is reported.
 */
export function pythonSdkDefaultHosts(path: string, sdk: readonly { module: string; hosts: readonly string[] }[]): Set<string> {
  const hosts = new Set<string>();
  for (const s of sdk) {
    const where = pythonModuleFolder(path, s.module);
    const parts = s.module.split('.');
    const namesLibrary = parts.length >= 3 || parts[0]!.includes('_');
    if (where === 'installed' || (namesLibrary && where === 'tree')) s.hosts.forEach((h) => hosts.add(h));
  }
  return hosts;
}

/**
 * Whether a Python file is in the folders of one of these modules: an installed package's
 * (`site-packages/`), or below any folder of the tree (`mem0/llms/` in mem0's own repository).
 */
function pythonModuleFolder(path: string, module: string): 'installed' | 'tree' | undefined {
  const dirs = path.split('/').slice(0, -1);
  const installed = Math.max(dirs.lastIndexOf('site-packages'), dirs.lastIndexOf('dist-packages'));
  if (installed >= 0 && `${dirs.slice(installed + 1).join('.')}.`.startsWith(`${module}.`)) return 'installed';
  return `.${dirs.join('.')}.`.includes(`.${module}.`) ? 'tree' : undefined;
}

/**
 * Whether a Python file is the source of a configured library's own provider classes (mem0's
 * `mem0/llms/`, `mem0/embeddings/`, ProviderConfigLibrary.libraryModules): the clients they build
 * take their provider, URL and region from an application's config, and each such config is
 * reported where the application writes it (an unknown one with provider null). The modules
 * start with the library's own package name, so an application's `llms/` folder is not one.
 */
export function isPythonLibrarySource(path: string, modules: readonly string[]): boolean {
  return modules.some((m) => pythonModuleFolder(path, m) !== undefined);
}

/** The env-lookup name under which a folder's package.json tells its npm package name. */
export function npmPackageName(dir: string): string {
  return `npmpackage:${dir}`;
}

/** A package.json's package name, as a definition the JS/TS code below it reads (`npmPackageName`); none when it names none. */
export function npmPackageDefinition(file: string, root: CNode | undefined): { name: string; value: string; offset: number }[] {
  const name = entryOf(root, 'name');
  if (name?.k !== 'scalar' || typeof name.v !== 'string' || !name.v) return [];
  return [{ name: npmPackageName(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''), value: name.v, offset: name.s }];
}

/**
 * Whether a JS/TS file is the source of a configured library's own provider classes: in one
 * of the library's provider folders below the nearest package.json above it that names the
 * library's package (mem0ai's `src/oss/src/llms/`). As for Python, each client those classes
 * build is reported at the application's config. Without a package.json above it in the scan,
 * only one of the library's own folders named by a path of three or more parts
 * (`src/oss/src/llms/`) is specific enough to be the library's: `src/llms/` may be an
 * application's own, whose clients are reported.
 */
export function isJsLibrarySource(path: string, packages: readonly { package: string; folders: readonly string[] }[], packageOf: (dir: string) => string | undefined): boolean {
  const dirs = path.split('/').slice(0, -1);
  const inFolder = (f: string): boolean => `/${dirs.join('/')}/`.includes(`/${f}/`);
  // Asked only for a file in such a folder: a read of the workspace's manifests makes the file one to analyse again.
  if (!packages.some((p) => p.folders.some(inFolder))) return false;
  for (let n = dirs.length; n >= 0; n--) {
    const name = packageOf(dirs.slice(0, n).join('/'));
    if (name === undefined) continue;
    const below = `${dirs.slice(n).join('/')}/`;
    return packages.some((p) => p.package === name && p.folders.some((f) => below.startsWith(`${f}/`)));
  }
  return packages.some((p) => p.folders.some((f) => f.split('/').length >= 3 && inFolder(f)));
}
