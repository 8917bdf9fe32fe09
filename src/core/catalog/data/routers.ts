// Clients that pick the provider from a "provider:model" string (aisuite), then call it
// through that provider's own SDK client, whose defaults and env variables then apply.
import type { ModelStringRouter } from '../types';
import { gh } from './common';

const AISUITE_CLIENT = gh('andrewyng/aisuite', '06938e8b', 'aisuite/client.py', '2026-12-03');
const AISUITE_OPENAI = gh('andrewyng/aisuite', '00f909f6', 'aisuite/providers/openai_provider.py', '2026-12-03');

export const routers: ModelStringRouter[] = [
  {
    id: 'aisuite',
    languages: ['python'],
    client: 'aisuite.Client',
    methods: ['chat.completions.create'],
    modelOptions: ['model'],
    separator: ':',
    // Only the keys whose provider class was read: OpenAI's passes its config to openai.OpenAI(**config).
    providers: { openai: 'openai-python' },
    sources: [AISUITE_CLIENT, AISUITE_OPENAI],
  },
];
