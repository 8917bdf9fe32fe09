// How Portkey gateway configs name their targets: provider slugs (the gateway's own
// constants) and the target keys that carry a region or resource.
import type { PortkeySignals } from '../types';
import { CHECKED_TODAY, gh, src } from './common';

const GLOBALS = gh('Portkey-AI/gateway', '669825cb', 'src/globals.ts', CHECKED_TODAY);
const CONFIG_OBJECT = src('https://portkey.ai/docs/api-reference/inference-api/config-object', CHECKED_TODAY);

export const portkey: PortkeySignals = {
  slugs: {
    openai: 'openai',
    'azure-openai': 'azure-openai',
    anthropic: 'anthropic',
    google: 'google-gemini-api',
    'vertex-ai': 'google-vertex-ai',
    bedrock: 'aws-bedrock',
    'mistral-ai': 'mistral',
    cohere: 'cohere',
    groq: 'groq',
    'together-ai': 'together',
    'fireworks-ai': 'fireworks',
    'perplexity-ai': 'perplexity',
    huggingface: 'huggingface',
    ollama: 'self-hosted',
  },
  regionKeys: ['aws_region', 'vertex_region', 'azure_region'],
  resourceKeys: ['resource_name'],
  urlKeys: ['custom_host'],
  sources: [GLOBALS, CONFIG_OBJECT],
};
