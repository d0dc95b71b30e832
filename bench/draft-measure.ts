/**
 * Issue 21, point 6: how well `assess draft` reads the regulations. Drafts each regulation in
 * ../shared/regulations (township2022 from township2022-table.md) and compares the draft with the
 * hand-encoded src/rulesets/<id>.json item by item — matched by clause (the text's numbering) and
 * quote — on kind, role, points, step, cap, min/max, floor, per, reward, parent, group (with its
 * cap/once/sameMatter and members) and clause: full / partial / missed / invented. Then scores each
 * regulation's hand-worked cases (test/rulesets/cases/*.cases.ts) with the draft, its codes renamed
 * to the hand codes they matched, wherever every record a case touches was drafted exactly.
 * The same comparison runs on the extra texts in test/core/draft/texts/ against their expected
 * drafts (written before the drafter was run on them).
 *
 * Run: npx tsx bench/draft-measure.ts [--json]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreBatch } from '../src/core/batch';
import type { Cell } from '../src/core/cells';
import { compileRuleset } from '../src/core/compile';
import { type DraftResult, blocksFromText, draftRuleset, draftSpec, readingOf } from '../src/core/draft';
import type { DraftItem } from '../src/core/draft';
import type { RulesetInput } from '../src/core/format';
import { readUnits } from '../src/core/input';
import type { CaseInput, RulesetCase } from '../test/rulesets/case-types';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const shared = join(root, '..', 'shared', 'regulations');

type Item = Record<string, unknown> & { code: string; clause: string; quote: string };
type Group = Record<string, unknown> & { code: string };

export const FIELDS = ['kind', 'role', 'points', 'step', 'cap', 'min', 'max', 'floor', 'per', 'reward', 'above', 'below', 'ladder', 'ladderOnce'] as const;

/** A clause as its numbering alone: 第九條(四) → 第九条(四); 一、加分办法 2 → 一2; 附件评分表 1.2 → 1.2. */
export function clauseKey(clause: string): string {
  return readingOf(clause.split(/[,;；]/)[0]).text.replace(/[^第一二三四五六七八九十百零〇条()\d.]/g, '').replace(/\(\)/g, '');
}

function fragments(quote: string): string[] {
  return quote.split(/……|…/).map((q) => readingOf(q).text.replace(/[\s,，。;；:：、“”"()（）]/g, '')).filter((q) => q.length >= 2);
}

export interface ItemComparison {
  hand: string;
  draft?: string;
  status: 'full' | 'partial' | 'missed';
  differences: string[];
}

export interface Comparison {
  items: ItemComparison[];
  invented: string[];
  records: { full: number; missed: string[]; invented: string[] };
  /** hand code → draft code */
  codes: Map<string, string>;
}

const same = (a: unknown, b: unknown) => (a === undefined && b === undefined) || a === b;

export function compare(hand: RulesetInput, draft: { items: readonly DraftItem[]; groups?: readonly Group[]; totals?: readonly Record<string, unknown>[]; grades?: readonly Record<string, unknown>[]; levels?: readonly Record<string, unknown>[]; thresholds?: readonly Record<string, unknown>[] }): Comparison {
  const handItems = hand.items as unknown as Item[];
  const draftItems = draft.items as unknown as Item[];
  const used = new Set<Item>();
  const codes = new Map<string, string>();
  const pairs = new Map<Item, Item>();
  for (const h of handItems) {
    const key = clauseKey(h.clause);
    const hf = fragments(h.quote);
    let best: { d: Item; score: number } | undefined;
    for (const d of draftItems) {
      // A clause with no numbering of its own (a table row named only by its 指标): matched by quote alone.
      if (used.has(d) || (key !== '' && clauseKey(d.clause) !== key)) continue;
      const df = fragments(d.quote).join('|');
      let score = hf.filter((f) => df.includes(f)).length * 10 + fragments(d.quote).filter((f) => hf.some((x) => x.includes(f))).length * 5;
      score += (h.parent === undefined) === (d.parent === undefined) ? 100 : 0;
      score += FIELDS.filter((f) => same(h[f] ?? (f === 'role' ? 'score' : undefined), d[f] ?? (f === 'role' ? 'score' : undefined))).length;
      if (!best || score > best.score) best = { d, score };
    }
    if (best) {
      used.add(best.d);
      pairs.set(h, best.d);
      codes.set(h.code, best.d.code);
    }
  }
  const handGroups = new Map(((hand.groups ?? []) as unknown as Group[]).map((g) => [g.code, g]));
  const draftGroups = new Map((draft.groups ?? []).map((g) => [g.code, g]));
  const members = (list: Item[], group: string) => list.filter((i) => i.group === group).map((i) => i.code);
  const items: ItemComparison[] = handItems.map((h) => {
    const d = pairs.get(h);
    if (!d) return { hand: h.code, status: 'missed', differences: [] };
    const differences: string[] = [];
    for (const f of FIELDS) {
      const a = h[f] ?? (f === 'role' ? 'score' : undefined);
      const b = d[f] ?? (f === 'role' ? 'score' : undefined);
      if (!same(a, b)) differences.push(`${f} ${String(a)}→${String(b)}`);
    }
    if (clauseKey(h.clause) !== '' && clauseKey(h.clause) !== clauseKey(d.clause)) differences.push('clause');
    const parent = h.parent === undefined ? undefined : codes.get(String(h.parent));
    if (!same(parent, d.parent)) differences.push(`parent ${String(h.parent)}→${String(d.parent)}`);
    const hg = h.group === undefined ? undefined : handGroups.get(String(h.group));
    const dg = d.group === undefined ? undefined : draftGroups.get(String(d.group));
    if ((hg === undefined) !== (dg === undefined)) differences.push(`group ${String(h.group)}→${String(d.group)}`);
    else if (hg && dg) {
      for (const f of ['cap', 'once', 'sameMatter', 'mean', 'share']) if (!same(hg[f] ?? (f === 'cap' ? undefined : false), dg[f] ?? (f === 'cap' ? undefined : false))) differences.push(`group.${f} ${String(hg[f])}→${String(dg[f])}`);
      const want = members(handItems, hg.code).map((c) => codes.get(c) ?? `?${c}`).sort();
      const got = members(draftItems, dg.code).sort();
      if (want.join() !== got.join()) differences.push('group members');
    }
    return { hand: h.code, draft: d.code, status: differences.length === 0 ? 'full' : 'partial', differences };
  });
  const invented = draftItems.filter((d) => !used.has(d)).map((d) => d.code);
  // Other records: totals by code and value, grades by label and min, levels by label and fields, thresholds by measure and min.
  const keyOf = (type: string, r: Record<string, unknown>) => {
    switch (type) {
      case 'total':
        return `total ${String(r.code)}=${readingOf(String(r.value)).text.replace(/\s/g, '').replace(/[−－]/g, '-')}`;
      case 'grade':
        return `grade ${String(r.label)}≥${String(r.min)}`;
      case 'level':
        return `level ${String(r.label)} quota=${String(r.quota)} ${String(r.from)}-${String(r.to)} +${String(r.points)}`;
      default:
        return type === 'check' ? `check ${String(r.kind)} ${String(r.items)}≤${String(r.max)}` : `threshold ${String(r.code)}≥${String(r.min)} ${String(r.label)}`;
    }
  };
  const keys = (source: typeof draft | RulesetInput) => [
    ...((source.totals ?? []) as Record<string, unknown>[]).map((r) => keyOf('total', r)),
    ...((source.grades ?? []) as Record<string, unknown>[]).map((r) => keyOf('grade', r)),
    ...((source.levels ?? []) as Record<string, unknown>[]).map((r) => keyOf('level', r)),
    ...((source.thresholds ?? []) as Record<string, unknown>[]).map((r) => keyOf('threshold', r)),
    ...(('checks' in source ? (source.checks ?? []) : []) as Record<string, unknown>[]).map((r) => keyOf('check', r)),
  ];
  const handKeys = keys(hand);
  const draftKeys = keys(draft);
  return {
    items,
    invented,
    records: { full: handKeys.filter((k) => draftKeys.includes(k)).length, missed: handKeys.filter((k) => !draftKeys.includes(k)), invented: draftKeys.filter((k) => !handKeys.includes(k)) },
    codes,
  };
}

/** Builds the 2-D table a sheet would give for a case's input (as test/rulesets/cases.test.ts does). */
function caseTable(input: CaseInput): Cell[][] {
  if (input.kind === 'ledger') return [['单位', '条目', '数量', '事项'], ...input.rows.map((r) => [r.unit, r.code, r.quantity ?? null, r.matter ?? null])];
  const codes: string[] = [];
  for (const row of input.rows) for (const code of Object.keys(row.values)) if (!codes.includes(code)) codes.push(code);
  const hasTier = input.rows.some((r) => r.tier !== undefined);
  const hasCriticized = input.rows.some((r) => r.criticized !== undefined);
  const header: Cell[] = ['单位', ...(hasTier ? ['圈层'] : []), ...(hasCriticized ? ['通报批评或曝光'] : []), ...codes];
  return [header, ...input.rows.map((r) => [r.unit, ...(hasTier ? [r.tier ?? null] : []), ...(hasCriticized ? [r.criticized ?? false] : []), ...codes.map((code) => (code in r.values ? r.values[code] : null))])];
}

/** The draft with its matched items renamed to the hand codes (parents and groups followed). */
function renamed(result: DraftResult, codes: Map<string, string>): RulesetInput {
  const back = new Map([...codes].map(([h, d]) => [d, h]));
  const spec = draftSpec(result);
  return {
    ...spec,
    items: spec.items.map((item) => ({ ...item, code: back.get(item.code) ?? item.code, ...(item.parent === undefined ? {} : { parent: back.get(item.parent) ?? item.parent }) })),
  };
}

function caseOutcome(rsInput: RulesetInput, c: RulesetCase): boolean {
  try {
    const rs = compileRuleset(rsInput);
    const table = caseTable(c.input);
    if (c.error) {
      try {
        scoreBatch(rs, readUnits(rs, table));
        return false;
      } catch (error) {
        return error instanceof Error && error.message.includes(c.error.item);
      }
    }
    const batch = scoreBatch(rs, readUnits(rs, table));
    for (const [unit, want] of Object.entries(c.expect ?? {})) {
      const got = batch.units.find((u) => u.unit === unit);
      if (!got) return false;
      for (const key of ['score', 'bonus', 'deduction', 'grade', 'level', 'result', 'reward', 'rank'] as const) if (want[key] !== undefined && got[key] !== want[key]) return false;
      if (want.thresholds !== undefined && JSON.stringify(got.thresholds) !== JSON.stringify(want.thresholds)) return false;
      for (const [code, points] of Object.entries(want.items ?? {})) {
        const item = got.items.find((i) => i.code === code);
        if (!item || Math.abs(item.points ?? Number.NaN) !== Math.abs(points)) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

/** Codes a case touches: its input columns or ledger codes and its expected items. */
function touched(c: RulesetCase): string[] {
  const codes = new Set<string>();
  if (c.input.kind === 'ledger') for (const r of c.input.rows) codes.add(r.code);
  else for (const r of c.input.rows) for (const code of Object.keys(r.values)) codes.add(code);
  for (const want of Object.values(c.expect ?? {})) for (const code of Object.keys(want.items ?? {})) codes.add(code);
  return [...codes];
}

export interface Figures {
  id: string;
  items: number;
  full: number;
  partial: number;
  missed: number;
  invented: number;
  records: string;
  unread: number;
  confirm: number;
  cases?: { total: number; eligible: number; identical: number; identicalAll: number; failing: string[] };
  details: string[];
}

export function measure(id: string, text: string, hand: RulesetInput, cases?: readonly RulesetCase[]): Figures {
  const result = draftRuleset({ name: id, blocks: blocksFromText(text) }, id);
  const cmp = compare(hand, result.draft as unknown as Parameters<typeof compare>[1]);
  const count = (s: string) => cmp.items.filter((i) => i.status === s).length;
  const fullCodes = new Set(cmp.items.filter((i) => i.status === 'full').map((i) => i.hand));
  const recordsExact = cmp.records.missed.length === 0 && cmp.records.invented.length === 0;
  let caseFigures: Figures['cases'];
  if (cases) {
    const spec = renamed(result, cmp.codes);
    let eligible = 0;
    let identical = 0;
    let identicalAll = 0;
    const failing: string[] = [];
    for (const c of cases) {
      const ok = caseOutcome(spec, c);
      if (ok) identicalAll++;
      const handItems = hand.items as unknown as Item[];
      const defaults = handItems.filter((i) => i.default !== undefined || (result.draft.items as unknown as Item[]).some((d) => d.code === cmp.codes.get(i.code) && d.default !== undefined)).map((i) => i.code);
      const touch = [...touched(c), ...defaults].flatMap((code) => {
        const item = handItems.find((i) => i.code === code);
        // A counter's parent and a parent's counters are touched with it.
        return item ? [code, ...(item.parent ? [String(item.parent)] : []), ...handItems.filter((i) => i.parent === code).map((i) => i.code)] : [code];
      });
      const sameDefault = (code: string) => {
        const h = handItems.find((i) => i.code === code);
        const d = (result.draft.items as unknown as Item[]).find((i) => i.code === cmp.codes.get(code));
        return h !== undefined && d !== undefined && same(h.default, d.default);
      };
      if (recordsExact && cmp.invented.length === 0 && touch.every((code) => fullCodes.has(code) && sameDefault(code))) {
        eligible++;
        if (ok) identical++;
        else failing.push(c.name);
      }
    }
    caseFigures = { total: cases.length, eligible, identical, identicalAll, failing };
  }
  const confirm = [result.draft.items, result.draft.groups, result.draft.totals, result.draft.grades, result.draft.levels, result.draft.thresholds].flat().filter((r: { confirm?: true }) => r.confirm === true).length;
  return {
    id,
    items: hand.items.length,
    full: count('full'),
    partial: count('partial'),
    missed: count('missed'),
    invented: cmp.invented.length,
    records: `${cmp.records.full}/${cmp.records.full + cmp.records.missed.length} other records exact, ${cmp.records.invented.length} invented`,
    unread: result.unread.length,
    confirm,
    cases: caseFigures,
    details: [
      ...cmp.items.filter((i) => i.status !== 'full').map((i) => `${i.status} ${i.hand}${i.draft ? ` (draft ${i.draft})` : ''}: ${i.differences.join('; ')}`),
      ...cmp.invented.map((code) => `invented ${code}`),
      ...(caseFigures?.failing ?? []).map((name) => `eligible case scored differently: ${name}`),
      ...cmp.records.missed.map((k) => `missed record ${k}`),
      ...cmp.records.invented.map((k) => `invented record ${k}`),
      ...result.unread.map((u) => `unread ${u.clause}: ${u.quote.slice(0, 50)} — ${u.why.slice(0, 60)}`),
    ],
  };
}

const SOURCES: Record<string, string> = {
  chengdu2006: 'chengdu2006.md',
  county2013: 'county2013.md',
  govinfo: 'govinfo.md',
  tacheng2020: 'tacheng2020.md',
  township2022: 'township2022-table.md',
};

export async function measureAll(): Promise<Figures[]> {
  const figures: Figures[] = [];
  for (const [id, file] of Object.entries(SOURCES)) {
    const hand = JSON.parse(readFileSync(join(root, 'src', 'rulesets', `${id}.json`), 'utf8')) as RulesetInput;
    const cases = ((await import(`../test/rulesets/cases/${id}.cases.ts`)) as { cases: RulesetCase[] }).cases;
    figures.push(measure(id, readFileSync(join(shared, file), 'utf8'), hand, cases));
  }
  const texts = join(root, 'test', 'core', 'draft', 'texts');
  for (const name of readdirSync(texts).filter((n) => n.endsWith('.md') && !n.endsWith('.expected.md'))) {
    const stem = name.replace(/\.md$/, '');
    const expected = JSON.parse(readFileSync(join(texts, `${stem}.expected.json`), 'utf8')) as RulesetInput;
    figures.push(measure(`${stem} (own text)`, readFileSync(join(texts, name), 'utf8'), expected));
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await measureAll();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures, null, 1)}\n`);
  else {
    process.stdout.write('| regulation | items | full | partial | missed | invented | other records | unread | to confirm | cases eligible → identical (all cases identical) |\n|---|---|---|---|---|---|---|---|---|---|\n');
    for (const f of figures)
      process.stdout.write(`| ${f.id} | ${f.items} | ${f.full} | ${f.partial} | ${f.missed} | ${f.invented} | ${f.records} | ${f.unread} | ${f.confirm} | ${f.cases ? `${f.cases.eligible} → ${f.cases.identical} (${f.cases.identicalAll}/${f.cases.total})` : '—'} |\n`);
    if (process.argv.includes('--details')) for (const f of figures) for (const d of f.details) process.stdout.write(`${f.id}: ${d}\n`);
  }
}
