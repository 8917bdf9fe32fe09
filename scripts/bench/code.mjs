// Writers for ordinary source files (Python, TS/TSX, JS, Go, Java, C#, Rust): headers,
// functions, classes, constants and comments built from one shared statement generator
// with per-language syntax. Each writer also lists its look-alikes: non-LLM code that
// shares words with LLM code (boto3 S3 clients, `region` options, AWS SDK imports, ...),
// injected at a fixed rate so some non-LLM files pass the prefilter, as in real repositories.

import { ADJS, cap, camel, genericUrl, literal, NOUNS, parts, pascal, sentence, snake, STD_REGIONS, upper, VERBS } from './words.mjs';

const v = (r) => camel(parts(r, { verb: false, adj: 0.4 }));
const vs = (r) => snake(parts(r, { verb: false, adj: 0.4 }));

/** Statements in any language, from the syntax table `S`. */
function stmts(r, S, ind, depth, n) {
  const out = [];
  const one = S.indent;
  for (let i = 0; i < n; i++) {
    const kind = r.weighted([[4, 'decl'], [3, 'call'], [2, 'log'], [1.5, 'interp'], [depth < 2 ? 2 : 0, 'if'], [depth < 2 ? 1.5 : 0, 'for'], [depth < 1 && S.tryOpen ? 0.6 : 0, 'try']]);
    const name = S.name(r);
    switch (kind) {
      case 'decl':
        out.push(ind + S.decl(name, S.expr(r)));
        break;
      case 'call':
        out.push(ind + S.stmt(S.call(r)));
        break;
      case 'log':
        out.push(ind + S.log(sentence(r, 3, 7), name));
        break;
      case 'interp':
        out.push(ind + S.decl(name, S.interp(sentence(r, 3, 6), S.name(r))));
        break;
      case 'if':
        out.push(ind + S.ifOpen(name));
        if (r.chance(0.4)) out.push(ind + one + S.throw(sentence(r, 3, 6), name));
        else out.push(...stmts(r, S, ind + one, depth + 1, r.range(1, 3)));
        if (S.close) out.push(ind + S.close);
        break;
      case 'for':
        out.push(ind + S.forOpen('item', name));
        out.push(...stmts(r, S, ind + one, depth + 1, r.range(1, 3)));
        if (S.close) out.push(ind + S.close);
        break;
      case 'try':
        out.push(ind + S.tryOpen);
        out.push(...stmts(r, S, ind + one, depth + 1, r.range(2, 4)));
        out.push(ind + S.catchOpen);
        out.push(ind + one + S.log(sentence(r, 3, 6), S.errName));
        if (S.close) out.push(ind + S.close);
        break;
    }
  }
  return out;
}

function commentBlock(r, prefix, ind = '') {
  const lines = [];
  for (let i = r.range(1, 4); i > 0; i--) lines.push(`${ind}${prefix} ${sentence(r, 6, 14)}.`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- Python

const PY = {
  indent: '    ',
  name: vs,
  errName: 'exc',
  decl: (n, e) => `${n} = ${e}`,
  stmt: (e) => e,
  call: (r) => `${r.pick(['self', 'self.repo', 'client', 'session', 'cache'])}.${snake(parts(r))}(${vs(r)}${r.chance(0.5) ? `, ${r.pick(NOUNS)}=${pyLit(r)}` : ''})`,
  log: (msg, n) => `logger.${['info', 'debug', 'warning'][msg.length % 3]}("${msg}: %s", ${n})`,
  interp: (msg, n) => `f"${msg} {${n}}"`,
  ifOpen: (n) => `if ${n} is None:`,
  forOpen: (i, n) => `for ${i} in ${n}:`,
  tryOpen: 'try:',
  catchOpen: 'except Exception as exc:',
  throw: (msg, n) => `raise ValueError(f"${msg}: {${n}}")`,
  expr: (r) => r.weighted([
    [3, () => `${vs(r)}.get("${r.pick(NOUNS)}")`],
    [3, () => `self.${snake(parts(r))}(${vs(r)})`],
    [2, () => pyLit(r)],
    [1, () => `[x.${r.pick(NOUNS)} for x in ${vs(r)} if x.${r.pick(ADJS)}]`],
    [1, () => 'dt.datetime.now(dt.timezone.utc)'],
    [1, () => `json.loads(${vs(r)})`],
    [1, () => `os.environ.get("${upper(parts(r, { verb: false }))}", "${literal(r)}")`],
    [1, () => `requests.get("${genericUrl(r)}", timeout=${r.range(5, 30)}).json()`],
  ])(),
};
const pyLit = (r) => r.weighted([[3, () => `"${literal(r)}"`], [2, () => String(r.range(0, 5000))], [1, () => r.pick(['None', 'True', 'False'])]])();
const pyType = (r) => r.pick(['str', 'int', 'dict[str, Any]', 'list[str]', 'Optional[str]', 'bool', 'float']);

function pyFunction(r, ind = '', self = false) {
  const args = [];
  if (self) args.push('self');
  for (let i = r.range(0, 3); i > 0; i--) args.push(`${vs(r)}: ${pyType(r)}`);
  const lines = [`${ind}def ${snake(parts(r))}(${args.join(', ')}) -> ${pyType(r)}:`, `${ind}    """${sentence(r)}."""`];
  lines.push(...stmts(r, PY, ind + '    ', 0, r.range(2, 8)), `${ind}    return ${vs(r)}`);
  return lines.join('\n');
}

export const python = {
  header(r, extra) {
    const std = r.shuffle(['import os', 'import json', 'import datetime as dt', 'import re', 'import time', 'import uuid']).slice(0, r.range(2, 5));
    std.push('import logging', 'from typing import Any, Optional', 'import requests');
    if (r.chance(0.3)) std.push('from dataclasses import dataclass, field');
    return `"""${sentence(r)}."""\n${[...std.sort(), ...extra].join('\n')}\n\nlogger = logging.getLogger(__name__)\n`;
  },
  unit(r) {
    return r.weighted([
      [4, () => pyFunction(r)],
      [3, () => {
        const lines = [`class ${pascal(parts(r, { verb: false }))}:`, `    """${sentence(r)}."""`, '', '    def __init__(self, repo, cache=None):', '        self.repo = repo', '        self.cache = cache or {}'];
        for (let i = r.range(2, 5); i > 0; i--) lines.push('', pyFunction(r, '    ', true));
        return lines.join('\n');
      }],
      [1.5, () => Array.from({ length: r.range(3, 8) }, () => `${upper(parts(r, { verb: false }))} = ${pyLit(r)}`).join('\n')],
      [1, () => commentBlock(r, '#')],
      [1, () => [`@dataclass`, `class ${pascal(parts(r, { verb: false }))}:`, ...Array.from({ length: r.range(3, 7) }, () => `    ${vs(r)}: ${pyType(r)} = ${pyLit(r)}`)].join('\n')],
    ])();
  },
  footer: () => '',
  sep: '\n\n\n',
  lookalikes: [
    [0.1, (r) => ({
      imports: ['import boto3'],
      body: `s3 = boto3.client("s3", region_name="${r.pick(STD_REGIONS)}")\ndynamodb = boto3.resource("dynamodb", region_name=os.environ.get("AWS_REGION", "${r.pick(STD_REGIONS)}"))\n\n\ndef upload_${r.pick(NOUNS)}(bucket: str, key: str, body: bytes) -> None:\n    s3.put_object(Bucket=bucket, Key=key, Body=body)`,
    })],
    [0.02, (r) => ({ imports: [], body: `def on_completion(self, ${vs(r)}):\n    """Called once the ${r.pick(NOUNS)} upload is complete."""\n    self.done = True` })],
    [0.01, (r) => ({ imports: [], body: `# TODO(${r.pick(['ana', 'bo', 'kim'])}): compare with the openai tokenizer before we change the limits.` })],
  ],
};

// ---------------------------------------------------------------- TypeScript / JavaScript

const TS = {
  indent: '  ',
  name: v,
  errName: 'err',
  decl: (n, e) => `const ${n} = ${e};`,
  stmt: (e) => `${e};`,
  call: (r) => `${r.chance(0.5) ? 'await ' : ''}${r.pick(['this.repo', 'this.cache', 'client', 'store', 'api'])}.${camel(parts(r))}(${v(r)}${r.chance(0.4) ? `, { ${r.pick(NOUNS)}: ${jsLit(r)} }` : ''})`,
  log: (msg, n) => `logger.${['info', 'debug', 'warn'][msg.length % 3]}("${msg}", { ${n} });`,
  interp: (msg, n) => `\`${msg} \${${n}}\``,
  ifOpen: (n) => `if (!${n}) {`,
  close: '}',
  forOpen: (i, n) => `for (const ${i} of ${n}) {`,
  tryOpen: 'try {',
  catchOpen: '} catch (err) {',
  throw: (msg, n) => `throw new Error(\`${msg}: \${${n}}\`);`,
  expr: (r) => r.weighted([
    [3, () => `await this.repo.${camel(parts(r))}(${v(r)})`],
    [3, () => `${v(r)}.${r.pick(['map', 'filter', 'find', 'some'])}((x) => x.${r.pick(NOUNS)}${r.chance(0.5) ? ` === ${jsLit(r)}` : ''})`],
    [2, () => jsLit(r)],
    [1, () => `{ ${Array.from({ length: r.range(1, 4) }, () => `${r.pick(NOUNS)}: ${jsLit(r)}`).join(', ')} }`],
    [1, () => `process.env.${upper(parts(r, { verb: false }))} ?? "${literal(r)}"`],
    [1, () => `await fetch("${genericUrl(r)}").then((res) => res.json())`],
    [1, () => 'new Date().toISOString()'],
  ])(),
};
const jsLit = (r) => r.weighted([[3, () => `"${literal(r)}"`], [2, () => String(r.range(0, 5000))], [1, () => r.pick(['null', 'true', 'false', 'undefined'])]])();

function tsFunction(r, typed, ind = '', method = false) {
  const args = Array.from({ length: r.range(0, 3) }, () => v(r) + (typed ? `: ${r.pick(['string', 'number', 'boolean', `${pascal(parts(r, { verb: false }))}`, 'string[]'])}` : ''));
  const ret = typed ? `: Promise<${r.pick(['void', 'string', 'number', `${pascal(parts(r, { verb: false }))} | undefined`])}>` : '';
  const head = method ? `${ind}async ${camel(parts(r))}(${args.join(', ')})${ret} {` : `${ind}${r.chance(0.6) ? 'export ' : ''}async function ${camel(parts(r))}(${args.join(', ')})${ret} {`;
  return [`${ind}/** ${sentence(r)}. */`, head, ...stmts(r, TS, ind + '  ', 0, r.range(2, 8)), `${ind}  return ${v(r)};`, `${ind}}`].join('\n');
}

function tsUnit(r, typed) {
  return r.weighted([
    [4, () => tsFunction(r, typed)],
    [2.5, () => {
      const lines = [`export class ${pascal(parts(r, { verb: false }))}${typed ? 'Service' : ''} {`, `  constructor(${typed ? 'private readonly repo: Repository, private readonly cache: Map<string, unknown>' : 'repo, cache'}) {`];
      if (!typed) lines.push('    this.repo = repo;', '    this.cache = cache;');
      lines.push('  }');
      for (let i = r.range(2, 5); i > 0; i--) lines.push('', tsFunction(r, typed, '  ', true));
      lines.push('}');
      return lines.join('\n');
    }],
    [typed ? 1.5 : 0, () => [`export interface ${pascal(parts(r, { verb: false }))} {`, ...Array.from({ length: r.range(3, 8) }, () => `  ${v(r)}${r.chance(0.3) ? '?' : ''}: ${r.pick(['string', 'number', 'boolean', 'Date', 'string[]', 'Record<string, unknown>'])};`), '}'].join('\n')],
    [1.5, () => `export const ${upper(parts(r, { verb: false }))} = {\n${Array.from({ length: r.range(2, 6) }, () => `  ${r.pick(NOUNS)}: ${jsLit(r)},`).join('\n')}\n};`],
    [1, () => commentBlock(r, '//')],
    [1, () => `export const ${camel(parts(r))} = (${v(r)}) => ${v(r)}.${r.pick(['map', 'filter'])}((x) => x.${r.pick(NOUNS)});`],
  ])();
}

function tsImports(r) {
  const lines = [];
  for (let i = r.range(2, 5); i > 0; i--) {
    lines.push(`import { ${Array.from({ length: r.range(1, 3) }, () => pascal(parts(r, { verb: false }))).join(', ')} } from "${r.pick(['./', '../', '../../lib/'])}${r.pick(NOUNS)}";`);
  }
  lines.push(r.pick(['import { logger } from "../logger";', 'import { logger } from "@acme/logging";']));
  return lines;
}

const tsLookalikes = (typed) => [
  [0.08, (r) => ({ imports: ['import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";'], body: `const s3 = new S3Client({ region: process.env.AWS_REGION ?? "${r.pick(STD_REGIONS)}" });\n\nexport async function upload${cap(r.pick(NOUNS))}(${typed ? 'key: string, body: string' : 'key, body'}) {\n  await s3.send(new PutObjectCommand({ Bucket: "${r.pick(NOUNS)}-uploads", Key: key, Body: body }));\n}` })],
  [0.02, (r) => ({ imports: [], body: `export function onCompletion(${v(r)}${typed ? ': unknown): void' : ')'} {\n  logger.info("upload complete");\n}` })],
  [0.015, (r) => ({ imports: ['import { initializeApp } from "firebase/app";'], body: `export const app = initializeApp({ projectId: "${r.pick(NOUNS)}-web", apiKey: process.env.FIREBASE_KEY });` })],
];

export const typescript = {
  header: (r, extra) => `${tsImports(r).concat(extra).join('\n')}\n`,
  unit: (r) => tsUnit(r, true),
  footer: () => '',
  lookalikes: tsLookalikes(true),
};

// Half CommonJS, half ES modules, as in most older Node codebases.
export const javascript = {
  header(r, extra, file) {
    file.cjs = r.chance(0.5);
    if (!file.cjs) return `${tsImports(r).concat(extra).join('\n')}\n`;
    const requires = extra.map((i) => i.replace(/^import (.*) from (".*");$/, 'const $1 = require($2);'));
    return `"use strict";\n\n${requires.concat([`const { ${camel(parts(r))} } = require("./${r.pick(NOUNS)}");`, 'const { logger } = require("../logger");']).join('\n')}\n`;
  },
  unit: (r, file) => javascript.adapt(tsUnit(r, false), file),
  adapt: (code, file) => (file.cjs ? code.replace(/^export /gm, '') : code),
  footer: (r, file) => (file.cjs ? `module.exports = { ${camel(parts(r))} };` : ''),
  lookalikes: tsLookalikes(false),
};

// TSX: React components around the same helpers.
function component(r) {
  const name = pascal(parts(r, { verb: false, adj: 0.5 }));
  const st = v(r);
  const lines = [
    `export function ${name}({ ${v(r)}, ${v(r)} }: ${name}Props) {`,
    `  const [${st}, set${cap(st)}] = useState<${r.pick(['string', 'number', 'boolean'])} | null>(null);`,
    '  useEffect(() => {',
    ...stmts(r, TS, '    ', 1, r.range(1, 3)).map((l) => l.replace(/await /g, '')),
    `  }, [${st}]);`,
    '',
    '  return (',
    `    <div className="${r.pick(NOUNS)}-${r.pick(['panel', 'card', 'list', 'row'])}">`,
    `      <h2>${sentence(r, 2, 4)}</h2>`,
  ];
  for (let i = r.range(1, 5); i > 0; i--) {
    lines.push(r.pick([
      `      <p className="muted">{${st} ?? "${sentence(r, 2, 5)}"}</p>`,
      `      <button type="button" onClick={() => set${cap(st)}(null)}>${cap(r.pick(VERBS))}</button>`,
      `      <${pascal(parts(r, { verb: false }))} ${r.pick(NOUNS)}={${st}} />`,
      `      {${st} && <span title="${literal(r)}">{String(${st})}</span>}`,
    ]));
  }
  lines.push('    </div>', '  );', '}');
  return `interface ${name}Props {\n  ${r.pick(NOUNS)}: string;\n  ${r.pick(NOUNS)}?: number;\n}\n\n${lines.join('\n')}`;
}

export const tsx = {
  header: (r, extra) => `import { useEffect, useState } from "react";\n${tsImports(r).concat(extra).join('\n')}\n`,
  unit: (r) => (r.chance(0.6) ? component(r) : tsUnit(r, true)),
  footer: () => '',
  lookalikes: [
    ...tsLookalikes(true),
    [0.03, (r) => ({ imports: [], body: `const vertexShader = \`\n  attribute vec3 position;\n  void main() { gl_Position = vec4(position, 1.0); }\n\`;\nexport const ${camel(parts(r))} = { vertexShader };` })],
  ],
};

// ---------------------------------------------------------------- Go

const GO = {
  indent: '\t',
  name: v,
  errName: 'err',
  decl: (n, e) => `${n} := ${e}`,
  stmt: (e) => e,
  call: (r) => `${r.pick(['s.repo', 's.cache', 'h.store', 'c.client'])}.${pascal(parts(r))}(ctx, ${v(r)})`,
  log: (msg, n) => `log.Printf("${msg}: %v", ${n})`,
  interp: (msg, n) => `fmt.Sprintf("${msg} %s", ${n})`,
  ifOpen: (n) => `if ${n} == nil {`,
  close: '}',
  forOpen: (i, n) => `for _, ${i} := range ${n} {`,
  throw: (msg, n) => `panic(fmt.Sprintf("${msg}: %v", ${n}))`,
  expr: (r) => r.weighted([
    [3, () => `s.repo.${pascal(parts(r))}(ctx, ${v(r)})`],
    [2, () => goLit(r)],
    [1, () => `os.Getenv("${upper(parts(r, { verb: false }))}")`],
    [1, () => `strings.TrimSpace(${v(r)}.${pascal([r.pick(NOUNS)])})`],
    [1, () => `time.Now().Add(${r.range(1, 90)} * time.Second)`],
    [1, () => `http.NewRequestWithContext(ctx, http.MethodGet, "${genericUrl(r)}", nil)`],
  ])(),
};
const goLit = (r) => (r.chance(0.6) ? `"${literal(r)}"` : String(r.range(0, 5000)));

function goFunc(r) {
  const recv = r.chance(0.6) ? `(s *${pascal(parts(r, { verb: false }))}Service) ` : '';
  const args = ['ctx context.Context', ...Array.from({ length: r.range(0, 2) }, () => `${v(r)} ${r.pick(['string', 'int', 'bool', '[]string', `*${pascal([r.pick(NOUNS)])}`])}`)];
  return [`// ${pascal(parts(r))} ${sentence(r).toLowerCase()}.`, `func ${recv}${pascal(parts(r))}(${args.join(', ')}) (${r.pick(['string', 'int', `*${pascal([r.pick(NOUNS)])}`])}, error) {`, ...stmts(r, GO, '\t', 0, r.range(2, 7)), `\treturn ${r.pick(['nil', '""', '0'])}, nil`, '}'].join('\n');
}

export const go = {
  header(r, extra) {
    const imports = ['"context"', '"fmt"', '"log"', '"net/http"', '"os"', '"strings"', '"time"', ...extra];
    return `package ${r.pick(NOUNS)}\n\nimport (\n${imports.map((i) => `\t${i}`).join('\n')}\n)\n`;
  },
  unit: (r) => r.weighted([
    [4, () => goFunc(r)],
    [2, () => `// ${pascal([r.pick(NOUNS)])} ${sentence(r).toLowerCase()}.\ntype ${pascal(parts(r, { verb: false }))} struct {\n${Array.from({ length: r.range(3, 8) }, () => { const f = parts(r, { verb: false }); return `\t${pascal(f)} ${r.pick(['string', 'int64', 'bool', 'time.Time', '[]string'])} \`json:"${snake(f)}"\``; }).join('\n')}\n}`],
    [1, () => `const (\n${Array.from({ length: r.range(2, 6) }, () => `\t${pascal(parts(r, { verb: false }))} = ${goLit(r)}`).join('\n')}\n)`],
    [0.7, () => commentBlock(r, '//')],
  ])(),
  footer: () => '',
  lookalikes: [
    [0.06, (r) => ({ imports: ['"github.com/aws/aws-sdk-go-v2/config"', '"github.com/aws/aws-sdk-go-v2/service/s3"'], body: `func newS3(ctx context.Context) (*s3.Client, error) {\n\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("${r.pick(STD_REGIONS)}"))\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn s3.NewFromConfig(cfg), nil\n}` })],
    [0.04, (r) => ({ imports: [], body: `type Settings struct {\n\tRegion string \`env:"AWS_REGION" envDefault:"${r.pick(STD_REGIONS)}"\`\n\tBucket string \`env:"BUCKET"\`\n}` })],
  ],
};

// ---------------------------------------------------------------- Java

const JAVA = {
  indent: '    ',
  name: v,
  errName: 'e',
  decl: (n, e) => `var ${n} = ${e};`,
  stmt: (e) => `${e};`,
  call: (r) => `${r.pick(['repository', 'cache', 'client', 'publisher'])}.${camel(parts(r))}(${v(r)})`,
  log: (msg, n) => `log.${['info', 'debug', 'warn'][msg.length % 3]}("${msg}: {}", ${n});`,
  interp: (msg, n) => `String.format("${msg} %s", ${n})`,
  ifOpen: (n) => `if (${n} == null) {`,
  close: '}',
  forOpen: (i, n) => `for (var ${i} : ${n}) {`,
  tryOpen: 'try {',
  catchOpen: '} catch (RuntimeException e) {',
  throw: (msg, n) => `throw new IllegalStateException("${msg}: " + ${n});`,
  expr: (r) => r.weighted([
    [3, () => `repository.${camel(parts(r))}(${v(r)})`],
    [2, () => (r.chance(0.6) ? `"${literal(r)}"` : `${r.range(0, 5000)}L`)],
    [1, () => `System.getenv("${upper(parts(r, { verb: false }))}")`],
    [1, () => `${v(r)}.stream().filter(x -> x.is${pascal([r.pick(ADJS)])}()).toList()`],
    [1, () => `URI.create("${genericUrl(r)}")`],
  ])(),
};

function javaMethod(r) {
  const args = Array.from({ length: r.range(0, 3) }, () => `${r.pick(['String', 'long', 'boolean', 'List<String>', pascal([r.pick(NOUNS)])])} ${v(r)}`);
  const ret = r.pick(['String', 'void', 'long', `Optional<${pascal([r.pick(NOUNS)])}>`]);
  const body = stmts(r, JAVA, '        ', 0, r.range(2, 7));
  if (ret !== 'void') body.push(`        return ${ret === 'long' ? '0L' : ret === 'String' ? v(r) : 'Optional.empty()'};`);
  return [`    /** ${sentence(r)}. */`, `    ${r.pick(['public', 'public', 'private'])} ${ret} ${camel(parts(r))}(${args.join(', ')}) {`, ...body, '    }'].join('\n');
}

export const java = {
  header(r, extra) {
    const imports = ['java.net.URI', 'java.util.List', 'java.util.Optional', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory', ...extra];
    const cls = pascal(parts(r, { verb: false })) + r.pick(['Service', 'Controller', 'Repository', 'Handler']);
    return `package com.acme.${r.pick(NOUNS)}.${r.pick(NOUNS)};\n\n${imports.map((i) => `import ${i};`).join('\n')}\n\npublic class ${cls} {\n    private static final Logger log = LoggerFactory.getLogger(${cls}.class);\n`;
  },
  unit: (r) => r.weighted([
    [5, () => javaMethod(r)],
    [1, () => Array.from({ length: r.range(2, 5) }, () => `    private static final String ${upper(parts(r, { verb: false }))} = "${literal(r)}";`).join('\n')],
    [0.7, () => commentBlock(r, '//', '    ')],
  ])(),
  footer: () => '}',
  lookalikes: [
    [0.08, (r) => ({ imports: ['software.amazon.awssdk.regions.Region', 'software.amazon.awssdk.services.s3.S3Client'], body: `    private final S3Client s3 = S3Client.builder()\n            .region(Region.${r.pick(STD_REGIONS).toUpperCase().replace(/-/g, '_')})\n            .build();` })],
  ],
};

// ---------------------------------------------------------------- C#

const CS = {
  indent: '    ',
  name: v,
  errName: 'ex',
  decl: (n, e) => `var ${n} = ${e};`,
  stmt: (e) => `${e};`,
  call: (r) => `${r.chance(0.5) ? 'await ' : ''}${r.pick(['_repository', '_cache', '_client', '_bus'])}.${pascal(parts(r))}Async(${v(r)})`,
  log: (msg, n) => `_logger.Log${['Information', 'Debug', 'Warning'][msg.length % 3]}("${msg} {${cap(n)}}", ${n});`,
  interp: (msg, n) => `$"${msg} {${n}}"`,
  ifOpen: (n) => `if (${n} is null)`,
  close: '}',
  forOpen: (i, n) => `foreach (var ${i} in ${n})`,
  tryOpen: 'try',
  catchOpen: '}\n        catch (Exception ex)\n        {',
  throw: (msg, n) => `throw new InvalidOperationException($"${msg}: {${n}}");`,
  expr: (r) => r.weighted([
    [3, () => `await _repository.${pascal(parts(r))}Async(${v(r)})`],
    [2, () => (r.chance(0.6) ? `"${literal(r)}"` : String(r.range(0, 5000)))],
    [1, () => `Environment.GetEnvironmentVariable("${upper(parts(r, { verb: false }))}")`],
    [1, () => `${v(r)}.Where(x => x.${pascal([r.pick(ADJS)])}).ToList()`],
    [1, () => `new Uri("${genericUrl(r)}")`],
  ])(),
};

function csMethod(r) {
  const args = Array.from({ length: r.range(0, 3) }, () => `${r.pick(['string', 'int', 'bool', 'CancellationToken', pascal([r.pick(NOUNS)])])} ${v(r)}`);
  // C# puts braces on their own lines: expand `if (...)` / `foreach (...)` / `try` openers.
  const body = stmts(r, CS, '        ', 0, r.range(2, 7)).flatMap((l) => (/^\s*(if \(|foreach \(|try$)/.test(l) ? [l, l.match(/^\s*/)[0] + '{'] : [l]));
  return [`    /// <summary>${sentence(r)}.</summary>`, `    public async Task<${r.pick(['string', 'int', 'bool', pascal([r.pick(NOUNS)])])}> ${pascal(parts(r))}Async(${args.join(', ')})`, '    {', ...body, '        return default;', '    }'].join('\n');
}

export const csharp = {
  header(r, extra) {
    const usings = ['System', 'System.Collections.Generic', 'System.Linq', 'System.Threading', 'System.Threading.Tasks', 'Microsoft.Extensions.Logging', ...extra];
    const cls = pascal(parts(r, { verb: false }));
    return `${usings.map((u) => `using ${u};`).join('\n')}\n\nnamespace Acme.${pascal([r.pick(NOUNS)])};\n\npublic class ${cls}Service\n{\n    private readonly ILogger<${cls}Service> _logger;\n`;
  },
  unit: (r) => r.weighted([
    [5, () => csMethod(r)],
    [1, () => Array.from({ length: r.range(2, 5) }, () => `    public ${r.pick(['string', 'int', 'bool', 'DateTime'])} ${pascal(parts(r, { verb: false }))} { get; set; }`).join('\n')],
    [0.7, () => commentBlock(r, '//', '    ')],
  ])(),
  footer: () => '}',
  lookalikes: [
    [0.06, (r) => ({ imports: ['Amazon', 'Amazon.S3'], body: `    private readonly AmazonS3Client _s3 = new(RegionEndpoint.${r.pick(['EUWest1', 'EUCentral1', 'USEast1', 'USWest2'])});` })],
  ],
};

// ---------------------------------------------------------------- Rust

const RS = {
  indent: '    ',
  name: vs,
  errName: 'err',
  decl: (n, e) => `let ${n} = ${e};`,
  stmt: (e) => `${e};`,
  call: (r) => `self.${r.pick(['repo', 'cache', 'client'])}.${snake(parts(r))}(&${vs(r)})${r.chance(0.5) ? '.await?' : '?'}`,
  log: (msg, n) => `${['info', 'debug', 'warn'][msg.length % 3]}!("${msg}: {:?}", ${n});`,
  interp: (msg, n) => `format!("${msg} {}", ${n})`,
  ifOpen: (n) => `if ${n}.is_empty() {`,
  close: '}',
  forOpen: (i, n) => `for ${i} in ${n}.iter() {`,
  throw: (msg, n) => `return Err(anyhow!("${msg}: {}", ${n}));`,
  expr: (r) => r.weighted([
    [3, () => `self.repo.${snake(parts(r))}(&${vs(r)}).await?`],
    [2, () => (r.chance(0.6) ? `"${literal(r)}".to_string()` : `${r.range(0, 5000)}u64`)],
    [1, () => `std::env::var("${upper(parts(r, { verb: false }))}").unwrap_or_default()`],
    [1, () => `${vs(r)}.iter().filter(|x| x.${r.pick(ADJS)}).count()`],
    [1, () => `reqwest::Client::new().get("${genericUrl(r)}")`],
  ])(),
};

function rsFn(r, ind) {
  const args = [ind ? '&self' : null, ...Array.from({ length: r.range(0, 2) }, () => `${vs(r)}: ${r.pick(['&str', 'u64', 'bool', '&[String]', `&${pascal([r.pick(NOUNS)])}`])}`)].filter(Boolean);
  return [`${ind}/// ${sentence(r)}.`, `${ind}pub async fn ${snake(parts(r))}(${args.join(', ')}) -> anyhow::Result<${r.pick(['()', 'String', 'u64', pascal([r.pick(NOUNS)])])}> {`, ...stmts(r, RS, ind + '    ', 0, r.range(2, 6)), `${ind}    todo!()`, `${ind}}`].join('\n');
}

export const rust = {
  header: (r, extra) => `${['use anyhow::anyhow;', 'use serde::{Deserialize, Serialize};', 'use tracing::{debug, info, warn};', ...extra].join('\n')}\n`,
  unit: (r) => r.weighted([
    [3, () => rsFn(r, '')],
    [2, () => {
      const name = pascal(parts(r, { verb: false }));
      const fields = Array.from({ length: r.range(2, 6) }, () => `    pub ${vs(r)}: ${r.pick(['String', 'u64', 'bool', 'Vec<String>', 'Option<String>'])},`);
      return `#[derive(Debug, Clone, Serialize, Deserialize)]\npub struct ${name} {\n${fields.join('\n')}\n}\n\nimpl ${name} {\n${Array.from({ length: r.range(1, 3) }, () => rsFn(r, '    ')).join('\n\n')}\n}`;
    }],
    [1, () => Array.from({ length: r.range(2, 5) }, () => `const ${upper(parts(r, { verb: false }))}: &str = "${literal(r)}";`).join('\n')],
    [0.7, () => commentBlock(r, '//')],
  ])(),
  footer: () => '',
  lookalikes: [
    [0.04, (r) => ({ imports: ['use aws_config::Region;'], body: `pub async fn s3_client() -> aws_sdk_s3::Client {\n    let region = std::env::var("AWS_REGION").unwrap_or_else(|_| "${r.pick(STD_REGIONS)}".into());\n    let config = aws_config::from_env().region(Region::new(region)).load().await;\n    aws_sdk_s3::Client::new(&config)\n}` })],
  ],
};

/**
 * Writes one source file of about `target` bytes; `llm` is an LLM snippet to embed, or null.
 * A writer has header(r, extraImports, file), unit(r, file), footer(r, file), lookalikes
 * ([rate, make] pairs), and optionally sep (between units) and adapt(code, file) (to fit
 * embedded code to the file, e.g. CommonJS). `file` is per-file state the writer may keep.
 */
export function writeCode(r, writer, target, llm) {
  const extras = [];
  const bodies = [];
  for (const [p, make] of writer.lookalikes) {
    if (r.chance(p)) {
      const x = make(r);
      extras.push(...x.imports);
      bodies.push(x.body);
    }
  }
  if (llm) {
    extras.push(...llm.imports);
    bodies.push(llm.body);
  }
  const file = {};
  const header = writer.header(r, [...new Set(extras)], file);
  const units = [];
  let size = header.length + bodies.reduce((n, b) => n + b.length, 0);
  while (size < target) {
    const u = writer.unit(r, file);
    units.push(u);
    size += u.length + 2;
  }
  // LLM code and look-alikes land anywhere in the file, not just at the top.
  for (const b of bodies) units.splice(r.int(units.length + 1), 0, writer.adapt ? writer.adapt(b, file) : b);
  const footer = writer.footer(r, file);
  return `${header}\n${units.join(writer.sep ?? '\n\n')}\n${footer ? `${footer}\n` : ''}`;
}

export const WRITERS = { py: python, ts: typescript, tsx, js: javascript, go, java, cs: csharp, rs: rust };
