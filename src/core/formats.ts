// Which scanner reads a file, decided by its path alone: hosts use it to choose what to
// read, and the engine to choose how to read it.

import type { CodeLanguage } from './catalog/types';
import { isCompilerConfig } from './resolve/modules';

export type FileFormat =
  | { kind: 'code'; lang: CodeLanguage }
  | { kind: 'dotenv' }
  /** A Dockerfile: its `ENV` instructions set variables for the code of its build context. */
  | { kind: 'dockerfile' }
  /** `setsValues`: a compose file, whose services load env files into their code. `springBoot`: a Spring Boot application.yml. */
  | { kind: 'yaml'; setsValues?: true; springBoot?: true }
  /**
   * `deploymentParameters`: an ARM/azd parameters file (`main.parameters.json`), which sets the parameters of the Bicep file beside it.
   * `compilerConfig`: a tsconfig/jsconfig file, whose `paths` say which module an import names.
   */
  | { kind: 'json'; deploymentParameters?: true; compilerConfig?: true; packageManifest?: true; cdkContext?: true }
  | { kind: 'toml' }
  /** Java .properties; `springBoot`: Spring Boot's application.properties. */
  | { kind: 'properties'; springBoot?: true }
  /** A Maven or Gradle build file (which Spring AI starters the module declares), or a go.mod (the module's path). */
  | { kind: 'build' }
  /** `varsOnly`: a .tfvars file, which only sets values for the module's Terraform code. */
  | { kind: 'terraform'; varsOnly?: true }
  | { kind: 'bicep' }
  /** A `.bicepparam` file: the parameters of the Bicep file its `using` names. */
  | { kind: 'bicepparam' }
  | { kind: 'notebook' }
  /** A Prompty file: a prompt template whose YAML front matter configures the model it runs on. */
  | { kind: 'prompty' };

/**
 * Files that set values for code elsewhere (.env files and Dockerfiles' `ENV`, .tfvars,
 * Terraform files, whose variable defaults serve the whole module, compose files, whose
 * `env_file:` says which code a dotenv file serves, Bicep files, which pass parameters to
 * modules, azd parameters files, and package.json, which names the package its code is):
 * worth reading without an LLM signal of their own.
 */
export function setsValuesOnly(format: FileFormat | null): boolean {
  return format?.kind === 'dotenv' || format?.kind === 'dockerfile' || format?.kind === 'terraform' || format?.kind === 'build' || (format?.kind === 'yaml' && format.setsValues === true)
    // Spring Boot's application properties set the values `@Value` fields read (resolve/spring-values.ts).
    || ((format?.kind === 'yaml' || format?.kind === 'properties') && format.springBoot === true)
    || format?.kind === 'bicep' || format?.kind === 'bicepparam' || (format?.kind === 'json' && (format.deploymentParameters === true || format.compilerConfig === true || format.packageManifest === true || format.cdkContext === true));
}

const CODE_EXTENSIONS: Record<string, CodeLanguage> = {
  py: 'python', pyi: 'python',
  ts: 'js', tsx: 'js', mts: 'js', cts: 'js', js: 'js', jsx: 'js', mjs: 'js', cjs: 'js',
  go: 'go', java: 'java', cs: 'csharp', rs: 'rust',
};
/** Lock files and other generated manifests name SDK packages but never configure endpoints. */
const LOCK_FILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'pipfile.lock', 'cargo.lock',
  'go.sum', 'composer.lock', 'gemfile.lock', 'uv.lock', 'bun.lock', 'packages.lock.json', 'pdm.lock', 'conda-lock.yml',
]);

/** Spring Boot's application properties, and their profile variants (application-dev.yml). */
const SPRING_BOOT_PROPERTIES = /^(?:application|bootstrap)(?:-[\w.-]+)?\.(?:properties|ya?ml)$/;

/** The scanner for a path, or null when the file is not scanned (Markdown, lock files, images, ...). */
export function formatOf(path: string): FileFormat | null {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (LOCK_FILES.has(base) || base.endsWith('.lock')) return null;
  // `env.example`, `.env-example` and `.env-copy` document a project's values as `.env.example` does; `.env-prod` sets them as `.env.prod` does.
  if (base === '.env' || base.startsWith('.env.') || base.startsWith('.env-') || base.endsWith('.env') || base === '.envrc' || /^env[.-](?:example|sample|template)$/.test(base)) return { kind: 'dotenv' };
  if (base === 'dockerfile' || base === 'containerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile')) return { kind: 'dockerfile' };
  if (base === 'pom.xml' || base === 'build.gradle' || base === 'build.gradle.kts' || base === 'go.mod') return { kind: 'build' };
  const dot = base.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = base.slice(dot + 1);
  const lang = CODE_EXTENSIONS[ext];
  if (lang) return base.endsWith('.d.ts') ? null : { kind: 'code', lang };
  switch (ext) {
    case 'yaml':
    case 'yml':
      if (SPRING_BOOT_PROPERTIES.test(base)) return { kind: 'yaml', springBoot: true };
      return /^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(base) ? { kind: 'yaml', setsValues: true } : { kind: 'yaml' };
    case 'json':
      if (isCompilerConfig(base)) return { kind: 'json', compilerConfig: true };
      if (base === 'package.json') return { kind: 'json', packageManifest: true };
      // An AWS CDK app's settings: its "context" values reach the CDK code (resolve/cdk.ts).
      if (base === 'cdk.json' || base === 'cdk.context.json') return { kind: 'json', cdkContext: true };
      return base.endsWith('.parameters.json') ? { kind: 'json', deploymentParameters: true } : { kind: 'json' };
    case 'jsonc':
    case 'json5':
      return { kind: 'json' };
    case 'toml':
      return { kind: 'toml' };
    case 'properties':
      return SPRING_BOOT_PROPERTIES.test(base) ? { kind: 'properties', springBoot: true } : { kind: 'properties' };
    case 'tf':
      return { kind: 'terraform' };
    case 'tfvars':
      return { kind: 'terraform', varsOnly: true };
    case 'ipynb':
      return { kind: 'notebook' };
    case 'bicep':
      return { kind: 'bicep' };
    case 'bicepparam':
      return { kind: 'bicepparam' };
    case 'prompty':
      return { kind: 'prompty' };
    default:
      return null;
  }
}

/**
 * A notebook is read up to this many times the size limit: its outputs (plots, tables,
 * logs) are most of its bytes and are not code. The limit itself applies to its code cells.
 */
export const NOTEBOOK_READ_FACTOR = 64;

/** How many bytes of a file are read at most: the size limit, or a multiple of it for a notebook. */
export function readLimit(path: string, maxFileSize: number): number {
  return formatOf(path)?.kind === 'notebook' ? maxFileSize * NOTEBOOK_READ_FACTOR : maxFileSize;
}
