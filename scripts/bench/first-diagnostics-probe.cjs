// Loaded by VS Code as extensionTestsPath in `run.mjs --first-diagnostics`: it runs inside the
// real extension host beside the extension and records, on the host's clock, when the
// extension became active and when the extension's diagnostics first appeared and last
// changed. Every change of the diagnostics is kept, so the run can check that nothing shown
// early was later changed (a file published before the workspace pass finished). Plain
// CommonJS, so it needs no build; the figures go to LLMC_FIRST_DIAGNOSTICS_OUT.
const fs = require('node:fs');
const vscode = require('vscode');

const SOURCE = 'llm-compliance';
const { publisher, name } = require('../../package.json');
const EXTENSION = `${publisher}.${name}`;

exports.run = async function run() {
  const out = process.env.LLMC_FIRST_DIAGNOSTICS_OUT;
  const now = Date.now();
  const times = { hostStart: now - process.uptime() * 1000, probe: now, active: undefined, activeBeforeProbe: false, first: undefined, last: undefined, idle: undefined };
  const ext = vscode.extensions.getExtension(EXTENSION);
  if (!ext) throw new Error(`${EXTENSION} is not installed in this extension host`);
  /** Each change: when, and the extension's diagnostics of each file it touched (as keys). */
  const changes = [];
  const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE)
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${typeof d.code === 'object' ? d.code.value : d.code} ${d.severity} ${d.message}`).sort();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    const t = Date.now();
    const files = {};
    for (const uri of e.uris) files[uri.toString()] = ours(uri);
    if (!Object.values(files).some((list) => list.length) && times.first === undefined) return;
    if (times.firstBeforeProbe) return;
    times.first ??= t;
    times.last = t;
    changes.push({ t, files });
  });
  if (ext.isActive) times.activeBeforeProbe = true;
  // Diagnostics already there (the extension activated and finished before this probe ran): the probe's start bounds the time from above.
  if (vscode.languages.getDiagnostics().some(([uri]) => ours(uri).length)) {
    times.first = now;
    times.firstBeforeProbe = true;
  }
  while (!ext.isActive) await new Promise((r) => setTimeout(r, 5));
  // The extension notes when activation began (when it activates before this probe runs, too).
  times.active = ext.exports.inventory.activatedAt;
  // The whole scan done: the final diagnostics.
  await ext.exports.inventory.whenIdle();
  times.idle = Date.now();
  // VS Code's own figure for the activation (code loading + the activate call) shows in its
  // Running Extensions editor: opened here, read by run.mjs from the page while this waits.
  await Promise.resolve(vscode.commands.executeCommand('workbench.action.showRuntimeExtensions')).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 3000));
  sub.dispose();
  const final = {};
  for (const [uri] of vscode.languages.getDiagnostics()) {
    const list = ours(uri);
    if (list.length) final[uri.toString()] = list;
  }
  // A file shown with diagnostics before the end that differ from its final ones: an early result a later pass changed.
  const changedLater = new Set();
  for (const c of changes) for (const [uri, list] of Object.entries(c.files)) {
    if (list.length && JSON.stringify(list) !== JSON.stringify(final[uri] ?? [])) changedLater.add(uri);
  }
  const firstFiles = changes.length ? Object.entries(changes[0].files).filter(([, l]) => l.length).map(([u]) => u) : [];
  const result = {
    times,
    // The extension's own timing: its bundle's load and activate(), in ms (src/extension/load-time.ts).
    activation: ext.exports.activation,
    changes: changes.length,
    finalFiles: Object.keys(final).length,
    finalDiagnostics: Object.values(final).reduce((n, l) => n + l.length, 0),
    firstFiles,
    changedLater: [...changedLater],
  };
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result));
};
