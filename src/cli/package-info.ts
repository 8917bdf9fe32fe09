// The tool's version and links, from package.json: the bundles get its fields at build time
// (esbuild `define` in scripts/build.mjs), so dist/cli.js reads no file; run from sources (tsx,
// the tests) package.json itself is read. One source: the links are written nowhere else.

import { createRequire } from 'node:module';

type Repository = string | { url?: string } | null | undefined;

declare const __VERSION__: string;
declare const __REPOSITORY__: Repository;
declare const __HOMEPAGE__: string | null;

export interface PackageInfo {
  version: string;
  /** The repository's web address, without `.git` (rule pages are under it). */
  repository: string;
  /** The project's home page (SARIF `informationUri`, CycloneDX's tool `externalReferences`). */
  homepage: string;
}

export const PACKAGE_INFO: PackageInfo = typeof __VERSION__ === 'string'
  ? packageInfo({ version: __VERSION__, repository: __REPOSITORY__, homepage: __HOMEPAGE__ })
  : packageInfo(createRequire(__filename)('../../package.json') as PackageJson);

interface PackageJson {
  version?: string;
  repository?: Repository;
  homepage?: string | null;
}

/** The version and web links from package.json's fields. */
export function packageInfo(pkg: PackageJson): PackageInfo {
  const repository = repositoryWebUrl(pkg.repository);
  return { version: pkg.version ?? '0.0.0-dev', repository, homepage: pkg.homepage || repository };
}

/** The address of a rule's page in the repository, at this version's tag. */
export function ruleHelpUri(ruleId: string, info: PackageInfo = PACKAGE_INFO): string {
  return `${info.repository}/blob/v${info.version}/docs/rules/${ruleId}.md`;
}

/** npm's forms of `repository` (`git+https://host/x/y.git`, `{ url }`) as the web address `https://host/x/y`. */
export function repositoryWebUrl(repository: Repository): string {
  const url = typeof repository === 'string' ? repository : (repository?.url ?? '');
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}
