import type { Provider } from '../../types';
import { CHECKED_TODAY, GPAI_BACKFIELD, gh, src } from '../common';

// Portkey docs (portkey.ai/docs and the Portkey-AI/docs-core repository at b60bcb70, 2026-08-21).
const DOCS_FAQ = src('https://portkey.ai/docs', CHECKED_TODAY);
const DOCS_WHAT_IS = gh('Portkey-AI/docs-core', 'b60bcb70', 'introduction/what-is-portkey.mdx', '2026-08-21');
const SECURITY = src('https://portkey.ai/docs/enterprise/security', CHECKED_TODAY);
const SUPPORT = gh('Portkey-AI/docs-core', 'b60bcb70', 'enterprise/support.mdx', '2026-08-21');
const FEATURE_COMPARISON = gh('Portkey-AI/docs-core', 'b60bcb70', 'product/product-feature-comparison.mdx', '2026-08-21');
const ENTERPRISE_OFFERING = gh('Portkey-AI/docs-core', 'b60bcb70', 'product/enterprise-offering.mdx', '2026-08-21');
const CHANGELOG_2025_07 = gh('Portkey-AI/docs-core', 'b60bcb70', 'changelog/2025/july.mdx', '2026-08-21');
const OPENWEBUI_DOC = gh('Portkey-AI/docs-core', 'b60bcb70', 'virtual_key_old/integrations/libraries/openwebui.mdx', '2026-08-21');
const CONFIGS = src('https://portkey.ai/docs/aigw/product/ai-gateway/configs', CHECKED_TODAY);
const AUTHENTICATION = src('https://portkey.ai/docs/api-reference/authentication', CHECKED_TODAY);
const SECURITY_3P = src('https://www.paloguard.com.au/portkey-security-compliance.php', CHECKED_TODAY, true);

// SDKs.
const PY_CONSTANTS = gh('Portkey-AI/portkey-python-sdk', '906d4035', 'portkey_ai/api_resources/global_constants.py', '2026-05-15');
const PY_UTILS = gh('Portkey-AI/portkey-python-sdk', '906d4035', 'portkey_ai/api_resources/utils.py', '2026-05-15');
const NODE_CLIENT = gh('Portkey-AI/portkey-node-sdk', 'a8f39b102effcab6412ec3dc2c688bebdc236288', 'src/client.ts', CHECKED_TODAY);
const NODE_CONSTANTS = gh('Portkey-AI/portkey-node-sdk', 'aa3b54b34998aa2380b95da1c2d1f4708322f1da', 'src/constants.ts', CHECKED_TODAY);
const NODE_UTILS = gh('Portkey-AI/portkey-node-sdk', 'd20f1f7b1a7bf59b2eda352298c40dd89e690d55', 'src/utils.ts', CHECKED_TODAY);

export const provider: Provider = {
  id: 'portkey',
  name: 'Portkey AI Gateway',
  kind: 'router',
  operator: 'Portkey',
  vendorDomains: ['portkey.ai', 'github.com/Portkey-AI'],
  hosts: [
    {
      pattern: 'api.portkey.ai',
      location: 'global',
      note: 'Hosted gateway (https://api.portkey.ai/v1, OpenAI-compatible; x-portkey-* headers): requests go on to the upstream provider named by the config, virtual key or x-portkey-provider header, whose own policies govern retention and training. No public EU hostname was found.',
      sources: [PY_CONSTANTS, CONFIGS, AUTHENTICATION],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Portkey hosted gateway (region depends on the account)',
      jurisdiction: 'global',
      countries: null,
      euResident: null,
      note: 'UNKNOWN from the host alone: requests hit the nearest regional edge gateway; Enterprise accounts can choose the runtime region (e.g. EU) with data in region-specific shards, but no EU hostname was found, so the account decides. The upstream provider named in the config processes the request wherever it is hosted.',
      sources: [SECURITY, CHANGELOG_2025_07, OPENWEBUI_DOC],
    },
  ],
  posture: {
    baa: {
      value: 'available',
      uncertain: true,
      tier: 'Enterprise',
      conditions: [
        'Enterprise plan only ("BAA Signing for Compliances" is not offered on Open Source, Dev or Pro).',
        'Covers Portkey as the gateway; each upstream provider the config routes to needs its own BAA.',
      ],
      note: 'From Portkey\'s plan comparison and enterprise-offering pages ("Custom BAAs ... tailored to your organization\'s requirements"); the BAA terms and their scope were not read. Portkey\'s docs now send sales links to Palo Alto Networks ("Prisma AIRS AI Gateway"); the ownership or rebrand status is unverified.',
      sources: [FEATURE_COMPARISON, ENTERPRISE_OFFERING, CONFIGS],
    },
    soc2Type2: {
      value: true,
      note: 'Portkey\'s docs say SOC 2 Type II and other certifications are available via the trust portal (trust.portkey.ai); the report itself was not read. A third party restates it.',
      sources: [SECURITY, DOCS_FAQ, SECURITY_3P],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'CONFLICTING in Portkey\'s own docs: the FAQ says "ISO:27001 ... certified" and the plan comparison lists an ISO27001 certificate (Enterprise), while the support page says "ISO 27001 readiness". No certificate was read.',
      sources: [DOCS_FAQ, DOCS_WHAT_IS, SUPPORT, FEATURE_COMPARISON],
    },
    iso42001: {
      value: null,
      note: 'No Portkey statement on ISO/IEC 42001 was found.',
      sources: [SECURITY],
    },
    euAiActGpai: {
      value: null,
      note: 'Portkey is a router (gateway), not a model developer: the GPAI status follows the developer of the model the config routes to. No Portkey statement on the EU AI Act was found.',
      sources: [SECURITY, GPAI_BACKFIELD],
    },
    euResidency: {
      value: true,
      options: [
        'Enterprise SaaS with the EU chosen as the runtime region (account setting; no EU hostname)',
        'Hybrid or self-hosted gateway in your own EU environment (prompts, responses and logs stay there; metrics go to Portkey\'s control plane in a region you choose)',
      ],
      note: 'Enterprise only: "Runtime in region of choice; customer data stored in region-specific shards (e.g., EU)", "no cross-border data flow" (2025-07). The control plane is hosted centrally (Portkey says it holds no customer data). Residency of the upstream provider is separate: route to EU endpoints in the config.',
      sources: [SECURITY, CHANGELOG_2025_07],
    },
    trainingOnDataByDefault: {
      value: null,
      note: 'No Portkey statement on training was found. Upstream providers follow their own terms.',
      sources: [SECURITY],
    },
    retentionDefault: {
      value: 'Request logs 90 days and metrics 365 days by default; zero retention available.',
      uncertain: true,
      note: 'Stated on Portkey\'s enterprise security page for the SaaS Enterprise offering; retention on the Dev and Pro plans was not covered by the research. A third party says ZDR is an Enterprise option. Upstream providers retain per their own policies.',
      sources: [SECURITY, SECURITY_3P],
    },
  },
  clients: [
    {
      id: 'portkey-python',
      languages: ['python'],
      callees: ['Portkey'],
      packages: ['portkey-ai'],
      options: { url: ['base_url'] },
      env: { url: ['PORTKEY_PROXY'] },
      defaults: { host: 'api.portkey.ai', baseUrl: 'https://api.portkey.ai/v1' },
      note: 'Portkey(api_key=..., config=..., provider="@slug" | virtual_key=...). PORTKEY_PROXY overrides the base URL; the SDK\'s lookup of an env variable named PORTKEY_BASE_URL uses the URL string as the name (apparently a bug), so that name is not listed. The SDK also defines LOCAL_BASE_URL http://localhost:8787/v1 for the self-hosted gateway. The upstream provider is in the config, not the host.',
      sources: [PY_CONSTANTS, PY_UTILS, CONFIGS],
    },
    {
      id: 'portkey-js',
      languages: ['js'],
      callees: ['Portkey'],
      packages: ['portkey-ai'],
      options: { url: ['baseURL'] },
      env: { url: ['PORTKEY_BASE_URL'] },
      defaults: { host: 'api.portkey.ai', baseUrl: 'https://api.portkey.ai/v1' },
      note: 'new Portkey({ apiKey, baseURL, config, virtualKey }); baseURL defaults to the PORTKEY_BASE_URL env variable, then https://api.portkey.ai/v1 when an API key (option or PORTKEY_API_KEY) is set; with neither a base URL nor an API key the SDK uses the self-hosted gateway at http://localhost:8787/v1.',
      sources: [NODE_CLIENT, NODE_CONSTANTS, NODE_UTILS],
    },
  ],
  env: [
    { name: 'PORTKEY_PROXY', kind: 'url', specific: true, sources: [PY_CONSTANTS, PY_UTILS] },
    { name: 'PORTKEY_BASE_URL', kind: 'url', specific: true, sources: [NODE_CLIENT] },
  ],
  notes: [
    'The upstream provider and its region come from the Portkey config (targets[].provider, aws_region, vertex_region, custom_host, ...), the virtual key or the x-portkey-provider header: the gateway host alone does not decide residency or BAA coverage.',
  ],
};
