// The compliance matrix webview: renders the rows the extension sends (src/core/matrix.ts),
// the requirement filter, and keyboard navigation across the grid. It holds no facts of its
// own and talks to the extension only through validated messages (protocol.ts).

import type { CellStatus, MatrixCell, MatrixRow } from '../core/matrix';
import type { Requirement } from '../core/policy/policy';
import { REQUIREMENT_LABELS } from '../core/policy/template';
import { isMatrixMessage, type MatrixMessage, type ViewRequest } from './protocol';

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

function render(m: MatrixMessage): void {
  // Re-rendering replaces the page: remember where the keyboard was, and put it back.
  const active = document.activeElement;
  const hadFocus = active instanceof HTMLElement && root.contains(active) ? active : undefined;
  const inGrid = hadFocus && grid().some((r) => r.includes(hadFocus));
  const required = new Set(m.policy.require);
  const filter = new Set(m.filter);
  const rows = m.rows;
  root.replaceChildren(
    filterSection(m, filter),
    el('p', { class: 'summary', id: 'summary', role: 'status' }, summary(m)),
    table(m, rows, required, filter),
    el('p', { class: 'legend' },
      icon('check'), ' yes  ', icon('close'), ' no  ', icon('info'), ' conditional  ', icon('question'), ' unknown  ', icon('history'), ' checked over ',
      'the review window ago. Hover or focus a cell for its condition, source and check date. ',
      `Catalog ${m.catalogVersion}.`),
  );
  const cells = grid();
  for (const r of cells) for (const x of r) x.tabIndex = -1;
  const target = cells[Math.min(focus.row, cells.length - 1)]?.[focus.col] ?? cells[0]?.[0];
  if (target) target.tabIndex = 0;
  if (inGrid) target?.focus();
  else if (hadFocus?.id) document.getElementById(hadFocus.id)?.focus();
}

function summary(m: MatrixMessage): string {
  if (!m.filter.length) return `${m.rows.length} providers. Tick what your project needs to see which can meet it.`;
  const names = m.filter.map((r) => REQUIREMENT_LABELS[r].label).join(' + ');
  return `${m.rows.length} provider${m.rows.length === 1 ? '' : 's'} can meet ${names}.`;
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

function table(m: MatrixMessage, rows: MatrixRow[], required: Set<Requirement>, filter: Set<Requirement>): HTMLElement {
  const head = el('tr', {}, el('th', { scope: 'col', class: 'provider-col' }, 'Provider'),
    ...m.columns.map((c) => el('th', { scope: 'col', class: c.requirement && required.has(c.requirement) ? 'required' : '', ...(c.requirement && required.has(c.requirement) ? { title: 'Required by the policy' } : {}) }, c.title)));
  const body = rows.map((row) => {
    const name = el('button', { type: 'button', class: 'provider', 'data-provider': row.provider, title: `${row.name}: endpoints, conditions, sources and the questions to ask` }, row.name);
    name.addEventListener('click', () => vscode.postMessage({ type: 'openProvider', provider: row.provider }));
    const fails = row.fails.length ? icon('error', `Fails the policy: ${row.fails.map((r) => REQUIREMENT_LABELS[r].label).join(', ')}`) : '';
    if (fails) fails.title = `Cannot meet: ${row.fails.map((r) => REQUIREMENT_LABELS[r].label).join(', ')}`;
    return el('tr', { 'data-provider': row.provider, class: row.fails.length ? 'fails' : '' },
      el('th', { scope: 'row', class: 'provider-col' }, name, fails, el('span', { class: 'kind' }, row.kind)),
      ...m.columns.map((c) => cell(row.cells[c.id], c.id, c.requirement !== null && required.has(c.requirement), c.id === 'eu' && filter.has('eu-residency'))));
  });
  const t = el('table', { class: 'matrix', role: 'grid', 'aria-label': 'Provider compliance matrix', 'aria-rowcount': String(rows.length + 1) },
    el('thead', {}, head), el('tbody', {}, ...body));
  t.addEventListener('keydown', onGridKey);
  // One tab stop for the grid (roving tabindex): the cell last focused, by keyboard or mouse.
  t.addEventListener('focusin', (e) => {
    grid().forEach((r, i) => r.forEach((x, j) => {
      const here = x === e.target || x.contains(e.target as Node);
      x.tabIndex = here ? 0 : -1;
      if (here) focus = { row: i, col: j };
    }));
  });
  return el('div', { class: 'table-wrap' }, t);
}

function cell(c: MatrixCell, column: string, required: boolean, showEndpoints: boolean): HTMLElement {
  const lines = [`${c.label}${c.uncertain ? ' (uncertain)' : ''}`, ...c.details, ...(c.endpoints ?? []).map((e) => `EU: ${e}`)];
  const source = c.sources[0];
  if (source) lines.push(`Source: ${source.url} (checked ${source.checked}${source.thirdParty ? ', third party' : ''})${c.sources.length > 1 ? `, and ${c.sources.length - 1} more` : ''}`);
  if (c.stale) lines.push(`Stale: last checked ${c.checked}; due for review.`);
  const goodness = c.good === true ? 'good' : c.good === false ? 'bad' : 'neutral';
  const td = el('td', { class: `cell status-${c.status} ${goodness}${required ? ' required' : ''}`, 'data-column': column, 'data-status': c.status, tabindex: '-1', title: lines.join('\n'), 'aria-label': lines.join('. ') },
    icon(ICONS[c.status]), el('span', { class: 'label' }, column === 'retention' ? c.label : c.label.replace(/^yes: /, '')));
  if (c.uncertain) td.append(el('span', { class: 'mark', 'aria-hidden': 'true' }, '?'));
  if (c.stale) td.append(icon('history', 'stale'));
  if (source) td.append(' ', el('a', { href: source.url, class: 'source', tabindex: '-1', title: `${source.url} (checked ${source.checked})` }, source.checked));
  if (showEndpoints && c.endpoints?.length) {
    // The first few inline; all of them in the tooltip.
    const shown = c.endpoints.slice(0, 3).map((e) => el('li', {}, e));
    if (c.endpoints.length > 3) shown.push(el('li', { class: 'more' }, `and ${c.endpoints.length - 3} more`));
    td.append(el('ul', { class: 'endpoints' }, ...shown));
  }
  return td;
}

/** The focusable cells by row: the provider button, then each data cell. */
function grid(): HTMLElement[][] {
  return [...document.querySelectorAll<HTMLTableRowElement>('table.matrix tbody tr')].map((tr) => [
    tr.querySelector<HTMLElement>('button.provider')!, ...tr.querySelectorAll<HTMLElement>('td.cell'),
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
