/**
 * The pane's 从细则起草 (issue 21.5), host-free: a regulation's text (pasted, or the blocks of a
 * .docx read by draft-docx.ts) drafted with src/core/draft, and what the pane writes from it —
 *  - a new ruleset sheet 规则集（草稿）: the ruleset table the pane's 校验规则表 and `--rules` read
 *    (src/core/table-format.ts), its columns ordered so that each record's 条款 and 原文 stand
 *    beside it (类型 编码 名称 条款 原文, then the other fields, 说明 last);
 *  - the records the drafter chose a reading for, marked as findings are (a fill across the row
 *    and a note on its 类型 cell with the reading, kept in the marks record so 清除标记 removes
 *    them once confirmed);
 *  - a sheet 未识别（草稿） of the sentences that state points, money, a share or a rank and were
 *    not drafted, with why (and the OCR slips read with a finding);
 *  - the clause-by-clause list the pane shows: the text's clause and quote beside the records it
 *    became, 需确认 where a reading was chosen.
 * Then writes them on a host in a fixed number of host calls (two sheets, one marks batch, one
 * selection), whatever the draft's size.
 */
import type { Cell } from '../core';
import { type Block, type DraftResult, UNREAD_HEADER, blocksFromText, clausesOf, draftIdOf, draftRuleset, draftTable, unreadRows } from '../core/draft';
import { AssessError } from '../core/errors';
import { valueZh } from '../core/table-format';
import { columnLetters, quoteSheet } from '../excel/addresses';
import type { CellMark, Host, PlanValue, SheetPlan } from '../host/host';
import { COMMENT_TAG } from './actions';

export const DRAFT_RULES_SHEET = '规则集（草稿）';
export const DRAFT_UNREAD_SHEET = '未识别（草稿）';
/** The fill of a record to confirm (the CLI's --out marks them yellow too). */
export const DRAFT_FILL = '#FFEB9C';

/** A draft with the blocks it was made from (their clauses order the pane's list). */
export interface PaneDraft {
  name: string;
  blocks: Block[];
  result: DraftResult;
}

const NOTHING = (name: string) =>
  new AssessError({ kind: 'layout', zh: `${name}：没有可起草的内容（正文为空）`, en: `${name}: nothing to draft (the text is empty)` });

/** Drafts blocks (a .docx's, or a text's): an error naming `name` when there is nothing in them. */
export function draftFromBlocks(blocks: Block[], name: string, id = draftIdOf(name)): PaneDraft {
  if (blocks.length === 0) throw NOTHING(name);
  return { name, blocks, result: draftRuleset({ name, blocks }, id) };
}

/** Drafts pasted text (one paragraph per line, Markdown tables read as tables). */
export function draftFromText(text: string, name: string): PaneDraft {
  return draftFromBlocks(blocksFromText(text), name, 'draft');
}

/** Text of a .txt/.md as offices save them: UTF-8 (a BOM dropped), else GB18030 (which reads GBK), as the CLI reads them. */
export function regulationText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

type Confirmable = { confirm?: true; note?: string; clause: string; quote: string };

/** The draft's record lists in the order rulesetToTable writes them (RECORD_LIST_KEY), with their 类型. */
function recordLists(result: DraftResult): Array<{ type: RecordType; list: readonly Confirmable[] }> {
  const { draft } = result;
  return [
    { type: 'item', list: draft.items },
    { type: 'group', list: draft.groups },
    { type: 'total', list: draft.totals },
    { type: 'grade', list: draft.grades },
    { type: 'level', list: draft.levels },
    { type: 'threshold', list: draft.thresholds },
  ];
}

type RecordType = 'item' | 'group' | 'total' | 'grade' | 'level' | 'threshold';

/** The columns that stand first: the record, then where in the text it comes from. */
const LEAD = ['类型', '编码', '名称', '条款', '原文'];

export interface DraftSheets {
  /** The ruleset sheet; `range` is its table (A1:…). */
  rules: { plan: SheetPlan; range: string; rows: number };
  unread: SheetPlan;
  /** 0-based table rows (header = 0) of the records to confirm, with their clause and note. */
  confirm: Array<{ row: number; clause: string; note: string }>;
  /** The marks of the records to confirm on the sheet the ruleset was written to. */
  confirmMarks(sheet: string): CellMark[];
}

/** The two new sheets and the confirm marks of a draft. */
export function draftSheets(draft: PaneDraft): DraftSheets {
  const { result } = draft;
  const { table, confirm } = draftTable(result);
  const header = (table[0] ?? []).map((cell) => String(cell ?? ''));
  const order = [...LEAD.map((name) => header.indexOf(name)).filter((i) => i >= 0), ...header.map((_, i) => i).filter((i) => !LEAD.includes(header[i]))];
  const cell = (value: Cell | undefined): PlanValue => (value === null || value === undefined ? '' : value);
  const values: PlanValue[][] = table.map((row) => order.map((i) => cell(row[i])));
  const width = header.length;
  const range = `A1:${columnLetters(width - 1)}${values.length}`;
  const widths = order.map((i, column) => ({ column, width: header[i] === '原文' ? 48 : header[i] === '说明' ? 40 : header[i] === '名称' ? 24 : header[i] === '条款' ? 12 : 9 }));
  const rules: SheetPlan = {
    name: DRAFT_RULES_SHEET,
    blocks: [
      { at: 'A1', values: values.slice(0, 1), bold: true },
      { at: 'A2', values: values.slice(1) },
    ],
    columnWidths: widths,
    freezeRows: 1,
  };
  const notDrafted: PlanValue[][] = unreadRows(result);
  const unread: SheetPlan = {
    name: DRAFT_UNREAD_SHEET,
    blocks: [
      { at: 'A1', values: [[...UNREAD_HEADER]], bold: true },
      ...(notDrafted.length > 0 ? [{ at: 'A2', values: notDrafted }] : []),
    ],
    columnWidths: [
      { column: 0, width: 14 },
      { column: 1, width: 60 },
      { column: 2, width: 60 },
    ],
    freezeRows: 1,
    activate: false,
  };
  const confirmMarks = (sheet: string): CellMark[] =>
    confirm.flatMap(({ row: r, clause, note }) =>
      Array.from({ length: width }, (_, c) => ({
        sheet,
        cell: `${columnLetters(c)}${r + 1}`,
        fill: DRAFT_FILL,
        note: c === 0 ? `${COMMENT_TAG}待确认（${clause}）：${note}` : null,
      })),
    );
  return { rules: { plan: rules, range, rows: values.length }, unread, confirm, confirmMarks };
}

// ---------------------------------------------------------------------------------------------
// The clause-by-clause list

export interface DraftRecordLine {
  type: RecordType;
  code: string;
  zh: string;
  en: string;
  confirm: boolean;
  note: string;
}

export interface DraftEntry {
  clause: string;
  /** The verbatim text the first record (or unread sentence) of the clause quotes. */
  quote: string;
  records: DraftRecordLine[];
  unread: Array<{ quote: string; why: string }>;
}

const TYPE_WORDS: Record<RecordType, [string, string]> = {
  item: ['条目', 'item'],
  group: ['组', 'group'],
  total: ['总计', 'total'],
  grade: ['等次', 'grade'],
  level: ['等级', 'level'],
  threshold: ['阈值', 'threshold'],
};

const ROLE_EN: Record<string, string> = { bonus: 'bonus', deduction: 'deduction', score: 'score' };
const KIND_EN: Record<string, string> = { flag: 'yes/no', count: 'count', judged: 'judged', deduct: 'deduction from points', rank: 'rank', rate: 'rate' };

type Loose = Record<string, unknown>;
const num = (record: Loose, key: string): number | undefined => (typeof record[key] === 'number' ? (record[key] as number) : undefined);

/** What a record says, in a few words: 条目 3.1.7：计数，每次 5 分. */
function summaryOf(type: RecordType, record: Loose): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  const points = num(record, 'points');
  const step = num(record, 'step');
  const cap = num(record, 'cap');
  if (type === 'item') {
    const kind = String(record.kind ?? '');
    zh.push(valueZh('kind', kind));
    en.push(KIND_EN[kind] ?? kind);
    if (typeof record.role === 'string') {
      zh.push(valueZh('role', record.role));
      en.push(ROLE_EN[record.role] ?? record.role);
    }
    const low = num(record, 'incidentMin');
    const high = num(record, 'incidentMax');
    if (kind === 'count' && points !== undefined) (zh.push(`每次 ${points} 分`), en.push(`${points} each`));
    else if (points !== undefined) (zh.push(`${points} 分`), en.push(`${points} points`));
    if (low !== undefined && high !== undefined) (zh.push(`每起 ${low}–${high} 分`), en.push(`${low}–${high} per incident`));
    else if (kind === 'judged' && num(record, 'max') !== undefined) (zh.push(`${num(record, 'min') ?? 0}–${num(record, 'max')} 分`), en.push(`${num(record, 'min') ?? 0}–${num(record, 'max')} points`));
    if (step !== undefined) (zh.push(`步长 ${step}`), en.push(`step ${step}`));
    if (cap !== undefined) (zh.push(`上限 ${cap} 分`), en.push(`cap ${cap}`));
    const reward = num(record, 'reward');
    if (reward !== undefined) (zh.push(`奖励 ${reward} 元`), en.push(`reward ${reward} yuan`));
    if (typeof record.group === 'string') (zh.push(`组 ${record.group}`), en.push(`group ${record.group}`));
    if (typeof record.parent === 'string') (zh.push(`属 ${record.parent}`), en.push(`under ${record.parent}`));
  } else if (type === 'group') {
    if (cap !== undefined) (zh.push(`合计上限 ${cap} 分`), en.push(`cap ${cap} together`));
    if (record.once === true) (zh.push('一次性'), en.push('once'));
    if (record.sameMatter === true) (zh.push('同一事项就高'), en.push('same matter: the higher'));
    if (record.mean === true) (zh.push('取平均'), en.push('mean'));
    const share = num(record, 'share');
    if (share !== undefined) (zh.push(`占比 ${Math.round(share * 1_000_000) / 10_000}%`), en.push(`share ${Math.round(share * 1_000_000) / 10_000}%`));
  } else if (type === 'grade') {
    const min = num(record, 'min');
    zh.push(`${String(record.label ?? '')}${min === undefined ? '' : `：${min} 分以上`}`);
    en.push(`${String(record.label ?? '')}${min === undefined ? '' : `: ${min} and above`}`);
  } else if (type === 'level') {
    const quota = num(record, 'quota');
    const from = num(record, 'from');
    const to = num(record, 'to');
    zh.push(`${String(record.label ?? '')}${quota !== undefined ? `：比例 ${quota}` : from !== undefined ? `：第 ${from}–${to ?? from} 名` : ''}`);
    en.push(`${String(record.label ?? '')}${quota !== undefined ? `: share ${quota}` : from !== undefined ? `: places ${from}–${to ?? from}` : ''}`);
  } else {
    const label = String(record.label ?? '');
    const value = record.value === undefined ? '' : ` = ${String(record.value)}`;
    zh.push(`${label}${value}`);
    en.push(`${label}${value}`);
  }
  const code = typeof record.code === 'string' ? ` ${record.code}` : '';
  const [typeZh, typeEn] = TYPE_WORDS[type];
  return { zh: `${typeZh}${code}：${zh.filter((s) => s !== '').join('，')}`, en: `${typeEn}${code}: ${en.filter((s) => s !== '').join(', ')}` };
}

/** The clause-by-clause list: each clause of the text that became a record or was not read, in the text's order. */
export function draftEntries(draft: PaneDraft): DraftEntry[] {
  const order = new Map<string, number>();
  clausesOf(draft.blocks).forEach((clause, i) => {
    if (!order.has(clause.label)) order.set(clause.label, i);
  });
  const entries = new Map<string, DraftEntry>();
  const entry = (clause: string, quote: string): DraftEntry => {
    let found = entries.get(clause);
    if (!found) {
      found = { clause, quote, records: [], unread: [] };
      entries.set(clause, found);
    }
    return found;
  };
  for (const { type, list } of recordLists(draft.result))
    for (const record of list) {
      const loose = record as unknown as Loose;
      entry(record.clause, record.quote).records.push({ type, code: typeof loose.code === 'string' ? loose.code : '', ...summaryOf(type, loose), confirm: record.confirm === true, note: record.note ?? '' });
    }
  for (const u of draft.result.unread) entry(u.clause, u.quote).unread.push({ quote: u.quote, why: u.why });
  const rank = (clause: string) => order.get(clause) ?? order.get(clause.split(/[,;] /)[0]) ?? Number.MAX_SAFE_INTEGER;
  return [...entries.values()].map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.clause) - rank(b.e.clause) || a.i - b.i).map(({ e }) => e);
}

// ---------------------------------------------------------------------------------------------
// Writing it

export interface DraftWritten {
  sheet: string;
  /** The ruleset table with its sheet ("'规则集（草稿）'!A1:N6"), selected for 校验规则表. */
  address: string;
  unreadSheet: string;
  confirm: number;
  unread: number;
  notesFailed?: string;
}

/**
 * Writes the draft: the ruleset sheet, the unread sheet (not activated), the confirm marks, then
 * selects the ruleset table — four host calls, each one batch, whatever the draft holds. Never over
 * an existing sheet: the host picks a free name (规则集（草稿） (2) …).
 */
export async function writeDraft(host: Host, draft: PaneDraft): Promise<DraftWritten> {
  const made = draftSheets(draft);
  const { sheet } = await host.writeSheet(made.rules.plan);
  const { sheet: unreadSheet } = await host.writeSheet(made.unread);
  const marks = made.confirmMarks(sheet);
  const marked = marks.length > 0 ? await host.markCells(marks) : { marked: 0, noted: 0 };
  await host.goTo(sheet, made.rules.range);
  return {
    sheet,
    address: `${quoteSheet(sheet)}!${made.rules.range}`,
    unreadSheet,
    confirm: made.confirm.length,
    unread: draft.result.unread.length + draft.result.findings.length,
    ...(marked.notesFailed === undefined ? {} : { notesFailed: marked.notesFailed }),
  };
}
