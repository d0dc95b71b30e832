/**
 * The ruleset format as a sheet table: one header row naming fields (Chinese or English), then
 * one row per record, its `类型/type` cell saying which list the record belongs to (a `规则集`
 * row carries the header fields). The rows become exactly the JSON object of format.ts and go
 * through the same schema, so a table and a JSON file are one format written two ways.
 */
import { type Cell, cellText, isEmptyCell } from './cells';
import { type CompiledRuleset, RulesetInvalid, compileRuleset } from './compile';
import { AssessError } from './errors';
import { RECORD_LIST_KEY, type RecordType, type RulesetSpec, type SchemaProblem, validateRulesetShape } from './format';
import { normalizeKey } from './text';

type FieldType = 'text' | 'number' | 'boolean' | 'default' | 'value' | 'date' | 'share';

/** Column fields in the order a written table shows them, with their Chinese header. */
export const TABLE_FIELDS: ReadonlyArray<{ field: string; zh: string; type: FieldType }> = [
  { field: 'type', zh: '类型', type: 'text' },
  { field: 'code', zh: '编码', type: 'text' },
  { field: 'label', zh: '名称', type: 'text' },
  { field: 'kind', zh: '种类', type: 'text' },
  { field: 'role', zh: '性质', type: 'text' },
  { field: 'points', zh: '分值', type: 'number' },
  { field: 'step', zh: '步长', type: 'number' },
  { field: 'per', zh: '每档百分点', type: 'number' },
  { field: 'above', zh: '达到比率', type: 'number' },
  { field: 'below', zh: '低于比率', type: 'number' },
  { field: 'ladder', zh: '逐次分值', type: 'text' },
  { field: 'ladderOnce', zh: '逐次只计一次', type: 'boolean' },
  { field: 'cap', zh: '上限', type: 'number' },
  { field: 'min', zh: '最小值', type: 'number' },
  { field: 'max', zh: '最大值', type: 'number' },
  { field: 'floor', zh: '保底', type: 'number' },
  { field: 'default', zh: '空白按', type: 'default' },
  { field: 'group', zh: '组', type: 'text' },
  { field: 'parent', zh: '所属条目', type: 'text' },
  { field: 'reward', zh: '奖励', type: 'number' },
  { field: 'once', zh: '一次性', type: 'boolean' },
  { field: 'sameMatter', zh: '同一事项就高', type: 'boolean' },
  { field: 'mean', zh: '取平均', type: 'boolean' },
  { field: 'share', zh: '占比', type: 'share' },
  { field: 'value', zh: '值', type: 'value' },
  { field: 'quota', zh: '比例', type: 'number' },
  { field: 'from', zh: '起始名次', type: 'number' },
  { field: 'to', zh: '截止名次', type: 'number' },
  { field: 'items', zh: '条目', type: 'text' },
  { field: 'tier', zh: '所属圈层', type: 'text' },
  { field: 'aliases', zh: '别名', type: 'text' },
  { field: 'volume', zh: '办件量列', type: 'text' },
  { field: 'volumeLabel', zh: '办件量列名称', type: 'text' },
  { field: 'incidentMin', zh: '单次下限', type: 'number' },
  { field: 'incidentMax', zh: '单次上限', type: 'number' },
  { field: 'oneEntry', zh: '只录一次', type: 'boolean' },
  { field: 'labelEn', zh: '英文名称', type: 'text' },
  { field: 'version', zh: '版本', type: 'text' },
  { field: 'effective', zh: '生效日期', type: 'date' },
  { field: 'clause', zh: '条款', type: 'text' },
  { field: 'quote', zh: '原文', type: 'text' },
  { field: 'confirm', zh: '确认', type: 'boolean' },
  { field: 'note', zh: '说明', type: 'text' },
];

const RECORD_TYPE_NAMES: Record<RecordType | 'ruleset', string[]> = {
  ruleset: ['ruleset', '规则集'],
  item: ['item', '条目'],
  group: ['group', '组'],
  total: ['total', '总计', '总分规则'],
  grade: ['grade', '等次'],
  level: ['level', '等级'],
  threshold: ['threshold', '阈值'],
  check: ['check', '校验'],
  tier: ['tier', '圈层'],
  unit: ['unit', '单位'],
};
const ZH_TYPE: Record<RecordType | 'ruleset', string> = {
  ruleset: '规则集', item: '条目', group: '组', total: '总计', grade: '等次', level: '等级', threshold: '阈值', check: '校验', tier: '圈层', unit: '单位',
};

/** Chinese words for the enumerated values (kind, role, default); English words are accepted too. */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  kind: { 是否: 'flag', 计数: 'count', 评分: 'judged', 扣减: 'deduct', 排名: 'rank', 比率: 'rate' },
  role: { 得分: 'score', 加分: 'bonus', 扣分: 'deduction' },
  default: { 满分: 'full', 未评分: 'unscored' },
};
const VALUE_ZH: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(VALUE_WORDS).map(([field, words]) => [field, Object.fromEntries(Object.entries(words).map(([zh, en]) => [en, zh]))]),
);

/**
 * The Chinese word a ruleset table uses for an enumerated value: kind (count → 计数), role
 * (deduction → 扣分) or blank reading (full → 满分); the value itself when it has none. Chinese
 * output shows these words, never the English codes.
 */
export function valueZh(field: 'kind' | 'role' | 'default', value: string): string {
  return VALUE_ZH[field][value] ?? value;
}

const fieldIndex = new Map<string, (typeof TABLE_FIELDS)[number]>();
for (const entry of TABLE_FIELDS) {
  fieldIndex.set(normalizeKey(entry.field), entry);
  fieldIndex.set(normalizeKey(entry.zh), entry);
  fieldIndex.set(normalizeKey(`${entry.zh} ${entry.field}`), entry);
}
const typeIndex = new Map<string, RecordType | 'ruleset'>();
for (const [type, names] of Object.entries(RECORD_TYPE_NAMES) as Array<[RecordType | 'ruleset', string[]]>) {
  for (const name of names) typeIndex.set(normalizeKey(name), type);
}

/** The ruleset header fields a 规则集 row maps: code → id, label → title, labelEn → titleEn. */
const RULESET_FIELD: Record<string, string> = { code: 'id', label: 'title', labelEn: 'titleEn' };
const RULESET_FIELD_BACK: Record<string, string> = { id: 'code', title: 'label', titleEn: 'labelEn' };

function address(row: number, header: string): string {
  return `第${row + 1}行「${header}」列`;
}

const TRUE_TEXT = new Set(['true', '是', '√', '1', 'yes']);
const FALSE_TEXT = new Set(['false', '否', '×', '0', 'no']);

/** The code an enumerated word stands for (an own entry only: `constructor` is no word of ours). */
function valueWord(field: string, text: string): string | undefined {
  const words = Object.hasOwn(VALUE_WORDS, field) ? VALUE_WORDS[field] : undefined;
  return words && Object.hasOwn(words, text) ? words[text] : undefined;
}

function readField(type: FieldType, field: string, cell: Cell): unknown {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') {
    if (type === 'boolean') return cell === 1 ? true : cell === 0 ? false : cell;
    // Excel stores a typed 1 or 2024 as a number; in a text column it is text, in a date
    // column it is a date serial (days since 1899-12-30).
    if (type === 'date' && Number.isInteger(cell) && cell >= 1 && cell <= 2_958_465) return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
    return type === 'text' || type === 'date' ? String(cell) : cell;
  }
  // Text keeps its own characters (full-width punctuation in labels and quotes is meaningful);
  // only numbers and enum words are read through NFKC.
  const raw = (cell ?? '').trim();
  const text = cellText(cell);
  const lower = text.toLowerCase();
  const numeric = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined;
  switch (type) {
    case 'number':
      return numeric ?? raw;
    case 'share':
      return numeric ?? percentText(text) ?? raw;
    case 'boolean':
      return TRUE_TEXT.has(lower) ? true : FALSE_TEXT.has(lower) ? false : raw;
    case 'default':
      return numeric ?? valueWord('default', text) ?? raw;
    case 'value':
      return numeric ?? (TRUE_TEXT.has(lower) && lower !== '1' ? true : FALSE_TEXT.has(lower) && lower !== '0' ? false : raw);
    default:
      return valueWord(field, text) ?? raw;
  }
}

/**
 * A share written as a percentage (40%, 33.3%) → the exact decimal (0.4, 0.333): the digits are
 * shifted, never divided in binary (33.3 / 100 is 0.33299999999999996).
 */
function percentText(text: string): number | undefined {
  const m = /^(\d+)(?:\.(\d+))?\s*[%％]$/.exec(text);
  if (!m) return undefined;
  const digits = (m[1].padStart(3, '0') + (m[2] ?? '')).replace(/^0+(?=\d{3})/, '');
  const whole = digits.slice(0, digits.length - 2 - (m[2] ?? '').length);
  const fraction = digits.slice(whole.length);
  return Number(`${whole || '0'}.${fraction}`);
}

/** Reads a ruleset table (what a sheet range gives) into the ruleset object, then validates it. */
export function rulesetFromTable(table: Cell[][]): RulesetSpec {
  return readRulesetTable(table).spec;
}

/** The spec, and a way to turn a problem's path (items.3.group) into the cell it came from. */
function readRulesetTable(table: Cell[][]): { spec: RulesetSpec; locate: (problem: SchemaProblem) => SchemaProblem } {
  const headerRow = table.findIndex((row) => row.some((cell) => !isEmptyCell(cell)));
  if (headerRow < 0) throw tableError([{ path: '', message: '规则表是空的 / the ruleset table is empty' }]);
  const header = table[headerRow];
  const columns = header.map((cell) => {
    if (isEmptyCell(cell)) return undefined;
    const text = cellText(cell);
    const entry = fieldIndex.get(normalizeKey(text)) ?? text.split(/\s+/).map((part) => fieldIndex.get(normalizeKey(part))).find((e) => e);
    return { text, entry };
  });
  const problems: SchemaProblem[] = [];
  columns.forEach((column, c) => {
    if (column && !column.entry) problems.push({ path: `第${headerRow + 1}行第${c + 1}列`, message: `未知的列「${column.text}」/ unknown column "${column.text}"` });
  });
  const typeColumn = columns.findIndex((column) => column?.entry?.field === 'type');
  if (typeColumn < 0) problems.push({ path: `第${headerRow + 1}行`, message: '缺少「类型」列 / no "type" column' });
  if (problems.length > 0) throw tableError(problems);

  const spec: Record<string, unknown> = {};
  const lists: Record<string, Array<Record<string, unknown>>> = {};
  /** list key + index → table row, and field → header text, for mapping schema paths to cells. */
  const origin = new Map<string, number>();
  let rulesetRow = -1;
  for (let r = headerRow + 1; r < table.length; r++) {
    const row = table[r];
    if (row.every(isEmptyCell)) continue;
    const typeText = cellText(row[typeColumn]);
    const type = typeIndex.get(normalizeKey(typeText));
    if (!type) {
      problems.push({ path: address(r, columns[typeColumn]?.text ?? '类型'), message: `未知的类型「${typeText}」，应为 ${Object.values(ZH_TYPE).join('、')} / unknown type "${typeText}"` });
      continue;
    }
    const record: Record<string, unknown> = {};
    row.forEach((cell, c) => {
      const column = columns[c];
      if (!column?.entry || c === typeColumn || isEmptyCell(cell)) return;
      const field = type === 'ruleset' ? (RULESET_FIELD[column.entry.field] ?? column.entry.field) : column.entry.field;
      record[field] = readField(column.entry.type, column.entry.field, cell);
    });
    if (type === 'ruleset') {
      if (rulesetRow >= 0) problems.push({ path: `第${r + 1}行`, message: '只能有一行「规则集」/ only one ruleset row' });
      rulesetRow = r;
      Object.assign(spec, record);
    } else {
      const key = RECORD_LIST_KEY[type];
      const list = (lists[key] ??= []);
      origin.set(`${key}.${list.length}`, r);
      list.push(record);
    }
  }
  if (rulesetRow < 0) problems.push({ path: '', message: '缺少「规则集」行（编码、名称、版本、生效日期、条款、原文）/ no ruleset row' });
  if (problems.length > 0) throw tableError(problems);
  origin.set('', rulesetRow);
  Object.assign(spec, { items: [], ...lists });

  const locate = (problem: SchemaProblem): SchemaProblem => {
    const parts = problem.path.split('.');
    const indexed = parts.length >= 2 && /^\d+$/.test(parts[1]);
    const row = indexed ? origin.get(`${parts[0]}.${parts[1]}`) : rulesetRow;
    const field = indexed ? parts[2] : parts[0];
    const headerField = indexed ? field : (RULESET_FIELD_BACK[field] ?? field);
    const column = headerField === undefined ? undefined : columns.find((col) => col?.entry?.field === headerField);
    if (row === undefined || (!indexed && parts.length > 1)) return problem;
    return { path: column ? address(row, column.text) : `第${row + 1}行`, message: problem.message };
  };
  const result = validateRulesetShape(spec);
  if (result.ok) return { spec: result.spec, locate };
  throw tableError(result.problems.map(locate));
}

function tableError(problems: SchemaProblem[]): AssessError {
  const lines = problems.slice(0, 8).map((p) => (p.path ? `${p.path}：${p.message}` : p.message));
  const more = problems.length > 8 ? `；… 另有 ${problems.length - 8} 处` : '';
  return new AssessError({
    kind: 'ruleset',
    where: problems[0]?.path,
    zh: `规则表有误：${lines.join('；')}${more}`,
    en: `the ruleset table has errors: ${lines.join('; ')}${problems.length > 8 ? `; … ${problems.length - 8} more` : ''}`,
  });
}

/** Writes a ruleset as a table (Chinese headers), the inverse of rulesetFromTable. */
export function rulesetToTable(spec: RulesetSpec): Cell[][] {
  const used = new Set<string>(['type']);
  const rows: Array<Record<string, unknown>> = [];
  const headerRecord: Record<string, unknown> = { type: ZH_TYPE.ruleset };
  for (const [key, value] of Object.entries(spec)) {
    if (Array.isArray(value) || value === undefined) continue;
    headerRecord[RULESET_FIELD_BACK[key] ?? key] = value;
  }
  rows.push(headerRecord);
  for (const [type, key] of Object.entries(RECORD_LIST_KEY) as Array<[RecordType, keyof RulesetSpec]>) {
    const list = spec[key] as unknown as Array<Record<string, unknown>>;
    for (const record of list) rows.push({ type: ZH_TYPE[type], ...record });
  }
  for (const row of rows) for (const [field, value] of Object.entries(row)) if (value !== undefined) used.add(field);
  const fields = TABLE_FIELDS.filter((entry) => used.has(entry.field));
  return [
    fields.map((entry) => entry.zh),
    ...rows.map((row) =>
      fields.map((entry) => {
        const value = row[entry.field];
        if (value === undefined) return null;
        if (typeof value === 'string') return VALUE_ZH[entry.field]?.[value] ?? value;
        if (typeof value === 'number' || typeof value === 'boolean') return value;
        return String(value);
      }),
    ),
  ];
}

/** A ruleset given as a table, compiled; every problem names its row and column. */
export function compileRulesetTable(table: Cell[][]): CompiledRuleset {
  const { spec, locate } = readRulesetTable(table);
  try {
    return compileRuleset(spec);
  } catch (error) {
    if (error instanceof RulesetInvalid) throw tableError(error.problems.map(locate));
    throw error;
  }
}
