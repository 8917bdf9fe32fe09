// Prompty (`.prompty` files): the executors the Python runtime registers for a
// `model.configuration` (since 0.2 `model.connection`) `type`, and the SDK client each builds
// from the configuration's other keys, passed on as keyword arguments.
import type { PromptyExecutor, PromptyRunner, Source } from '../types';
import { CHECKED_TODAY, gh } from './common';

const runtime = (commit: string, path: string): Source => gh('microsoft/prompty', commit, `runtime/prompty/prompty/${path}`, CHECKED_TODAY);

export const prompty: PromptyExecutor[] = [
  {
    types: ['azure', 'azure_openai'],
    client: 'openai-azure',
    note: 'AzureOpenAI(**configuration): azure_endpoint, or AZURE_OPENAI_ENDPOINT where it runs.',
    sources: [runtime('0cf39c69050591a7030317d7399971842efb1e11', 'azure/executor.py')],
  },
  {
    types: ['openai'],
    client: 'openai-python',
    note: 'OpenAI(**configuration): base_url, else OPENAI_BASE_URL, else api.openai.com.',
    sources: [runtime('223ed4cd44cf2da930623310a3757a14197eb8d9', 'openai/executor.py')],
  },
  {
    types: ['serverless'],
    url: ['endpoint'],
    note: 'azure.ai.inference ChatCompletionsClient(endpoint=...): an Azure AI Foundry or GitHub Models endpoint; the host decides the provider.',
    sources: [runtime('05bf8f9f7bdfd33505594a4415881efa265551ce', 'serverless/executor.py')],
  },
];

// The Python runtime's execute()/run() hoist the configuration they are given over the file's
// (param_hoisting: a key given in code wins, the file fills the rest), so the executor `type`
// and the endpoint keys written in code decide where the prompt goes.
const RUNTIME_API = runtime('0cf39c69050591a7030317d7399971842efb1e11', '__init__.py');
const HOISTING = runtime('0cf39c69050591a7030317d7399971842efb1e11', 'core.py');

export const promptyRunners: PromptyRunner[] = [
  { callees: ['prompty.execute', 'prompty.execute_async'], configuration: { name: 'configuration', index: 1 }, sources: [RUNTIME_API, HOISTING] },
  { callees: ['prompty.run', 'prompty.run_async'], configuration: { name: 'configuration', index: 2 }, sources: [RUNTIME_API, HOISTING] },
];
