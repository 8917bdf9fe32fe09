// The compliance matrix webview: renders the rows the extension sends (src/core/matrix.ts),
// the requirement filter, and keyboard navigation across the grid. It holds no facts of its
// own and talks to the extension only through validated messages (protocol.ts).

import type { CellStatus, MatrixCell, MatrixRow } from '../core/matrix';
import type { Requirement } from '../core/policy/policy';
import { REQUIREMENT_LABELS } from '../core/policy/requirement-labels';
import { isMatrixMessage, type MatrixColumnInfo, type MatrixMessage, type ViewRequest } from './protocol';

declare function acquireVsCodeApi(): { postMessage(message: ViewRequest): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const FILTER_ORDER: Requirement[] = ['hipaa', 'soc2-type2', 'eu-residency', 'eu-ai-act-gpai', 'iso27001', 'iso42001'];
const ICONS: Record<CellStatus, string> = { yes: 'check', no: 'close', conditional: 'info', unknown: 'question' };
let current: MatrixMessage | undefined;
let focus: { row: number; col: number } = { row: 0, col: 0 };

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isMatrixMessage(event.data)) return;
  current = event.data;
  render(current);
});
vscode.postMessage({ type: 'ready' });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function icon(name: string, label?: string): HTMLElement {
  return el('span', { class: `codicon codicon-${name}`, ...(label ? { 'aria-label': label, role: 'img' } : { 'aria-hidden': 'true' }) });
}

/** Below this width the matrix is one card per provider; at or above it, the table. */
const NARROW = window.matchMedia('(max-width: 499px)');
NARROW.addEventListener('change', () => current && render(current));
/** Cards show the policy's (or the filter's) requirements; this shows every column. */
let showAll = (vscode.getState() as { showAll?: boolean } | undefined)?.showAll === true;

function render(m: MatrixMessage): void {
  // Re-rendering replaces the page: remember where the keyboard was, and put it back.
  const active = document.activeElement;
  const hadFocus = active instanceof HTMLElement && root.contains(active) ? active : undefined;
  const inGrid = hadFocus && grid().some((r) => r.includes(hadFocus));
  const required = new Set(m.policy.require);
  const filter = new Set(m.filter);
  const columns = ordered(m.columns, required, filter);
  root.replaceChildren(
    filterSection(m, filter),
    el('p', { class: 'summary', id: 'summary', role: 'status' }, summary(m)),
    NARROW.matches ? cards(m, columns, required) : table(m, columns, required, filter),
    el('p', { class: 'legend' },
      icon('check'), ' yes  ', icon('close'), ' no  ', icon('info'), ' conditional  ', icon('question'), ' unknown  ', icon('history'), ' checked over ',
      'the review window ago. Hover or focus a value for its condition, source and check date. ',
      `Catalog ${m.catalogVersion}.`),
  );
  const cells = grid();
  for (const r of cells) for (const x of r) x.tabIndex = -1;
  const target = cells[Math.min(focus.row, cells.length - 1)]?.[focus.col] ?? cells[0]?.[0];
  if (target) target.tabIndex = 0;
  if (inGrid) target?.focus();
  else if (hadFocus?.id) document.getElementById(hadFocus.id)?.focus();
}

/** The policy's columns first, then the ticked ones, then the rest, each group in catalog order. */
function ordered(columns: MatrixColumnInfo[], required: Set<Requirement>, filter: Set<Requirement>): MatrixColumnInfo[] {
  const rank = (c: MatrixColumnInfo): number => (c.requirement && required.has(c.requirement) ? 0 : c.requirement && filter.has(c.requirement) ? 1 : 2);
  return [...columns].sort((a, b) => rank(a) - rank(b));
}

/** The verdict, from the rows' own judgement (row.unmet), the same one that marks a row as failing. */
function summary(m: MatrixMessage): string {
  if (!m.filter.length) return `${m.rows.length} providers. Tick what your project needs to see which can meet it.`;
  const names = m.filter.map((r) => REQUIREMENT_LABELS[r].label).join(' + ');
  const baa = !m.filter.includes('hipaa') ? ''
    : m.policy.file ? ` (HIPAA: a BAA ${m.policy.file} lists as signed)` : ' (HIPAA: a BAA is offered; it counts once signed)';
  return `${m.rows.length} of ${m.total} providers meet ${names}${baa}.`;
}

function filterSection(m: MatrixMessage, filter: Set<Requirement>): HTMLElement {
  const boxes = FILTER_ORDER.map((r) => {
    const box = el('input', { type: 'checkbox', id: `req-${r}`, 'data-requirement': r });
    box.checked = filter.has(r);
    box.addEventListener('change', () => {
      const next = FILTER_ORDER.filter((x) => (document.getElementById(`req-${x}`) as HTMLInputElement).checked);
      vscode.postMessage({ type: 'filter', requirements: next });
    });
    return el('label', { for: `req-${r}`, class: 'requirement', title: REQUIREMENT_LABELS[r].detail }, box, ` ${REQUIREMENT_LABELS[r].label}`);
  });
  const write = el('button', { id: 'write-policy', type: 'button' }, m.policy.file ? 'Require these in the policy' : 'Create a policy with these');
  write.title = m.policy.file ? `Set require: in ${m.policy.file}` : 'Create .llm-compliance.yaml with these requirements';
  (write).disabled = m.filter.length === 0 || m.policy.folder === null;
  write.addEventListener('click', () => vscode.postMessage({ type: 'writePolicy', requirements: [...filter] }));
  const exportButton = el('button', { id: 'export', type: 'button', class: 'secondary' }, 'Export as Markdown');
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  const policyNote = m.policy.require.length
    ? `Highlighted: what ${m.policy.file ?? 'the policy'} requires.`
    : m.policy.file ? `${m.policy.file} requires nothing yet.` : 'No policy file in this folder.';
  return el('section', { class: 'filter', 'aria-label': 'Requirement filter' },
    el('fieldset', {}, el('legend', {}, 'What does this project need?'), ...boxes),
    el('div', { class: 'actions' }, write, exportButton),
    el('p', { class: 'policy-note' }, policyNote));
}

function failMark(row: MatrixRow): HTMLElement | '' {
  if (!row.fails.length) return '';
  const why = row.fails.map((r) => `${REQUIREMENT_LABELS[r].label}: ${row.unmet[r]?.text ?? 'not met'}`).join('\n');
  const mark = icon('error', `Fails the policy. ${why}`);
  mark.title = `Fails the policy\n${why}`;
  return mark;
}

function providerButton(row: MatrixRow): HTMLElement {
  const name = el('button', { type: 'button', class: 'provider', 'data-provider': row.provider, title: `${row.name}: endpoints, conditions, sources and the questions to ask` }, row.name);
  name.addEventListener('click', () => vscode.postMessage({ type: 'openProvider', provider: row.provider }));
  return name;
}

/** Narrow: one card per provider, with the policy's columns (all of them on demand). */
function cards(m: MatrixMessage, columns: MatrixColumnInfo[], required: Set<Requirement>): HTMLElement {
  const chosen = columns.filter((c) => c.requirement && (required.has(c.requirement) || m.filter.includes(c.requirement)));
  const shown = showAll || !chosen.length ? columns : chosen;
  const toggle = el('button', { type: 'button', id: 'show-all', class: 'secondary link', 'aria-pressed': String(showAll) },
    showAll ? 'Show only the policy\'s requirements' : `Show all requirements (${columns.length - shown.length} more)`);
  toggle.hidden = !chosen.length;
  toggle.addEventListener('click', () => {
    showAll = !showAll;
    vscode.setState({ showAll });
    if (current) render(current);
  });
  const list = el('ul', { class: 'cards', 'aria-label': 'Provider compliance, one card per provider' }, ...m.rows.map((row) =>
    el('li', { class: `card${row.fails.length ? ' fails' : ''}`, 'data-provider': row.provider, 'data-row': '' },
      el('div', { class: 'card-head' }, providerButton(row), failMark(row), el('span', { class: 'kind' }, row.kind)),
      el('dl', { class: 'fields' }, ...shown.map((c) => el('div', { class: 'field', 'data-column': c.id },
        el('dt', { class: c.requirement && required.has(c.requirement) ? 'required' : '' }, c.title),
        cell('dd', row, c, required, m.filter.includes('eu-residency'))))))));
  list.addEventListener('keydown', onGridKey);
  list.addEventListener('focusin', onGridFocus);
  return el('div', { class: 'cards-wrap' }, toggle, list);
}

function table(m: MatrixMessage, columns: MatrixColumnInfo[], required: Set<Requirement>, filter: Set<Requirement>): HTMLElement {
  const head = el('tr', {}, el('th', { scope: 'col', class: 'provider-col' }, 'Provider'),
    ...columns.map((c) => el('th', { scope: 'col', 'data-column': c.id, class: c.requirement && required.has(c.requirement) ? 'required' : '', ...(c.requirement && required.has(c.requirement) ? { title: 'Required by the policy' } : {}) }, c.title)));
  const body = m.rows.map((row) => el('tr', { 'data-provider': row.provider, 'data-row': '', class: row.fails.length ? 'fails' : '' },
    el('th', { scope: 'row', class: 'provider-col' }, providerButton(row), failMark(row), el('span', { class: 'kind' }, row.kind)),
    ...columns.map((c) => cell('td', row, c, required, filter.has('eu-residency')))));
  const t = el('table', { class: 'matrix', role: 'grid', 'aria-label': 'Provider compliance matrix', 'aria-rowcount': String(m.rows.length + 1) },
    el('thead', {}, head), el('tbody', {}, ...body));
  t.addEventListener('keydown', onGridKey);
  t.addEventListener('focusin', onGridFocus);
  return el('div', { class: 'table-wrap' }, t);
}

/** One tab stop for the grid (roving tabindex): the cell last focused, by keyboard or mouse. */
function onGridFocus(e: FocusEvent): void {
  grid().forEach((r, i) => r.forEach((x, j) => {
    const here = x === e.target || x.contains(e.target as Node);
    x.tabIndex = here ? 0 : -1;
    if (here) focus = { row: i, col: j };
  }));
}

function cell(tag: 'td' | 'dd', row: MatrixRow, column: MatrixColumnInfo, required: Set<Requirement>, showEndpoints: boolean): HTMLElement {
  const c: MatrixCell = row.cells[column.id];
  const isRequired = column.requirement !== null && required.has(column.requirement);
  const unmet = isRequired && column.requirement ? row.unmet[column.requirement] : undefined;
  const lines = [`${column.title}: ${c.label}${c.uncertain ? ' (uncertain)' : ''}`, ...(unmet ? [`Fails the policy: ${unmet.text}`] : []), ...c.details, ...(c.endpoints ?? []).map((e) => `EU: ${e}`)];
  // Check dates on hover and focus only: in every cell they crowded out the values.
  for (const s of c.sources) lines.push(`Source: ${s.url} (checked ${s.checked}${s.thirdParty ? ', third party' : ''})`);
  if (c.stale) lines.push(`Stale: last checked ${c.checked}; due for review.`);
  const goodness = c.good === true ? 'good' : c.good === false ? 'bad' : 'neutral';
  const x = el(tag, { class: `cell status-${c.status} ${goodness}${isRequired ? ' required' : ''}${unmet ? ' unmet' : ''}`, 'data-column': column.id, 'data-status': c.status, tabindex: '-1', title: lines.join('\n'), 'aria-label': lines.join('. ') },
    icon(ICONS[c.status]), el('span', { class: 'label' }, column.id === 'retention' ? c.label : c.label.replace(/^yes: /, '')));
  if (c.uncertain) x.append(el('span', { class: 'mark', 'aria-hidden': 'true' }, '?'));
  if (c.stale) x.append(icon('history', 'stale'));
  // Where the value and the verdict differ (a BAA offered but not signed), the verdict says so beside it.
  if (unmet && (c.status === 'yes' || c.status === 'conditional' || (c.status === 'unknown' && !unmet.short.includes('unknown')))) x.append(el('span', { class: 'verdict' }, icon('error'), unmet.short));
  const source = c.sources[0];
  if (source) x.append(el('a', { href: source.url, class: 'source', tabindex: '-1', 'aria-hidden': 'true' }));
  if (showEndpoints && c.endpoints?.length) {
    // The first few inline; all of them in the tooltip.
    const shown = c.endpoints.slice(0, 3).map((e) => el('li', {}, e));
    if (c.endpoints.length > 3) shown.push(el('li', { class: 'more' }, `and ${c.endpoints.length - 3} more`));
    x.append(el('ul', { class: 'endpoints' }, ...shown));
  }
  return x;
}

/** The focusable cells by row: the provider button, then each data cell. */
function grid(): HTMLElement[][] {
  return [...document.querySelectorAll<HTMLElement>('#root [data-row]')].map((row) => [
    row.querySelector<HTMLElement>('button.provider')!, ...row.querySelectorAll<HTMLElement>('.cell'),
  ]);
}

function onGridKey(e: KeyboardEvent): void {
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const cells = grid();
  let { row, col } = focus;
  if (e.key in moves) {
    const [dr, dc] = moves[e.key]!;
    row = Math.max(0, Math.min(cells.length - 1, row + dr));
    col = Math.max(0, Math.min((cells[row]?.length ?? 1) - 1, col + dc));
  } else if (e.key === 'Home') col = 0;
  else if (e.key === 'End') col = (cells[row]?.length ?? 1) - 1;
  else if (e.key === 'Enter' && col > 0) {
    (cells[row]?.[col]?.querySelector('a.source') as HTMLAnchorElement | null)?.click();
    return;
  } else return;
  e.preventDefault();
  for (const r of cells) for (const x of r) x.tabIndex = -1;
  const next = cells[row]?.[col];
  if (next) {
    next.tabIndex = 0;
    next.focus();
    focus = { row, col };
  }
}
