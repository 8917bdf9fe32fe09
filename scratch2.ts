import * as fs from 'fs';
import { parseBicep } from './src/core/scan/config/bicep';
const f = parseBicep(fs.readFileSync(process.argv[2]!, 'utf8'));
console.log(JSON.stringify(f.modules.map(m=>m.body), (k, v) => (k === 's' || k === 'e' || k==='cs'||k==='ce') ? undefined : v).slice(0, 1500));
console.log(JSON.stringify(f.resources.filter(r=>r.loop).map(r=>[r.loopVar, r.loopOver, r.body]), (k, v) => (k === 's' || k === 'e' || k==='cs'||k==='ce') ? undefined : v).slice(0, 1500));
console.log(JSON.stringify([...f.params.entries()].slice(0,2), (k, v) => (k === 's' || k === 'e' || k==='cs'||k==='ce') ? undefined : v).slice(0, 800));
