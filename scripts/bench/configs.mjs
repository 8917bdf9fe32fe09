// Writers for config and other non-code files: YAML (Kubernetes, Compose, CI, LiteLLM),
// JSON (package manifests, settings, data fixtures), TOML, .env, Terraform, Markdown, and
// the files the scanner never reads (CSS, HTML, SQL, shell, lock files, ...). All output
// is valid in its format, so the engine parses it rather than falling back to a lexical
// scan. `llm` asks for LLM endpoint settings somewhere in the file.

import { AWS, azureResource, BEDROCK_MODEL, GCP, GEMINI, GPT, LLM_ENV } from './llm.mjs';
import { camel, genericUrl, kebab, literal, NOUNS, parts, pascal, sentence, snake, STD_REGIONS, upper, VERBS } from './words.mjs';

/** Appends pieces from `make` until the text reaches `target` characters. */
function fill(r, target, start, make, sep = '\n') {
  const out = [start];
  let size = start.length;
  while (size < target) {
    const piece = make(r);
    out.push(piece);
    size += piece.length + sep.length;
  }
  return out.join(sep);
}

const yamlScalar = (r) => r.weighted([[3, () => JSON.stringify(literal(r))], [2, () => String(r.range(0, 5000))], [1, () => r.pick(['true', 'false'])], [1, () => r.pick(STD_REGIONS)]])();
const envName = (r) => upper(parts(r, { verb: false }));

// ---------------------------------------------------------------- YAML

function k8sDeployment(r, extraEnv = []) {
  const app = kebab(parts(r, { verb: false }));
  const env = [...Array.from({ length: r.range(2, 8) }, () => [envName(r), yamlScalar(r)]), ...extraEnv];
  if (r.chance(0.15)) env.push(['AWS_REGION', r.pick(STD_REGIONS)]); // look-alike: an anchor, but no LLM
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app: ${app}
    team: ${r.pick(NOUNS)}
spec:
  replicas: ${r.range(1, 6)}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: ${app}
          image: ghcr.io/acme/${app}:${r.range(1, 9)}.${r.range(0, 30)}.${r.range(0, 9)}
          ports:
            - containerPort: ${r.pick([8080, 8000, 3000, 9090])}
          env:
${env.map(([k, v]) => `            - name: ${k}\n              value: ${JSON.stringify(String(v).replace(/^"|"$/g, ''))}`).join('\n')}
          resources:
            requests:
              cpu: ${r.range(1, 9) * 50}m
              memory: ${r.range(1, 16) * 64}Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: ${r.pick([8080, 8000, 3000])}`;
}

function appConfigSection(r, used) {
  // YAML rejects duplicate keys: suffix repeated section names.
  let name = snake(parts(r, { verb: false }));
  if (used.has(name)) name += `_${used.size}`;
  used.add(name);
  const lines = [`${name}:`];
  for (let i = r.range(2, 7); i > 0; i--) {
    if (r.chance(0.25)) {
      lines.push(`  ${r.pick(NOUNS)}_${i}:`);
      for (let j = r.range(1, 4); j > 0; j--) lines.push(`    ${snake([r.pick(NOUNS)])}_${j}: ${yamlScalar(r)}`);
    } else lines.push(`  ${snake(parts(r, { verb: false }))}_${i}: ${yamlScalar(r)}`);
  }
  if (r.chance(0.3)) lines.push(`  region: ${r.pick(STD_REGIONS)}`);
  if (r.chance(0.2)) lines.push(`  endpoint: ${genericUrl(r)}`);
  return lines.join('\n');
}

function workflowStep(r) {
  return `      - name: ${sentence(r, 2, 5)}
        run: |
          ${r.pick(['npm ci', 'pip install -r requirements.txt', 'go build ./...', 'cargo build --release', 'dotnet build'])}
          ${r.pick(['npm test', 'pytest -q', 'go test ./...', 'cargo test', 'dotnet test'])} --${r.pick(NOUNS)}
        env:
          ${envName(r)}: ${yamlScalar(r)}`;
}

function composeFile(r, target, llmEnv) {
  const service = (name, env) => `  ${name}:
    image: ghcr.io/acme/${name}:latest
    restart: unless-stopped
    ports:
      - "${r.pick([8080, 8000, 3000, 9090])}:${r.pick([8080, 8000, 3000])}"
    environment:
${env.map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`).join('\n')}
    depends_on:
      - db`;
  const services = [service(kebab(parts(r, { verb: false })), [...llmEnv, ['DATABASE_URL', 'postgres://app:app@db:5432/app'], ['LOG_LEVEL', 'info']])];
  return fill(r, target, 'services:\n' + services[0], () => service(`${kebab(parts(r, { verb: false }))}-${r.range(1, 99)}`, Array.from({ length: r.range(2, 6) }, () => [envName(r), String(literal(r))])), '\n') + '\n  db:\n    image: postgres:16\n';
}

function litellmConfig(r, target) {
  const model = () => r.weighted([
    [1, () => `  - model_name: claude-${r.pick(NOUNS)}\n    litellm_params:\n      model: bedrock/${r.pick(BEDROCK_MODEL)}\n      aws_region_name: ${r.pick(AWS)}`],
    [1, () => `  - model_name: gemini-${r.pick(NOUNS)}\n    litellm_params:\n      model: vertex_ai/${r.pick(GEMINI)}\n      vertex_project: acme-${r.pick(NOUNS)}\n      vertex_location: ${r.pick(GCP)}`],
    [1, () => `  - model_name: ${r.pick(GPT)}-${r.pick(NOUNS)}\n    litellm_params:\n      model: azure/${r.pick(GPT)}\n      api_base: https://${azureResource(r)}.openai.azure.com\n      api_version: "2024-10-21"`],
  ])();
  const models = Array.from({ length: Math.max(2, Math.min(30, Math.round(target / 250))) }, model).join('\n');
  const settings = `router_settings:\n  routing_strategy: simple-shuffle\n  num_retries: ${r.range(1, 4)}\n\ngeneral_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n  database_url: os.environ/DATABASE_URL`;
  return `# LiteLLM proxy for the ${r.pick(NOUNS)} service.\nmodel_list:\n${models}\n\n${settings}\n`;
}

export function writeYaml(r, target, llm) {
  if (llm) {
    return r.weighted([
      [2, () => composeFile(r, target, Array.from({ length: r.range(1, 3) }, () => r.pick(LLM_ENV)(r).split('=')))],
      [2, () => litellmConfig(r, target)],
      [1, () => fill(r, target, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${kebab(parts(r, { verb: false }))}-config\ndata:\n${Array.from({ length: r.range(1, 3) }, () => { const [k, v] = r.pick(LLM_ENV)(r).split('='); return `  ${k}: ${JSON.stringify(v)}`; }).join('\n')}\n  LOG_LEVEL: info\n---`, (rr) => k8sDeployment(rr), '\n---\n')],
    ])();
  }
  return r.weighted([
    [3, () => fill(r, target, '', (rr) => k8sDeployment(rr), '\n---\n').replace(/^\n---\n/, '')],
    [2, () => { const used = new Set(); return fill(r, target, `# ${sentence(r)}.`, (rr) => appConfigSection(rr, used), '\n\n'); }],
    [1, () => fill(r, target, `name: ${sentence(r, 2, 4)}\non:\n  push:\n    branches: [main]\n  pull_request:\n\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4`, workflowStep)],
  ])() + '\n';
}

// ---------------------------------------------------------------- JSON

function record(r) {
  const o = { id: `${r.pick(NOUNS)}_${r.range(1000, 99999)}` };
  for (let i = r.range(3, 9); i > 0; i--) o[camel(parts(r, { verb: false }))] = r.weighted([[3, () => literal(r)], [2, () => r.range(0, 100000)], [1, () => r.chance(0.5)], [1, () => [r.pick(NOUNS), r.pick(NOUNS)]]])();
  return o;
}

function fillJson(r, target, base, key, make) {
  // Grow an array in `base[key]` until the serialized file reaches the target size.
  let size = JSON.stringify(base, null, 2).length;
  while (size < target) {
    const item = make(r);
    base[key].push(item);
    const text = JSON.stringify(item, null, 2);
    size += text.length + 4 * text.split('\n').length + 2; // nested two levels deeper
  }
  return JSON.stringify(base, null, 2) + '\n';
}

export function writeJson(r, target, llm, name) {
  if (llm) {
    const settings = {
      Logging: { LogLevel: { Default: 'Information', 'Microsoft.AspNetCore': 'Warning' } },
      AllowedHosts: '*',
      AIServices: r.chance(0.5)
        ? { AzureOpenAI: { Endpoint: `https://${azureResource(r)}.openai.azure.com/`, ChatDeploymentName: r.pick(GPT) } }
        : { OpenAI: { BaseUrl: 'https://api.openai.com/v1', Model: r.pick(GPT) } },
      ConnectionStrings: { Default: 'Server=db;Database=app;User Id=app;' },
      Features: [],
    };
    return fillJson(r, target, settings, 'Features', (rr) => ({ name: kebab(parts(rr, { verb: false })), enabled: rr.chance(0.5), rollout: rr.range(0, 100) }));
  }
  if (name === 'package.json') {
    const deps = {};
    for (let i = r.range(4, 20); i > 0; i--) deps[r.pick(['', '@acme/', '@types/'])+kebab(parts(r, { verb: false }))] = `^${r.range(0, 9)}.${r.range(0, 20)}.${r.range(0, 9)}`;
    if (r.chance(0.05)) deps.firebase = '^11.0.0'; // look-alike anchor
    return JSON.stringify({ name: `@acme/${kebab(parts(r, { verb: false }))}`, version: '1.0.0', private: true, scripts: { build: 'tsc -p .', test: 'vitest run', lint: 'eslint .' }, dependencies: deps }, null, 2) + '\n';
  }
  if (name === 'tsconfig.json') {
    return JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, outDir: 'dist', rootDir: 'src' }, include: ['src'] }, null, 2) + '\n';
  }
  return r.weighted([
    [3, () => fillJson(r, target, { version: r.range(1, 5), generatedAt: '2025-06-01T00:00:00Z', items: [] }, 'items', record)],
    [1, () => fillJson(r, target, { locale: r.pick(['en', 'de', 'fr', 'nl']), messages: [] }, 'messages', (rr) => ({ key: `${rr.pick(NOUNS)}.${rr.pick(VERBS)}`, text: sentence(rr) }))],
    [1, () => fillJson(r, target, { region: r.pick(STD_REGIONS), endpoints: [] }, 'endpoints', (rr) => ({ name: rr.pick(NOUNS), url: genericUrl(rr), timeoutMs: rr.range(100, 30000) }))],
  ])();
}

// ---------------------------------------------------------------- TOML

export function writeToml(r, target, llm, name) {
  // TOML rejects a table or key defined twice: number them.
  let n = 0;
  const section = (rr) => `[${snake(parts(rr, { verb: false }))}_${++n}]\n${Array.from({ length: rr.range(2, 6) }, (_, i) => `${snake(parts(rr, { verb: false }))}_${i} = ${rr.chance(0.6) ? JSON.stringify(literal(rr)) : rr.range(0, 5000)}`).join('\n')}`;
  let head;
  if (name === 'Cargo.toml') head = `[package]\nname = "${kebab(parts(r, { verb: false }))}"\nversion = "0.${r.range(1, 9)}.0"\nedition = "2021"\n\n[dependencies]\nserde = { version = "1", features = ["derive"] }\ntokio = { version = "1", features = ["full"] }\nanyhow = "1"`;
  else if (name === 'pyproject.toml') head = `[project]\nname = "${kebab(parts(r, { verb: false }))}"\nversion = "0.${r.range(1, 9)}.0"\nrequires-python = ">=3.11"\ndependencies = [\n  "requests>=2.32",\n  "pydantic>=2",\n]\n\n[tool.ruff]\nline-length = 120`;
  else head = `# ${sentence(r)}.\n[server]\nhost = "0.0.0.0"\nport = ${r.pick([8080, 8000, 3000])}\n\n[storage]\nbucket = "${r.pick(NOUNS)}-data"\nregion = "${r.pick(STD_REGIONS)}"`;
  if (llm) head += `\n\n[llm]\nprovider = "mistral"\nbase_url = "${r.pick(['https://api.mistral.ai/v1', 'https://api.eu.mistral.ai/v1'])}"\nmodel = "mistral-medium-latest"\ntimeout_seconds = 60`;
  return fill(r, target, head, section, '\n\n') + '\n';
}

// ---------------------------------------------------------------- .env

export function writeEnv(r, target, llm) {
  const lines = [`# ${sentence(r, 3, 6)}`, `NODE_ENV=${r.pick(['production', 'development', 'staging'])}`, `PORT=${r.pick([3000, 8000, 8080])}`, 'DATABASE_URL=postgres://app:secret@db.internal:5432/app'];
  if (r.chance(0.4)) lines.push(`AWS_REGION=${r.pick(STD_REGIONS)}`); // look-alike anchor
  if (llm) {
    lines.push('', '# Model providers');
    for (let i = r.range(1, 3); i > 0; i--) lines.push(r.pick(LLM_ENV)(r));
  }
  return fill(r, target, lines.join('\n'), (rr) => (rr.chance(0.15) ? `\n# ${sentence(rr, 3, 7)}` : `${envName(rr)}=${rr.chance(0.3) ? genericUrl(rr) : literal(rr).replace(/\s+/g, '_')}`)) + '\n';
}

// ---------------------------------------------------------------- Terraform

function tfResource(r) {
  const n = snake(parts(r, { verb: false }));
  return r.weighted([
    [3, () => `resource "aws_s3_bucket" "${n}" {\n  bucket = "acme-${kebab(parts(r, { verb: false }))}"\n\n  tags = {\n    Team        = "${r.pick(NOUNS)}"\n    Environment = var.environment\n  }\n}`],
    // IAM trust policies name AWS service principals: a common anchor hit (amazonaws.com).
    [2, () => `resource "aws_iam_role" "${n}" {\n  name = "${kebab(parts(r))}"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "${r.pick(['lambda', 'ecs-tasks', 'ec2'])}.amazonaws.com" }\n      Action    = "sts:AssumeRole"\n    }]\n  })\n}`],
    [2, () => `resource "aws_security_group" "${n}" {\n  name   = "${kebab(parts(r, { verb: false }))}"\n  vpc_id = var.vpc_id\n\n  ingress {\n    from_port   = ${r.pick([443, 80, 5432, 6379])}\n    to_port     = ${r.pick([443, 80, 5432, 6379])}\n    protocol    = "tcp"\n    cidr_blocks = ["10.${r.range(0, 255)}.0.0/16"]\n  }\n}`],
    [1, () => `variable "${n}" {\n  description = "${sentence(r, 3, 8)}"\n  type        = string\n  default     = "${r.pick(STD_REGIONS)}"\n}`],
    [1, () => `output "${n}" {\n  value = aws_s3_bucket.${n}.arn\n}`],
    [1, () => `resource "google_storage_bucket" "${n}" {\n  name     = "acme-${kebab(parts(r, { verb: false }))}"\n  location = "${r.pick(['EU', 'US', 'europe-west4'])}"\n}`],
  ])();
}

export function writeTerraform(r, target, llm) {
  let head = `provider "aws" {\n  region = var.region\n}`;
  if (llm) {
    head += r.chance(0.5)
      ? `\n\nresource "aws_lambda_function" "${snake(parts(r, { verb: false }))}" {\n  function_name = "${kebab(parts(r))}"\n  runtime       = "python3.12"\n  handler       = "app.handler"\n  filename      = "build/app.zip"\n\n  environment {\n    variables = {\n      BEDROCK_ENDPOINT   = "https://bedrock-runtime.${r.pick(AWS)}.amazonaws.com"\n      ANTHROPIC_BASE_URL = "https://api.anthropic.com"\n      TABLE_NAME         = "${r.pick(NOUNS)}s"\n    }\n  }\n}`
      : `\n\nresource "azurerm_cognitive_account" "${snake(parts(r, { verb: false }))}" {\n  name                  = "${azureResource(r)}"\n  location              = "${r.pick(['swedencentral', 'westeurope', 'eastus'])}"\n  resource_group_name   = "rg-${r.pick(NOUNS)}"\n  kind                  = "OpenAI"\n  sku_name              = "S0"\n  custom_subdomain_name = "${azureResource(r)}"\n}`;
  }
  return fill(r, target, head, tfResource, '\n\n') + '\n';
}

// ---------------------------------------------------------------- Markdown and files the scanner ignores

export function writeMarkdown(r, target) {
  return fill(r, target, `# ${pascal(parts(r, { verb: false }))}\n\n${sentence(r, 10, 25)}.`, (rr) => rr.weighted([
    [3, () => `${sentence(rr, 12, 30)}. ${sentence(rr, 8, 20)}.`],
    [1, () => `## ${sentence(rr, 2, 5)}`],
    [1, () => Array.from({ length: rr.range(2, 6) }, () => `- ${sentence(rr, 3, 10)}`).join('\n')],
    [1, () => `\`\`\`bash\n${rr.pick(['npm run', 'make', 'python -m', 'go run'])} ${kebab(parts(rr))}\ncurl ${genericUrl(rr)}\n\`\`\``],
  ])(), '\n\n') + '\n';
}

export function writeIgnored(r, target, ext) {
  switch (ext) {
    case 'css': return fill(r, target, '/* styles */', (rr) => `.${kebab(parts(rr, { verb: false }))} {\n  display: ${rr.pick(['flex', 'grid', 'block'])};\n  margin: ${rr.range(0, 32)}px;\n  color: #${rr.range(0x100000, 0xffffff).toString(16)};\n}`) + '\n';
    case 'html': return fill(r, target, '<!doctype html>\n<html lang="en">\n<body>', (rr) => `  <section class="${rr.pick(NOUNS)}"><h2>${sentence(rr, 2, 5)}</h2><p>${sentence(rr, 8, 20)}.</p><a href="${genericUrl(rr)}">${rr.pick(VERBS)}</a></section>`) + '\n</body>\n</html>\n';
    case 'sql': return fill(r, target, '-- schema', (rr) => `CREATE TABLE ${snake(parts(rr, { verb: false }))} (\n  id BIGSERIAL PRIMARY KEY,\n  ${rr.pick(NOUNS)}_id BIGINT NOT NULL,\n  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);`) + '\n';
    case 'sh': return fill(r, target, '#!/usr/bin/env bash\nset -euo pipefail', (rr) => `echo "${sentence(rr, 3, 6)}"\n${rr.pick(['curl -fsS', 'aws s3 cp', 'kubectl apply -f'])} ${rr.chance(0.5) ? genericUrl(rr) : `${rr.pick(NOUNS)}.yaml`}`) + '\n';
    case 'svg': return fill(r, target, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">', (rr) => `  <path d="M${rr.range(0, 24)} ${rr.range(0, 24)}L${rr.range(0, 24)} ${rr.range(0, 24)}Z"/>`) + '\n</svg>\n';
    case 'csv': return fill(r, target, 'id,name,region,amount', (rr) => `${rr.range(1, 1e6)},${rr.pick(NOUNS)},${rr.pick(STD_REGIONS)},${rr.range(0, 99999)}`) + '\n';
    case 'lock': return fill(r, target, '# yarn lockfile v1', (rr) => { const p = kebab(parts(rr, { verb: false })); return `\n"${p}@^1.0.0":\n  version "1.${rr.range(0, 20)}.${rr.range(0, 9)}"\n  resolved "https://registry.yarnpkg.com/${p}/-/${p}-1.0.0.tgz"`; }) + '\n';
    case 'd.ts': return fill(r, target, '// Type definitions', (rr) => `export declare function ${camel(parts(rr))}(${rr.pick(NOUNS)}: string): Promise<void>;`) + '\n';
    default: return fill(r, target, sentence(r), (rr) => sentence(rr, 8, 20) + '.') + '\n';
  }
}
