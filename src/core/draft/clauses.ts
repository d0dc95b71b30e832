/**
 * Step 1 of drafting: the regulation's own clauses. Paragraphs are grouped under the text's own
 * numbering — 第X章 / 附件N, 第X条, 一、, （一）, 1、/1., （1） — nested in that order, and each
 * clause is named by the numbering as written (第九條(四), 三(一)2, 二、4(1)). A table with a 分值
 * column gives one clause per row, named by its code column; "分值 N" lines after a paragraph
 * (a table flattened to text) make that paragraph a row too.
 */
import type { Block } from './source';
import { readingOf } from './reading';

export interface TableRow {
  /** 分值 of the row. */
  points: number;
  /** The row's item name (条目/项目/指标 …), verbatim. */
  label: string;
  /** Text of the other cells (评分方法 …) the rules are read from, verbatim. */
  method: string;
  /** The cell or paragraph the item's description is quoted from. */
  description: string;
}

export interface Clause {
  /** The text's own numbering, as written: 第九條(四). */
  label: string;
  /** The numbering as a dotted code: 9.4. */
  code: string;
  /** Verbatim text of the clause (its heading paragraph and the paragraphs up to the next heading), paragraphs joined by \n. */
  text: string;
  /** Texts of the enclosing clauses' headings, nearest last (the section a rule is in: 加分原則, 扣分标准 …). */
  context: string[];
  /** Deeper clauses directly inside this one. */
  children: Clause[];
  parent?: Clause;
  row?: TableRow;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十三 → 13, 二十一 → 21, 一百零五 → 105, 12 → 12. */
export function numeralValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '千') {
      total += (current || 1) * 1000;
      current = 0;
    } else current = CN_DIGITS[ch] ?? current;
  }
  return total + current;
}

const CN = '[一二三四五六七八九十百零〇两]+';

/** Heading forms by rank, matched on the paragraph's reading (Simplified, NFKC). */
const HEADINGS: ReadonlyArray<{ rank: number; pattern: RegExp; part: (match: RegExpMatchArray) => string }> = [
  { rank: 0, pattern: new RegExp(`^第(${CN}|\\d+)[章编]`), part: (m) => m[0] },
  { rank: 0, pattern: /^附件\s*([\d一二三四五六七八九十]*)(?=[:：\s]|$)/, part: (m) => m[0] },
  { rank: 1, pattern: new RegExp(`^第(${CN}|\\d+)条`), part: (m) => m[0] },
  { rank: 2, pattern: new RegExp(`^(${CN})[、.．]`), part: (m) => m[1] },
  { rank: 3, pattern: new RegExp(`^\\((${CN})\\)`), part: (m) => `(${m[1]})` },
  { rank: 4, pattern: /^(\d{1,2})(?:[、．]|\.(?!\d))/, part: (m) => m[1] },
  { rank: 5, pattern: /^\((\d{1,2})\)/, part: (m) => `(${m[1]})` },
];

interface Heading {
  rank: number;
  /** The numbering as written in the original (verbatim characters). */
  written: string;
  value: number;
}

/** The heading a paragraph opens with, if any. */
export function headingOf(paragraph: string): Heading | undefined {
  const reading = readingOf(paragraph);
  const lead = reading.text.length - reading.text.trimStart().length;
  const text = reading.text.slice(lead);
  const at = (k: number) => reading.origin[lead + k];
  for (const heading of HEADINGS) {
    const match = text.match(heading.pattern);
    if (!match) continue;
    const part = heading.part(match);
    const written = heading.rank <= 1 ? paragraph.slice(at(0), at(match[0].length)) : heading.rank === 2 ? paragraph.slice(at(0), at(match[1].length)) : part;
    const digits = /\d+/.exec(part)?.[0];
    const numeral = new RegExp(CN).exec(part.replace(/^第|[章编条]$/g, ''))?.[0];
    const value = digits !== undefined ? Number(digits) : numeral !== undefined ? numeralValue(numeral) : 0;
    return { rank: heading.rank, written: written.trim(), value };
  }
  return undefined;
}

/** Joins numbering parts as regulations cite them: 第九條 + (四) → 第九條(四); 三 + (一) + 1 → 三(一)1; 二 + 4 + (1) → 二、4(1). */
function labelOf(stack: ReadonlyArray<Heading>): string {
  const parts = stack.filter((h) => h.rank > 0);
  if (parts.length === 0) return stack.map((h) => h.written).join(' ');
  let label = '';
  parts.forEach((h, i) => {
    if (i > 0 && parts[i - 1].rank === 2 && !h.written.startsWith('(') && !h.written.startsWith('（')) label += '、';
    label += h.written;
  });
  return label;
}

function codeOf(stack: ReadonlyArray<Heading>): string {
  const parts = stack.filter((h) => h.rank > 0);
  return (parts.length > 0 ? parts : stack).map((h) => String(h.value)).join('.');
}

const POINTS_LINE = /^分值\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分?$/;

/** Column roles of a scoring table's header row. */
function tableColumns(header: readonly string[]): { code?: number; label?: number; points?: number; methods: number[]; section?: number } | undefined {
  const read = header.map((cell) => readingOf(cell).text.replace(/\s+/g, ''));
  const find = (pattern: RegExp) => {
    const index = read.findIndex((cell) => pattern.test(cell));
    return index < 0 ? undefined : index;
  };
  const points = find(/^(分值|标准分|分数|满分|权重分|基本分)$/) ?? find(/分值/);
  if (points === undefined) return undefined;
  const code = find(/^(编码|序号|编号|代码)$/);
  const label = find(/^(条目|二级指标|考核项目|考核内容|评选内容|具体内容|指标内容|项目|指标|考核指标)$/);
  const section = find(/^(大项|一级指标|类别|类型)$/);
  const methods: number[] = [];
  read.forEach((cell, i) => {
    if (i !== points && i !== code && i !== label && i !== section && /(评分|扣分|计分|考核|评定|方法|标准|细则|内容|要求|办法)/.test(cell) && !/得分|实得|自评/.test(cell)) methods.push(i);
  });
  return { code, label, points, methods, section };
}

function numberIn(cell: string): number | undefined {
  const text = readingOf(cell).text.trim();
  return /^\d+(?:\.\d+)?分?$/.test(text) ? Number.parseFloat(text) : undefined;
}

/** The clauses of a regulation, in the text's order (a tree flattened depth-first). */
export function clausesOf(blocks: readonly Block[]): Clause[] {
  const clauses: Clause[] = [];
  const stack: Array<{ heading: Heading; clause: Clause }> = [];
  let preamble: Clause | undefined;
  let pending: string[] = [];
  let tableName = '';
  let rowNumber = 0;
  const current = (): Clause => {
    const top = stack[stack.length - 1]?.clause;
    if (top) return top;
    preamble ??= { label: '', code: '0', text: '', context: [], children: [] };
    if (!clauses.includes(preamble)) clauses.push(preamble);
    return preamble;
  };
  const append = (clause: Clause, text: string) => {
    clause.text = clause.text === '' ? text : `${clause.text}\n${text}`;
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      const header = block.rows.findIndex((row) => tableColumns(row) !== undefined);
      const columns = header < 0 ? undefined : tableColumns(block.rows[header]);
      const parent = current();
      const name = tableName || '评分表';
      if (!columns || columns.points === undefined) {
        for (const row of block.rows) append(parent, row.filter((c) => c !== '').join(' '));
        continue;
      }
      let index = 0;
      for (const row of block.rows.slice(header + 1)) {
        const points = numberIn(row[columns.points] ?? '');
        const codeCell = columns.code === undefined ? '' : (row[columns.code] ?? '').trim();
        if (points === undefined) {
          append(parent, row.filter((c) => c !== '').join(' '));
          continue;
        }
        index++;
        const label = columns.label === undefined ? '' : (row[columns.label] ?? '').trim();
        const methodCells = columns.methods.map((i) => (row[i] ?? '').trim()).filter((c) => c !== '');
        const code = /^[\d.]+$/.test(readingOf(codeCell).text) ? readingOf(codeCell).text.replace(/\.$/, '') : String(index);
        const clause: Clause = {
          label: `${name} ${codeCell || index}`,
          code,
          text: methodCells.join('\n'),
          context: [...parent.context, parent.text.split('\n')[0] ?? '', columns.section === undefined ? '' : (row[columns.section] ?? '')],
          children: [],
          parent,
          row: { points, label: label || methodCells[0] || codeCell, method: methodCells.join('\n'), description: methodCells[0] ?? label },
        };
        parent.children.push(clause);
        clauses.push(clause);
      }
      continue;
    }
    const paragraph = block.text;
    const reading = readingOf(paragraph).text.trim();
    const points = POINTS_LINE.exec(reading);
    if (points) {
      // A table flattened to text: the paragraph(s) before "分值 N" are the row.
      const parent = current();
      const description = pending.length > 0 ? pending.join('\n') : '';
      rowNumber++;
      const name = tableName || '分值表';
      const clause: Clause = {
        label: name,
        code: `T${rowNumber}`,
        text: description,
        context: [...parent.context],
        children: [],
        parent,
        row: { points: Number(points[1]), label: description, method: '', description },
      };
      pending = [];
      clauses.push(clause);
      continue;
    }
    const named = /([^\s,，。:：;；]*?(?:分解表|评分表|考核表|细则表|计分表|评分标准表))/.exec(reading);
    if (named && tableName === '') tableName = named[1].replace(/^[\d.、]+/, '');
    const heading = headingOf(paragraph);
    if (!heading) {
      if (pending.length > 0) for (const text of pending) append(current(), text);
      pending = [];
      // A paragraph that may be a flattened row's description waits for its "分值 N" line.
      if (/分值/.test(reading) || (blocks[blocks.indexOf(block) + 1]?.kind === 'paragraph' && POINTS_LINE.test(readingOf((blocks[blocks.indexOf(block) + 1] as { text: string }).text).text.trim()))) pending.push(paragraph);
      else append(current(), paragraph);
      continue;
    }
    for (const text of pending) append(current(), text);
    pending = [];
    while (stack.length > 0 && stack[stack.length - 1].heading.rank >= heading.rank) stack.pop();
    const parent = stack[stack.length - 1]?.clause;
    const headings = [...stack.map((s) => s.heading), heading];
    const clause: Clause = {
      label: labelOf(headings),
      code: codeOf(headings),
      text: paragraph.trim(),
      context: stack.map((s) => s.clause.text.split('\n')[0] ?? ''),
      children: [],
      parent,
    };
    parent?.children.push(clause);
    stack.push({ heading, clause });
    clauses.push(clause);
  }
  for (const text of pending) append(current(), text);
  return clauses;
}
