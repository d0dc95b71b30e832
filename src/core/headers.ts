/**
 * Headers the way offices write them: an item's code or label, a clause reference in any of the
 * regulation's spellings (第九条（三）, 第九條(三), 九(三), （三） under 第九条), a category, with a
 * points word (得分, 加分, 扣分…) before or after — and the office's own result columns (加分小计,
 * 总分, 名次, 等次…), which are read as claims to audit, not skipped.
 */
import { type Cell, cellText, excelErrorOf, isEmptyCell } from './cells';
import type { CompiledItem, CompiledRuleset } from './compile';
import { AssessError } from './errors';
import { findItem, specialRole } from './read/lookup';
import { type Target, splitClause, subClause, targetsOf } from './targets';
import { normalizeKey } from './text';
import { CATEGORY_WORDS, CLAIMS, COUNT_WORDS, DESCRIPTION, FULL_POINTS, LEVEL_WORDS, POINTS_WORDS as POINTS_WORD_LISTS } from './read/vocabulary';
import { nearPointsHeader, nearPointsWord } from './read/near';
import type { ClaimKind, EnteredMode, PointsMode } from './read/records';

const fullPointsIndex = new Set(FULL_POINTS.map(normalizeKey));

export type { ClaimKind, EnteredMode, PointsMode } from './read/records';

/** A points word read from a one-character slip (扣份 read as 扣分): said at the header cell. */
export interface NearWord {
  written: string;
  meant: string;
}

export type HeaderMeaning =
  | { kind: 'special'; special: 'unit' | 'tier' | 'criticized' | 'ignore' }
  /** undecided: read as counts only because nothing in the header says otherwise (no points or count word): the sheet's 注 line and values may decide (read/columns.ts). */
  | { kind: 'target'; target: Target; mode: PointsMode | 'count'; near?: NearWord; undecided?: true }
  /** An input item's own column, as today's template writes it (a quantity; a judged item's points). */
  | { kind: 'count'; item: CompiledItem }
  | { kind: 'claim'; claim: ClaimKind; near?: NearWord }
  /** A bare 加分 / 扣分: the whole bonus (deductions) as entered points, or the office's subtotal — decided by the other columns. */
  | { kind: 'role'; role: 'bonus' | 'deduction'; near?: NearWord }
  | { kind: 'unknown' };

const claimIndex = new Map<string, ClaimKind>();
for (const [claim, names] of Object.entries(CLAIMS) as Array<[ClaimKind, readonly string[]]>) for (const name of names) claimIndex.set(normalizeKey(name), claim);

const descriptionIndex = new Set(DESCRIPTION.map(normalizeKey));

/** Whether a header names a description column (序号, 项目, 评选内容, 分值, 扣分原因…). */
export function isDescription(text: string): boolean {
  return descriptionIndex.has(normalizeKey(text).replace(/\s+/g, ''));
}

export { isNoteRow } from './read/rows';

/** Whether a header names the 分值 (full points) column. */
export function isFullPoints(text: string): boolean {
  return fullPointsIndex.has(normalizeKey(text).replace(/\s+/g, ''));
}

export function claimOf(text: string): ClaimKind | undefined {
  return claimIndex.get(normalizeKey(text).replace(/\s+/g, '')) ?? claimIndex.get(normalizeKey(text));
}

const DEDUCTED = POINTS_WORD_LISTS.deducted.join('|');
const BONUS = POINTS_WORD_LISTS.bonus.join('|');
const POINTS = POINTS_WORD_LISTS.points.join('|');
/** A points word in brackets, "(得分)", unwrapped. */
const WRAPPED_WORD = new RegExp(`\\((${[DEDUCTED, BONUS, POINTS].join('|')})\\)`);

/** Points words and the mode they give; the longest first so 减分 is not read as 分. */
const POINTS_WORDS: Array<[RegExp, PointsMode | 'bonus']> = [
  [new RegExp(`^(${DEDUCTED})`), 'deducted'],
  [new RegExp(`(${DEDUCTED})$`), 'deducted'],
  [new RegExp(`^(${BONUS})`), 'bonus'],
  [new RegExp(`(${BONUS})$`), 'bonus'],
  [new RegExp(`^(${POINTS})`), 'points'],
  [new RegExp(`(${POINTS})$`), 'points'],
];

/** Takes points words off both ends of a header (with the brackets and separators around them). */
export function stripPointsWords(text: string): { rest: string; word: PointsMode | 'bonus' | null } {
  let rest = normalizeKey(text).replace(/[·:：_—]+/g, ' ').replace(/\s+/g, ' ').trim();
  let word: PointsMode | 'bonus' | null = null;
  for (let pass = 0; pass < 2; pass++) {
    // "(得分)" unwrapped; a sub-clause "(三)" stays one (it is read under its article's header).
    rest = rest.replace(/^\(((?![一二三四五六七八九十]+\)$).*)\)$/, '$1').replace(WRAPPED_WORD, '$1');
    for (const [pattern, mode] of POINTS_WORDS) {
      if (pattern.test(rest)) {
        rest = rest.replace(pattern, '').trim();
        if (word === null || word === 'bonus') word = mode === 'bonus' ? (word ?? 'bonus') : mode;
      }
    }
  }
  return { rest, word };
}

/** A header's target by code, label, category or clause (with an article given by a parent header). */
function findTarget(rs: CompiledRuleset, text: string, article: string | null): Target | undefined {
  const index = targetsOf(rs);
  if (text === '') return undefined;
  const item = findItem(rs, text);
  if (item) return index.byItem.get(item.parent ?? item) ?? undefined;
  const direct = index.byKey.get(normalizeKey(text));
  if (direct) return direct;
  const clause = splitClause(text);
  if (clause) {
    if (clause.article && article === null && clause.rest !== '') {
      // 第九条创新举措 (no sub-clause): try the label after it
      const byLabel = index.byKey.get(normalizeKey(clause.rest));
      if (byLabel) return byLabel;
    }
    return index.byKey.get(clause.key) ?? (clause.rest !== '' ? index.byKey.get(normalizeKey(clause.rest)) : undefined);
  }
  const sub = subClause(text);
  if (sub && article) return index.byKey.get(`${article}(${sub})`);
  // "code label" where only the code is known
  const space = normalizeKey(text).search(/\s/);
  if (space > 0) return index.byKey.get(normalizeKey(text).slice(0, space));
  return undefined;
}

/** The target a header names as a whole, by an item's or group's code, label or alias (points words and all). */
function wholeName(rs: CompiledRuleset, text: string): Target | undefined {
  const item = findItem(rs, text);
  if (item) return targetsOf(rs).byItem.get(item.parent ?? item) ?? undefined;
  return targetsOf(rs).byKey.get(normalizeKey(text));
}

/** The article ("九") a parent header such as 第九条 / 第九條加分 / 加分项目（第九条） names, or null. */
export function articleOf(text: string): string | null {
  const { rest } = stripPointsWords(text);
  const clause = splitClause(rest);
  if (clause && clause.article) return clause.key;
  // 加分项目（第九条）: the article anywhere in a category header.
  const inside = /第([一二三四五六七八九十百]+)[条條]/.exec(normalizeKey(text));
  return inside ? inside[1] : null;
}

/**
 * A parent header's points word — none for a category name (加分项目, 扣分项目: the kind of items,
 * not how they are written) — and whether it says its columns count (扣分项目（次）).
 */
function parentPointsWords(parent: string): { rest: string; word: PointsMode | 'bonus' | null; counts: boolean } {
  const key = normalizeKey(parent).replace(/\s+/g, '');
  const counts = COUNT_WORDS.test(key);
  if (CATEGORY_WORDS.test(key)) return { rest: '', word: null, counts };
  return { ...stripPointsWords(parent), counts };
}

/**
 * A category header one character off its word (加份项目 for 加分项目, 扣份 for 扣分, the slip in the
 * points word at its start or end): the header as meant, and the slip; null for a header that is
 * already a category or points word, or whose correction is none.
 */
export function nearCategory(text: string): { meant: string; written: string; word: string } | null {
  const key = normalizeKey(text).replace(/\s+/g, '');
  if (CATEGORY_WORDS.test(key) || stripPointsWords(key).word !== null) return null;
  const head = nearPointsWord(key.slice(0, 2));
  const tail = head === null ? nearPointsWord(key.slice(-2)) : null;
  const slip = head !== null ? { meant: head + key.slice(2), written: key.slice(0, 2), word: head } : tail !== null ? { meant: key.slice(0, -2) + tail, written: key.slice(-2), word: tail } : null;
  if (slip === null) return null;
  const meant = stripPointsWords(slip.meant);
  return CATEGORY_WORDS.test(slip.meant) || (meant.word !== null && articleFree(meant.rest)) ? slip : null;
}

/**
 * A sub-clause alone with no article above it (（一）领导重视, （四）市级刊物篇数 on one header row): the
 * one clause of that number whose label (or a member item's label) shares the text after it —
 * （一）领导重视 is 第九條(一) (主要领导重视…), not 第十條(一).
 */
function clauseByLabel(rs: CompiledRuleset, text: string, role: 'bonus' | 'deduction' | null = null): Target | undefined {
  const compact = normalizeKey(text).replace(/\s+/g, '');
  const sub = /^\(([一二三四五六七八九十]+)\)(.+)$/.exec(compact);
  if (!sub) return undefined;
  const words = sub[2].replace(COUNT_WORDS, '');
  const pairs = new Set<string>();
  for (let k = 0; k + 2 <= words.length; k++) pairs.add(words.slice(k, k + 2));
  // How many of the text's two-character words the clause's labels hold: （六）市级媒体报道 shares 市级, 媒体, 报道 with
  // 第九條(六) 市级媒体肯定性报道 and only 媒体 with 第十條(六) 被新闻媒体曝光 — the clause sharing most is meant.
  const shared = (target: Target): number => {
    const keys = [target.label, ...target.items.map((item) => item.label)].map((label) => normalizeKey(label).replace(/\s+/g, ''));
    let count = 0;
    for (const pair of pairs) if (keys.some((key) => key.includes(pair))) count++;
    return count;
  };
  const index = targetsOf(rs);
  let best = 0;
  const found = new Set<Target>();
  for (const [key, target] of index.byKey) {
    if (!key.endsWith(`(${sub[1]})`) || target.level === 'role' || (role !== null && target.role !== role)) continue;
    const count = shared(target);
    if (count === 0 || count < best) continue;
    if (count > best) found.clear();
    best = count;
    found.add(target);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The text after a header's clause (第十条（二）扣份 → 扣份, （四）市级刊物篇数 → 市级刊物篇数), or null without one. */
function clauseTail(text: string): string | null {
  const clause = splitClause(text);
  if (clause) return clause.rest;
  const compact = normalizeKey(text).replace(/\s+/g, '');
  const sub = /^\(([一二三四五六七八九十]+)\)/.exec(compact);
  return sub ? compact.slice(sub[0].length) : null;
}

/**
 * The item of a clause of levels (第九條(四): 市级 / 省级 / 国家级) a header's level word names:
 * undefined when the target is no such clause or no level word is needed (the clause's points as a
 * whole), null when the header counts (篇数) but names no level — which item cannot be known.
 */
function levelMember(rs: CompiledRuleset, target: Target, tail: string): Target | null | undefined {
  if (target.level === 'item' || target.items.length < 2) return undefined;
  // The member's own label in the header (（五）受市委市政府、省级部门表彰 is 9.5.city, whatever level words it holds).
  const byLabel = target.items.filter((item) => tail.includes(normalizeKey(item.label).replace(/\s+/g, '')));
  if (byLabel.length === 1) return targetsOf(rs).byItem.get(byLabel[0]) ?? undefined;
  let best: { level: string; length: number } | null = null;
  for (const [level, words] of Object.entries(LEVEL_WORDS)) {
    for (const word of words) {
      const key = normalizeKey(word);
      if (tail.includes(key) && (best === null || key.length > best.length)) best = { level, length: key.length };
    }
  }
  if (best === null) return COUNT_WORDS.test(tail) ? null : undefined;
  const level = best.level;
  const member = target.items.find((item) => item.code.split('.').pop() === level);
  return member ? (targetsOf(rs).byItem.get(member) ?? undefined) : undefined;
}

/**
 * The kind of items a header's points word or its category names (加分 / 加分项目 → bonus, 扣分 /
 * 减分项目 → deduction), to tell （六）媒体报道 (第九條) from （六）媒体曝光 (第十條) with no article above.
 */
function roleOf(word: PointsMode | 'bonus' | null, parent: string | null): 'bonus' | 'deduction' | null {
  if (word === 'bonus') return 'bonus';
  if (word === 'deducted') return 'deduction';
  const category = parent === null ? '' : normalizeKey(parent).replace(/\s+/g, '');
  if (new RegExp(`^(${BONUS})`).test(category)) return 'bonus';
  if (new RegExp(`^(${DEDUCTED})`).test(category)) return 'deduction';
  return null;
}

/** An input item whose code is exactly the header (not its label). */
function codeItem(rs: CompiledRuleset, text: string): CompiledItem | undefined {
  const key = normalizeKey(text).replace(/\s+/g, '');
  const item = rs.headerIndex.get(key);
  return item && item.isInput && normalizeKey(item.code) === key ? item : undefined;
}

/** What is left of a category header once its points word is taken off: nothing, or only an article (第九条). */
function articleFree(rest: string): boolean {
  const compact = rest.replace(/\s+/g, '');
  return compact === '' || /^第[一二三四五六七八九十百]+[条條]$/.test(compact);
}

/**
 * What a header means for a ruleset. `parent` is the header cell above it in a two-row header
 * (加分, 第九条…), `entered` the caller's choice of counts or points.
 */
export function interpretHeader(rs: CompiledRuleset, raw: string, parent: string | null = null, entered: EnteredMode = 'auto'): HeaderMeaning {
  const text = raw.trim();
  const special = specialRole(text);
  if (special) return { kind: 'special', special };
  // The item's code or label as today (a count column), unless a points word or the caller says points.
  const parentWords = parent ? parentPointsWords(parent) : { rest: '', word: null, counts: false };
  const article = parent ? articleOf(parent) : null;
  if (parent === null && entered !== 'points') {
    // Today's headers first: an item's code, label or "code label" (a label may itself end in 加分).
    const key = normalizeKey(text);
    const exact = rs.headerIndex.get(key);
    if (exact) return { kind: 'count', item: exact };
    const space = key.search(/\s/);
    const byCode = space > 0 ? rs.headerIndex.get(key.slice(0, space)) : undefined;
    if (byCode && stripPointsWords(key.slice(space + 1)).word === null) return { kind: 'count', item: byCode };
  }
  // An item's own code (9.8, 9.5.province: the template's count column) under a category that is only a
  // points word (加分, 第九条 加分): the category names the kind of items, the code keeps its column's meaning.
  if (parent !== null && entered !== 'points' && parentWords.word !== null && articleFree(parentWords.rest)) {
    const code = codeItem(rs, text);
    if (code) return { kind: 'count', item: code };
  }
  const claim = claimOf(text);
  if (claim && parent === null) return { kind: 'claim', claim };
  const { rest, word: ownWord } = stripPointsWords(text);
  const word = ownWord ?? parentWords.word;
  if (rest === '' && word !== null && parentWords.rest === '') {
    if (word === 'bonus') return { kind: 'role', role: 'bonus' };
    if (word === 'deducted') return { kind: 'role', role: 'deduction' };
    return { kind: 'claim', claim: 'score' };
  }
  const name = rest === '' ? parentWords.rest : rest;
  // A name holding its own points word (创新加分, 一次性扣减: an item's or group's label or alias) names its target whole.
  let target = (ownWord !== null ? wholeName(rs, text) : undefined) ?? findTarget(rs, name, article) ?? (article === null ? clauseByLabel(rs, name, roleOf(word, parent)) : undefined);
  // 9.3项数 / 9.3次数: an item's code with a count word after it.
  if (!target && COUNT_WORDS.test(name)) {
    const bare = findItem(rs, name.replace(COUNT_WORDS, '').trim());
    if (bare?.isInput && bare.kind !== 'judged' && ownWord === null && entered !== 'points') return { kind: 'count', item: bare };
  }
  let counted = parentWords.counts;
  let near: NearWord | undefined;
  let wordRead = word;
  const tail = target ? clauseTail(name) : null;
  if (target && tail !== null && tail !== '') {
    // （四）市级刊物篇数: the clause's level (9.4.city), and 篇数 says the column counts.
    const level = levelMember(rs, target, tail);
    if (level === null) return { kind: 'unknown' }; // a count of a clause of levels with no level word: which item is not known
    target = level ?? target;
    if (COUNT_WORDS.test(tail)) counted = true;
    // 第十条（二）扣份: a points word one character off is read as that word, and said.
    const slip = ownWord === null ? nearPointsWord(tail) : null;
    if (slip !== null) {
      near = { written: tail, meant: slip };
      wordRead = stripPointsWords(slip).word;
    }
  }
  // A deduct item counted by its sub-counters has no quantity of its own: only its points can be entered.
  const countless = target?.item && !target.item.isInput && wordRead === null && entered !== 'points';
  if (target && !countless) {
    if (entered === 'counts' && target.item?.isInput) return { kind: 'target', target, mode: 'count' };
    if (counted && ownWord === null && entered !== 'points' && target.item?.isInput && target.item.kind !== 'judged') return { kind: 'target', target, mode: 'count' };
    if (near) return { kind: 'target', target, mode: wordRead === 'deducted' ? 'deducted' : 'points', near };
    if (word === 'deducted') return { kind: 'target', target, mode: 'deducted' };
    if (word !== null || target.level !== 'item' || entered === 'points') return { kind: 'target', target, mode: 'points' };
    // An item's own column without a points word: counts unless the caller says points (or the sheet does: read/columns.ts sheetModes).
    return target.item?.isInput ? { kind: 'target', target, mode: 'count', undecided: true } : { kind: 'target', target, mode: 'points' };
  }
  if (claim) return { kind: 'claim', claim };
  if (ownWord === null && parent !== null) {
    const child = claimOf(text);
    if (child) return { kind: 'claim', claim: child };
  }
  const plainSpecial = specialRole(rest);
  if (plainSpecial) return { kind: 'special', special: plainSpecial };
  // 绩效考评加份, 加份: a claim or role word but for its points word one character off — read as meant, and said.
  const slip = nearPointsHeader(text);
  if (slip !== null) {
    const near = { written: slip.written, meant: slip.word };
    const meant = claimOf(slip.meant);
    if (meant) return { kind: 'claim', claim: meant, near };
    const bare = stripPointsWords(slip.meant);
    if (bare.rest === '' && parentWords.rest === '') {
      if (bare.word === 'bonus') return { kind: 'role', role: 'bonus', near };
      if (bare.word === 'deducted') return { kind: 'role', role: 'deduction', near };
      if (bare.word === 'points') return { kind: 'claim', claim: 'score', near };
    }
  }
  return { kind: 'unknown' };
}

/** Item codes that read as a decimal number (3.1, 3.10), by that number, per ruleset. */
const numericCodes = new WeakMap<CompiledRuleset, Map<number, string[]>>();

function codesByNumber(rs: CompiledRuleset): Map<number, string[]> {
  let index = numericCodes.get(rs);
  if (!index) {
    index = new Map();
    for (const item of rs.items) {
      const key = normalizeKey(item.code);
      if (!/^[+-]?\d+(?:\.\d+)?$/.test(key)) continue;
      const value = Number(key);
      const codes = index.get(value);
      if (codes) codes.push(item.code);
      else index.set(value, [item.code]);
    }
    numericCodes.set(rs, index);
  }
  return index;
}

/** The item codes a number header could mean when it could mean more than one (3.1: 3.1 and 3.10), else undefined. */
export function ambiguousNumber(rs: CompiledRuleset, cell: Cell): string[] | undefined {
  if (typeof cell !== 'number') return undefined;
  const codes = codesByNumber(rs).get(cell);
  return codes && codes.length > 1 ? codes : undefined;
}

function english(at: string): string {
  return at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2');
}

/**
 * The text of a header cell, refusing what cannot be read as a header: an Excel error value
 * (#N/A, #REF! …), and a number that two items could mean. Excel stores a typed 3.10 as the
 * number 3.1 (the format that shows "3.10" does not reach a function), so where the ruleset has
 * both 3.1 and 3.10 (township2022) the number 3.1 is either; a text header ('3.10) or the item's
 * label says which. `at` is the cell (第1行第5列).
 */
export function headerCellText(rs: CompiledRuleset, cell: Cell, at: string, what: 'header' | 'code' = 'header'): string {
  const [zhWhat, enWhat] = what === 'header' ? ['表头', 'header'] : ['条目编码', 'item code'];
  const error = excelErrorOf(cell);
  if (error !== undefined) {
    throw new AssessError({
      kind: 'layout',
      where: at,
      value: error,
      zh: `${at}的${zhWhat}是 Excel 错误值 ${error}：请先修正该单元格（写条目编码或名称）`,
      en: `the ${enWhat} at ${english(at)} holds the Excel error ${error}: fix that cell (write the item code or label)`,
    });
  }
  const text = cellText(cell);
  const codes = ambiguousNumber(rs, cell);
  if (codes === undefined) return text;
  // The code the number is shown as without a format (3.1), then those a number format shows (3.10).
  const ordered = [...codes].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const [plain, ...formatted] = ordered;
  const shown = formatted.map((code) => `显示为 ${code} 的条目 ${code}`).join('或');
  throw new AssessError({
    kind: 'layout',
    where: at,
    value: text,
    zh: `${at}的${zhWhat}是数字 ${text}：可能是条目 ${plain}，也可能是${shown}（Excel 把输入的 ${formatted[0]} 存成数字 ${text}）；请把${zhWhat}设为文本（输入 '${formatted[0]}）或写条目名称`,
    en: `the ${enWhat} at ${english(at)} is the number ${text}: item ${plain}, or item ${formatted.join(' or ')} shown as ${formatted[0]} (Excel stores a typed ${formatted[0]} as ${text}); make it text ('${formatted[0]}) or write the item's label`,
  });
}
