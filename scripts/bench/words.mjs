// Vocabulary for the synthetic workspace: identifiers, comments and literals that look
// like ordinary application code. The word lists deliberately leave out prefilter anchors
// ("completion", "embedding", "vertex", "together", ...): look-alikes are injected on
// purpose and at known rates by the language writers, not by accident of vocabulary.

export const NOUNS = [
  'user', 'account', 'order', 'invoice', 'payment', 'customer', 'product', 'item', 'cart', 'session', 'token', 'cache',
  'queue', 'job', 'task', 'report', 'metric', 'event', 'message', 'record', 'entry', 'batch', 'file', 'document', 'page',
  'image', 'profile', 'team', 'project', 'ticket', 'shipment', 'address', 'config', 'setting', 'rule', 'route', 'handler',
  'request', 'response', 'store', 'index', 'schema', 'table', 'column', 'field', 'value', 'key', 'node', 'edge', 'tree',
  'buffer', 'stream', 'channel', 'worker', 'timer', 'lock', 'state', 'status', 'result', 'retry', 'limit', 'quota',
  'tenant', 'region', 'bucket', 'upload', 'webhook', 'subscription', 'plan', 'coupon', 'refund', 'audit',
  'permission', 'role', 'group', 'member', 'invite', 'comment', 'note', 'tag', 'label', 'filter', 'cursor', 'offset',
  'snapshot', 'backup', 'migration', 'version', 'feature', 'flag', 'experiment', 'notification', 'email', 'template',
];
export const VERBS = [
  'get', 'set', 'load', 'save', 'fetch', 'update', 'delete', 'create', 'build', 'parse', 'format', 'validate', 'compute',
  'render', 'handle', 'process', 'send', 'receive', 'apply', 'merge', 'sync', 'flush', 'resolve', 'normalize', 'encode',
  'decode', 'serialize', 'register', 'dispatch', 'schedule', 'cancel', 'check', 'find', 'list', 'count', 'sort', 'group',
  'collect', 'publish', 'consume', 'archive', 'restore', 'refresh', 'prune', 'export', 'import', 'notify', 'track',
];
export const ADJS = [
  'active', 'pending', 'default', 'current', 'next', 'previous', 'remote', 'local', 'cached', 'raw', 'parsed', 'total',
  'max', 'min', 'last', 'first', 'new', 'old', 'internal', 'public', 'shared', 'primary', 'secondary', 'stale', 'dirty',
];
const FILLER = [
  'the', 'the', 'the', 'a', 'a', 'this', 'we', 'it', 'is', 'are', 'when', 'if', 'so', 'that', 'to', 'to', 'of', 'of', 'and',
  'and', 'or', 'not', 'only', 'before', 'after', 'once', 'per', 'each', 'with', 'without', 'for', 'from', 'into', 'on',
  'in', 'by', 'as', 'until', 'unless', 'because', 'otherwise', 'still', 'also', 'then', 'should', 'must', 'can', 'may',
  'never', 'always', 'here', 'again', 'first', 'later', 'old', 'new', 'slow', 'fast', 'safe', 'empty', 'missing',
];
export const STD_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'eu-north-1', 'ap-southeast-1',
  'ap-northeast-1', 'ca-central-1',
];
export const GCP_REGIONS = ['europe-west1', 'europe-west4', 'europe-west3', 'us-central1', 'us-east4', 'asia-northeast1'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

export function sentence(r, min = 5, max = 14) {
  const n = r.range(min, max);
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(word(r));
  }
  return cap(out.join(' '));
}

function word(r) {
  return r.pick(r.weighted([[5, FILLER], [3, NOUNS], [2, VERBS], [1, ADJS]]));
}

/** Name parts: verb, optional adjective, noun. */
export function parts(r, { verb = true, adj = 0.3 } = {}) {
  const p = [];
  if (verb) p.push(r.pick(VERBS));
  if (r.chance(adj)) p.push(r.pick(ADJS));
  p.push(r.pick(NOUNS));
  return p;
}
export const snake = (p) => p.join('_');
export const camel = (p) => p[0] + p.slice(1).map(cap).join('');
export const pascal = (p) => p.map(cap).join('');
export const upper = (p) => p.join('_').toUpperCase();
export const kebab = (p) => p.join('-');
export { cap };

/** URLs that are not LLM endpoints: the prefilter must let almost all of these pass by. */
export function genericUrl(r) {
  const n = r.pick(NOUNS);
  return r.weighted([
    [4, `https://api.${r.pick(['acme', 'northwind', 'contoso', 'globex'])}.io/v${r.range(1, 3)}/${n}s`],
    [2, `https://api.github.com/repos/acme/${n}-service/issues`],
    [2, `https://hooks.slack.com/services/T0${r.range(1000, 9999)}/B0${r.range(1000, 9999)}/${n}`],
    [2, `http://${n}-service.${r.pick(['default', 'prod', 'staging'])}:${r.pick([8080, 8000, 3000, 9090])}/${n}s`],
    [2, `https://${n}.internal.acme.io/api/${n}s`],
    [1, `https://sentry.io/api/0/projects/acme/${n}/`],
    [1, 'https://oauth2.googleapis.com/token'],
    [1, 'https://login.microsoftonline.com/common/oauth2/v2.0/token'],
    [1, `https://registry.npmjs.org/${n}`],
    [1, `https://pypi.org/simple/${n}/`],
    [1, `https://example.com/${n}/${r.range(1, 999)}`],
    [1, `https://api.stripe.com/v1/${n}s`],
    [1, `https://${n}.blob.core.windows.net/${n}s`],
  ]);
}

/** A string literal's content (without quotes). Never contains quotes or backslashes. */
export function literal(r) {
  return r.weighted([
    [5, () => sentence(r, 3, 8)],
    [3, () => `/api/v${r.range(1, 2)}/${r.pick(NOUNS)}s/${r.pick(['{id}', ':id', 'search', 'bulk', 'export'])}`],
    [2, () => genericUrl(r)],
    [2, () => kebab(parts(r, { verb: false }))],
    [1, () => r.pick(STD_REGIONS)],
    [1, () => `${r.pick(NOUNS)}_${r.range(1, 99)}`],
    [1, () => `SELECT id, ${r.pick(NOUNS)}_id, created_at FROM ${r.pick(NOUNS)}s WHERE status = $1 LIMIT ${r.range(10, 500)}`],
  ])();
}
