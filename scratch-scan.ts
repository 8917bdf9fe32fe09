import { scan } from './src/cli/scan';
(async () => {
  const r = await scan([process.argv[2]!], { cwd: process.argv[3]!, today: '2026-11-27' });
  const { Positions } = await import('./src/cli/format/positions' as string).catch(() => ({ Positions: null }));
  for (const e of r.endpoints) console.log(e.file, r.texts.get(e.file)?.slice(0, e.range.start).split('\n').length, e.host, e.region, e.euResident, e.unknown ?? '', '|', e.via, e.euFix?.title ?? '');
  for (const f of r.findings) console.log(f.ruleId, f.file, r.texts.get(f.file)?.slice(0, f.range.start).split('\n').length, f.fixes.map((x) => x.title).join(';'));
})();
