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

  it('reports a value read from an unset variable where the client uses it, not where it is read', () => {
    const text = GO([
      'func main() {',
      '\tserver := os.Getenv("LOCAL_LLM_URL")',
      '\tllm, _ := ollama.New(',
      '\t\tollama.WithModel("m"),',
      '\t\tollama.WithServerURL(server),',
      '\t)',
      '\t_ = llm',
      '}',
    ].join('\n'));
    // No text to edit on line 10 and the host is unknown: the client's option is the place to look.
    assert.deepEqual(found('main.go', text), [['self-hosted', null, 13]]);
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

describe('Spring AI: a chat model bean injected into Java code is a use of its starter', () => {
  const POM = (...artifacts: string[]) => `<project><dependencies>\n${artifacts.map((a) => `<dependency><artifactId>${a}</artifactId></dependency>`).join('\n')}\n</dependencies></project>\n`;
  const JAVA = (imports: string[], ctor: string) => [
    'package demo;',
    '',
    ...imports.map((i) => `import ${i};`),
    '',
    'class Assistant {',
    `  ${ctor} {`,
    '  }',
    '}',
  ].join('\n');
  const TYPED = JAVA(['org.springframework.ai.mistralai.MistralAiChatModel'], 'Assistant(MistralAiChatModel model)');
  const CODE = 'svc/src/main/java/demo/Assistant.java';
  /** Endpoints of the Java file, with the definitions the given build and properties files publish. */
  const inModule = (java: string, files: Record<string, string>) => {
    const definitions = Object.entries(files).flatMap(([path, text]) => engine.analyze(path, text, { force: true }).env);
    return found(CODE, java, workspaceEnv(definitions));
  };

  it('takes the endpoint the module\'s application properties give the starter', () => {
    const props = 'spring.ai.mistralai.api-key=${KEY}\nspring.ai.mistralai.base-url=https://api.together.xyz\n';
    assert.deepEqual(inModule(TYPED, { 'svc/src/main/resources/application.properties': props }), [['together', 'api.together.xyz', 6]]);
    // Properties of another module say nothing about this one's bean.
    assert.deepEqual(inModule(TYPED, { 'other/src/main/resources/application.properties': props }), [['mistral', 'api.mistral.ai', 6]]);
  });

  it('falls back to the starter\'s default only when the workspace was read, and says unknown otherwise', () => {
    assert.deepEqual(inModule(TYPED, {}), [['mistral', 'api.mistral.ai', 6]]);
    // Checked alone (the editor with one file), the properties are not known: no host is claimed.
    assert.deepEqual(engine.analyze(CODE, TYPED).endpoints.map((e) => [e.provider, e.host]), [['mistral', null]]);
  });

  it('gives a generic ChatModel or ChatClient.Builder the module\'s only chat starter', () => {
    const generic = JAVA(['org.springframework.ai.chat.model.ChatModel'], 'Assistant(ChatModel chatModel)');
    const builder = JAVA(['org.springframework.ai.chat.client.ChatClient'], 'Runner run(ChatClient.Builder builder)');
    const pom = POM('spring-ai-starter-model-ollama', 'spring-boot-starter-web');
    assert.deepEqual(inModule(generic, { 'svc/pom.xml': pom }), [['self-hosted', 'localhost', 6]]);
    assert.deepEqual(inModule(builder, { 'svc/pom.xml': pom }), [['self-hosted', 'localhost', 6]]);
    // Two chat starters: which bean is injected is the application's choice, so the provider is unknown.
    assert.deepEqual(inModule(generic, { 'svc/pom.xml': POM('spring-ai-starter-model-ollama', 'spring-ai-starter-model-anthropic') }), [[null, null, 6]]);
    // No build file known: nothing to add to what the properties file reports.
    assert.deepEqual(inModule(generic, {}), []);
  });

  it('counts an @Autowired field as an injection too', () => {
    const field = [
      'package demo;',
      'import org.springframework.ai.mistralai.MistralAiChatModel;',
      'import org.springframework.beans.factory.annotation.Autowired;',
      'class Assistant {',
      '  @Autowired',
      '  private MistralAiChatModel model;',
      '  private MistralAiChatModel notInjected;',
      '}',
    ].join('\n');
    assert.deepEqual(inModule(field, {}), [['mistral', 'api.mistral.ai', 6]]);
  });

  it('counts parameters that Spring injects, not local variables or unrelated classes', () => {
    const local = JAVA(['org.springframework.ai.mistralai.MistralAiChatModel'], 'void run() {\n    MistralAiChatModel model = null;\n    use(model);\n  }\n  void other()');
    assert.deepEqual(inModule(local, {}), []);
    const foreign = JAVA(['com.example.models.MistralAiChatModel'], 'Assistant(MistralAiChatModel model)');
    assert.deepEqual(inModule(foreign, {}), []);
  });
});

describe('GitHub Actions: a run script that calls an LLM API', () => {
  const WORKFLOW = (steps: string[]) => ['name: ci', 'on: push', 'jobs:', '  check:', '    runs-on: ubuntu-latest', '    steps:', ...steps].join('\n');
  const FILE = '.github/workflows/check.yml';

  it('reports an inference request in a multi-line or one-line script, on its own line', () => {
    const text = WORKFLOW([
      '      - name: warm the model',
      '        run: |',
      '          echo "loading"',
      '          curl -s http://127.0.0.1:11434/api/generate \\',
      '            -d \'{"model": "phi3", "prompt": "hi"}\'',
      '      - run: curl -sf https://api.mistral.ai/v1/chat/completions -H "Authorization=$KEY" -d @body.json',
    ]);
    assert.deepEqual(found(FILE, text), [['self-hosted', '127.0.0.1', 10], ['mistral', 'api.mistral.ai', 12]]);
    // Read as YAML, not by the lexical fallback for broken files.
    assert.deepEqual(engine.analyze(FILE, text).notes, []);
  });

  it('stays quiet for readiness probes and model lists', () => {
    const text = WORKFLOW([
      '      - name: wait for the server',
      '        run: |',
      '          until curl -s http://localhost:11434/ > /dev/null; do sleep 2; done',
      '          curl -s http://localhost:11434/api/tags | jq .',
      '          curl -s https://api.mistral.ai/v1/models -H "Authorization: Bearer $KEY"',
    ]);
    assert.deepEqual(found(FILE, text), []);
    assert.deepEqual(engine.analyze(FILE, text).notes, []);
  });

  it('reads run scripts only in workflow files', () => {
    const text = 'tasks:\n  - run: |\n      curl http://localhost:11434/api/generate -d @p.json\n';
    assert.deepEqual(found('tasks.yml', text), []);
  });
});
