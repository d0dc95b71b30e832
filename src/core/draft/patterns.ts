/**
 * Step 2 of drafting: the sentence patterns of this family of regulations, as data. Each pattern
 * is a regular expression over the reading (Simplified, NFKC, OCR slips repaired) and what a match
 * says: an item (per event, flat, range, rank, rate, judged), a cap, a floor, a one-time or
 * same-matter rule, a reward in yuan, a total, a grade band, a level, a quota, a threshold — or a
 * rule the format cannot hold yet (a format extension). Patterns are tried in the order listed;
 * text one pattern took is not read again by a later one.
 */
import { numeralValue } from './clauses';

/** A number as regulations write it: 0.5, 20, 两, 十一. */
export const N = '(\\d+(?:\\.\\d+)?|[一二三四五六七八九十两]+)';
export function num(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  return /^\d/.test(text) ? Number.parseFloat(text) : numeralValue(text);
}

export type Verb = 'plus' | 'minus' | 'count';

/** What a match says. */
export type Atom =
  | { type: 'perEvent'; verb: Verb; points: number; unit: string }
  | { type: 'flat'; verb: Verb; points: number; base: boolean; once: boolean }
  | { type: 'range'; verb: Verb; low: number; high: number }
  | { type: 'judged'; verb: Verb }
  | { type: 'rank'; first: number; step: number; floor?: number }
  | { type: 'rate'; per: number; step: number }
  | { type: 'rateAbove'; threshold: number; points: number; per: number; step: number }
  | { type: 'rateBelow'; threshold: number; per: number; step: number }
  | { type: 'ladder'; rungs: number[] }
  | { type: 'reward'; yuan: number; perEvent: boolean }
  | { type: 'cap'; points: number; bonusAndDeduction: boolean; verb?: Verb; total: boolean }
  | { type: 'floor' }
  | { type: 'sameMatter' }
  | { type: 'repeat' }
  | { type: 'withinBonus' }
  | { type: 'formula'; text: string }
  | { type: 'hundred' }
  | { type: 'baseline'; points: number }
  | { type: 'grade'; label: string; min?: number; max?: number }
  | { type: 'quota'; label: string; share: number; scope: 'tier' | 'all' }
  | { type: 'rankLevel'; label: string; from: number; to: number }
  | { type: 'levelPoints'; labels: string[]; points: number[] }
  | { type: 'downgrade' }
  | { type: 'openItems' }
  | { type: 'rankScope' }
  | { type: 'threshold'; measure: 'score' | 'deduction' | 'bonus'; min: number; inclusive: boolean; label: string }
  | { type: 'shares'; parts: SharePart[] }
  | { type: 'periods'; label: string; count: number; unit: string; subject: string; share?: number }
  | { type: 'extension'; why: string }
  | { type: 'ignore' };

/** A part weighted by share: its name, its share (0.4 for 40%) and where it is written (offsets in the match). */
export interface SharePart {
  label: string;
  share: number;
  start: number;
  end: number;
}

/** Periods a year holds for 各季度/各月 (a count stated as 4个季度 wins). */
const PERIODS_IN_YEAR: Record<string, number> = { 季度: 4, 月: 12, 半年: 2 };

/** N% → the exact decimal (33.3 → 0.333): digits shifted, not divided in binary. */
export function shareOf(percent: string): number {
  const value = num(percent);
  return Math.round(value * 10_000) / 1_000_000;
}

/** The parts of a formula's right side A×40%+B×60% (two or more), offsets from `at`. */
function formulaParts(side: string, at: number): SharePart[] | undefined {
  const parts: SharePart[] = [];
  let offset = at;
  for (const term of side.split('+')) {
    const m = new RegExp(`^\\s*\\(?\\s*([^()×*]+?)\\s*\\)?\\s*[×*]\\s*${N}%\\s*$`).exec(term);
    if (!m) return undefined;
    parts.push({ label: m[1].trim(), share: shareOf(m[2]), start: offset, end: offset + term.length });
    offset += term.length + 1;
  }
  return parts.length >= 2 ? parts : undefined;
}

export interface Pattern {
  name: string;
  /** A global regular expression over the reading. */
  pattern: RegExp;
  atom: (m: RegExpExecArray) => Atom | undefined;
}

const verbOf = (word: string | undefined): Verb => (word !== undefined && /扣|减/.test(word) ? 'minus' : word !== undefined && /加|奖/.test(word) ? 'plus' : 'count');
const EVENT_UNIT = '(?:项|次|件|篇|条|个|处|人|台|份|单位|期篇|条次|例|起|家|户|月|季度|份次|人次|个问题|批次)';
const GRADE_WORD = '(优秀|良好|基本合格|合格|不合格|称职|基本称职|不称职|较好|一般|好|较差|差|达标|基本达标|不达标|先进|[一二三四五]等|[ABCD]级|[一二三四五]星级?)';
const SEP = '[,，、;；:：\\s]*';

/** The patterns, in the order they are tried. */
export const PATTERNS: readonly Pattern[] = [
  // ── rate bonuses and deductions from a threshold, escalating sanctions (issue 21 point 3) ──
  {
    name: 'rate bonus above a threshold',
    pattern: new RegExp(`(?:达到|超过)${N}%[^。；;]{0,20}?(?:加|得)${N}分[^。；;]{0,12}?每(?:提高|增加|增长|上升)${N}(?:%|个百分点)[^。；;]{0,6}?加${N}分`, 'g'),
    atom: (m) => ({ type: 'rateAbove', threshold: num(m[1]), points: num(m[2]), per: num(m[3]), step: num(m[4]) }),
  },
  {
    // The cap (最高扣N分) is left to the cap pattern, which puts it on this item.
    name: 'capped rate deduction',
    pattern: new RegExp(`(?:低于${N}%(?:的)?[,，]?)?每(?:低|降低|下降|减少)(?:了)?${N}(?:%|个?百分点)[^。；;]{0,8}?(?:扣|减)(?:除)?${N}分(?=[,，]?(?:最高|最多|累计)(?:扣|减)${N}分)`, 'g'),
    atom: (m) => ({ type: 'rateBelow', threshold: m[1] === undefined ? 100 : num(m[1]), per: num(m[2]), step: num(m[3]) }),
  },
  {
    name: 'escalating sanctions',
    pattern: new RegExp(`(?:第一次|首次)[^。；;]{0,10}?(?:扣|减)(?:除)?${N}分[,，、]?第二次[^。；;]{0,10}?(?:扣|减)(?:除)?${N}分(?:[,，、]?第三次(?:及以上|以上)?(?:每次)?[^。；;]{0,10}?(?:扣|减)(?:除)?${N}分)?(?:[,，、]?第四次(?:及以上|以上)?(?:每次)?[^。；;]{0,10}?(?:扣|减)(?:除)?${N}分)?`, 'g'),
    atom: (m) => ({ type: 'ladder', rungs: [m[1], m[2], m[3], m[4]].filter((r): r is string => r !== undefined).map(num) }),
  },
  // ── periods and shares (group fields mean and share) ──
  {
    // 4个季度综合评分结果占年度综合评分的95%: the periods' mean, weighted.
    name: 'periods weighted by share',
    pattern: new RegExp(`${N}个(季度|月|半年)([^,，。；;占]{0,12}?)占[^,，。；;%]{0,12}?${N}%`, 'g'),
    atom: (m) => ({ type: 'periods', label: `${m[1]}个${m[2]}${m[3]}`, count: num(m[1]), unit: m[2], subject: m[3], share: shareOf(m[4]) }),
  },
  {
    // 年度得分为各季度得分的平均值.
    name: 'averaged over periods',
    pattern: /(?:[^,，。；;]{0,10}?(?:得分|成绩|分数)(?:为|取|按))?各(季度|月|半年)(?:考核)?([^,，。；;的]{0,8})的?(?:平均值|平均分|算术平均值?)/g,
    atom: (m) => ({ type: 'periods', label: `各${m[1]}${m[2]}`, count: PERIODS_IN_YEAR[m[1]], unit: m[1], subject: m[2] }),
  },
  {
    // “德、能、勤、绩、廉”五个方面…所占比重分别为“15%、10%、30%、30%、15%”.
    name: 'shares listed',
    pattern: new RegExp(`“([^“”]{1,40})”[^。；;“”]{0,24}?(?:比重|权重|比例|得分比)分别为:?“?(${N}%(?:、${N}%)+)”?`, 'g'),
    atom: (m) => {
      const labels = m[1].split('、').map((l) => l.trim());
      const shares = m[2].split('、').map((p) => shareOf(p.replace('%', '')));
      if (labels.length !== shares.length || labels.some((l) => l === '')) return undefined;
      return { type: 'shares', parts: labels.map((label, i) => ({ label, share: shares[i], start: 0, end: m[0].length })) };
    },
  },
  {
    // 综合得分=日常考核得分×40%+年终考核得分×60%.
    name: 'shares in a formula',
    pattern: new RegExp(`([^=。；;,，:：\\n]{0,16})=([^=。；;\\n]+?×${N}%(?:\\+[^=。；;\\n+]+?×${N}%)+)`, 'g'),
    atom: (m) => {
      const parts = formulaParts(m[2], m[1].length + 1);
      return parts ? { type: 'shares', parts } : undefined;
    },
  },
  {
    // 另外5%由厅考核领导小组成员评价: the rest, a part named by who scores it.
    name: 'the rest by share',
    pattern: new RegExp(`另外?${N}%由([^,，。；;]{2,24}(?:评价|评定|打分|测评))`, 'g'),
    atom: (m) => ({ type: 'shares', parts: [{ label: m[2], share: shareOf(m[1]), start: 0, end: m[0].length }] }),
  },
  {
    // 日常考核占40%，年终考核占60%: each part where it is written.
    name: 'part by share',
    pattern: new RegExp(`([^,，;；:：。、“”\\d.]{2,16}?)占(?:比)?(?:为)?${N}%`, 'g'),
    // Not a part: 所占/其占…, nor a grade's quota (优秀等次比例占20%: a share of units, not of the score).
    atom: (m) => (/^(?:所|的|其)/.test(m[1]) || /比例|名额|等次|等级|人数/.test(m[1]) ? undefined : { type: 'shares', parts: [{ label: m[1], share: shareOf(m[2]), start: 0, end: m[0].length }] }),
  },
  { name: 'share lead-in', pattern: /所占(?:的)?(?:得分比|比重|权重|比例)(?:分别)?为/g, atom: () => ({ type: 'ignore' }) },
  // ── means and shares the patterns above could not split into parts: listed as unread with why ──
  {
    name: 'averaged over periods (not read)',
    pattern: /(?:取|按|计算)?(?:各|每)?(?:季度|月度|月|期|次)?(?:得分)?(?:的)?(?:平均分|平均值|算术平均|取平均)/g,
    atom: () => ({ type: 'extension', why: '平均分：未能读出取平均的各期（请按“取平均”的组录入）/ a mean whose periods were not read (enter it as a group with mean)' }),
  },
  {
    name: 'parts weighted by share (not read)',
    pattern: new RegExp(`(?:占|权重为?|按|×)${N}%(?:的?权重|计入|折算)?`, 'g'),
    atom: (m) => (/占|权重|计入|折算|×/.test(m[0]) ? { type: 'extension', why: '占比：未能读出所属部分（公式中只有一项，或部分名称不明；请按组的“占比”录入）/ a share whose part was not read (enter it as a group share)' } : undefined),
  },
  // ── ranks and rates ──
  {
    name: 'rank points',
    pattern: new RegExp(`第一名(?:得|计|加)?${N}分(?:${SEP}第二名(?:得|计|加)?${N}分)?(?:${SEP}第三名(?:得|计|加)?${N}分)?(?:[^。；;]{0,12}?(?:依次|以此类推|依此类推)(?:递减|减少)?${N}?分?)?(?:[^。]{0,12}?${N}名(?:以后|之后|及以后)[^。；;]{0,4}?(?:均|都)?(?:得|计)${N}分)?`, 'g'),
    atom: (m) => {
      const first = num(m[1]);
      const second = m[2] === undefined ? undefined : num(m[2]);
      const step = m[4] !== undefined ? num(m[4]) : second !== undefined ? Math.round((first - second) * 1e6) / 1e6 : Number.NaN;
      if (!Number.isFinite(step)) return undefined;
      return { type: 'rank', first, step, floor: m[6] === undefined ? undefined : num(m[6]) };
    },
  },
  {
    name: 'rate below 100%',
    pattern: new RegExp(`每(?:低|降低|下降|减少)(?:了)?${N}个?(?:百分点|%)[,，]?(?:扣|减)(?:除)?${N}分`, 'g'),
    atom: (m) => ({ type: 'rate', per: num(m[1]), step: num(m[2]) }),
  },
  // ── grade bands, levels, quotas, thresholds ──
  {
    name: 'grade band in brackets',
    pattern: new RegExp(`${GRADE_WORD}\\((?:${N}分(?:\\(含\\))?以上|${N}-${N}分|${N}分以下|${N}分及以上|低于${N}分)\\)`, 'g'),
    atom: (m) => {
      const label = m[1];
      if (m[2] !== undefined || m[6] !== undefined) return { type: 'grade', label, min: num(m[2] ?? m[6]) };
      if (m[3] !== undefined) return { type: 'grade', label, min: num(m[3]), max: num(m[4]) };
      return { type: 'grade', label };
    },
  },
  {
    name: 'grade band in words',
    pattern: new RegExp(
      `${N}分(?:\\(含${N}分\\)|\\(含\\))?(?:以上|及以上)(?:的|者)?(?:为|评为|定为|确定为)${GRADE_WORD}` +
        `|${N}分(?:\\(不含${N}分\\))?(?:以下|以内)(?:的|者)?(?:为|评为|定为)${GRADE_WORD}` +
        `|${N}\\s*-\\s*${N}分(?:\\(不?含${N}分\\))?(?:的|者)?(?:为|评为|定为)${GRADE_WORD}`,
      'g',
    ),
    // 80分(含80分)以上为合格 → min 80 · 60分(不含60分)以下为不合格 → the lowest band · 60-80分(不含80分)的为基本合格 → min 60.
    atom: (m) =>
      m[3] !== undefined ? { type: 'grade', label: m[3], min: num(m[1]) } : m[6] !== undefined ? { type: 'grade', label: m[6] } : { type: 'grade', label: m[10], min: num(m[7]) },
  },
  {
    name: 'quota',
    pattern: new RegExp(`(每圈层|每个?层次|每组|每类|全部|总数)?[^。；;]{0,16}?${GRADE_WORD}[^。；;]{0,8}?(?:比例|名额)(?:原则上)?(?:不超过|不得超过|控制在)(?:[^。；;%]{0,16}?的)?${N}%(?:以内)?`, 'g'),
    atom: (m) => ({ type: 'quota', label: m[2], share: num(m[3]) / 100, scope: /每(?:圈层|个?层次|组|类)/.test(m[0]) ? 'tier' : 'all' }),
  },
  {
    name: 'rank band',
    pattern: new RegExp(`(?:排名在)?(?:前${N}名|第${N}名?至第?${N}名)(?:的|者)?(?:为|被评为|评为|定为)${GRADE_WORD}`, 'g'),
    atom: (m) => (m[1] !== undefined ? { type: 'rankLevel', label: m[4], from: 1, to: num(m[1]) } : { type: 'rankLevel', label: m[4], from: num(m[2]), to: num(m[3]) }),
  },
  {
    name: 'level points',
    pattern: new RegExp(`${GRADE_WORD}((?:、${GRADE_WORD})+)[^。；;]{0,40}?分别(?:给予)?[^。；;]{0,20}?(?:加|奖励|计)${N}分((?:、${N}分)+)`, 'g'),
    atom: (m) => {
      const labels = [m[1], ...m[2].split('、').filter((s) => s !== '')];
      const points = [num(m[4]), ...m[5].split('、').filter((s) => s !== '').map((s) => num(s.replace('分', '')))];
      return labels.length === points.length ? { type: 'levelPoints', labels, points } : undefined;
    },
  },
  { name: 'items in an attachment', pattern: /(?:具体|考核|评分)*标准(?:详)?见附件|(?:详|具体)见附件/g, atom: () => ({ type: 'openItems' }) },
  { name: 'downgrade', pattern: /降低一个等级|降一个等级|降低一档|降一档/g, atom: () => ({ type: 'downgrade' }) },
  { name: 'rank scope', pattern: /按[^。；;,，]{0,12}?总得分排名|按总分排名|按得分高低排名/g, atom: () => ({ type: 'rankScope' }) },
  {
    name: 'threshold',
    pattern: new RegExp(`(扣分|减分|得分|总分|加分)(?:累计)?(?:超过|达到|满|低于|不足)${N}分(\\(含${N}分\\))?(?:以上)?的([^,，。；;]{0,12})[,，]([^。；;]{2,30})`, 'g'),
    atom: (m) => {
      const measure = /扣|减/.test(m[1]) ? 'deduction' : /加/.test(m[1]) ? 'bonus' : 'score';
      if (/低于|不足/.test(m[0]) && measure === 'score') return undefined;
      return { type: 'threshold', measure, min: num(m[2]), inclusive: m[3] !== undefined || /达到|满/.test(m[0]), label: m[6].replace(/^(?:的|将|则|要|应)/, '').trim() };
    },
  },
  // ── totals ──
  { name: 'deductions within the bonus', pattern: /减分总数不超过加分总数|扣分(?:总数)?不(?:得)?超过加分(?:总数)?/g, atom: () => ({ type: 'withinBonus' }) },
  { name: 'score formula', pattern: /(?:实得分|总得分|最终得分|考核得分)\s*=\s*[^。；;,，\n]+/g, atom: (m) => ({ type: 'formula', text: m[0] }) },
  { name: 'hundred-point scale', pattern: /(?:得分)?(?:按|实行)?百分制(?:计算|计分)?/g, atom: () => ({ type: 'hundred' }) },
  { name: 'base stated', pattern: new RegExp(`基础分(?:为|是)?${N}分`, 'g'), atom: (m) => ({ type: 'baseline', points: num(m[1]) }) },
  {
    name: 'bonus and deduction cap',
    pattern: new RegExp(`加分、?(?:和|与)?(?:减分|扣分)(?:均|各)?(?:累计)?(?:不超过|不得超过|最多|最高)${N}分`, 'g'),
    atom: (m) => ({ type: 'cap', points: num(m[1]), bonusAndDeduction: true, total: true }),
  },
  // ── items ──
  {
    name: 'one-time deduction',
    pattern: new RegExp(`一次性(?:扣减|扣除|扣|减)${N}分`, 'g'),
    atom: (m) => ({ type: 'flat', verb: 'minus', points: num(m[1]), base: false, once: true }),
  },
  {
    name: 'base score',
    pattern: new RegExp(`(?:得|计)基本分${N}分`, 'g'),
    atom: (m) => ({ type: 'flat', verb: 'count', points: num(m[1]), base: true, once: false }),
  },
  {
    name: 'range',
    pattern: new RegExp(`(加|扣|减|得|计|给)(?:分)?${N}\\s*-\\s*${N}分|(?:给分|打分|评分)\\(${N}\\s*-\\s*${N}\\)`, 'g'),
    atom: (m) => (m[1] !== undefined ? { type: 'range', verb: verbOf(m[1]), low: num(m[2]), high: num(m[3]) } : { type: 'range', verb: 'count', low: num(m[4]), high: num(m[5]) }),
  },
  {
    name: 'reward in yuan',
    pattern: new RegExp(`(每${EVENT_UNIT}(?:次)?)?(?:另)?(?:奖励|奖|发放|给予)${N}元`, 'g'),
    atom: (m) => ({ type: 'reward', yuan: num(m[2]), perEvent: m[1] !== undefined }),
  },
  {
    name: 'per event (每…)',
    pattern: new RegExp(`(?:每|按)(?:一)?(?:${EVENT_UNIT}|(?=发现|少|多|缺|超|违|出现|有|人))(?:每${EVENT_UNIT})?[^。；;分元%]{0,16}?(另)?(加|扣减|扣除|扣|减|计|得|给予)?${N}分`, 'g'),
    atom: (m) => {
      // 每 must open an event: 每月/每项/每发现 … not 每圈层 (a scope).
      if (/^每(?:圈层|层次|组|类)/.test(m[0])) return undefined;
      return { type: 'perEvent', verb: verbOf(m[2]), points: num(m[3]), unit: m[0].slice(0, 3) };
    },
  },
  {
    name: 'per event (一处…扣)',
    pattern: new RegExp(`(?:[1一](?:处|个|件|项|台|份|人|次|办件|个办件)|单(?:条|篇|件))[^。；;,，分元%]{0,12}?(加|扣减|扣除|扣|减|计|得)${N}分`, 'g'),
    atom: (m) => ({ type: 'perEvent', verb: verbOf(m[1]), points: num(m[2]), unit: m[0].slice(0, 2) }),
  },
  {
    name: 'cap',
    pattern: new RegExp(`(?:(其它|其他|全年|总)?(加分|扣分|减分|得分)?(?:累计|合计|总计|最高|最多)(加分|扣分|减分)?|(?:最高|最多))(?:不超过|不得超过|不超|为)?(加|扣|减)?${N}分|(加|扣)满${N}分为止`, 'g'),
    atom: (m) => {
      const points = num(m[5] ?? m[7]);
      const word = m[2] ?? m[3] ?? m[4] ?? m[6];
      return { type: 'cap', points, bonusAndDeduction: false, verb: word === undefined ? undefined : verbOf(word), total: m[1] !== undefined };
    },
  },
  {
    name: 'cap of a kind',
    pattern: new RegExp(`(加分|扣分|减分)(?:总数|总分)?(?:不超过|不得超过)${N}分`, 'g'),
    atom: (m) => ({ type: 'cap', points: num(m[2]), bonusAndDeduction: false, verb: verbOf(m[1]), total: false }),
  },
  {
    name: 'judged (加分 without a number)',
    pattern: /(?:根据(?:实际|工作)?情况|视情况?|酌情|可?适当|需要)(加分|扣分|减分)/g,
    atom: (m) => ({ type: 'judged', verb: verbOf(m[1]) }),
  },
  {
    name: 'flat',
    pattern: new RegExp(`(加|扣减|扣除|扣|减|计|得|给予)${N}分`, 'g'),
    atom: (m) => ({ type: 'flat', verb: verbOf(m[1]), points: num(m[2]), base: false, once: false }),
  },
  // ── modifiers ──
  { name: 'floor', pattern: /(?:直至|直到)?扣完(?:本项目?|该项)?(?:得分|分值|分数)?(?:为止)?|不计负分|不得为负|扣至0分为止/g, atom: () => ({ type: 'floor' }) },
  { name: 'same matter', pattern: /就高不就低|不重复(?:奖励|扣分|计分|加分|扣减)|不累计扣分|只计一次|按最高(?:分|项)计/g, atom: () => ({ type: 'sameMatter' }) },
  { name: 'counted again', pattern: /可?重复计分/g, atom: () => ({ type: 'repeat' }) },
  // Words that name a section, not a rule: 扣分标准, 加分办法, 计分原则 …
  { name: 'section word', pattern: /(?:加减分|加分|扣分|减分|计分|得分|评分)(?:标准|办法|原则|说明|细则|表|情况|项目)|加减分|按[^。；;,，]{0,10}?(?:加分|扣分|减分)|原则(?:加分|扣分|减分)|(?:核减|核加)[^。；;]{0,10}?分数|直接给分|(?:总|考核)得分(?:计算|公式|排名)?/g, atom: () => ({ type: 'ignore' }) },
];

/**
 * Marks of a rule in a sentence: a number of points, yuan, a share, a rank, or the words 加分/扣分.
 * A sentence with a mark no pattern took goes to `unread`.
 */
export const RULE_MARK = new RegExp(
  `${N}\\s*分(?![钟之类别工管解析布批期散享配组局])|${N}\\s*元|${N}\\s*%|第${N}名|前${N}名|${N}名(?:以后|之后)|加分|扣分|减分|扣减|得分|计分`,
  'g',
);
