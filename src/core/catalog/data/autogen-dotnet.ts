// AutoGen for .NET (microsoft/autogen, dotnet/): its config classes and its own Anthropic
// client, read from the library's source. AutoGen's OpenAIConfig builds an OpenAIClient with
// no endpoint (api.openai.com); AzureOpenAIConfig an AzureOpenAIClient at the endpoint it is
// given; AnthropicClient posts to the URL it is given, which samples take from the library's
// AnthropicConstants.Endpoint.
import type { ClientSignal, ProviderId, Source } from '../types';
import { gh } from './common';

const autogen = (path: string): Source => gh('microsoft/autogen', '027ecf0a379bcc1d09956d46d12d44a3ad9cee14', `dotnet/src/${path}`, '2026-12-03');

/** AutoGen .NET classes, by provider (added to each provider's clients in index.ts). */
export const autogenDotnetClients: Partial<Record<ProviderId, ClientSignal[]>> = {
  openai: [
    {
      id: 'autogen-dotnet-openai-config',
      languages: ['csharp'],
      callees: ['OpenAIConfig'],
      packages: ['AutoGen'],
      options: {},
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'new OpenAIConfig(apiKey, modelId): the agent it configures calls new OpenAIClient(apiKey), the default endpoint.',
      sources: [autogen('AutoGen/OpenAIConfig.cs'), autogen('AutoGen.OpenAI.V1/OpenAIConfig.cs')],
    },
  ],
  'azure-openai': [
    {
      id: 'autogen-dotnet-azure-openai-config',
      languages: ['csharp'],
      callees: ['AzureOpenAIConfig'],
      packages: ['AutoGen'],
      options: { url: ['$0', 'endpoint'] },
      defaults: {},
      note: 'new AzureOpenAIConfig(endpoint, deploymentName, apiKey): an AzureOpenAIClient at that endpoint.',
      sources: [autogen('AutoGen/AzureOpenAIConfig.cs')],
    },
  ],
  anthropic: [
    {
      id: 'autogen-dotnet-anthropic',
      languages: ['csharp'],
      callees: ['AutoGen.Anthropic.AnthropicClient', 'AnthropicClient'],
      packages: ['AutoGen.Anthropic'],
      libraryConstants: [{ name: 'AnthropicConstants.Endpoint', value: 'https://api.anthropic.com/v1/messages' }],
      options: { url: ['$1', 'baseUrl'] },
      defaults: {},
      note: 'new AnthropicClient(httpClient, baseUrl, apiKey) posts to baseUrl; AnthropicConstants.Endpoint is https://api.anthropic.com/v1/messages.',
      sources: [autogen('AutoGen.Anthropic/AnthropicClient.cs'), autogen('AutoGen.Anthropic/Utils/AnthropicConstants.cs')],
    },
  ],
};
