/**
 * Step 3 of drafting: the records. Each clause's reading is scanned with the patterns
 * (patterns.ts); what they find becomes records in the one ruleset format (format.ts), each with
 * the clause it comes from and a verbatim quote, `confirm: true` and a `note` where a reading was
 * chosen. Every sentence with a mark of a rule (points, yuan, a share, a rank, 加分/扣分) that no
 * pattern took goes to `unread` with why. The drafter never scores: a clerk confirms the draft.
 */
import type { GradeSpec, GroupSpec, ItemSpec, LevelSpec, ThresholdSpec, TotalSpec } from '../format';
import { type Clause, clausesOf } from './clauses';
import type { RegulationDocument } from './source';
import { type Atom, PATTERNS, RULE_MARK } from './patterns';
import { type Reading, originalSpan, readingOf } from './reading';

type Confirmable = { confirm?: true };
export type DraftItem = ItemSpec & Confirmable;
export type DraftGroup = GroupSpec & Confirmable;
export type DraftTotal = TotalSpec & Confirmable;
export type DraftGrade = GradeSpec & Confirmable;
export type DraftLevel = LevelSpec & Confirmable;
export type DraftThreshold = ThresholdSpec & Confirmable;

export interface DraftRuleset {
  id: string;
  title: string;
  version: string;
  effective: string;
  clause: string;
  quote: string;
  note?: string;
  items: DraftItem[];
  groups: DraftGroup[];
  totals: DraftTotal[];
  grades: DraftGrade[];
  levels: DraftLevel[];
  thresholds: DraftThreshold[];
}

export interface Unread {
  clause: string;
  quote: string;
  why: string;
}

export interface DraftFinding {
  clause: string;
  quote: string;
  zh: string;
  en: string;
}

export interface DraftResult {
  draft: DraftRuleset;
  unread: Unread[];
  /** Readings made with a finding (OCR slips repaired). */
  findings: DraftFinding[];
  traditional: boolean;
}

interface Found {
  atom: Atom;
  start: number;
  end: number;
}

/** Everything the patterns find in a reading, in text order; a span one pattern took is not read again. */
export function scan(text: string): Found[] {
  const found: Found[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  for (const pattern of PATTERNS) {
    pattern.pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern.pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (match[0] === '' || taken(start, end)) continue;
      const atom = pattern.atom(match as unknown as RegExpExecArray);
      if (atom) found.push({ atom, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const ITEM_ATOMS = new Set(['perEvent', 'flat', 'range', 'judged', 'rank', 'rate', 'rateAbove', 'rateBelow', 'ladder']);
const BOUNDARY = /[,，;；。:：\n]/;
const SENTENCE_END = /[;；。]/;
const EVENT_WORDS = /通报|批评|曝光|迟报|漏报|瞒报|不报|投诉|批示|表彰|报道|事故|迟到|早退|缺席|违纪|违规|处分|问责|约谈|督办|超时|超期|采用|发表|刊载/;
const STATE_WORDS = /未建立|未设立|未制定|不重视|没有|未形成|未落实|督促不力|健全|到位|等次为|认可|推广|正常运行/;
const HEADING_START = /^\s*(?:第[一二三四五六七八九十百零〇两\d]+条|[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|\d{1,2}(?:[、．]|\.(?!\d))|\(\d{1,2}\))\s*/;

/** A share of the whole score: 占年度综合评分的95%, 占总分的40%. */
const WHOLE = /占(?:年度|全年|总分|总成绩|综合得分|综合评分|考核总分|综合成绩)/;

/** The sentence around a position: [start, end) between sentence ends. */
function sentenceSpan(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
  let e = at;
  while (e < text.length && !SENTENCE_END.test(text[e])) e++;
  return [s, e];
}

interface PendingReward {
  work: ClauseWork;
  rewards: Found[];
}

interface ClauseWork {
  clause: Clause;
  reading: Reading;
  found: Found[];
  /** Spans of the reading that became records or were read as modifiers. */
  covered: Array<[number, number]>;
  items: Array<{ item: DraftItem; at: Found; segment: [number, number] }>;
}

class Drafter {
  readonly items: DraftItem[] = [];
  readonly groups: DraftGroup[] = [];
  readonly totals: DraftTotal[] = [];
  readonly grades: DraftGrade[] = [];
  readonly levels: DraftLevel[] = [];
  readonly thresholds: DraftThreshold[] = [];
  readonly unread: Unread[] = [];
  readonly findings: DraftFinding[] = [];
  private readonly codes = new Set<string>();
  private readonly pendingRewards: PendingReward[] = [];
  traditional = false;

  code(wanted: string): string {
    let code = wanted;
    for (let n = 2; this.codes.has(code); n++) code = `${wanted}-${n}`;
    this.codes.add(code);
    return code;
  }

  quote(work: ClauseWork, start: number, end: number): string {
    return originalSpan(work.reading, work.clause.text, start, end).trim() || work.clause.text.trim().slice(0, 60);
  }

  /** The segment of text an atom's rule is about: back from the atom to a boundary, far enough for a subject. */
  segment(work: ClauseWork, at: Found, floor: number): [number, number] {
    const text = work.reading.text;
    const heading = HEADING_START.exec(text)?.[0].length ?? 0;
    let start = at.start;
    const min = Math.max(floor, heading);
    for (;;) {
      let b = start - 1;
      while (b >= min && !BOUNDARY.test(text[b])) b--;
      start = Math.max(min, b + 1);
      const subject = text.slice(start, at.start).replace(/^[每按]\S{0,2}/, '').replace(/[的,，\s]/g, '');
      if (subject.length >= 2 || start <= min || SENTENCE_END.test(text[start - 1] ?? '')) break;
      start = b;
    }
    return [start, at.end];
  }

  label(work: ClauseWork, start: number, end: number, fallback: string): string {
    let label = work.reading.text.slice(start, end).replace(/\s+/g, '');
    label = label.replace(/[,，]?(?:另)?(?:加|扣减|扣除|扣|减|计|得|给予|奖励)?(?:\d+(?:\.\d+)?|[一二三四五六七八九十两]+)(?:-(?:\d+(?:\.\d+)?))?(?:分|元)$/, '');
    label = label.replace(/(?:每|按)(?:一)?(?:项|次|件|篇|条|个|处|人|台|份|单位|期篇|条次|月)(?:每(?:项|次|件|人))?$/, '');
    label = label.replace(/^(?:其中|对|凡|在|被|受到|受)/, '').replace(/(?:的|,|，|:|：)+$/, '').replace(/^[,，、]+/, '');
    label = label.replace(/(?:每|按)[项次件篇条个处人台份月]?$/, '').replace(/的$/, '');
    if (label.length < 2) label = fallback;
    return label.length > 40 ? `${label.slice(0, 39)}…` : label;
  }

  role(clause: Clause, verb: 'plus' | 'minus' | 'count'): DraftItem['role'] {
    if (verb === 'minus') return 'deduction';
    const titles = [...clause.context, clause.text.split('\n')[0] ?? ''].map((t) => readingOf(t.slice(0, 30)).text);
    for (let i = titles.length - 1; i >= 0; i--) {
      const t = titles[i];
      if (/加分/.test(t) && !/扣分|减分/.test(t)) return 'bonus';
      if (/扣分|减分/.test(t) && !/加分/.test(t)) return verb === 'plus' ? 'bonus' : 'deduction';
    }
    return undefined;
  }

  add(work: ClauseWork, at: Found, item: Omit<DraftItem, 'code' | 'clause' | 'quote'> & { quote?: string }, segment: [number, number]): DraftItem {
    const full = { code: '', clause: work.clause.label, quote: item.quote ?? this.quote(work, segment[0], segment[1]), ...item } as DraftItem;
    for (const key of Object.keys(full) as Array<keyof DraftItem>) if (full[key] === undefined) delete full[key];
    work.items.push({ item: full, at, segment });
    work.covered.push([segment[0], segment[1]]);
    return full;
  }

  run(clauses: readonly Clause[]): void {
    const works: ClauseWork[] = clauses.map((clause) => {
      const reading = readingOf(clause.text);
      if (reading.traditional) this.traditional = true;
      for (const f of reading.findings) this.findings.push({ clause: clause.label || '正文', quote: f.original, zh: `${f.zh}：${f.read}`, en: `${f.en}: ${f.read}` });
      return { clause, reading, found: scan(reading.text), covered: [], items: [] };
    });
    for (const work of works) {
      if (work.clause.row) this.row(work);
      else this.prose(work);
    }
    // Codes in the text's order, once every clause is drafted.
    for (const work of works) {
      const n = work.items.filter((entry) => entry.item.parent === undefined || !work.clause.row).length;
      let i = 0;
      for (const entry of work.items) {
        if (entry.item.code !== '') continue;
        i++;
        entry.item.code = this.code(n === 1 ? work.clause.code : `${work.clause.code}.${i}`);
      }
    }
    // The sentence that splits the whole (占年度综合评分的95%) is the level of shares a ruleset holds: drafted first.
    for (const work of works) this.parts(work, (at) => sentenceSpan(work.reading.text, at), 'whole');
    for (const work of works) this.modifiers(work);
    this.matchRewards(works);
    for (const work of works) for (const entry of work.items) this.items.push(entry.item);
    this.items.sort((a, b) => works.findIndex((w) => w.items.some((e) => e.item === a)) - works.findIndex((w) => w.items.some((e) => e.item === b)));
    for (const work of works) this.unreadOf(work);
    if (this.levels.some((l) => l.from !== undefined) && !this.totals.some((t) => t.code === 'levelScope')) {
      const source = works.find((w) => w.found.some((f) => f.atom.type === 'rankScope' || f.atom.type === 'rankLevel'));
      if (source) this.totals.push({ code: 'levelScope', value: 'all', label: '按总得分排名', clause: source.clause.label, quote: this.quote(source, 0, Math.min(source.reading.text.length, 30)), note: '名次按参评单位总得分排定 / ranks are taken over all units scored together', confirm: true });
    }
  }

  /** A row of a scoring table (分值 column): one item of that 分值, its rules read from the method text. */
  row(work: ClauseWork): void {
    const row = work.clause.row;
    if (!row) return;
    const atoms = work.found.filter((f) => ITEM_ATOMS.has(f.atom.type));
    const whole: [number, number] = [0, work.reading.text.length];
    const labelOf = () => readingOf(row.label).text.replace(/\s+/g, '').slice(0, 40) || work.clause.code;
    const base = { label: labelOf(), points: row.points };
    const rank = atoms.find((f) => f.atom.type === 'rank');
    const below = atoms.find((f) => f.atom.type === 'rateBelow');
    const rate = atoms.find((f) => f.atom.type === 'rate') ?? (below && below.atom.type === 'rateBelow' ? { ...below, atom: { type: 'rate' as const, per: below.atom.per, step: below.atom.step } } : undefined);
    const threshold = below && below.atom.type === 'rateBelow' && below.atom.threshold !== 100 ? { below: below.atom.threshold } : {};
    const range = atoms.find((f) => f.atom.type === 'range');
    const minus = atoms.filter((f) => (f.atom.type === 'perEvent' || f.atom.type === 'flat') && f.atom.verb === 'minus');
    const plus = atoms.filter((f) => (f.atom.type === 'perEvent' || f.atom.type === 'flat') && f.atom.verb !== 'minus');
    if (rank && rank.atom.type === 'rank') {
      const a = rank.atom;
      const differs = a.first !== row.points;
      this.add(work, rank, { ...base, quote: work.clause.text.trim(), kind: 'rank', step: a.step, floor: a.floor, ...(differs ? { confirm: true, note: `第一名${a.first}分，分值栏为${row.points}分：按分值栏 / first place ${a.first}, the 分值 column ${row.points}: the column is used` } : {}) }, [rank.start, rank.end]);
      return;
    }
    if (rate && rate.atom.type === 'rate') {
      const stated = plus.find((f) => f.atom.type === 'flat');
      const differs = stated !== undefined && stated.atom.type === 'flat' && stated.atom.points !== row.points;
      this.add(work, rate, { ...base, quote: work.clause.text.trim(), kind: 'rate', step: rate.atom.step, per: rate.atom.per, ...threshold, ...(differs && stated?.atom.type === 'flat' ? { confirm: true, note: `原文写100%得${stated.atom.points}分，分值栏为${row.points}分：按分值栏 / the text says 100% earns ${stated.atom.points}, the 分值 column ${row.points}: the column is used` } : {}) }, [Math.min(rate.start, stated?.start ?? rate.start), rate.end]);
      for (const f of plus) work.covered.push([f.start, f.end]);
      // 100% as the base of the rate.
      for (const m of work.reading.text.matchAll(/100\s*%/g)) work.covered.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      return;
    }
    if (minus.length === 0 && plus.length === 1 && plus[0].atom.type === 'flat') {
      const a = plus[0].atom;
      const differs = a.points !== row.points;
      this.add(work, plus[0], { ...base, kind: 'flag', points: a.points, ...(differs ? { confirm: true, note: `得${a.points}分，分值栏为${row.points}分 / earns ${a.points}, the 分值 column says ${row.points}` } : {}) }, this.segment(work, plus[0], 0));
      return;
    }
    if (minus.length === 0 && plus.length === 0) {
      const low = range?.atom.type === 'range' ? range.atom.low : 0;
      const high = range?.atom.type === 'range' ? range.atom.high : row.points;
      this.add(work, range ?? { atom: { type: 'judged', verb: 'count' }, start: 0, end: 0 }, {
        label: base.label,
        kind: 'judged',
        min: low,
        max: high,
        default: 'unscored',
        oneEntry: true,
        quote: row.description.trim() === '' ? undefined : row.description.trim(),
        confirm: true,
        note: '原文未写扣分标准：由评定人员直接给分，空白为未评分 / no deduction rule in the text: points judged by the assessor, blank = not scored',
      }, range ? [range.start, range.end] : whole);
      // The description is the item: its figures are targets, not rules.
      if (row.method === '') work.covered.push(whole);
      return;
    }
    if (minus.length === 1 && plus.length === 0 && !work.found.some((f) => f.atom.type === 'cap')) {
      const f = minus[0];
      const a = f.atom as Extract<Atom, { type: 'perEvent' | 'flat' }>;
      const flat = a.type === 'flat';
      this.add(work, f, { ...base, kind: 'deduct', step: a.points, ...(flat ? { confirm: true, note: '“…的，扣N分”：按每发现一次扣一次读 / read as a deduction per finding' } : {}) }, this.segment(work, f, 0));
      return;
    }
    // Several deductions (or one with a cap): the item and a counter for each.
    const parent = this.add(work, { atom: { type: 'judged', verb: 'minus' }, start: 0, end: 0 }, { ...base, kind: 'deduct', quote: work.clause.text.trim().replace(/\s*\n\s*/g, ' ') }, [0, 0]);
    parent.code = this.code(work.clause.code);
    let previous = 0;
    let i = 0;
    for (const f of [...minus, ...plus]) {
      const a = f.atom as Extract<Atom, { type: 'perEvent' | 'flat' }>;
      const segment = this.segment(work, f, previous);
      previous = f.end;
      const label = this.label(work, segment[0], f.end, base.label);
      const flag = a.type === 'flat' && (STATE_WORDS.test(label) || !EVENT_WORDS.test(label));
      i++;
      const counter = this.add(work, f, { label: `${base.label}·${label}`, kind: flag ? 'flag' : 'count', parent: parent.code, step: a.points, ...(a.type === 'flat' ? { confirm: true, note: flag ? '“…的，扣N分”读作一次（是/否）/ read as once (a flag)' : '“…扣N分”读作每次（计数）/ read as per occurrence (a count)' } : {}) }, segment);
      counter.code = this.code(`${work.clause.code}.${i}`);
    }
  }

  /** Clauses of running text. */
  prose(work: ClauseWork): void {
    const { clause } = work;
    let previous = 0;
    for (const f of work.found) {
      const a = f.atom;
      if (!ITEM_ATOMS.has(a.type)) continue;
      const segment = this.segment(work, f, previous);
      previous = f.end;
      const fallback = readingOf(clause.text.split('\n')[0] ?? '').text.replace(HEADING_START, '').slice(0, 20) || clause.label;
      const label = this.label(work, segment[0], f.end, fallback);
      switch (a.type) {
        case 'perEvent':
          this.add(work, f, { label, kind: 'count', role: this.role(clause, a.verb), points: a.points }, segment);
          break;
        case 'flat': {
          if (a.base) {
            this.add(work, f, { label, kind: 'flag', role: 'score', points: a.points, default: 1, confirm: true, note: '基本分：空白按已具备（1）/ base points: an empty cell reads as met (1)' }, segment);
            break;
          }
          if (a.once) {
            // 有下列情形的，一次性扣减N分: the listed cases are the members of a one-time group.
            const cases = clause.children.filter((child) => child.row === undefined);
            if (cases.length > 0) {
              const group = this.groupCode(clause.code);
              this.groups.push({ code: group, label: this.label(work, segment[0], f.end, '一次性扣减'), once: true, clause: clause.label, quote: this.quote(work, segment[0], f.end) });
              work.covered.push([segment[0], f.end]);
              for (const child of cases) {
                const childReading = readingOf(child.text);
                const text = childReading.text.replace(HEADING_START, '');
                const childWork: ClauseWork = { clause: child, reading: childReading, found: [], covered: [], items: [] };
                const quote = child.text.trim().replace(/^[(（]\d+[)）]\s*/, '').replace(/[;；。]$/, '');
                this.add(childWork, f, { label: text.replace(/[的;；。]+$/, '').slice(0, 40), kind: 'count', role: 'deduction', points: a.points, group, quote }, [0, 0]);
                childWork.items[0].item.code = this.code(child.code);
                this.extraItems.push(...childWork.items.map((e) => e.item));
              }
              break;
            }
          }
          const event = EVENT_WORDS.test(label) && !STATE_WORDS.test(label);
          const role = this.role(clause, a.verb);
          this.add(work, f, {
            label,
            kind: event ? 'count' : 'flag',
            role,
            points: a.points,
            confirm: true,
            note: event ? '“…的，扣/加N分”读作每次（计数）/ read as per occurrence (a count)' : '“…的，计/扣N分”读作一次（是/否）/ read as once (a flag)',
          }, segment);
          break;
        }
        case 'range':
          if (a.verb === 'minus')
            this.add(work, f, { label, kind: 'judged', role: 'deduction', min: 0, incidentMin: a.low, incidentMax: a.high, confirm: true, note: `每起扣${a.low}–${a.high}分，按录入分数扣 / ${a.low}–${a.high} per incident, as entered` }, segment);
          else this.add(work, f, { label, kind: 'judged', role: this.role(clause, a.verb), min: 0, max: a.high, oneEntry: true, confirm: true, note: `原文为${a.low}–${a.high}分；未达到条件时为0 / the text gives ${a.low}–${a.high}; 0 when the condition is not met` }, segment);
          break;
        case 'judged':
          this.add(work, f, { label, kind: 'judged', role: this.role(clause, a.verb), min: 0, confirm: true, note: '未写分值：按录入分数 / no points stated: as entered' }, segment);
          break;
        case 'rank':
          this.add(work, f, { label, kind: 'rank', points: a.first, step: a.step, floor: a.floor }, segment);
          break;
        case 'rateAbove':
          this.add(work, f, { label, kind: 'rate', role: 'bonus', above: a.threshold, points: a.points, step: a.step, per: a.per, confirm: true, note: `达到${a.threshold}%得${a.points}分，其上每满${a.per}%加${a.step}分（不足一档不加）/ ${a.points} at ${a.threshold}%, ${a.step} per full ${a.per}% above it` }, segment);
          break;
        case 'rateBelow':
          this.add(work, f, { label, kind: 'rate', role: 'deduction', below: a.threshold, step: a.step, per: a.per, confirm: true, note: `低于${a.threshold}%时每满${a.per}个百分点扣${a.step}分（不足一档不扣）/ ${a.step} per full ${a.per} points below ${a.threshold}%` }, segment);
          break;
        case 'ladder': {
          const rungs = a.rungs.join('、');
          this.add(work, f, { label, kind: 'count', role: 'deduction', ladder: rungs, confirm: true, note: `逐次扣${rungs}分，累加计算（2次=${a.rungs[0]}+${a.rungs[1]}），之后每次按最后一档；若只按所达档次扣一次，请设“逐次只计一次” / escalating ${rungs}, added up; set ladderOnce if only the rung reached is taken` }, segment);
          break;
        }
        default:
          break; // a rate outside a scoring table has no 分值: left for unread
      }
    }
    // Rewards: with the item just before them in the same sentence, else matched to a clause later.
    const rewards: Found[] = [];
    for (const f of work.found) {
      if (f.atom.type !== 'reward') continue;
      const before = [...work.items].reverse().find((e) => e.at.end <= f.start);
      const between = before ? work.reading.text.slice(before.at.end, f.start) : '';
      if (before && before.item.reward === undefined && !SENTENCE_END.test(between) && between.length < 6) {
        before.item.reward = f.atom.yuan;
        before.item.quote = this.quote(work, before.segment[0], f.end);
        work.covered.push([f.start, f.end]);
      } else rewards.push(f);
    }
    if (rewards.length > 0) this.pendingRewards.push({ work, rewards });
  }

  readonly extraItems: DraftItem[] = [];
  /** Shares drafted so far, in micros of 1: past 1 000 000 (100%) a sentence's shares are nested, not drafted. */
  private shareTotal = 0;
  /** Items of parts and periods, in the text's order (after the other items). */
  readonly partItems: DraftItem[] = [];
  private readonly partCount = new Map<Clause, number>();

  /**
   * Parts weighted by share and periods averaged (format.ts group share and mean), a sentence at a
   * time: each part a group with its share and a judged item for its score, each period an item
   * of a mean group — a blank one 未评分 (a finding), never a silent 0. A sentence whose shares would take the total past 100% (a part weighted
   * inside another part) is listed unread instead: one ruleset holds one level of shares.
   */
  parts(work: ClauseWork, sentenceOf: (at: number) => [number, number], pass: 'whole' | 'rest'): void {
    const { clause, reading } = work;
    const bySentence = new Map<number, Found[]>();
    for (const f of work.found) {
      if (f.atom.type !== 'shares' && f.atom.type !== 'periods') continue;
      const [s] = sentenceOf(f.start);
      bySentence.set(s, [...(bySentence.get(s) ?? []), f]);
    }
    const micros = (share: number) => Math.round(share * 1_000_000);
    const pct = (share: number) => `${Math.round(share * 1_000_000) / 10_000}%`;
    for (const [start, atoms] of bySentence) {
      const end = sentenceOf(start)[1];
      const sentence = reading.text.slice(start, end);
      if (WHOLE.test(sentence) !== (pass === 'whole')) continue;
      const total = atoms.reduce((sum, f) => sum + (f.atom.type === 'shares' ? f.atom.parts.reduce((acc, p) => acc + micros(p.share), 0) : f.atom.type === 'periods' ? micros(f.atom.share ?? 0) : 0), 0);
      for (const f of atoms) work.covered.push([f.start, f.end]);
      if (this.shareTotal + total > 1_000_000) {
        this.unread.push({
          clause: clause.label || '正文',
          quote: this.quote(work, start, end),
          why: `占比：此前各部分已占${pct(this.shareTotal / 1_000_000)}，再加${pct(total / 1_000_000)}超过100%——是某部分内部的权重（嵌套），一个规则集只含一层占比：请为该部分另建规则集 / shares past 100% in all: weights inside a part (nested); one ruleset holds one level of shares`,
        });
        work.covered.push([start, end]);
        continue;
      }
      this.shareTotal += total;
      const hundred = /百分制/.test(sentence);
      let numbered = this.partCount.get(clause) ?? 0;
      const cite = (from: number, to: number) => ({ clause: clause.label || '正文', quote: this.quote(work, from, to) });
      for (const f of atoms) {
        const a = f.atom;
        if (a.type === 'periods') {
          const code = this.code(`${clause.code}.${a.unit === '季度' ? 'Q' : a.unit === '月' ? 'M' : 'H'}`);
          const group = this.groupCode(code);
          const weighted = a.share === undefined ? '' : `，按${pct(a.share)}计入`;
          this.groups.push({ code: group, label: a.label, mean: true, ...(a.share === undefined ? {} : { share: a.share }), ...cite(f.start, f.end), confirm: true, note: `${a.count}个${a.unit}得分取平均${weighted}；每${a.unit}得分由录入给出${hundred ? '（百分制，0–100）' : ''} / the mean of ${a.count} periods' scores as entered${a.share === undefined ? '' : `, counted at ${pct(a.share)}`}` });
          for (let i = 1; i <= a.count; i++) {
            this.partItems.push({ code: this.code(`${code}${i}`), label: `第${i}${a.unit}${a.subject}`, kind: 'judged', min: 0, ...(hundred ? { max: 100 } : {}), default: 'unscored', group, ...cite(f.start, f.end) });
          }
          continue;
        }
        if (a.type !== 'shares') continue;
        a.parts.forEach((written) => {
          // A part written first in its clause starts with the clause's number: (四)日常考核得分占40%.
          const part = { ...written, label: written.label.replace(HEADING_START, '') || written.label };
          const code = this.code(`${clause.code}.P${++numbered}`);
          const group = this.groupCode(code);
          const where = cite(f.start + part.start, f.start + part.end);
          this.groups.push({ code: group, label: part.label, share: part.share, ...where, confirm: true, note: `按${pct(part.share)}计入：该部分得分由录入给出${hundred ? '（百分制，0–100）' : '，原文未写满分'} / counted at ${pct(part.share)} of its score as entered` });
          this.partCount.set(clause, numbered);
          this.partItems.push({ code, label: part.label, kind: 'judged', min: 0, ...(hundred ? { max: 100 } : {}), default: 'unscored', group, ...where });
        });
      }
    }
  }
  readonly openItems: DraftTotal[] = [];

  groupCode(code: string): string {
    return this.code(this.codes.has(code) ? `${code}g` : code);
  }

  /** Caps, floors, same-matter and one-time rules, totals, grades, levels, thresholds. */
  modifiers(work: ClauseWork): void {
    const { clause, found, reading } = work;
    const entries = work.items.filter((e) => !(e.item.kind === 'flag' && e.item.role === 'score' && e.item.default === 1));
    const text = reading.text;
    const sentenceOf = (at: number): [number, number] => {
      let s = at;
      while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
      let e = at;
      while (e < text.length && !SENTENCE_END.test(text[e])) e++;
      return [s, e];
    };
    const cite = (f: Found) => {
      const [s] = sentenceOf(f.start);
      return { clause: clause.label || '正文', quote: this.quote(work, Math.max(s, f.start - 30 < s ? s : f.start - 30), f.end) };
    };
    this.parts(work, sentenceOf, 'rest');
    for (const f of found) {
      const a = f.atom;
      const cover = () => work.covered.push([f.start, f.end]);
      switch (a.type) {
        case 'cap': {
          if (a.bonusAndDeduction) {
            this.totals.push({ code: 'bonusCap', value: a.points, label: `加分不超过${a.points}分`, ...cite(f) });
            this.totals.push({ code: 'deductionCap', value: a.points, label: `减分不超过${a.points}分`, ...cite(f) });
            cover();
            break;
          }
          const [s] = sentenceOf(f.start);
          let scope = entries.filter((e) => e.segment[1] > e.segment[0] && e.at.start >= s && e.at.end <= f.start && e.item.group === undefined && e.item.cap === undefined);
          if (scope.length === 0 && !a.total) scope = entries.filter((e) => e.at.end <= f.start && e.item.group === undefined && e.item.cap === undefined && e.item.parent === undefined);
          if (scope.length === 0 && !a.total && clause.row === undefined) scope = entries.filter((e) => e.item.group === undefined && e.item.cap === undefined);
          if (a.total || scope.length === 0) {
            const minus = a.verb === 'minus';
            this.totals.push({ code: minus ? 'deductionCap' : 'bonusCap', value: a.points, label: `${minus ? '减分' : '加分'}累计不超过${a.points}分`, ...cite(f) });
            cover();
            break;
          }
          if (scope.length === 1) {
            const item = scope[0].item;
            if (item.kind === 'judged' && item.max === undefined) item.max = a.points;
            else if (item.kind === 'judged') item.note = `${item.note ?? ''}；累计不超过${a.points}分`;
            else item.cap = a.points;
            item.quote = this.quote(work, scope[0].segment[0], f.end);
          } else {
            const code = this.groupCode(clause.code);
            this.groups.push({ code, label: this.label(work, sentenceOf(scope[0].at.start)[0], scope[0].segment[0], scope[0].item.label), cap: a.points, ...cite(f) });
            for (const e of scope) e.item.group = code;
          }
          cover();
          break;
        }
        case 'sameMatter': {
          const members = entries.filter((e) => e.item.parent === undefined);
          if (members.length === 0) break;
          const existing = members[0].item.group;
          if (existing !== undefined && members.every((e) => e.item.group === existing)) {
            const group = this.groups.find((g) => g.code === existing);
            if (group) group.sameMatter = true;
          } else {
            const code = this.groupCode(clause.row ? `${clause.code}m` : clause.code);
            this.groups.push({ code, label: `${members[0].item.label}（同一事项就高不就低）`, sameMatter: true, ...cite(f) });
            for (const e of members) if (e.item.group === undefined) e.item.group = code;
          }
          cover();
          break;
        }
        case 'floor':
        case 'repeat':
        case 'ignore':
          cover();
          break;
        case 'withinBonus':
          this.totals.push({ code: 'deductionWithinBonus', value: true, label: '减分总数不超过加分总数', ...cite(f) });
          cover();
          break;
        case 'formula':
          this.totals.push({ code: 'scoreFormula', value: originalSpan(reading, clause.text, f.start, f.end).trim(), label: '总得分计算公式', ...cite(f) });
          cover();
          break;
        case 'hundred':
          this.totals.push({ code: 'scoreMin', value: 0, label: '百分制', ...cite(f) }, { code: 'scoreMax', value: 100, label: '百分制', ...cite(f) });
          cover();
          break;
        case 'grade':
          this.grades.push({ label: a.label, ...(a.min === undefined ? {} : { min: a.min }), ...cite(f), quote: this.quote(work, f.start, f.end) });
          cover();
          break;
        case 'quota': {
          this.levels.push({ label: a.label, quota: a.share, ...cite(f) });
          if (a.scope === 'tier') this.totals.push({ code: 'levelScope', value: 'tier', label: '按圈层评选', ...cite(f), confirm: true, note: '比例按每一层次（圈层）计算；层次名单需另行录入 / the quota counts per tier; the tiers are entered separately' });
          cover();
          break;
        }
        case 'rankLevel': {
          const level = this.levels.find((l) => l.label === a.label);
          if (level) Object.assign(level, { from: a.from, to: a.to });
          else this.levels.push({ label: a.label, from: a.from, to: a.to, ...cite(f), quote: this.quote(work, f.start, f.end) });
          cover();
          break;
        }
        case 'levelPoints':
          a.labels.forEach((label, i) => {
            const level = this.levels.find((l) => l.label === label);
            if (level) {
              level.points = a.points[i];
              level.clause = level.clause === (clause.label || '正文') ? level.clause : `${level.clause}; ${clause.label || '正文'}`;
              level.quote = `${level.quote}……${this.quote(work, f.start, f.end)}`;
            } else this.levels.push({ label, points: a.points[i], ...cite(f) });
          });
          cover();
          break;
        case 'openItems':
          this.openItems.push({ code: 'openItems', value: true, label: '评分表各列为项目得分', ...cite(f), confirm: true, note: '评分项目在附件中、不在本文：各项目得分由录入表的列给出 / the items are in an attachment: each value column is read as item points' });
          cover();
          break;
        case 'downgrade':
          this.totals.push({ code: 'downgrade', value: 'criticized', label: '降低一个等级', ...cite(f), confirm: true, note: '被通报批评等情形降低一个等级：录入表中以“通报批评或曝光”列标记 / drops one level: marked in the 通报批评或曝光 column' });
          cover();
          break;
        case 'rankScope':
          if (!this.totals.some((t) => t.code === 'levelScope')) this.totals.push({ code: 'levelScope', value: 'all', label: '按总得分排名', ...cite(f) });
          cover();
          break;
        case 'threshold':
          this.thresholds.push({
            code: a.measure,
            min: a.min,
            label: a.label,
            ...cite(f),
            quote: this.quote(work, sentenceOf(f.start)[0], f.end),
            ...(a.inclusive ? {} : { confirm: true as const, note: `“超过${a.min}分”不含${a.min}分；阈值按达到${a.min}分起算，请确认 / "over ${a.min}" excludes ${a.min}; the threshold counts from ${a.min}: confirm` }),
          });
          cover();
          break;
        case 'extension': {
          const unread = { clause: clause.label || '正文', quote: this.quote(work, sentenceOf(f.start)[0], sentenceOf(f.start)[1]), why: a.why };
          // One entry per sentence and reason (a sentence with three shares was listed three times).
          if (!this.unread.some((u) => u.clause === unread.clause && u.quote === unread.quote && u.why === unread.why)) this.unread.push(unread);
          cover();
          break;
        }
        case 'baseline':
          this.unread.push({ clause: clause.label || '正文', quote: this.quote(work, f.start, f.end), why: `基础分${a.points}分：不另起条目（各条目分值之和即为基础分，请确认）/ base of ${a.points}: no record of its own (read as the items' 分值 adding up to it; confirm)` });
          cover();
          break;
        default:
          break;
      }
    }
    // 其中…: a sub-case of the item before it, counted once at the higher level.
    for (let i = 1; i < entries.length; i++) {
      const e = entries[i];
      const prev = entries[i - 1];
      if (!/^其中/.test(text.slice(e.segment[0], e.segment[1]).trim()) || e.item.kind !== 'count' || prev.item.kind !== 'count' || e.item.group !== undefined || prev.item.group !== undefined) continue;
      const code = this.groupCode(`${clause.code}.${i}`);
      this.groups.push({ code, label: `${prev.item.label}（其中${e.item.label}就高计一次）`, sameMatter: true, clause: clause.label, quote: this.quote(work, prev.segment[0], e.segment[1]), confirm: true, note: '“其中”一项与上一项为同一事项，就高计一次 / the 其中 case and the one before it are one matter, counted once at the higher' });
      prev.item.group = code;
      e.item.group = code;
    }
    this.pointsWithDeductions(work);
  }

  /**
   * 得N分 followed by deductions in the same clause (遵守纪律的得10分。迟到的，每人次扣0.5分；…): the N
   * is the item's 分值 and the deductions are taken from it, not below 0 — a deduct item with a
   * counter for each deduction, as a scoring-table row is drafted.
   */
  pointsWithDeductions(work: ClauseWork): void {
    const [first, ...rest] = work.items;
    if (!first || rest.length === 0) return;
    const a = first.at.atom;
    const head = first.item;
    if (a.type !== 'flat' || a.verb !== 'count' || a.base || head.kind !== 'flag' || (head.role ?? 'score') !== 'score' || head.default !== undefined) return;
    if (!rest.every((e) => e.item.role === 'deduction' && (e.item.kind === 'count' || e.item.kind === 'flag') && e.item.points !== undefined && e.item.group === undefined && e.item.ladder === undefined)) return;
    // Codes were given in the text's order already: given again, the item as the clause, its deductions under it.
    for (const e of work.items) this.codes.delete(e.item.code);
    head.kind = 'deduct';
    delete head.role;
    head.confirm = true;
    head.note = `得${String(head.points)}分，其后各项扣分从中扣减、扣完为止 / the ${String(head.points)} points are the item's, the deductions after it are taken from them, not below 0`;
    head.code = this.code(work.clause.code);
    rest.forEach((e, i) => {
      const counter = e.item;
      counter.parent = head.code;
      counter.step = counter.points;
      delete counter.points;
      delete counter.role;
      counter.code = this.code(`${work.clause.code}.${i + 1}`);
    });
  }

  /** Rewards in yuan stated in their own clause: given to the items of the clause they name. */
  matchRewards(works: readonly ClauseWork[]): void {
    const bigrams = (s: string) => {
      const t = s.replace(/[^\p{Script=Han}A-Za-z]/gu, '');
      const set = new Set<string>();
      for (let i = 0; i + 1 < t.length; i++) set.add(t.slice(i, i + 2));
      return set;
    };
    const levelsOf = (s: string) => new Set(Array.from(s.matchAll(/(国家|省|市|区|县)(?:政府|领导|委|级|办公)/g), (m) => m[1]));
    const candidates = works.filter((w) => w.items.length > 0 && !w.clause.row && !w.found.some((f) => f.atom.type === 'reward') && w.items.every((e) => e.item.role !== 'deduction'));
    const pairs: Array<{ reward: PendingReward; target: ClauseWork; score: number }> = [];
    for (const pending of this.pendingRewards) {
      const subject = pending.work.reading.text;
      const a = bigrams(subject);
      const la = levelsOf(subject);
      for (const target of candidates) {
        if (target.items.length !== pending.rewards.length) continue;
        const lb = levelsOf(target.reading.text);
        if (la.size > 0 && lb.size > 0 && ![...la].some((l) => lb.has(l))) continue;
        const b = bigrams(target.reading.text);
        const shared = [...a].filter((x) => b.has(x)).length;
        const score = shared / Math.min(a.size, b.size);
        if (shared >= 4 && score >= 0.3) pairs.push({ reward: pending, target, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score);
    const used = new Set<ClauseWork>();
    const done = new Set<PendingReward>();
    for (const pair of pairs) {
      if (used.has(pair.target) || done.has(pair.reward)) continue;
      used.add(pair.target);
      done.add(pair.reward);
      pair.reward.rewards.forEach((f: Found, i: number) => {
        const entry = pair.target.items[i];
        if (f.atom.type !== 'reward') return;
        const rq = this.quote(pair.reward.work, this.segment(pair.reward.work, f, i === 0 ? 0 : pair.reward.rewards[i - 1].end)[0], f.end);
        entry.item.reward = f.atom.yuan;
        entry.item.clause = `${entry.item.clause}, ${pair.reward.work.clause.label}`;
        entry.item.quote = `${entry.item.quote}……${rq}`;
        entry.item.confirm = true;
        entry.item.note = `${entry.item.note ? `${entry.item.note}；` : ''}奖励按用语对应到${pair.target.clause.label} / the reward is matched to ${pair.target.clause.label} by its wording`;
        pair.reward.work.covered.push([f.start, f.end]);
      });
    }
    for (const pending of this.pendingRewards) {
      if (done.has(pending)) continue;
      let previous = 0;
      for (const f of pending.rewards) {
        if (f.atom.type !== 'reward') continue;
        const segment = this.segment(pending.work, f, previous);
        previous = f.end;
        this.add(pending.work, f, { label: this.label(pending.work, segment[0], f.start, '奖励'), kind: 'count', reward: f.atom.yuan, confirm: true, note: '只有奖励（元），没有分值 / a reward in yuan only, no points' }, segment);
        const entry = pending.work.items[pending.work.items.length - 1];
        entry.item.code = this.code(`${pending.work.clause.code}${pending.rewards.length > 1 ? `.${pending.rewards.indexOf(f) + 1}` : ''}`);
      }
    }
  }

  /** Sentences with a mark of a rule that no record or modifier took. */
  unreadOf(work: ClauseWork): void {
    const text = work.reading.text;
    const covered = (s: number, e: number) => work.covered.some(([a, b]) => s >= a && e <= b) || work.found.some((f) => f.atom.type !== 'extension' && s >= f.start && e <= f.end && !ITEM_ATOMS.has(f.atom.type) && f.atom.type !== 'reward');
    const reported = new Set(this.unread.filter((u) => u.clause === (work.clause.label || '正文')).map((u) => u.quote));
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !SENTENCE_END.test(text[i])) continue;
      const sentence = text.slice(start, i);
      const marks = Array.from(sentence.matchAll(RULE_MARK)).filter((m) => !covered(start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length));
      if (marks.length > 0) {
        const quote = this.quote(work, start, i);
        const extension = work.found.find((f) => f.atom.type === 'extension' && f.start >= start && f.end <= i);
        const rate = work.found.find((f) => f.atom.type === 'rate' && f.start >= start && f.end <= i);
        if (![...reported].some((q) => q.includes(quote) || quote.includes(q))) {
          const why = extension?.atom.type === 'extension'
            ? extension.atom.why
            : rate
              ? '按比率扣分，但没有分值（不在评分表中）/ a rate deduction with no 分值 (not in a scoring table)'
              : work.clause.row && work.clause.row.method === ''
                ? `条目说明中的指标（${marks.map((m) => m[0]).join('、')}），不是计分规则；该条目按分值评分 / a target in the item's description, not a scoring rule`
                : `未识别的计分句式：${marks.map((m) => m[0]).join('、')} / no pattern read this sentence`;
          this.unread.push({ clause: work.clause.label || '正文', quote, why });
        }
      }
      start = i + 1;
    }
  }
}

/** Title of a regulation: its first paragraph that names a 细则/办法/规定/方案/标准, else the regulation's name. */
function titleOf(regulation: RegulationDocument): { title: string; quote: string } {
  for (const block of regulation.blocks) {
    if (block.kind !== 'paragraph') continue;
    const text = block.text.trim();
    if (/细则|細則|办法|辦法|规定|規定|方案|标准|標準|评分表|評分表|说明|說明/.test(text) && text.length <= 80) return { title: text.replace(/^来源[:：].*$/, '') || regulation.name, quote: text };
  }
  return { title: regulation.name, quote: regulation.name };
}

/** Drafts a ruleset from a regulation's blocks. Pure: the same text gives the same draft. */
export function draftRuleset(regulation: RegulationDocument, id = 'draft'): DraftResult {
  const clauses = clausesOf(regulation.blocks).filter((c) => c.text.trim() !== '' || c.row !== undefined);
  for (const c of clauses) if (c.label === '') c.label = readingOf(c.text).text.split(/[,，。:：;；\s(（]/)[0].slice(0, 16) || '正文';
  const drafter = new Drafter();
  drafter.run(clauses);
  const items = [...drafter.items];
  for (const extra of drafter.extraItems) {
    const group = drafter.groups.find((g) => g.code === extra.group);
    const index = items.findIndex((item) => item.clause.startsWith(group?.clause ?? '\u0000'));
    items.splice(index < 0 ? items.length : index + 1 + items.filter((item) => item.group === extra.group).length, 0, extra);
  }
  items.push(...drafter.partItems);
  if (drafter.items.length === 0 && drafter.extraItems.length === 0 && drafter.partItems.length === 0) drafter.totals.unshift(...drafter.openItems);
  else for (const t of drafter.openItems) drafter.unread.push({ clause: t.clause, quote: t.quote, why: '评分标准见附件，附件未在本文中 / the scoring standard is in an attachment not in this text' });
  const { title, quote } = titleOf(regulation);
  const draft: DraftRuleset = {
    id,
    title,
    version: '草稿',
    effective: '未注明',
    clause: '标题',
    quote,
    note: '由 assess draft 从细则原文起草，须经核对确认 / drafted from the regulation text by assess draft; to be confirmed',
    items,
    groups: drafter.groups,
    totals: drafter.totals,
    grades: drafter.grades,
    levels: drafter.levels,
    thresholds: drafter.thresholds,
  };
  return { draft, unread: drafter.unread, findings: drafter.findings, traditional: drafter.traditional };
}
