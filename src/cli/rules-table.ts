/**
 * `assess rules <id>`: a ruleset as aligned tables, one per list it has — items, groups and caps,
 * totals, grade bands, levels, thresholds, checks, tiers — every row with its clause and quote.
 * Columns are aligned in display width (string-width: a CJK character takes two columns); a
 * column no row of a table fills is left out. Chinese output shows clause labels in Simplified
 * script and the quotes verbatim, and says once when those quotes are Traditional.
 */
import type { CompiledItem, CompiledRuleset } from '../core/compile';
import { fromMicros } from '../core/fixed';
import type { TotalSpec } from '../core/format';
import { valueZh } from '../core/table-format';
import { TRADITIONAL_QUOTES_NOTE, isTraditional, simplifiedLabel } from '../core/text';
import { fit, printable, width } from './output';

export type Lang = 'zh' | 'en';

/** A column: its header in each language. The last column of a table (the quote) is never padded or cut. */
interface Column {
  zh: string;
  en: string;
}

/** One row: its cells (one per column, '' when empty) and notes printed on lines of their own below it. */
interface Row {
  cells: string[];
  notes: string[];
}

export interface RulesTable {
  zh: string;
  en: string;
  columns: Column[];
  rows: Row[];
}

const QUOTE: Column = { zh: '原文', en: 'quote' };
const CLAUSE: Column = { zh: '条款', en: 'clause' };

/** Widest a cell is shown (display columns); the quote, last, is shown whole. */
export const RULES_CELL_WIDTH = 60;

/** The joint between two columns. */
export const GAP = '  ';

const num = (micros: number): string => String(fromMicros(micros));

/**
 * A note in the language of the output: the rulesets write their notes in Chinese or in English;
 * an English note (two English words in a row) is shown in English output only, a Chinese one in
 * Chinese output only.
 */
function noteIn(note: string | undefined, lang: Lang): string[] {
  if (note === undefined) return [];
  const english = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/.test(note);
  return english === (lang === 'en') ? [note] : [];
}

function clauseIn(clause: string, lang: Lang): string {
  return lang === 'zh' ? simplifiedLabel(clause) : clause;
}

/** The citation cells (clause, quote) and the note of a record. */
function cited(record: { cite: { clause: string; quote: string; note?: string } }, lang: Lang): { cells: [string, string]; notes: string[] } {
  return { cells: [clauseIn(record.cite.clause, lang), record.cite.quote], notes: noteIn(record.cite.note, lang) };
}

function itemPoints(ruleset: CompiledRuleset, item: CompiledItem): string {
  if (item.parent) return ''; // a counter's points are its step, taken from its parent
  if (ruleset.spec.items[item.index]?.points === undefined && (item.kind === 'count' || item.kind === 'flag')) return ''; // reward only
  if (item.kind === 'judged') return item.max === null ? `≥ ${num(item.min)}` : `${num(item.min)}–${num(item.max)}`;
  // A capped deduction below a threshold has no 分值: its step and cap say it all.
  if (item.rateFrom?.mode === 'below' && item.role === 'deduction') return '';
  return num(item.points);
}

/** Escalating points per occurrence (第一次10分，第二次15分…): the rungs, and 只计一次 when only the rung reached counts. */
function itemLadder(item: CompiledItem, lang: Lang): string {
  if (item.ladder === null) return '';
  const rungs = item.ladder.map(num).join(lang === 'zh' ? '、' : ', ');
  if (lang === 'zh') return `逐次 ${rungs}${item.ladderOnce ? '（只计所到一档）' : '（累加）'}`;
  return `per occurrence ${rungs}${item.ladderOnce ? ' (the rung reached, once)' : ' (added up)'}`;
}

function itemStep(item: CompiledItem, lang: Lang): string {
  if (item.ladder !== null) return itemLadder(item, lang);
  if (item.step === 0) return '';
  if (item.kind === 'rate') {
    const per = String(item.perMicroPct / 1_000_000);
    const step = lang === 'zh' ? `${num(item.step)}/${per}个百分点` : `${num(item.step)} per ${per} pt`;
    // Counted from a threshold rather than from 100% (达到10%起每提高…, 低于95%每低…).
    if (item.rateFrom?.mode === 'above') return lang === 'zh' ? `达到${num(item.rateFrom.threshold)}%起，每提高${step}` : `from ${num(item.rateFrom.threshold)}% up, ${step}`;
    if (item.rateFrom?.mode === 'below') return lang === 'zh' ? `低于${num(item.rateFrom.threshold)}%，每低${step}` : `below ${num(item.rateFrom.threshold)}%, ${step}`;
    return step;
  }
  return num(item.step);
}

function itemDefault(ruleset: CompiledRuleset, item: CompiledItem, lang: Lang): string {
  const value = ruleset.spec.items[item.index]?.default;
  if (value === undefined) return '';
  if (typeof value === 'number') {
    if (item.kind === 'flag' && (value === 0 || value === 1)) return lang === 'zh' ? (value === 1 ? '是' : '否') : value === 1 ? 'yes' : 'no';
    return String(value);
  }
  return lang === 'zh' ? valueZh('default', value) : value;
}

function itemsTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  const zh = lang === 'zh';
  return {
    zh: '条目',
    en: 'items',
    columns: [
      { zh: '编码', en: 'code' },
      { zh: '名称', en: 'label' },
      { zh: '种类', en: 'kind' },
      { zh: '性质', en: 'role' },
      { zh: '分值', en: 'points' },
      { zh: '步长', en: 'step' },
      { zh: '上限', en: 'cap' },
      { zh: '保底', en: 'floor' },
      { zh: '单次', en: 'per incident' },
      { zh: '空白按', en: 'if empty' },
      { zh: '组', en: 'group' },
      { zh: '所属条目', en: 'part of' },
      { zh: '奖励(元)', en: 'reward (yuan)' },
      CLAUSE,
      QUOTE,
    ],
    rows: ruleset.items.map((item) => {
      const { cells, notes } = cited(item, lang);
      const incident = item.incidentMin === null && item.incidentMax === null ? '' : `${item.incidentMin === null ? '' : num(item.incidentMin)}–${item.incidentMax === null ? '' : num(item.incidentMax)}`;
      return {
        cells: [
          item.code,
          zh ? item.label : (item.labelEn ?? item.label),
          zh ? valueZh('kind', item.kind) : item.kind,
          item.parent ? '' : zh ? valueZh('role', item.role) : item.role,
          itemPoints(ruleset, item),
          itemStep(item, lang),
          item.cap === null ? '' : num(item.cap),
          item.kind === 'rank' && item.floor !== 0 ? num(item.floor) : '',
          incident,
          itemDefault(ruleset, item, lang),
          item.group?.code ?? '',
          item.parent?.code ?? '',
          item.reward === null ? '' : num(item.reward),
          ...cells,
        ],
        notes,
      };
    }),
  };
}

function groupsTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  const zh = lang === 'zh';
  return {
    zh: '组与上限',
    en: 'groups and caps',
    columns: [{ zh: '编码', en: 'code' }, { zh: '名称', en: 'label' }, { zh: '上限', en: 'cap' }, { zh: '规则', en: 'rule' }, CLAUSE, QUOTE],
    rows: ruleset.groups.map((group) => {
      const { cells, notes } = cited(group, lang);
      const rules = [
        ...(group.once ? [zh ? '一次性：组内任一项发生，只按最高一项计一次' : 'once: any member applies the highest member once in all'] : []),
        ...(group.sameMatter ? [zh ? '同一事项就高不就低' : 'one matter counts once, at its highest'] : []),
        ...(group.mean ? [zh ? `取${group.members.length}项平均` : `the mean of its ${group.members.length} items`] : []),
        ...(group.share !== null ? [zh ? `按${num(group.share * 100)}%计入` : `counted at ${num(group.share * 100)}%`] : []),
      ];
      return { cells: [group.code, group.label === group.code ? '' : group.label, group.cap === null ? '' : num(group.cap), rules.join(zh ? '；' : '; '), ...cells], notes };
    }),
  };
}

/** Names of the totals a ruleset may carry, for a total without a label and for English output. */
const TOTAL_NAMES: Record<TotalSpec['code'], { zh: string; en: string }> = {
  bonusCap: { zh: '加分上限', en: 'bonus cap' },
  deductionCap: { zh: '扣分上限', en: 'deduction cap' },
  deductionWithinBonus: { zh: '扣分不超过加分', en: 'deductions at most the bonus' },
  scoreMin: { zh: '最低分', en: 'lowest score' },
  scoreMax: { zh: '最高分', en: 'highest score' },
  openItems: { zh: '各列为项目得分', en: 'each column is an item' },
  levelScope: { zh: '等级评定范围', en: 'levels decided within' },
  downgrade: { zh: '降低一个等级', en: 'one level lower' },
  pendingLabel: { zh: '同分跨名额线', en: 'ties across the quota line' },
  scoreFormula: { zh: '总分计算公式', en: 'score formula' },
};

function totalValue(total: TotalSpec, lang: Lang): string {
  const zh = lang === 'zh';
  const value = total.value ?? true;
  if (typeof value === 'boolean') return zh ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (total.code === 'levelScope') return value === 'tier' ? (zh ? '每个圈层' : 'each tier') : zh ? '全部单位' : 'all units';
  if (total.code === 'downgrade') return zh ? '通报批评或曝光的单位' : 'units criticized or exposed';
  return value;
}

function totalsTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  return {
    zh: '总分规则',
    en: 'totals',
    columns: [{ zh: '名称', en: 'rule' }, { zh: '值', en: 'value' }, CLAUSE, QUOTE],
    rows: ruleset.spec.totals.map((total) => {
      // Two totals with one label (百分制: scoreMin and scoreMax) are told apart by what each is.
      const shared = ruleset.spec.totals.some((other) => other !== total && other.label !== undefined && other.label === total.label);
      const name = lang === 'en' ? TOTAL_NAMES[total.code].en : total.label === undefined ? TOTAL_NAMES[total.code].zh : shared ? `${TOTAL_NAMES[total.code].zh}（${total.label}）` : total.label;
      return { cells: [name, totalValue(total, lang), clauseIn(total.clause, lang), total.quote], notes: noteIn(total.note, lang) };
    }),
  };
}

function gradesTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  // Bands from the highest: each runs from its min up to, not including, the next higher band's min.
  const sorted = ruleset.grades.slice().sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  const word = lang === 'zh' ? '得分' : 'score';
  return {
    zh: '等次',
    en: 'grades',
    columns: [{ zh: '等次', en: 'grade' }, { zh: '分数段', en: 'band' }, CLAUSE, QUOTE],
    rows: sorted.map((grade, i) => {
      const above = i === 0 ? null : sorted[i - 1].min;
      const band = grade.min === null ? (above === null ? '' : `${word} < ${num(above)}`) : above === null ? `${word} ≥ ${num(grade.min)}` : `${num(grade.min)} ≤ ${word} < ${num(above)}`;
      const { cells, notes } = cited(grade, lang);
      return { cells: [lang === 'zh' ? grade.spec.label : (grade.spec.labelEn ?? grade.spec.label), band, ...cells], notes };
    }),
  };
}

function levelsTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  const zh = lang === 'zh';
  const perTier = ruleset.levelScope === 'tier';
  return {
    zh: '等级',
    en: 'levels',
    columns: [{ zh: '等级', en: 'level' }, { zh: '评定', en: 'given to' }, { zh: '等级加分', en: 'points' }, CLAUSE, QUOTE],
    rows: ruleset.levels.map((level) => {
      const ways: string[] = [];
      if (level.quota !== undefined) {
        const percent = Number((level.quota * 100).toFixed(4));
        ways.push(zh ? `${perTier ? '每个圈层' : ''}名额 ${percent}%（按得分从高到低，向下取整）` : `at most ${percent}% of the units${perTier ? ' of each tier' : ''}, by score from the top (rounded down)`);
      }
      if (level.from !== undefined) ways.push(zh ? `第 ${level.from}–${level.to ?? level.from} 名` : `ranks ${level.from}–${level.to ?? level.from}`);
      return {
        cells: [zh ? level.label : (level.labelEn ?? level.label), ways.join(zh ? '；' : '; '), level.points === undefined ? '' : `+${level.points}`, clauseIn(level.clause, lang), level.quote],
        notes: noteIn(level.note, lang),
      };
    }),
  };
}

const MEASURE = { score: { zh: '得分', en: 'score' }, bonus: { zh: '加分', en: 'bonus' }, deduction: { zh: '扣分', en: 'deductions' } } as const;

function thresholdsTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  const zh = lang === 'zh';
  return {
    zh: '阈值',
    en: 'thresholds',
    columns: [{ zh: '结果', en: 'consequence' }, { zh: '条件', en: 'when' }, CLAUSE, QUOTE],
    rows: ruleset.thresholds.map((threshold) => {
      const { cells, notes } = cited(threshold, lang);
      const label = zh ? threshold.spec.label : (threshold.spec.labelEn ?? threshold.spec.label);
      return { cells: [label, `${MEASURE[threshold.spec.code][lang]} ≥ ${num(threshold.min)}`, ...cells], notes };
    }),
  };
}

function checksTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  return {
    zh: '校验',
    en: 'checks',
    columns: [{ zh: '名称', en: 'check' }, { zh: '条件', en: 'rule' }, CLAUSE, QUOTE],
    rows: ruleset.checks.map((check) => {
      const { cells, notes } = cited(check, lang);
      return { cells: [check.label, `${check.items.map((item) => item.code).join(' + ')} ≤ ${num(check.max)}`, ...cells], notes };
    }),
  };
}

function tiersTable(ruleset: CompiledRuleset, lang: Lang): RulesTable {
  return {
    zh: '圈层',
    en: 'tiers',
    columns: [{ zh: '圈层', en: 'tier' }, { zh: '单位', en: 'units' }, CLAUSE, QUOTE],
    rows: ruleset.tiers.map((tier) => ({
      cells: [
        tier.label,
        ruleset.spec.units.filter((unit) => unit.tier === tier.code).map((unit) => unit.label).join(lang === 'zh' ? '、' : ', '),
        clauseIn(tier.clause, lang),
        tier.quote,
      ],
      notes: [],
    })),
  };
}

/** Every list of the ruleset as a table; lists the ruleset does not have are left out (items always shown). */
export function rulesetTables(ruleset: CompiledRuleset, lang: Lang): RulesTable[] {
  return [
    itemsTable(ruleset, lang),
    groupsTable(ruleset, lang),
    totalsTable(ruleset, lang),
    gradesTable(ruleset, lang),
    levelsTable(ruleset, lang),
    thresholdsTable(ruleset, lang),
    checksTable(ruleset, lang),
    tiersTable(ruleset, lang),
  ].filter((table, i) => i === 0 || table.rows.length > 0);
}

/**
 * A table's lines: a header row, then a line per row (and its notes, indented, below it). Every
 * column but the last is padded to its widest cell in display width (cells capped at RULES_CELL_WIDTH);
 * a column no row fills is left out.
 */
export function tableText(table: RulesTable, lang: Lang): string[] {
  const keep = table.columns.map((_, c) => c === 0 || table.rows.some((row) => row.cells[c] !== ''));
  const columns = table.columns.filter((_, c) => keep[c]);
  const last = columns.length - 1;
  const rows = table.rows.map((row) => ({
    cells: row.cells.filter((_, c) => keep[c]).map((cell, c) => (c === last ? printable(cell) : fit(cell, RULES_CELL_WIDTH))),
    notes: row.notes,
  }));
  const head = columns.map((column) => column[lang]);
  const widths = head.map((text, c) => Math.max(width(text), ...rows.map((row) => width(row.cells[c]))));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === last ? cell : cell + ' '.repeat(widths[c] - width(cell)))).join(GAP).trimEnd();
  const lines = [line(head)];
  const noteWord = lang === 'zh' ? '说明：' : 'note: ';
  for (const row of rows) {
    lines.push(line(row.cells));
    for (const note of row.notes) lines.push(`${' '.repeat(widths[0])}${GAP}${noteWord}${printable(note)}`);
  }
  return lines;
}

/** The whole `rules <id>` output, line by line: the ruleset's header, then each table under its title. */
export function rulesLines(ruleset: CompiledRuleset, lang: Lang): string[] {
  const spec = ruleset.spec;
  const zh = lang === 'zh';
  const lines = zh
    ? [spec.title, `编号 ${ruleset.id}　版本 ${spec.version}　生效日期 ${spec.effective}　依据 ${simplifiedLabel(spec.clause)}：${spec.quote}`]
    : [spec.titleEn ? `${spec.titleEn} (${spec.title})` : spec.title, `id ${ruleset.id} · version ${spec.version} · effective ${spec.effective} · source ${spec.clause}: ${spec.quote}`];
  for (const note of noteIn(spec.note, lang)) lines.push(`${zh ? '说明：' : 'note: '}${note}`);
  if (zh && quotesOf(ruleset).some(isTraditional)) lines.push(`注：${TRADITIONAL_QUOTES_NOTE.zh}。`);
  for (const table of rulesetTables(ruleset, lang)) {
    lines.push('', zh ? `${table.zh}（${table.rows.length}）` : `${table.en} (${table.rows.length})`);
    if (table.rows.length === 0) lines.push(zh ? '无' : 'none');
    else lines.push(...tableText(table, lang));
  }
  return lines.map((text) => printable(text));
}

/** Every quote the ruleset shows. */
export function quotesOf(ruleset: CompiledRuleset): string[] {
  const spec = ruleset.spec;
  const records: ReadonlyArray<{ quote: string }> = [...spec.items, ...spec.groups, ...spec.totals, ...spec.grades, ...spec.levels, ...spec.thresholds, ...spec.checks, ...spec.tiers];
  return [spec.quote, ...records.map((record) => record.quote)];
}

/** `rules` without an id: the built-in rulesets as a table. */
export function rulesetListLines(rulesets: readonly CompiledRuleset[], lang: Lang): string[] {
  const zh = lang === 'zh';
  return tableText(
    {
      zh: '规则集',
      en: 'rulesets',
      columns: [{ zh: '编号', en: 'id' }, { zh: '版本', en: 'version' }, { zh: '生效日期', en: 'effective' }, { zh: '名称', en: 'title' }],
      rows: rulesets.map((r) => ({ cells: [r.id, r.spec.version, r.spec.effective, zh ? r.spec.title : (r.spec.titleEn ?? r.spec.title)], notes: [] })),
    },
    lang,
  );
}
