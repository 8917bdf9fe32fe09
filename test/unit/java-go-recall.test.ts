// Issue 11 (recall on real code, part R3): Go values filled in by an emptiness test or
// passed into a function, Spring AI model beans injected into Java code, and local
// inference calls in GitHub Actions `run:` scripts.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';

const engine = new Engine();
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
/** provider, host and line of each endpoint, in the order reported. */
const found = (file: string, text: string, env = workspaceEnv([])) =>
  engine.analyze(file, text, { env }).endpoints.map((e) => [e.provider, e.host, lineOf(text, e.range.start)]);

describe('Go: a value with a default filled in when it is empty', () => {
  const GO = (body: string) => ['package main', '', 'import (', '\t"os"', '', '\t"github.com/tmc/langchaingo/llms/ollama"', ')', '', body].join('\n');

  it('reads `x := os.Getenv(...); if x == "" { x = "..." }` as the variable or its default', () => {
    const text = GO([
      'func main() {',
      '\taddr := os.Getenv("LOCAL_LLM_URL")',
      '\tif addr == "" {',
      '\t\taddr = "http://localhost:11434"',
      '\t}',
      '\tllm, _ := ollama.New(ollama.WithServerURL(addr))',
      '\t_ = llm',
      '}',
    ].join('\n'));
    // One endpoint: the default literal is the value the client uses, not a URL of its own.
    assert.deepEqual(found('main.go', text).map((e) => e.slice(0, 2)), [['self-hosted', 'localhost']]);
    // A value set in the workspace wins over the default.
    const env = workspaceEnv([{ name: 'LOCAL_LLM_URL', value: 'http://gpu-box.internal:11434', file: '.env', line: 1 }]);
    assert.deepEqual(engine.analyze('main.go', text, { env }).endpoints.map((e) => e.host), ['gpu-box.internal']);
  });

  it('keeps a second, unconditional assignment ambiguous', () => {
    const text = GO([
      'func main() {',
      '\taddr := os.Getenv("LOCAL_LLM_URL")',
      '\tif addr == "" {',
      '\t\taddr = "http://localhost:11434"',
      '\t}',
      '\taddr = pick()',
      '\tllm, _ := ollama.New(ollama.WithServerURL(addr))',
      '\t_ = llm',
      '}',
    ].join('\n'));
    const client = engine.analyze('main.go', text, { env: workspaceEnv([]) }).endpoints.find((e) => e.via.startsWith('ollama.New'));
    assert.equal(client?.host, null);
  });

  it('follows a parameter to the one value every call in the file passes, and reports each client', () => {
    const text = GO([
      'func main() {',
      '\tbase := os.Getenv("LOCAL_LLM_URL")',
      '\tif base == "" {',
      '\t\tbase = "http://localhost:11434"',
      '\t}',
      '\tfirst(base)',
      '\tsecond("x", base)',
      '}',
      '',
      'func first(server string) {',
      '\tllm, _ := ollama.New(ollama.WithServerURL(server))',
      '\t_ = llm',
      '}',
      '',
      'func second(name, server string) (interface{}, error) {',
      '\treturn ollama.New(ollama.WithServerURL(server), ollama.WithModel(name))',
      '}',
    ].join('\n'));
    assert.deepEqual(found('main.go', text), [['self-hosted', 'localhost', 19], ['self-hosted', 'localhost', 24]]);
  });

  it('leaves a parameter unknown when the calls pass different values', () => {
    const text = GO([
      'func main() {',
      '\tconnect("http://localhost:11434")',
      '\tconnect("http://10.0.0.7:11434")',
      '}',
      '',
      'func connect(server string) {',
      '\tllm, _ := ollama.New(ollama.WithServerURL(server))',
      '\t_ = llm',
      '}',
    ].join('\n'));
    const client = engine.analyze('main.go', text, { env: workspaceEnv([]) }).endpoints.find((e) => e.via.startsWith('ollama.New'));
    assert.equal(client?.host, null);
  });
});
