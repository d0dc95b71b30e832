/**
 * Issue 18 scope 7: a generator of the sheet shapes assessment offices keep, with planted mistakes
 * and the truth computed WITHOUT the reader.
 *
 * A shape is drawn from a grammar: header vocabularies and synonyms (codes, clauses in several
 * spellings, the short labels clerks use, count words 次/件/篇), 1–3 header rows with a category
 * merged over its items, a title, a unit line with other cells beside it (`填报单位：… 填报时间：…`),
 * 序号 and 备注 columns, section rows, 扣分 beside 得分, subtotals, the office's 总分 / 名次 / 等次,
 * sign-off lines (制表人：张三 · 审核人：…), a hidden column, one typo in a header, sheets per 圈层
 * and one 评分表 per township plus its 汇总.
 *
 * The generator knows what it wrote — unit, item, value, mode — and a tiny scorer per ruleset,
 * written from the regulation text (../shared/regulations, ../shared/spec/rulesets.md for the fixed
 * readings) and importing nothing from src/, gives each unit's score. Every claim cell the office
 * wrote (小计, 总分, 名次, 等次, 扣分合计, 奖励金额, 不得参评先进 …) is compared with that truth: where
 * they differ, that cell is a planted mistake the reader must find; an entered value above its
 * clause's cap is one too. Nothing else may be reported above info.
 *
 * Every shape is drawn from a seed (mulberry32), so a failure prints the seed that rebuilds it.
 */

export type Cell = string | number | boolean | null;
export type RulesetId = 'chengdu2006' | 'county2013' | 'govinfo' | 'tacheng2020' | 'township2022';
export const RULESET_IDS: readonly RulesetId[] = ['chengdu2006', 'county2013', 'govinfo', 'tacheng2020', 'township2022'];

/**
 * Grammar features a shape may use. The property test draws each allowed one with probability ½;
 * a shape with no feature is ASSESS's own template (codes as headers, one header row).
 */
export const FEATURES = [
  'synonyms', // header words drawn from their synonyms (合计/总得分, 等级/评定等级, 减分 …), not the first
  'title', // a merged title row above the table
  'unitLine', // 填报单位：…  填报时间：… (two cells in one row) above the header
  'seq', // 序号 column
  'remark', // 备注 column (text)
  'hiddenCol', // a hidden column (the clerk's working notes; the in-process path sees it as text)
  'labels', // item headers by the short labels clerks use instead of codes
  'clauses', // item headers by clause in another spelling (第九条（三）, 九(三), （三） under 第九条)
  'twoRows', // a category merged over its items (with its points: 政务公开（40分）)
  'threeRows', // one more group row above the categories
  'countWords', // counts headed with their unit word (市级刊物篇数, 承办会议次数, 扣分项目（次）)
  'points', // items as entered points (得分 / 加分 / 扣分) instead of counts
  'subtotal', // 小计 columns after each category
  'total', // the office's 总分 / 合计 / 总得分
  'rank', // 名次 / 排名
  'grade', // 等次 / 等级 / 评定等级
  'sections', // section rows between groups of units (一、第一圈层) or of items (forms)
  'note', // 注：… row under the table
  'signoff', // 制表人：张三 … 审核人：李四 under the table
  'typo', // one header with a one-character typo (扣份 for 扣分, 创新型 for 创新性)
  'pairs', // 扣分 beside 得分 for each item (forms)
  'sheetsPerTier', // one sheet per 圈层, no 圈层 column (chengdu2006)
  'reward', // 奖励金额（元） and 不得参评先进 (govinfo)
] as const;
export type Feature = (typeof FEATURES)[number];

/** Planted mistakes. */
export const MISTAKES = ['wrongTotal', 'wrongSubtotal', 'capExceeded', 'pairDisagree', 'wrongRank', 'wrongGrade', 'wrongReward', 'wrongFlag', 'oneOff20'] as const;
export type Mistake = (typeof MISTAKES)[number];

export interface GenSheet {
  name: string;
  table: Cell[][];
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  /** 0-based columns hidden in the workbook. */
  hidden: number[];
}

export interface PlantedCell {
  sheet: string;
  /** 0-based row and column on the sheet. */
  row: number;
  col: number;
  unit: string;
  /** What the sheet says, and what the regulation gives (null: no single value). */
  found: string;
  expected: string | null;
  mistake: Mistake | 'consequence';
}

export interface Shape {
  seed: number;
  ruleset: RulesetId;
  features: Feature[];
  mistakes: Mistake[];
  sheets: GenSheet[];
  /** unit → score, from the independent scorer. */
  scores: Map<string, number>;
  /** unit → level (chengdu2006 优秀 / township2022 一等…), where the ruleset gives one; null: none. */
  levels: Map<string, string | null>;
  /** unit → thresholds reached (govinfo 五(四)). */
  thresholds: Map<string, string[]>;
  /** Every cell the reader must report (above info), and no other. */
  planted: PlantedCell[];
}

// ───────────────────────────── randomness ─────────────────────────────

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// ───────────────────────────── exact decimals (thousandths) ─────────────────────────────

const K = 1000;
const m = (x: number): number => Math.round(x * K);
const n = (x: number): number => x / K;
/** As a sheet or the CLI prints a number: 88.5, 70, 0.7. */
export const show = (x: number): string => String(Math.round(x * K) / K);

/** A vocabulary choice: the first (canonical) word, or any synonym when the shape uses 'synonyms'. */
function choose<T>(rng: Rng, f: Set<Feature>, xs: readonly T[]): T {
  return f.has('synonyms') ? rng.pick(xs) : xs[0];
}

export function a1(row: number, col: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

/** Competition ranks, descending (RANK.EQ): 1, 2, 2, 4. */
export function ranks(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

// ───────────────────────────── the table a ruleset plans ─────────────────────────────

/** One column of a units-as-rows table: its header path (category first) and its cells per unit. */
interface Column {
  path: string[];
  cells: Cell[];
  kind: 'unit' | 'tier' | 'seq' | 'remark' | 'item' | 'claim' | 'hidden';
  /** Per unit: the value the regulation gives for a claim cell (string as the sheet shows it) or a cap for an item cell. */
  truth?: Array<string | null>;
  /** Per unit: why the cell is wrong, when it is. */
  why?: Array<Mistake | 'consequence' | undefined>;
}

interface Plan {
  units: string[];
  /** Per unit: the tier (chengdu2006), for sections and sheets per tier. */
  tiers?: string[];
  columns: Column[];
  scores: number[];
  levels?: Array<string | null>;
  thresholds?: string[][];
  notes: string[];
}

// ───────────────────────────── chengdu2006 (第八–十一條) ─────────────────────────────

const CHENGDU_UNITS: Array<[string, string]> = [
  ['锦江区', '第一圈'], ['青羊区', '第一圈'], ['金牛区', '第一圈'], ['武侯区', '第一圈'], ['成华区', '第一圈'], ['高新区', '第一圈'],
  ['龙泉驿区', '第二圈'], ['青白江区', '第二圈'], ['新都区', '第二圈'], ['温江区', '第二圈'], ['双流区', '第二圈'], ['郫都区', '第二圈'],
  ['都江堰市', '第三圈'], ['彭州市', '第三圈'], ['邛崃市', '第三圈'], ['崇州市', '第三圈'], ['金堂县', '第三圈'], ['大邑县', '第三圈'], ['蒲江县', '第三圈'], ['新津区', '第三圈'],
];
const SUBS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 第九條: cap per clause; (一)(二) judged 1–5 / ≤5; (三)–(九) 0.5 per piece; (四)–(六) by level. */
const CHENGDU_BONUS: Array<{ sub: number; cap: number; label: string; levels?: Array<[string, number, string]>; unit?: number; word: string }> = [
  { sub: 1, cap: 5, label: '领导重视', word: '' },
  { sub: 2, cap: 5, label: '优化流程', word: '' },
  { sub: 3, cap: 2, label: '创新举措', unit: 0.5, word: '项数' },
  { sub: 4, cap: 4, label: '调研文章', levels: [['市级', 0.5, '刊物篇数'], ['省级', 1, '刊物篇数'], ['国家级', 1.5, '刊物篇数']], word: '篇数' },
  { sub: 5, cap: 4, label: '表彰', levels: [['区(市)县', 0.5, '表彰次数'], ['市级', 1, '表彰次数'], ['省级', 1.5, '表彰次数']], word: '次数' },
  { sub: 6, cap: 4, label: '媒体报道', levels: [['市级', 0.5, '媒体报道次数'], ['省级', 1, '媒体报道次数'], ['国家级', 1.5, '媒体报道次数']], word: '次数' },
  { sub: 7, cap: 2, label: '承办会议', unit: 0.5, word: '次数' },
  { sub: 8, cap: 2, label: '交办工作', unit: 0.5, word: '项数' },
  { sub: 9, cap: 2, label: '突出贡献', unit: 0.5, word: '项数' },
];
/** 第十條 (一)–(六): points per occurrence. */
const CHENGDU_MINUS: Array<{ sub: number; unit: number; label: string; word: string }> = [
  { sub: 1, unit: 2, label: '两头受理', word: '项数' },
  { sub: 2, unit: 2, label: '超时办结', word: '件数' },
  { sub: 3, unit: 2, label: '服务投诉', word: '次数' },
  { sub: 5, unit: 5, label: '通报批评', word: '次数' },
  { sub: 6, unit: 3, label: '媒体曝光', word: '次数' },
];

/** The independent scorer: 第八條 70 + min(Σ capped bonus, 30) − min(Σ deductions, bonus), 第十條(八). */
export function chengduScore(bonusByClause: number[], deductions: number[]): { bonus: number; minus: number; score: number } {
  const bonus = Math.min(bonusByClause.reduce((s, b) => s + m(b), 0), m(30));
  const minus = deductions.reduce((s, d) => s + m(d), 0);
  return { bonus: n(bonus), minus: n(minus), score: n(m(70) + bonus - Math.min(minus, bonus)) };
}

/** 第十一條(一): per tier floor(30 % × its units) 优秀, from the top; null when tied across the line. */
export function chengduLevels(scores: number[], tiers: string[]): Array<string | null> | null {
  const out: Array<string | null> = scores.map(() => null);
  for (const tier of new Set(tiers)) {
    const idx = scores.map((_, i) => i).filter((i) => tiers[i] === tier);
    const quota = Math.floor((idx.length * 3) / 10);
    const sorted = [...idx].sort((a, b) => scores[b] - scores[a]);
    // Tied across the quota line: the regulation cannot decide (the shape is drawn again).
    if (quota > 0 && quota < sorted.length && scores[sorted[quota - 1]] === scores[sorted[quota]]) return null;
    for (const i of sorted.slice(0, quota)) out[i] = '优秀';
  }
  return out;
}

function chengduPlan(rng: Rng, f: Set<Feature>, mistakes: Set<Mistake>): Plan | null {
  const units = CHENGDU_UNITS.map(([u]) => u);
  const tiers = CHENGDU_UNITS.map(([, t]) => t);
  const N = units.length;
  const points = f.has('points');
  // The office's subtotals add up entered points; over counts there is nothing to add up by hand.
  if (!points) f.delete('subtotal');
  if (!points) mistakes.delete('capExceeded');
  const columns: Column[] = [];
  const bonusPoints: number[][] = units.map(() => []); // per unit per bonus clause (capped)
  const minusPoints: number[][] = units.map(() => []);
  // The reader's stated rule for a category that is only a points word (加分, 第九条 加分): a clause under
  // it is written in points (test/core/office-sheets.test.ts, （三） under 第九条 加分 = 1.5 points), an
  // item's own code keeps its count column. Counts under clause headers (第九条（三）, （九）突出贡献) therefore
  // sit under a category name (加分项目（第九条）), as offices that count write them.
  const named = !points && (f.has('clauses') || f.has('labels'));
  const category = (bonus: boolean): string => (bonus ? choose(rng, f, named ? ['加分项目（第九条）'] : ['加分项目（第九条）', '第九条 加分', '加分']) : choose(rng, f, named ? ['减分项目（第十条）'] : ['减分项目（第十条）', '第十条 扣分', '扣分']));
  const bonusCat = category(true);
  const minusCat = category(false);
  const head = (bonus: boolean, sub: number, label: string, tail: string): string => {
    const art = bonus ? '九' : '十';
    const code = `${bonus ? 9 : 10}.${sub}`;
    if (f.has('labels')) return `（${SUBS[sub - 1]}）${label}${tail}`;
    if (f.has('clauses')) return rng.pick([`第${art}条（${SUBS[sub - 1]}）`, `${art}(${SUBS[sub - 1]})`, `第${art}條(${SUBS[sub - 1]})`]) + tail;
    return code + tail;
  };
  let typoDone = !f.has('typo');
  const capOver = mistakes.has('capExceeded') ? rng.int(0, N - 1) : -1;
  let capDone = false;
  const subsWanted = rng.shuffle(CHENGDU_BONUS).slice(0, rng.int(3, 6)).sort((a, b) => a.sub - b.sub);
  for (const clause of subsWanted) {
    const judged = clause.sub <= 2;
    const byLevel = !judged && clause.levels !== undefined && !points;
    if (byLevel && clause.levels) {
      // counts by level: （四）市级刊物篇数 …
      const perLevel = clause.levels.map(() => units.map(() => (rng.bool(0.4) ? rng.int(0, 3) : null)));
      clause.levels.forEach(([lv, , word], li) => {
        const label = f.has('labels') || f.has('countWords') ? `（${SUBS[clause.sub - 1]}）${lv}${word}` : `9.${clause.sub}.${(clause.sub === 5 ? ['county', 'city', 'province'] : ['city', 'province', 'national'])[li]}`;
        columns.push({ path: [bonusCat, label], cells: perLevel[li], kind: 'item' });
      });
      units.forEach((_, i) => {
        const raw = clause.levels?.reduce((s, [, pts], li) => s + m(pts) * (perLevel[li][i] ?? 0), 0) ?? 0;
        bonusPoints[i].push(n(Math.min(raw, m(clause.cap))));
      });
      continue;
    }
    if (judged || points) {
      // points: 0–cap in 0.5 steps (judged 1–5)
      const cells: Cell[] = [];
      const truth: Array<string | null> = [];
      const why: Array<Mistake | undefined> = [];
      units.forEach((_, i) => {
        let v: number | null = rng.bool(judged ? 0.9 : 0.5) ? rng.int(judged ? 2 : 1, clause.cap * 2) / 2 : null;
        if (i === capOver && !capDone && clause.cap <= 4) {
          v = clause.cap + rng.pick([0.5, 1]);
          capDone = true;
          why[i] = 'capExceeded';
          truth[i] = show(clause.cap);
        }
        cells.push(v);
        bonusPoints[i].push(v === null ? 0 : Math.min(v, clause.cap));
      });
      let label = head(true, clause.sub, clause.label, points && !judged ? choose(rng, f, ['加分', '得分']) : '');
      if (!typoDone && clause.sub === 3 && f.has('labels')) {
        label = label.replace('创新举措', '创新型举措');
        typoDone = true;
      }
      columns.push({ path: [bonusCat, label], cells, kind: 'item', truth, why });
      continue;
    }
    // counts
    const cells = units.map(() => (rng.bool(0.5) ? rng.int(0, 5) : null));
    columns.push({ path: [bonusCat, head(true, clause.sub, clause.label, f.has('countWords') ? clause.word : '')], cells, kind: 'item' });
    units.forEach((_, i) => bonusPoints[i].push(Math.min(n(m(clause.unit ?? 0.5) * ((cells[i] as number | null) ?? 0)), clause.cap)));
  }
  if (mistakes.has('capExceeded') && !capDone) return null;
  const bonusCols = columns.length;
  const bonusSub = units.map((_, i) => n(bonusPoints[i].reduce((s, b) => s + m(b), 0)));
  const bonusNaive = units.map((_, i) => n(columns.slice(0, bonusCols).reduce((s, c) => s + m(typeof c.cells[i] === 'number' && (f.has('points') || c.path[1].match(/^9\.[12]$|（[一二]）|[(（][一二][)）]/)) ? (c.cells[i] as number) : 0), 0)));
  if (f.has('subtotal')) {
    // The office's 加分小计 as it added up the sheet (its entered points, caps not applied).
    columns.push({ path: [choose(rng, f, ['加分小计', '加分合计']), ''], cells: bonusNaive, kind: 'claim', truth: bonusSub.map(show), why: units.map((_, i) => (bonusNaive[i] !== bonusSub[i] ? 'consequence' : undefined)) });
  }
  for (const clause of rng.shuffle(CHENGDU_MINUS).slice(0, rng.int(1, 3)).sort((a, b) => a.sub - b.sub)) {
    const counts = units.map(() => (rng.bool(0.25) ? rng.int(1, 2) : null));
    if (points) {
      const cells = counts.map((c) => (c === null ? null : n(m(clause.unit) * c)));
      columns.push({ path: [minusCat, head(false, clause.sub, clause.label, choose(rng, f, ['扣分', '减分']))], cells, kind: 'item' });
    } else {
      columns.push({ path: [minusCat, head(false, clause.sub, clause.label, f.has('countWords') ? clause.word : '')], cells: counts, kind: 'item' });
    }
    units.forEach((_, i) => minusPoints[i].push(n(m(clause.unit) * (counts[i] ?? 0))));
  }
  const results = units.map((_, i) => chengduScore(bonusPoints[i], minusPoints[i]));
  const scores = results.map((r) => r.score);
  if (f.has('subtotal')) {
    const minus = results.map((r) => r.minus);
    columns.push({ path: [choose(rng, f, ['扣分小计', '减分小计', '扣分合计']), ''], cells: minus, kind: 'claim', truth: minus.map(show), why: [] });
  }
  if (f.has('total') || mistakes.has('wrongTotal')) {
    const naive = units.map((_, i) => n(m(70) + m(bonusNaive[i]) - m(results[i].minus)));
    const wrongAt = mistakes.has('wrongTotal') ? rng.int(0, N - 1) : -1;
    const cells = units.map((_, i) => (i === wrongAt ? n(m(scores[i]) + m(rng.pick([1, -1, 0.5, 2]))) : points ? naive[i] : scores[i]));
    columns.push({ path: [choose(rng, f, ['总分', '合计', '总得分']), ''], cells, kind: 'claim', truth: scores.map(show), why: units.map((_, i) => (i === wrongAt ? 'wrongTotal' : cells[i] !== scores[i] ? 'consequence' : undefined)) });
  }
  const levels = chengduLevels(scores, tiers);
  if (!levels) return null;
  if (f.has('grade')) {
    // 第十一條(一) sets a ceiling (不超过30%): an 优秀 beyond the quota is wrong; one not given is not planted.
    const cands = levels.map((l, i) => (l === null ? i : -1)).filter((i) => i >= 0);
    const wrongAt = mistakes.has('wrongGrade') ? rng.pick(cands) : -1;
    const cells = levels.map((l, i) => (i === wrongAt ? '优秀' : l));
    columns.push({ path: [choose(rng, f, ['等次', '等级', '评定等级']), ''], cells, kind: 'claim', truth: levels.map((l) => l ?? ''), why: units.map((_, i) => (i === wrongAt ? 'wrongGrade' : undefined)) });
  }
  if (f.has('rank') && !f.has('sheetsPerTier')) {
    const r = ranks(scores);
    const wrongAt = mistakes.has('wrongRank') ? rng.int(0, N - 1) : -1;
    const cells = r.map((x, i) => (i === wrongAt ? (x === 1 ? 2 : x - 1) : x));
    columns.push({ path: [choose(rng, f, ['名次', '排名']), ''], cells, kind: 'claim', truth: r.map(String), why: units.map((_, i) => (i === wrongAt ? 'wrongRank' : undefined)) });
  }
  // The unit (and 圈层) columns go first.
  const lead: Column[] = [{ path: [choose(rng, f, ['单位', '区(市)县', '单位名称']), ''], cells: units, kind: 'unit' }];
  if (!f.has('sheetsPerTier') && !f.has('sections')) lead.push({ path: ['圈层', ''], cells: tiers, kind: 'tier' });
  return { units, tiers, columns: [...lead, ...columns], scores, levels, notes: ['注：加分、扣分按《实施细则》第九条、第十条填写；总分＝基本分70＋加分－扣分。'] };
}

// ───────────────────────────── county2013 (目标任务分解表, 附件2) ─────────────────────────────

const COUNTY_TASKS: Array<[string, number]> = [
  ['服务体系建设', 20], ['审批流程检查', 15], ['电子政务大厅', 15], ['审批软件和视频监控', 10],
  ['并联审批流程再造', 10], ['宣传和信息工作', 10], ['办结率满意率', 10], ['机关文化建设', 10],
];
const COUNTY_NAMES = ['城关区', '东城区', '临河县', '平山县', '青石县', '永安县', '西林县', '南岭县'];
const COUNTY_BONUS: Array<[string, string]> = [['B1', '创新加分'], ['B2', '表彰加分'], ['B3', '批示加分'], ['B4', '宣传加分']];
const COUNTY_MINUS: Array<[string, string]> = [['D1', '批评否定'], ['D3', '媒体曝光'], ['D4', '一次性扣减']];

/** 附件2: Σ tasks + min(Σ bonus, 10) − min(Σ deductions, 10); 二、4 one-off 10 at most once. */
export function countyScore(tasks: number[], bonus: number[], minus: number[]): number {
  const t = tasks.reduce((s, x) => s + m(x), 0);
  const b = Math.min(bonus.reduce((s, x) => s + m(x), 0), m(10));
  const d = Math.min(minus.reduce((s, x) => s + m(x), 0), m(10));
  return n(t + b - d);
}

function countyPlan(rng: Rng, f: Set<Feature>, mistakes: Set<Mistake>): Plan | null {
  const N = rng.int(3, 8);
  const units = COUNTY_NAMES.slice(0, N);
  const columns: Column[] = [{ path: [choose(rng, f, ['县(区)', '单位', '单位名称']), ''], cells: units, kind: 'unit' }];
  const taskCat = choose(rng, f, ['目标任务得分', '目标任务']);
  const taskVals: number[][] = units.map(() => []);
  const capAt = mistakes.has('capExceeded') ? [rng.int(0, N - 1), rng.int(0, 7)] : [-1, -1];
  COUNTY_TASKS.forEach(([label, full], k) => {
    const truth: Array<string | null> = [];
    const why: Array<Mistake | undefined> = [];
    const cells = units.map((_, i): Cell => {
      if (i === capAt[0] && k === capAt[1]) {
        why[i] = 'capExceeded';
        truth[i] = show(full);
        taskVals[i].push(full);
        return full + rng.pick([1, 2, 0.5]);
      }
      const v = rng.bool(0.15) ? null : full - rng.int(0, 6) / 2;
      taskVals[i].push(v === null ? full : v);
      return v;
    });
    const head = f.has('labels') ? `${label}(${full}分)` : `T${k + 1}`;
    columns.push({ path: [taskCat, head], cells, kind: 'item', truth, why });
  });
  const taskSum = units.map((_, i) => n(taskVals[i].reduce((s, x) => s + m(x), 0)));
  if (f.has('subtotal')) {
    const naive = units.map((_, i) => n(columns.slice(1, 9).reduce((s, c, k) => s + m(typeof c.cells[i] === 'number' ? (c.cells[i] as number) : COUNTY_TASKS[k][1]), 0)));
    columns.push({ path: ['任务得分小计', ''], cells: naive, kind: 'claim', truth: taskSum.map(show), why: units.map((_, i) => (naive[i] !== taskSum[i] ? 'consequence' : undefined)) });
  }
  // 加分 / 减分 kinds as entered points, each Σ kept ≤ 10 so no cap is in doubt.
  const bonus = units.map(() => COUNTY_BONUS.map(() => (rng.bool(0.3) ? rng.int(1, 2) : 0)));
  const minus = units.map(() => [rng.bool(0.3) ? rng.int(1, 2) : 0, rng.bool(0.2) ? 2 : 0, rng.bool(0.15) ? 10 : 0]);
  units.forEach((_, i) => {
    if (minus[i][2] === 10) minus[i] = [0, 0, 10];
  });
  const oneOffAt = mistakes.has('oneOff20') ? rng.int(0, N - 1) : -1;
  if (oneOffAt >= 0) minus[oneOffAt] = [0, 0, 10];
  for (const [k, [, label]] of COUNTY_BONUS.entries())
    columns.push({ path: ['加分', f.has('labels') ? label : COUNTY_BONUS[k][0]], cells: bonus.map((b) => (b[k] === 0 ? null : b[k])), kind: 'item' });
  const bSum = bonus.map((b) => b.reduce((s, x) => s + x, 0));
  if (f.has('subtotal')) columns.push({ path: ['加分', '加分小计'], cells: bSum, kind: 'claim', truth: bSum.map(show), why: [] });
  for (const [k, [code, label]] of COUNTY_MINUS.entries()) {
    const truth: Array<string | null> = [];
    const why: Array<Mistake | undefined> = [];
    const cells = minus.map((d, i): Cell => {
      if (k === 2 && i === oneOffAt) {
        why[i] = 'oneOff20';
        truth[i] = '10';
        return 20;
      }
      return d[k] === 0 ? null : d[k];
    });
    columns.push({ path: [choose(rng, f, ['减分', '扣分']), f.has('labels') ? label : code], cells, kind: 'item', truth, why });
  }
  const dSum = minus.map((d) => d.reduce((s, x) => s + x, 0));
  const dNaive = dSum.map((d, i) => (i === oneOffAt ? d + 10 : d));
  if (f.has('subtotal')) columns.push({ path: ['减分', '减分小计'], cells: dNaive, kind: 'claim', truth: dSum.map(show), why: units.map((_, i) => (i === oneOffAt ? 'consequence' : undefined)) });
  const scores = units.map((_, i) => countyScore(taskVals[i], bonus[i], minus[i]));
  if (f.has('total') || mistakes.has('wrongTotal')) {
    const wrongAt = mistakes.has('wrongTotal') ? rng.int(0, N - 1) : -1;
    const naive = units.map((_, i) => n(m(countyScore(taskVals[i], bonus[i], [dNaive[i]])) + (i === capAt[0] ? m((columns[1 + capAt[1]].cells[i] as number) - COUNTY_TASKS[capAt[1]][1]) : 0)));
    const cells = units.map((_, i) => (i === wrongAt ? n(m(scores[i]) + m(rng.pick([1, -1, 0.5, 2]))) : naive[i]));
    columns.push({ path: [choose(rng, f, ['总分', '合计']), ''], cells, kind: 'claim', truth: scores.map(show), why: units.map((_, i) => (i === wrongAt ? 'wrongTotal' : cells[i] !== scores[i] ? 'consequence' : undefined)) });
  }
  return { units, columns, scores, notes: ['注：目标任务得分空白的为满分；加分、减分按附件2计，各不超过10分。'] };
}

// ───────────────────────────── govinfo (三、四、五(四)) ─────────────────────────────

const GOV_UNITS = ['区发改局', '区教育局', '区财政局', '区民政局', '区卫健局', '区住建局', '区交通局', '区文旅局', '区应急局', '区市场监管局'];
/** code, short label, points, reward (元). */
const GOV_PLUS: Array<[string, string, number, number]> = [
  ['S2', '完成月度任务', 20, 0], ['S3.single', '《政务》单条', 10, 20], ['S3.brief', '《政务》简讯', 5, 10], ['S3.daily', '每日要情', 10, 20],
  ['S4.single', '市刊单条', 50, 100], ['S4.research', '市刊调研', 100, 300], ['S5.single', '省刊单条', 100, 200], ['S7', '网站今日', 5, 10],
  ['S8', '区领导批示', 20, 100], ['S9', '市领导批示', 40, 300], ['S10', '省领导批示', 80, 500],
];
const GOV_MINUS: Array<[string, string, number]> = [['K1', '督促不力', 20], ['K2', '未完成月度任务', 30], ['K6.late', '迟报被区通报', 30], ['K8', '区通报批评', 100]];

/** 三: Σ points − Σ deductions (no caps); 四: reward; 五(四): ≥ 100 / ≥ 200 deducted. */
export function govScore(plus: Array<[number, number, number]>, minus: Array<[number, number]>): { score: number; minus: number; reward: number } {
  const p = plus.reduce((s, [c, pts]) => s + c * pts, 0);
  const d = minus.reduce((s, [c, pts]) => s + c * pts, 0);
  return { score: p - d, minus: d, reward: plus.reduce((s, [c, , r]) => s + c * r, 0) };
}

function govPlan(rng: Rng, f: Set<Feature>, mistakes: Set<Mistake>): Plan | null {
  const N = rng.int(3, 10);
  const units = GOV_UNITS.slice(0, N);
  const columns: Column[] = [{ path: [choose(rng, f, ['单位', '单位名称', '部门']), ''], cells: units, kind: 'unit' }];
  const plusCat = choose(rng, f, ['计分项目', '计分项目（条）']);
  const minusCat = choose(rng, f, ['扣分项目（次）', '扣分项目']);
  const plus: Array<Array<[number, number, number]>> = units.map(() => []);
  const minus: Array<Array<[number, number]>> = units.map(() => []);
  const s1 = units.map(() => (rng.bool(0.8) ? 1 : 0));
  columns.push({ path: [plusCat, f.has('labels') ? '领导重视' : 'S1'], cells: s1.map((v) => (f.has('labels') ? (v ? '是' : '否') : v)), kind: 'item' });
  units.forEach((_, i) => plus[i].push([s1[i], 20, 0]));
  for (const [code, label, pts, reward] of rng.shuffle(GOV_PLUS).slice(0, rng.int(3, 8))) {
    const cells = units.map(() => (code === 'S2' ? rng.int(6, 12) : rng.bool(0.6) ? rng.int(0, pts >= 80 ? 1 : 6) : null));
    columns.push({ path: [plusCat, f.has('labels') ? label : code], cells, kind: 'item' });
    units.forEach((_, i) => plus[i].push([(cells[i] as number | null) ?? 0, pts, reward]));
  }
  for (const [code, label, pts] of rng.shuffle(GOV_MINUS).slice(0, rng.int(1, 3))) {
    // K1 once at most (the clause has no 每次); K2 months within 12 with S2's (三(一)2 / 三(二)2).
    const s2 = columns.find((c) => c.path[1] === 'S2' || c.path[1] === '完成月度任务');
    const cells = units.map((_, i) => (rng.bool(0.3) ? rng.int(1, code === 'K1' ? 1 : code === 'K2' ? Math.max(1, Math.min(3, 12 - (((s2?.cells[i] as number | null) ?? 0)))) : code === 'K8' ? 2 : 3) : null));
    if (code === 'K2') cells.forEach((c, i) => { if (c !== null && ((s2?.cells[i] as number | null) ?? 0) + c > 12) cells[i] = null; });
    columns.push({ path: [minusCat, f.has('labels') ? label : code], cells, kind: 'item' });
    units.forEach((_, i) => minus[i].push([(cells[i] as number | null) ?? 0, pts]));
  }
  // S2 + K2 ≤ 12 months (a check of its own): keep within.
  const results = units.map((_, i) => govScore(plus[i], minus[i]));
  const scores = results.map((r) => r.score);
  const thresholds = results.map((r) => (r.minus >= 200 ? ['不得参评先进', '通报批评'] : r.minus >= 100 ? ['不得参评先进'] : []));
  const claim = (head: string, truth: number[], mistake: Mistake | null): void => {
    const wrongAt = mistake && mistakes.has(mistake) ? rng.int(0, N - 1) : -1;
    const cells = truth.map((t, i) => (i === wrongAt ? t + rng.pick([10, -10, 20, 5]) : t));
    columns.push({ path: [head, ''], cells, kind: 'claim', truth: truth.map(show), why: truth.map((_, i) => (i === wrongAt && mistake ? mistake : undefined)) });
  };
  if (f.has('subtotal')) claim('扣分合计', results.map((r) => r.minus), 'wrongSubtotal');
  if (f.has('total') || mistakes.has('wrongTotal')) claim(choose(rng, f, ['得分', '总分', '合计']), scores, 'wrongTotal');
  if (f.has('reward') || mistakes.has('wrongReward')) claim('奖励金额（元）', results.map((r) => r.reward), 'wrongReward');
  if (f.has('reward') || mistakes.has('wrongFlag')) {
    const wrongAt = mistakes.has('wrongFlag') ? rng.int(0, N - 1) : -1;
    const truth = results.map((r) => (r.minus >= 100 ? '是' : ''));
    const cells = truth.map((t, i) => (i === wrongAt ? (t === '是' ? null : '是') : t === '' ? null : t));
    columns.push({ path: ['不得参评先进', ''], cells, kind: 'claim', truth, why: truth.map((_, i) => (i === wrongAt ? 'wrongFlag' : undefined)) });
  }
  return { units, columns, scores, thresholds, notes: ['注：全年扣分超过100分（含100分）的单位不得参评先进单位；扣分超过200分（含200分）的予以通报批评。'] };
}

// ───────────────────────────── tacheng2020 (百分制, 四(三)) ─────────────────────────────

const TACHENG_UNITS = ['地区发改委', '地区教育局', '地区财政局', '地区人社局', '地区自然资源局', '地区住建局', '地区交通局', '地区卫健委'];
const TACHENG_CATS: Array<[string, number, Array<[string, number]>]> = [
  ['政务公开', 40, [['组织领导', 6], ['信息公开', 8], ['平台建设', 6], ['五公开', 8], ['政策解读', 6], ['舆情回应', 6]]],
  ['“放管服”改革', 60, [['精简审批', 12], ['营商环境', 12], ['创业创新', 12], ['商事制度', 12], ['社会服务', 12]]],
];

/** 四(三): 优秀 ≥ 90; 良好 80 ≤ s < 90; 合格 60 ≤ s < 80; 不合格 < 60. */
export function tachengGrade(score: number): string {
  return score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '合格' : '不合格';
}

function tachengPlan(rng: Rng, f: Set<Feature>, mistakes: Set<Mistake>): Plan | null {
  const N = rng.int(3, 8);
  const units = TACHENG_UNITS.slice(0, N);
  const columns: Column[] = [{ path: [choose(rng, f, ['单位', '地直部门', '单位名称']), ''], cells: units, kind: 'unit' }];
  const totals = units.map(() => 0);
  const subAt = mistakes.has('wrongSubtotal') ? rng.int(0, N - 1) : -1;
  for (const [ci, [cat, catPts, items]] of TACHENG_CATS.entries()) {
    const head = f.has('twoRows') ? `${cat}（${catPts}分）` : cat;
    const sums = units.map(() => 0);
    for (const [label, full] of items) {
      const cells = units.map(() => full - rng.int(0, full));
      columns.push({ path: [head, label], cells, kind: 'item' });
      cells.forEach((v, i) => (sums[i] += m(v)));
    }
    sums.forEach((s, i) => (totals[i] += s));
    if (f.has('subtotal')) {
      const wrong = ci === 0 && subAt >= 0;
      const cells = sums.map((s, i) => n(wrong && i === subAt ? s + m(2) : s));
      columns.push({ path: [head, '小计'], cells, kind: 'claim', truth: sums.map((s) => show(n(s))), why: units.map((_, i) => (wrong && i === subAt ? 'wrongSubtotal' : undefined)) });
    }
  }
  const scores = totals.map(n);
  if (f.has('total') || mistakes.has('wrongTotal')) {
    const wrongAt = mistakes.has('wrongTotal') ? rng.int(0, N - 1) : -1;
    const cells = scores.map((s, i) => (i === wrongAt ? s + rng.pick([1, -1, 3]) : s));
    columns.push({ path: [choose(rng, f, ['总分', '合计', '总得分']), ''], cells, kind: 'claim', truth: scores.map(show), why: units.map((_, i) => (i === wrongAt ? 'wrongTotal' : undefined)) });
  }
  if (f.has('grade') || mistakes.has('wrongGrade')) {
    const wrongAt = mistakes.has('wrongGrade') ? rng.int(0, N - 1) : -1;
    const truth = scores.map(tachengGrade);
    const cells = truth.map((t, i) => (i === wrongAt ? (t === '优秀' ? '良好' : '优秀') : t));
    columns.push({ path: [choose(rng, f, ['等次', '等级']), ''], cells, kind: 'claim', truth, why: units.map((_, i) => (i === wrongAt ? 'wrongGrade' : undefined)) });
  }
  return { units, columns, scores, notes: ['注：百分制，优秀90分以上，良好80—89分，合格60—79分，不合格60分以下。'] };
}

// ───────────────────────────── rendering units-as-rows plans ─────────────────────────────

function renderRows(rng: Rng, plan: Plan, f: Set<Feature>, sheetName: string, only?: number[]): { sheet: GenSheet; planted: PlantedCell[]; rowOf: Map<number, number> } {
  const idx = only ?? plan.units.map((_, i) => i);
  const cols = [...plan.columns];
  if (f.has('seq')) cols.unshift({ path: ['序号', ''], cells: plan.units.map((_, i) => i + 1), kind: 'seq' });
  if (f.has('remark')) cols.push({ path: ['备注', ''], cells: plan.units.map(() => (rng.bool(0.3) ? choose(rng, f, ['已核实', '材料齐全', '见附件']) : null)), kind: 'remark' });
  const hidden: number[] = [];
  if (f.has('hiddenCol') && !f.has('remark')) {
    cols.push({ path: ['备注', ''], cells: plan.units.map(() => choose(rng, f, ['待复核', '已复核', null])), kind: 'hidden' });
    hidden.push(cols.length - 1);
  }
  const width = cols.length;
  const table: Cell[][] = [];
  const merges: GenSheet['merges'] = [];
  const blank = (): Cell[] => Array<Cell>(width).fill(null);
  if (f.has('title')) {
    const row = blank();
    row[0] = `${sheetName}考核汇总表`;
    table.push(row);
    merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  }
  if (f.has('unitLine')) {
    const row = blank();
    row[0] = '填报单位：考核办';
    row[Math.min(3, width - 1)] = '填报时间：2022年8月';
    table.push(row);
  }
  // Header rows: depth 1 (labels, categories dropped), 2 (category over items, single columns merged down) or 3.
  const depth = f.has('threeRows') ? 3 : f.has('twoRows') ? 2 : 1;
  const top = table.length;
  if (depth === 1) {
    table.push(cols.map((c) => (c.path[1] !== '' && c.path[1] !== undefined ? c.path[1] : c.path[0])));
  } else {
    const rows: Cell[][] = Array.from({ length: depth }, blank);
    const first = depth - 2; // the category row
    if (depth === 3) {
      rows[0][0] = null;
    }
    cols.forEach((c, j) => {
      if (c.path[1] === '' || c.path[1] === undefined) {
        rows[0][j] = c.path[0];
        merges.push({ top: top, left: j, bottom: top + depth - 1, right: j });
      } else {
        rows[first][j] = c.path[0];
        rows[depth - 1][j] = c.path[1];
      }
    });
    // merge categories across
    let j = 0;
    while (j < width) {
      const c = cols[j];
      if (c.path[1] === '' || c.path[1] === undefined) {
        j++;
        continue;
      }
      let k = j;
      while (k + 1 < width && cols[k + 1].path[0] === c.path[0] && cols[k + 1].path[1] !== '') {
        k++;
        rows[first][k] = null;
      }
      if (k > j) merges.push({ top: top + first, left: j, bottom: top + first, right: k });
      j = k + 1;
    }
    if (depth === 3) {
      // one group over every item column: 考核指标
      const itemCols = cols.map((c, i) => (c.path[1] !== '' && c.path[1] !== undefined ? i : -1)).filter((i) => i >= 0);
      const lo = Math.min(...itemCols);
      const hi = Math.max(...itemCols);
      rows[0][lo] = '考核指标';
      if (hi > lo) merges.push({ top, left: lo, bottom: top, right: hi });
    }
    table.push(...rows);
  }
  const planted: PlantedCell[] = [];
  const rowOf = new Map<number, number>();
  let lastTier: string | undefined;
  for (const i of idx) {
    if (f.has('sections') && plan.tiers && plan.tiers[i] !== lastTier) {
      lastTier = plan.tiers[i];
      const row = blank();
      row[0] = `${'一二三'[Number(['第一圈', '第二圈', '第三圈'].indexOf(lastTier))]}、${lastTier}层`;
      table.push(row);
    }
    const r = table.length;
    rowOf.set(i, r);
    table.push(cols.map((c) => c.cells[i] ?? null));
    cols.forEach((c, j) => {
      const why = c.why?.[i];
      if (why) planted.push({ sheet: sheetName, row: r, col: j, unit: plan.units[i], found: c.cells[i] === null ? '' : String(c.cells[i]), expected: c.truth?.[i] ?? null, mistake: why });
    });
  }
  if (f.has('note')) {
    const row = blank();
    row[0] = plan.notes[0];
    merges.push({ top: table.length, left: 0, bottom: table.length, right: width - 1 });
    table.push(row);
  }
  if (f.has('signoff')) {
    const row = blank();
    row[Math.min(1, width - 1)] = '制表人：张三';
    row[Math.min(4, width - 1)] = '审核人：李四';
    table.push(row);
  }
  return { sheet: { name: sheetName, table, merges, hidden }, planted, rowOf };
}

// ───────────────────────────── township2022 forms + 汇总 ─────────────────────────────

/** The attachment's items: code, short name, 分值, the step of one finding (0: judged in 0.5s; -1: flag). */
export const TOWNSHIP_ITEMS: Array<[string, string, number, number]> = [
  ['1.1', '规范场所建设', 3, 0], ['1.2', '标识标牌', 2, 0.5], ['1.3', '窗口设置', 2, 2], ['1.4', '制度建设', 2, 0.5],
  ['2.1', '硬件设备', 2, 0.5], ['2.2', '电脑', 2, 1],
  ['3.1', '办件量', 4, 0.2], ['3.2', '一次性告知', 2, 0.5], ['3.3', '办件录入预审', 4, 1], ['3.4', '打印文书', 1, 0.2], ['3.5', '挂起', 3, 1],
  ['3.6', '电子证照', 5, 0.5], ['3.7', '送达回证', 1, 0.2], ['3.8', '评价', 4, 0.2], ['3.9', '归档', 2, 0.2], ['3.10', '无否决权登记', 2, 0.5],
  ['3.11', '系统实操', 5, 0.5], ['3.12', '材料移交', 1, 0.1], ['3.13', '印章使用', 1, 0.1], ['3.14', '标准宣贯', 5, 1], ['3.15', '迎检材料', 5, 1],
  ['4.1', '办事指南公开', 1, 0.5], ['4.2', '指南准确度', 3, 0.5], ['4.3', '事项进驻', 2, 2], ['4.4', '材料收取', 3, 1], ['4.5', '按时办结', 5, 1], ['4.6', '人员审核', 3, 0],
  ['5.1', '着装', 1, 0], ['5.2', '工作纪律', 3, 0.5], ['5.3', '非常满意率', 2, 0.2], ['5.4', '主动评价率', 3, 0.3], ['5.5', '敏感词审核', 2, 0.5],
  ['5.6', '人员变动', 3, 0], ['5.7', '年度考核', 2, -1], ['5.8', '业务考核', 4, 0.5], ['5.9', '特殊群体服务', 2, 0.5], ['6.1', '创新工作', 3, -1],
];
const SECTIONS = ['一、场所规范建设（9分）', '二、硬件设施（4分）', '三、服务标准化（45分）', '四、服务规范化（17分）', '五、日常管理（22分）', '六、工作创新（3分）'];
const TOWNS = ['河口镇', '城关镇', '石桥镇', '东关镇', '白沙镇', '西河镇', '青龙镇', '南山镇', '杨柳镇', '柳树乡', '北坪乡', '马家乡'];

/** 四(一): ranks 1–2 一等, 3–6 二等, 7–11 三等; criticized one level lower (三等 → none). 五.1: 5 / 3 / 2. */
export function townshipLevel(rank: number, criticized: boolean): string | null {
  const steps = ['一等', '二等', '三等'];
  const base = rank <= 2 ? 0 : rank <= 6 ? 1 : rank <= 11 ? 2 : 3;
  const lv = base + (criticized ? 1 : 0);
  return lv < 3 ? steps[lv] : null;
}
export const TOWNSHIP_RESULT: Record<string, number> = { 一等: 5, 二等: 3, 三等: 2 };

function townshipShape(rng: Rng, f: Set<Feature>, mistakes: Set<Mistake>, seed: number): Shape | null {
  const N = rng.int(3, 8);
  const units = rng.shuffle(TOWNS).slice(0, N);
  const planted: PlantedCell[] = [];
  const sheets: GenSheet[] = [];
  const scores: number[] = [];
  const pairs = f.has('pairs');
  const capUnit = mistakes.has('capExceeded') ? rng.int(0, N - 1) : -1;
  const pairUnit = mistakes.has('pairDisagree') && pairs ? rng.int(0, N - 1) : -1;
  if (!pairs) mistakes.delete('pairDisagree');
  const wrongTotalUnit = mistakes.has('wrongSubtotal') ? rng.int(0, N - 1) : -1;
  const formTotalRows: number[] = [];
  for (const [u, unit] of units.entries()) {
    const header = pairs ? ['序号', choose(rng, f, ['评分项目', '考核项目', '项目']), choose(rng, f, ['评分标准', '考核内容', '评选内容']), choose(rng, f, ['标准分', '分值', '满分']), choose(rng, f, ['扣分', '减分']), choose(rng, f, ['得分', '实得分'])] : ['序号', '项目', '评选内容', '分值', '得分', '扣分原因'];
    const W = header.length;
    const table: Cell[][] = [];
    const merges: GenSheet['merges'] = [];
    const blank = (): Cell[] => Array<Cell>(W).fill(null);
    if (f.has('title')) {
      const row = blank();
      row[0] = '2022年乡镇综合便民服务中心等级评定评分表';
      merges.push({ top: table.length, left: 0, bottom: table.length, right: W - 1 });
      table.push(row);
    }
    const line = blank();
    if (f.has('unitLine')) {
      line[0] = `乡镇名称：${unit}`;
      line[3] = '评定时间：2022年8月';
    } else {
      line[0] = `单位：${unit}`;
      merges.push({ top: table.length, left: 0, bottom: table.length, right: W - 1 });
    }
    table.push(line);
    table.push(header);
    const pointsCol = pairs ? 5 : 4;
    let total = 0;
    let naive = 0;
    let section = -1;
    TOWNSHIP_ITEMS.forEach(([code, name, full, step], k) => {
      const cat = Number(code.split('.')[0]) - 1;
      if (f.has('sections') && cat !== section) {
        const row = blank();
        row[0] = SECTIONS[cat];
        merges.push({ top: table.length, left: 0, bottom: table.length, right: W - 1 });
        table.push(row);
      }
      section = cat;
      let v: number;
      if (step === 0) v = rng.bool(0.7) ? full : full - rng.int(1, full * 2 - 1) / 2;
      else if (step === -1) v = rng.bool(0.7) ? full : 0;
      else v = rng.bool(0.75) ? full : n(m(full) - m(step) * rng.int(1, Math.floor(m(full) / m(step))));
      const r = table.length;
      let entered = v;
      if (u === capUnit && k === 1) {
        entered = full + 0.5; // 1.2 above its 分值
        planted.push({ sheet: unit, row: r, col: pointsCol, unit, found: show(entered), expected: show(full), mistake: 'capExceeded' });
        v = full;
      }
      const disagree = pairs && u === pairUnit && k === 9;
      if (disagree) {
        // 3.4 打印文书: 扣分 0.2 but 得分 1 (= 分值): they disagree. The reader's stated rule (README,
        // src/core/input.ts): 得分 = 分值 − 扣分, where they disagree the 扣分 counts → 0.8; the office's
        // 合计 adds up the 得分 column (1).
        entered = full;
        v = n(m(full) - m(0.2));
      }
      total += m(v);
      naive += m(entered);
      const row: Cell[] = pairs ? [k + 1, name, `${code} 评分标准`, full, n(m(full) - m(entered)) || null, entered] : [k + 1, name, `${code} 评选内容`, full, entered, v < full ? '扣分' : null];
      if (disagree) {
        row[4] = 0.2;
        planted.push({ sheet: unit, row: r, col: 4, unit, found: '0.2', expected: null, mistake: 'pairDisagree' });
        planted.push({ sheet: unit, row: r, col: 5, unit, found: show(full), expected: null, mistake: 'pairDisagree' });
      }
      table.push(row);
    });
    const totalRow = blank();
    totalRow[1] = choose(rng, f, ['合计', '总分', '合计得分']);
    totalRow[3] = 100;
    const written = n(u === wrongTotalUnit ? naive + m(rng.pick([1, -1, 0.5])) : naive);
    totalRow[pointsCol] = written;
    if (written !== n(total)) planted.push({ sheet: unit, row: table.length, col: pointsCol, unit, found: show(written), expected: show(n(total)), mistake: u === wrongTotalUnit ? 'wrongSubtotal' : 'consequence' });
    formTotalRows.push(table.length);
    table.push(totalRow);
    if (f.has('signoff')) {
      const row = blank();
      row[0] = '评定人员：张三';
      row[3] = '复核：李四';
      table.push(row);
    }
    scores.push(n(total));
    sheets.push({ name: unit, table, merges, hidden: [] });
  }
  // Distinct totals, so no tie sits on a level line.
  if (new Set(scores).size !== scores.length) return null;
  const criticized = units.map(() => rng.bool(0.2));
  const r = ranks(scores);
  const levels = units.map((_, i) => townshipLevel(r[i], criticized[i]));
  const summary: Cell[][] = [];
  const sm: GenSheet['merges'] = [];
  const head = ['序号', '单位', choose(rng, f, ['总分', '总得分']), choose(rng, f, ['名次', '排名']), choose(rng, f, ['等级', '评定等级']), choose(rng, f, ['加分', '绩效考评加分']), '通报批评或媒体曝光'];
  if (f.has('title')) {
    summary.push(['XX县2022年乡镇便民服务中心标准化等级评定汇总表', null, null, null, null, null, null]);
    sm.push({ top: 0, left: 0, bottom: 0, right: 6 });
  }
  summary.push(head);
  const wrongRankAt = mistakes.has('wrongRank') ? rng.int(0, N - 1) : -1;
  const wrongGradeAt = mistakes.has('wrongGrade') ? rng.int(0, N - 1) : -1;
  units.forEach((unit, i) => {
    const row = summary.length;
    const total = sheets[i].table[formTotalRows[i]][pairs ? 5 : 4] as number;
    const rank = i === wrongRankAt ? (r[i] === 1 ? 2 : r[i] - 1) : r[i];
    const level = i === wrongGradeAt ? (levels[i] === '一等' ? '二等' : '一等') : levels[i];
    const result = level === null ? null : TOWNSHIP_RESULT[level];
    summary.push([i + 1, unit, total, rank, level, result, criticized[i] ? '是' : '否']);
    if (total !== scores[i]) planted.push({ sheet: '汇总', row, col: 2, unit, found: show(total), expected: show(scores[i]), mistake: 'consequence' });
    if (rank !== r[i]) planted.push({ sheet: '汇总', row, col: 3, unit, found: String(rank), expected: String(r[i]), mistake: 'wrongRank' });
    if (level !== levels[i]) {
      planted.push({ sheet: '汇总', row, col: 4, unit, found: level ?? '', expected: levels[i] ?? '', mistake: 'wrongGrade' });
      if (result !== (levels[i] === null ? null : TOWNSHIP_RESULT[levels[i] as string])) planted.push({ sheet: '汇总', row, col: 5, unit, found: String(result ?? ''), expected: String(levels[i] === null ? '' : TOWNSHIP_RESULT[levels[i] as string]), mistake: 'consequence' });
    }
  });
  if (f.has('signoff')) summary.push([null, '制表人：张三', null, null, '审核人：李四', null, null]);
  sheets.unshift({ name: '汇总', table: summary, merges: sm, hidden: [] });
  return {
    seed, ruleset: 'township2022', features: [...f], mistakes: [...mistakes], sheets,
    scores: new Map(units.map((u, i) => [u, scores[i]])),
    levels: new Map(units.map((u, i) => [u, levels[i]])),
    thresholds: new Map(),
    planted,
  };
}

// ───────────────────────────── the generator ─────────────────────────────

/** Features and mistakes each ruleset's grammar can produce. */
export const GRAMMAR: Record<RulesetId, { features: Feature[]; mistakes: Mistake[] }> = {
  chengdu2006: { features: ['synonyms', 'title', 'unitLine', 'seq', 'remark', 'hiddenCol', 'labels', 'clauses', 'twoRows', 'threeRows', 'countWords', 'points', 'subtotal', 'total', 'rank', 'grade', 'sections', 'note', 'signoff', 'typo', 'sheetsPerTier'], mistakes: ['wrongTotal', 'capExceeded', 'wrongRank', 'wrongGrade'] },
  county2013: { features: ['synonyms', 'title', 'unitLine', 'seq', 'remark', 'hiddenCol', 'labels', 'twoRows', 'threeRows', 'subtotal', 'total', 'note', 'signoff'], mistakes: ['wrongTotal', 'capExceeded', 'oneOff20'] },
  govinfo: { features: ['synonyms', 'title', 'unitLine', 'seq', 'remark', 'hiddenCol', 'labels', 'twoRows', 'threeRows', 'subtotal', 'total', 'reward', 'note', 'signoff'], mistakes: ['wrongTotal', 'wrongSubtotal', 'wrongReward', 'wrongFlag'] },
  tacheng2020: { features: ['synonyms', 'title', 'unitLine', 'seq', 'remark', 'hiddenCol', 'twoRows', 'threeRows', 'subtotal', 'total', 'grade', 'note', 'signoff'], mistakes: ['wrongTotal', 'wrongSubtotal', 'wrongGrade'] },
  township2022: { features: ['synonyms', 'title', 'unitLine', 'sections', 'signoff', 'pairs'], mistakes: ['wrongSubtotal', 'capExceeded', 'pairDisagree', 'wrongRank', 'wrongGrade'] },
};

export interface GenerateOptions {
  /** Features the shape may use (default: the ruleset's whole grammar). */
  allow?: readonly Feature[];
  /** Features every shape uses (when the grammar has them). */
  force?: readonly Feature[];
  /** Mistakes that may be planted (default all the grammar has); at most two per shape. */
  plant?: readonly Mistake[];
}

/** One shape from a seed; deterministic. */
export function generate(ruleset: RulesetId, seed: number, options: GenerateOptions = {}): Shape {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rng = new Rng(seed * 7919 + attempt);
    const grammar = GRAMMAR[ruleset];
    const allow = new Set(options.allow ?? grammar.features);
    const f = new Set<Feature>(grammar.features.filter((x) => allow.has(x) && rng.bool()));
    for (const x of options.force ?? []) if (grammar.features.includes(x)) f.add(x);
    if (f.has('threeRows')) f.add('twoRows');
    const plantable = grammar.mistakes.filter((x) => (options.plant ?? grammar.mistakes).includes(x));
    const mistakes = new Set<Mistake>(rng.shuffle(plantable).slice(0, rng.int(0, Math.min(2, plantable.length))));
    if (ruleset === 'township2022') {
      const shape = townshipShape(rng, f, mistakes, seed);
      if (shape) return shape;
      continue;
    }
    const plan = ruleset === 'chengdu2006' ? chengduPlan(rng, f, mistakes) : ruleset === 'county2013' ? countyPlan(rng, f, mistakes) : ruleset === 'govinfo' ? govPlan(rng, f, mistakes) : tachengPlan(rng, f, mistakes);
    if (!plan) continue;
    const sheets: GenSheet[] = [];
    const planted: PlantedCell[] = [];
    if (f.has('sheetsPerTier') && plan.tiers) {
      for (const tier of ['第一圈', '第二圈', '第三圈']) {
        const only = plan.units.map((_, i) => i).filter((i) => plan.tiers?.[i] === tier);
        const out = renderRows(rng, plan, f, `${tier.replace('第', '').replace('圈', '')}圈层`, only);
        sheets.push(out.sheet);
        planted.push(...out.planted);
      }
    } else {
      const out = renderRows(rng, plan, f, choose(rng, f, ['考核汇总', '2022年度', 'Sheet1']));
      sheets.push(out.sheet);
      planted.push(...out.planted);
    }
    return {
      seed, ruleset, features: [...f].sort(), mistakes: [...mistakes], sheets,
      scores: new Map(plan.units.map((u, i) => [u, plan.scores[i]])),
      levels: new Map(plan.units.map((u, i) => [u, plan.levels?.[i] ?? null])),
      thresholds: new Map(plan.units.map((u, i) => [u, plan.thresholds?.[i] ?? []])),
      planted,
    };
  }
  throw new Error(`no shape for ${ruleset} seed ${seed}`);
}

/** A shape as text, for a failure message: each sheet's rows as CSV-ish lines. */
export function describeShape(shape: Shape): string {
  const lines = [`ruleset ${shape.ruleset} seed ${shape.seed} features [${shape.features.join(', ')}] mistakes [${shape.mistakes.join(', ')}]`];
  for (const sheet of shape.sheets) {
    lines.push(`── sheet ${sheet.name}${sheet.hidden.length ? ` (hidden ${sheet.hidden.map((c) => a1(0, c).replace('1', '')).join(',')})` : ''}`);
    sheet.table.forEach((row, r) => lines.push(`${r + 1}: ${row.map((c) => (c === null ? '' : String(c))).join(' | ')}`));
  }
  lines.push(`planted: ${shape.planted.map((p) => `${p.sheet}!${a1(p.row, p.col)} ${p.unit} ${p.found}→${p.expected ?? '?'} (${p.mistake})`).join('; ') || 'none'}`);
  lines.push(`scores: ${[...shape.scores].map(([u, s]) => `${u} ${s}`).join(', ')}`);
  return lines.join('\n');
}
