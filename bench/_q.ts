import { quickScores } from '../src/core/quick';
import { readUnits } from '../src/core/input';
import { scoreRecord } from '../src/core/score';
import { scoreBatch } from '../src/core/batch';
import { builtInRuleset, BUILT_IN_IDS } from '../src/rulesets';
import { COLUMNS, scoreTownshipRow } from './straight-township';
import { randomUnits, unitTable } from './units';
const rs = builtInRuleset('township2022');
const table = unitTable(rs, randomUnits(rs, 10000, 2022), { columns: COLUMNS, lead: false });
const rows = table.slice(1);
if (process.argv[2] === 'pollute') {
  for (const id of BUILT_IN_IDS) { const r = builtInRuleset(id); const t = unitTable(r, randomUnits(r, 2000, 5)); for (let i = 0; i < 3; i++) scoreBatch(r, readUnits(r, t)); }
  for (let i = 0; i < 3; i++) for (const rec of readUnits(rs, table)) scoreRecord(rs, rec, { explain: false });
}
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (let i = 0; i < 50; i++) quickScores(rs, table);
  const q = (performance.now() - t) / 50;
  t = performance.now();
  let s = 0;
  for (let i = 0; i < 200; i++) for (const row of rows) s += scoreTownshipRow(row);
  const f = (performance.now() - t) / 200;
  console.log(q.toFixed(2), 'ms quick;', f.toFixed(2), 'ms floor; ratio', (q / f).toFixed(1));
}
