/**
 * The task pane: rulesets, input templates, scorecards from existing sheets, validation in place
 * and rulesets kept in the workbook. It talks to one Host (src/host/host.ts) it is given by its
 * entry point (src/excel/pane.ts for Excel, src/wps/pane.ts for WPS 表格) and never asks which:
 * the actions (actions.ts) build plain data, the host reads and writes; this file wires buttons
 * to them and shows what they return.
 *
 * Safety: any text that comes from a cell or a ruleset is set with textContent (through el()),
 * never parsed as HTML. Errors are shown as text in the pane (role="alert"), never with alert().
 */
import { AssessError, type ClaimKind, type ColumnMatch, type ColumnMode, type CompiledRuleset, rulesetToTable, runCases } from '../core';
import { targetsOf } from '../core/targets';
import { TRADITIONAL_QUOTES_NOTE, isTraditional, simplifiedClauses, simplifiedLabel } from '../core/text';
import { parseAddress } from '../excel/addresses';
import { MAPPINGS_SETTING, type MarkedFinding, type RememberedMapping, type RulesetRef, type SourceTable, checkRulesetTable, createRulesetSheet, createScorecard, createTemplate, isProposal, markFindings, proposeMapping, readSource, rememberMapping, rememberedFor } from './actions';
import type { Host } from '../host/host';
import { items } from '../functions/implementation';
import { BUILT_IN_IDS, builtInRuleset } from '../rulesets';
import { blocksOfDocx } from './draft-docx';
import { type DraftEntry, type PaneDraft, draftEntries, draftFromBlocks, draftFromText, regulationText, writeDraft } from './draft-plan';
import { fn } from '../functions/names';

// ---------------------------------------------------------------------------------------------
// Strings

const ZH = {
  title: '政务服务考核',
  subtitle: '按规则集计分、校验、生成计分表',
  sectionRuleset: '规则集',
  rulesetLabel: '选择规则集',
  workbookOption: '工作簿中的规则表',
  workbookRulesetHint: '在工作表中选中规则表区域（含表头），然后点击“使用所选区域”。',
  useSelection: '使用所选区域',
  workbookRulesetNone: '尚未选定规则表。',
  workbookRulesetAt: '规则表：{0}',
  itemsSummary: '浏览条目',
  itemsCount: '浏览条目（{0} 项）',
  colCode: '编码',
  colLabel: '名称',
  colPoints: '分值',
  colCap: '上限',
  colLabelClause: '名称与条款',
  sectionTemplate: '录入模板',
  templateHint: '新建一张录入表：表头、单位列、输入校验和计分公式列。',
  createTemplate: '新建录入表',
  sectionScorecard: '由现有表生成计分表',
  scorecardHint: '选中已有的考核数据表（或其中任一单元格），读取表头后核对各列对应的条目。原表不会被修改。',
  readTable: '读取所选表格',
  mappingCaption: '列与条目的对应（请核对，可修改）',
  colHeader: '原表头',
  colItem: '对应条目',
  colMatch: '匹配',
  colMode: '读作',
  modeFor: '“{0}”的读法',
  modeCount: '数量',
  modeFlag: '是/否',
  modeRate: '比率',
  modeRank: '名次',
  modePoints: '得分',
  modeDeducted: '扣分',
  optionClaims: '本表结果（核对）',
  claimBonus: '加分小计',
  claimDeduction: '扣分小计',
  claimScore: '总分',
  claimRank: '名次',
  claimLevel: '等次',
  claimResult: '奖励/结果加分',
  targetOption: '{0} {1}（类别得分）',
  matchTarget: '类别得分',
  matchClaim: '本表结果',
  createScorecard: '生成计分表',
  sourceInfo: '{0}：表头在第 {1} 行，{2} 行数据',
  emptyHeader: '（空表头）',
  mapFor: '“{0}”对应的条目',
  optionNone: '（不计入）',
  optionUnit: '单位名称列',
  optionTier: '圈层列',
  optionCriticized: '通报批评或曝光列',
  matchCode: '编码',
  matchLabel: '名称',
  matchNear: '近似 {0}%',
  matchNone: '未匹配',
  matchSpecial: '专用列',
  matchManual: '已修改',
  matchConfirmed: '已确认',
  duplicateItem: '条目 {0} 同时对应了第 {1} 列和第 {2} 列，请只保留一列。',
  noItemMapped: '还没有任何列对应到条目。',
  noFunctions:
    '此版本的 Excel 不支持本加载项的函数（CustomFunctionsRuntime 1.3）：录入表和计分表中的公式会显示 #NAME?，因此“新建录入表”和“生成计分表”已停用。仍可使用：浏览规则集、读取表格、就地校验与清除标记、新建和校验规则表、运行用例。请使用 Microsoft 365（版本 2008 或更新）、Excel 网页版或 Mac 版 16.40 以上以使用函数。',
  sectionValidate: '就地校验',
  validateHint: '检查所选区域：有问题的单元格会被标色并加批注，说明原因和条款。',
  validate: '校验所选区域',
  clearMarks: '清除标记',
  findingsNone: '未发现问题（{0}）。',
  findingsSome: '发现 {0} 处问题，已在“{1}”中标记：',
  notesFailed: '（单元格已填色，但 Excel 未能添加批注：{0}）',
  goTo: '定位',
  goToLabel: '定位到 {0}',
  severityError: '错误',
  severityWarning: '警告',
  severityInfo: '提示',
  severityThreshold: '阈值',
  sectionRules: '工作簿规则表',
  rulesHint: `把规则集写成工作表中的表格，便于修改；校验后即可在公式中引用，如 =${fn.SCORE}(数据, 规则!A1:K40)（中文和英文 Excel 中函数名相同）。`,
  newRules: '新建规则表',
  checkRules: '校验规则表',
  runCases: '运行用例',
  casesHint: '运行用例：选中输入行（含表头和“期望得分”列），按当前规则集逐行计分并比较。',
  colRow: '行',
  colUnit: '单位',
  colExpected: '期望',
  colActual: '实际',
  colResult: '结果',
  casePass: '通过',
  caseFail: '不符',
  casesSummary: '{0} 条用例：通过 {1}，不符 {2}（规则集 {3}）',
  help: '帮助',
  sectionDraft: '从细则起草',
  draftHint: '打开本单位的考核细则（.docx、.txt 或 .md），或粘贴正文：起草一张新的规则表，条款和原文列在每条记录旁，需确认的记录标色并加批注，未识别的计分句另列一表。',
  draftFileLabel: '打开细则文件',
  draftTextLabel: '或粘贴细则正文',
  draftButton: '起草规则表',
  pastedText: '粘贴的文本',
  noDraftText: '请先粘贴细则正文，或打开细则文件。',
  draftUnsupported: '不支持的细则文件类型「{0}」：请用 .docx、.txt 或 .md（旧版 .doc 请在 Word 或 WPS 中另存为 .docx）。',
  draftDone: '已起草规则表 {0}：{1} 条记录，待确认 {2} 条（已标色并加批注），未识别 {3} 句（见“{4}”）。已选中该表：核对后点击“校验规则表”。',
  draftListSummary: '{0}：{1} 个条款，原文与起草结果逐条对照，标“需确认”的请核对。',
  draftConfirm: '需确认',
  draftUnread: '未识别',
  drafting: '正在起草规则表…',
  // status lines
  working: '正在处理…',
  reading: '正在读取所选表格…',
  writingScorecard: '正在生成计分表…',
  writingTemplate: '正在新建录入表…',
  validating: '正在校验所选区域…',
  clearing: '正在清除标记…',
  checking: '正在校验规则表…',
  writingRules: '正在新建规则表…',
  runningCases: '正在运行用例…',
  going: '正在定位…',
  done: '完成。',
  readDone: '已读取 {0}，请核对下表中的对应关系。',
  readRemembered: '已读取 {0}：表头与“{1}”相同，沿用在那里确认过的对应关系。',
  rememberedFrom: '沿用在“{0}”确认过的对应关系（表头相同）。',
  scorecardDone: '已生成计分表“{0}”（{1} 个单位），公式引用原表，原表未改动。',
  templateDone: '已新建录入表“{0}”（{1} 行）。',
  clearDone: '已清除 {0} 处标记，单元格格式已恢复。',
  clearNone: '没有需要清除的标记。',
  rulesDone: '已新建规则表 {0}（示例取自 {1}）。选中该区域后点击“校验规则表”。',
  rulesOk: '规则表有效：{0}，{1} 个条目。可在上方选择“工作簿中的规则表”使用。',
  rulesBad: '规则表 {0} 有 {1} 处问题：',
  rulesetInUse: '已使用规则表 {0}（{1}）。',
  wentTo: '已定位到 {0}。',
  noWorkbookRuleset: '请先在工作表中选中规则表区域，然后点击“使用所选区域”。',
  noSource: '请先点击“读取所选表格”。',
  excelError: '表格程序报告错误：{0}',
  unknownError: '出错了：{0}',
};

type Key = keyof typeof ZH;

const EN: Record<Key, string> = {
  title: 'Government service assessment',
  subtitle: 'Score, validate and build scorecards by ruleset',
  sectionRuleset: 'Ruleset',
  rulesetLabel: 'Choose a ruleset',
  workbookOption: 'Ruleset table in this workbook',
  workbookRulesetHint: 'Select the ruleset table (with its header) on a sheet, then click "Use selection".',
  useSelection: 'Use selection',
  workbookRulesetNone: 'No ruleset table chosen yet.',
  workbookRulesetAt: 'Ruleset table: {0}',
  itemsSummary: 'Browse items',
  itemsCount: 'Browse items ({0})',
  colCode: 'Code',
  colLabel: 'Item',
  colPoints: 'Points',
  colCap: 'Cap',
  colLabelClause: 'Item and clause',
  sectionTemplate: 'Input template',
  templateHint: 'Creates an input sheet: header, unit column, input validation and score formula columns.',
  createTemplate: 'New input sheet',
  sectionScorecard: 'Scorecard from an existing sheet',
  scorecardHint: 'Select an existing assessment table (or any cell in it), read its header and check which item each column is. The source sheet is never changed.',
  readTable: 'Read selected table',
  mappingCaption: 'Columns and items (check, fix if needed)',
  colHeader: 'Source header',
  colItem: 'Item',
  colMatch: 'Match',
  colMode: 'Read as',
  modeFor: 'How "{0}" is read',
  modeCount: 'count',
  modeFlag: 'yes/no',
  modeRate: 'rate',
  modeRank: 'rank',
  modePoints: 'points',
  modeDeducted: 'deduction',
  optionClaims: "The sheet's results (audited)",
  claimBonus: 'Bonus subtotal',
  claimDeduction: 'Deduction subtotal',
  claimScore: 'Total',
  claimRank: 'Rank',
  claimLevel: 'Level',
  claimResult: 'Reward / result points',
  targetOption: '{0} {1} (category points)',
  matchTarget: 'category',
  matchClaim: 'result',
  createScorecard: 'Create scorecard',
  sourceInfo: '{0}: header on row {1}, {2} data rows',
  emptyHeader: '(empty header)',
  mapFor: 'Item for "{0}"',
  optionNone: '(not scored)',
  optionUnit: 'Unit name column',
  optionTier: 'Tier column',
  optionCriticized: 'Criticized/exposed column',
  matchCode: 'code',
  matchLabel: 'label',
  matchNear: 'near {0}%',
  matchNone: 'no match',
  matchSpecial: 'special',
  matchManual: 'changed',
  matchConfirmed: 'confirmed',
  duplicateItem: 'Item {0} is mapped to both column {1} and column {2}; keep only one.',
  noItemMapped: 'No column is mapped to an item yet.',
  noFunctions:
    'This Excel does not run the add-in\'s functions (CustomFunctionsRuntime 1.3): the formulas of input sheets and scorecards would show #NAME?, so "New input sheet" and "Create scorecard" are off. Still available: browsing rulesets, reading a table, validating in place and clearing marks, writing and checking a ruleset table, running cases. Use Microsoft 365 (Version 2008 or later), Excel on the web or Excel for Mac 16.40 or later for the functions.',
  sectionValidate: 'Validate in place',
  validateHint: 'Checks the selected range: cells with a problem get a fill and a comment with the reason and clause.',
  validate: 'Validate selection',
  clearMarks: 'Clear marks',
  findingsNone: 'No problems found ({0}).',
  findingsSome: '{0} problems found and marked on "{1}":',
  notesFailed: ' (the cells are coloured, but Excel could not add the notes: {0})',
  goTo: 'Go to',
  goToLabel: 'Go to {0}',
  severityError: 'error',
  severityWarning: 'warning',
  severityInfo: 'note',
  severityThreshold: 'threshold',
  sectionRules: 'Rulesets in the workbook',
  rulesHint: `Keep a ruleset as a table on a sheet so it can be edited; once valid, formulas can use it, e.g. =${fn.SCORE}(data, Rules!A1:K40).`,
  newRules: 'New ruleset table',
  checkRules: 'Check ruleset table',
  runCases: 'Run cases',
  casesHint: 'Run cases: select input rows (with the header and an "expected" column); each row is scored with the current ruleset and compared.',
  colRow: 'Row',
  colUnit: 'Unit',
  colExpected: 'Expected',
  colActual: 'Actual',
  colResult: 'Result',
  casePass: 'pass',
  caseFail: 'differs',
  casesSummary: '{0} cases: {1} pass, {2} differ (ruleset {3})',
  help: 'Help',
  sectionDraft: 'Draft from a regulation',
  draftHint: "Open your office's regulation (.docx, .txt or .md) or paste its text: a new ruleset sheet is drafted with each record's clause and quote beside it, the records to confirm coloured with a note, and the scoring sentences not understood on a sheet of their own.",
  draftFileLabel: 'Open a regulation file',
  draftTextLabel: 'or paste the regulation text',
  draftButton: 'Draft ruleset table',
  pastedText: 'pasted text',
  noDraftText: 'Paste the regulation text or open a regulation file first.',
  draftUnsupported: 'Unsupported regulation file type "{0}": use .docx, .txt or .md (save an old .doc as .docx in Word or WPS).',
  draftDone: 'Drafted ruleset table {0}: {1} records, {2} to confirm (coloured, with a note), {3} sentence(s) not drafted (see "{4}"). The table is selected: check it, then click "Check ruleset table".',
  draftListSummary: '{0}: {1} clauses, the text beside what it became; check those marked "to confirm".',
  draftConfirm: 'to confirm',
  draftUnread: 'not drafted',
  drafting: 'Drafting the ruleset table…',
  working: 'Working…',
  reading: 'Reading the selected table…',
  writingScorecard: 'Creating the scorecard…',
  writingTemplate: 'Creating the input sheet…',
  validating: 'Validating the selection…',
  clearing: 'Clearing marks…',
  checking: 'Checking the ruleset table…',
  writingRules: 'Creating the ruleset table…',
  runningCases: 'Running cases…',
  going: 'Going to the cell…',
  done: 'Done.',
  readDone: 'Read {0}; check the mapping below.',
  readRemembered: 'Read {0}: its headers are those of "{1}", so the mapping confirmed there is used.',
  rememberedFrom: 'Using the mapping confirmed on "{0}" (same headers).',
  scorecardDone: 'Created scorecard "{0}" ({1} units); its formulas reference the source, which was not changed.',
  templateDone: 'Created input sheet "{0}" ({1} rows).',
  clearDone: 'Cleared {0} marks; cell formats restored.',
  clearNone: 'There are no marks to clear.',
  rulesDone: 'Created ruleset table {0} (example from {1}). Select it and click "Check ruleset table".',
  rulesOk: 'The ruleset table is valid: {0}, {1} items. Choose "Ruleset table in this workbook" above to use it.',
  rulesBad: 'Ruleset table {0} has {1} problems:',
  rulesetInUse: 'Using ruleset table {0} ({1}).',
  wentTo: 'Selected {0}.',
  noWorkbookRuleset: 'Select a ruleset table on a sheet first, then click "Use selection".',
  noSource: 'Click "Read selected table" first.',
  excelError: 'The spreadsheet reported an error: {0}',
  unknownError: 'Something went wrong: {0}',
};

let chinese = true;

function t(key: Key, ...args: Array<string | number>): string {
  const template = (chinese ? ZH : EN)[key];
  return template.replace(/\{(\d)\}/g, (_, n: string) => String(args[Number(n)] ?? ''));
}

// ---------------------------------------------------------------------------------------------
// DOM helpers: text only, never HTML.

type Child = Node | string | number | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return element;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}

function setText(id: string, value: string): void {
  byId(id).textContent = value;
}

// ---------------------------------------------------------------------------------------------
// State

const WORKBOOK = '__workbook__';

interface Chosen {
  rs: CompiledRuleset;
  ref: RulesetRef;
}

const state = {
  choice: 'chengdu2006',
  workbook: null as { rs: CompiledRuleset; address: string } | null,
  source: null as SourceTable | null,
  mapping: [] as ColumnMatch[],
  proposed: [] as ColumnMatch[],
  /** The ruleset the mapping was proposed for: validation uses it only with that ruleset. */
  mappingFor: null as CompiledRuleset | null,
  /** The sheet whose confirmed mapping the table read was given (same headers), or null: the proposal. */
  rememberedFrom: null as string | null,
  /** That confirmed mapping as it was offered: a column still read so is badged 已确认, not 已修改. */
  remembered: [] as ColumnMatch[],
  busy: false,
};

function chosen(): Chosen {
  if (state.choice === WORKBOOK) {
    if (!state.workbook) throw new AssessError({ kind: 'ruleset', zh: ZH.noWorkbookRuleset, en: EN.noWorkbookRuleset });
    return { rs: state.workbook.rs, ref: { kind: 'range', address: state.workbook.address } };
  }
  return { rs: builtInRuleset(state.choice), ref: { kind: 'builtin', id: state.choice } };
}

/** The built-in to use where only a built-in makes sense (new ruleset table). */
function chosenBuiltIn(): CompiledRuleset {
  return builtInRuleset(state.choice === WORKBOOK ? BUILT_IN_IDS[0] : state.choice);
}

// ---------------------------------------------------------------------------------------------
// Status, errors, busy

function status(message: string): void {
  setText('status', message);
}

function clearError(): void {
  const box = byId('error');
  box.textContent = '';
  box.hidden = true;
}

function errorText(error: unknown): string {
  if (error instanceof AssessError) return chinese ? error.zh : error.en;
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    return t('excelError', `${String(message)}${code ? ` (${String(code)})` : ''}`);
  }
  return t('unknownError', error instanceof Error ? error.message : String(error));
}

function showError(error: unknown): void {
  const box = byId('error');
  box.textContent = errorText(error);
  box.hidden = false;
  status('');
}

/** Runs one action: buttons disabled, progress shown, the outcome or the error as text. */
async function act(working: Key, work: () => Promise<string | void>): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  clearError();
  const main = byId('main');
  const controls = Array.from(main.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')).filter((control) => !control.disabled);
  controls.forEach((control) => (control.disabled = true));
  main.setAttribute('aria-busy', 'true');
  byId('progress').hidden = false;
  status(t(working));
  try {
    const message = await work();
    status(message ?? t('done'));
  } catch (error) {
    showError(error);
  } finally {
    byId('progress').hidden = true;
    main.removeAttribute('aria-busy');
    controls.forEach((control) => (control.disabled = false));
    state.busy = false;
    updateMappingProblems();
  }
}

// ---------------------------------------------------------------------------------------------
// Rulesets

function fillRulesetSelect(): void {
  const select = byId<HTMLSelectElement>('ruleset');
  select.replaceChildren();
  for (const id of BUILT_IN_IDS) {
    const spec = builtInRuleset(id).spec;
    select.append(el('option', { value: id }, `${id} — ${chinese ? spec.title : (spec.titleEn ?? spec.title)}`));
  }
  select.append(el('option', { value: WORKBOOK }, t('workbookOption')));
  select.value = state.choice;
}

function quoteOf(rs: CompiledRuleset, code: string): string {
  const item = rs.itemByCode.get(code) ?? rs.items.find((candidate) => candidate.volume === code);
  return item?.cite.quote ?? '';
}

function showRuleset(): void {
  const body = byId('items').querySelector('tbody') as HTMLTableSectionElement;
  body.replaceChildren();
  const panel = byId('workbook-ruleset');
  panel.hidden = state.choice !== WORKBOOK;
  setText('workbook-ruleset-address', state.workbook ? t('workbookRulesetAt', state.workbook.address) : t('workbookRulesetNone'));
  let rs: CompiledRuleset;
  try {
    rs = chosen().rs;
  } catch {
    setText('ruleset-meta', '');
    setText('items-summary', t('itemsSummary'));
    return;
  }
  const spec = rs.spec;
  // Quotes are verbatim; a Chinese reader is told once when the source is in Traditional script.
  const traditional = chinese && [spec.quote, ...rs.items.map((item) => item.cite.quote)].some(isTraditional);
  setText('ruleset-meta', [chinese ? spec.title : (spec.titleEn ?? spec.title), spec.version, spec.effective, traditional ? TRADITIONAL_QUOTES_NOTE.zh : ''].filter(Boolean).join(' · '));
  const rows = items(state.choice === WORKBOOK ? (rulesetToTable(rs.spec) as Array<Array<string | number | boolean | null>>) : [[state.choice]]).slice(1);
  for (const [code, label, points, cap, clause] of rows) {
    const item = rs.itemByCode.get(String(code));
    const shownLabel = !chinese && item?.labelEn ? item.labelEn : String(label);
    const quote = quoteOf(rs, String(code));
    body.append(
      el(
        'tr',
        {},
        el('td', { class: 'code' }, String(code)),
        el('td', {}, el('span', { class: 'label' }, shownLabel), el('span', { class: 'clause' }, String(clause)), quote ? el('span', { class: 'quote' }, quote) : null),
        el('td', { class: 'num' }, String(points)),
        el('td', { class: 'num' }, String(cap)),
      ),
    );
  }
  setText('items-summary', t('itemsCount', rows.length));
}

function onRulesetChange(): void {
  state.choice = byId<HTMLSelectElement>('ruleset').value;
  clearError();
  showRuleset();
  if (state.source) {
    try {
      propose(chosen().rs);
    } catch (error) {
      hideMapping();
      showError(error);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Mapping

function hideMapping(): void {
  byId('mapping-panel').hidden = true;
}

function propose(rs: CompiledRuleset, remembered?: RememberedMapping): void {
  if (!state.source) return;
  state.proposed = proposeMapping(rs, state.source);
  state.mapping = (remembered?.mapping ?? state.proposed).map((match) => ({ ...match }));
  state.mappingFor = rs;
  state.rememberedFrom = remembered?.sheet ?? null;
  state.remembered = remembered?.mapping.map((match) => ({ ...match })) ?? [];
  renderMapping(rs);
}

/** The mappings kept in the workbook (a host that keeps none: undefined). */
async function keptMappings(): Promise<unknown> {
  return host.readSetting ? host.readSetting(MAPPINGS_SETTING) : undefined;
}

/**
 * Keeps the mapping the clerk has just used on the table read, when it differs from the proposal
 * (or forgets one put back to it), so the next table with these headers is offered it.
 */
async function keepMapping(rs: CompiledRuleset): Promise<void> {
  const source = state.source;
  if (!host.writeSetting || !source || state.mappingFor !== rs || state.mapping.length === 0) return;
  // The proposal on a table given none kept: nothing to keep, nothing to forget (and no read of the workbook).
  if (state.rememberedFrom === null && isProposal(state.mapping, state.proposed)) return;
  const next = rememberMapping(await keptMappings(), rs, source, source.sheet, state.mapping, state.proposed);
  if (next !== null) await host.writeSetting(MAPPINGS_SETTING, next);
}

function matchValue(match: ColumnMatch): string {
  if (match.ignored) return 'ignore';
  if (match.special) return `special:${match.special}`;
  if (match.item) return `item:${match.item}`;
  if (match.target) return `target:${match.target}`;
  if (match.claim) return `claim:${match.claim}`;
  return '';
}

const CLAIM_KEYS: Record<ClaimKind, Key> = { bonus: 'claimBonus', deduction: 'claimDeduction', score: 'claimScore', rank: 'claimRank', level: 'claimLevel', result: 'claimResult' };
const MODE_KEYS: Record<ColumnMode, Key> = { count: 'modeCount', points: 'modePoints', deducted: 'modeDeducted' };

/** What an item's own column holds when not read as points: a count, yes/no, a rate or a rank. */
function modeLabel(rs: CompiledRuleset, match: ColumnMatch, mode: ColumnMode): string {
  if (mode !== 'count') return t(MODE_KEYS[mode]);
  const kind = match.item ? rs.itemByCode.get(match.item)?.kind : undefined;
  return t(kind === 'flag' ? 'modeFlag' : kind === 'rate' ? 'modeRate' : kind === 'rank' ? 'modeRank' : 'modeCount');
}

/** The modes a column can be read in: an input item's counts or points; a category's points only. */
function modesOf(rs: CompiledRuleset, match: ColumnMatch): ColumnMode[] {
  if (match.target) return match.mode === 'deducted' ? ['deducted'] : ['points'];
  const item = match.item ? rs.itemByCode.get(match.item) : undefined;
  if (!item) return [];
  if (item.kind === 'judged') return ['points'];
  return item.role === 'deduction' ? ['count', 'deducted'] : ['count', 'points'];
}

function badgeFor(match: ColumnMatch, proposed: ColumnMatch): HTMLElement {
  if (matchValue(match) !== matchValue(proposed) || match.mode !== proposed.mode) {
    // A column of the mapping confirmed on a sheet with these headers, still as confirmed.
    const kept = state.remembered.find((entry) => entry.column === match.column);
    if (kept && matchValue(kept) === matchValue(match) && kept.mode === match.mode) return el('span', { class: 'badge match-manual' }, t('matchConfirmed'));
    return el('span', { class: 'badge match-manual' }, t('matchManual'));
  }
  switch (match.match) {
    case 'target':
      return el('span', { class: 'badge match-target' }, t('matchTarget'));
    case 'claim':
      return el('span', { class: 'badge match-claim' }, t('matchClaim'));
    case 'code':
      return el('span', { class: 'badge match-code' }, t('matchCode'));
    case 'label':
      return el('span', { class: 'badge match-label' }, t('matchLabel'));
    case 'near':
      return el('span', { class: 'badge match-near' }, t('matchNear', Math.round(match.similarity * 100)));
    case 'special':
      return el('span', { class: 'badge match-special' }, t('matchSpecial'));
    default:
      return el('span', { class: 'badge match-none' }, t('matchNone'));
  }
}

function renderMapping(rs: CompiledRuleset): void {
  const source = state.source;
  if (!source) return;
  const body = byId('mapping').querySelector('tbody') as HTMLTableSectionElement;
  body.replaceChildren();
  const inputs = rs.items.filter((item) => item.isInput);
  const targets = targetsOf(rs);
  state.mapping.forEach((match, index) => {
    const proposed = state.proposed[index];
    const header = match.header || t('emptyHeader');
    const select = el('select', { 'aria-label': t('mapFor', header), 'data-column': String(match.column) });
    select.append(
      el('option', { value: match.header === '' ? '' : 'ignore' }, t('optionNone')),
      el('option', { value: 'special:unit' }, t('optionUnit')),
      el('option', { value: 'special:tier' }, t('optionTier')),
      el('option', { value: 'special:criticized' }, t('optionCriticized')),
    );
    // A header that nothing matched keeps its own reading ('' : the core reads the header as written).
    if (match.header !== '' && matchValue(proposed) === '') select.append(el('option', { value: '' }, `${header}（${t('matchNone')}）`));
    const claims = el('optgroup', { label: t('optionClaims') });
    for (const claim of Object.keys(CLAIM_KEYS) as ClaimKind[]) claims.append(el('option', { value: `claim:${claim}` }, t(CLAIM_KEYS[claim])));
    select.append(claims);
    const group = el('optgroup', { label: rs.id });
    if (proposed.target) {
      const target = targets.all.find((candidate) => candidate.code === proposed.target);
      group.append(el('option', { value: `target:${proposed.target}` }, t('targetOption', proposed.target, target?.label ?? '')));
    }
    for (const item of inputs) {
      const label = !chinese && item.labelEn ? item.labelEn : item.label;
      group.append(el('option', { value: `item:${item.code}` }, `${item.code} ${label}`));
    }
    select.append(group);
    select.value = matchValue(match);
    const badgeCell = el('td', { class: 'badge-cell' }, badgeFor(match, proposed));
    const modeCell = el('td', {});
    const showMode = (current: ColumnMatch) => {
      modeCell.replaceChildren();
      const modes = modesOf(rs, current);
      if (modes.length === 0) return;
      if (modes.length === 1) {
        modeCell.append(el('span', { class: 'mode-fixed', 'data-mode': modes[0] }, modeLabel(rs, current, modes[0])));
        return;
      }
      const mode = el('select', { class: 'mode', 'aria-label': t('modeFor', header), 'data-mode-column': String(current.column) });
      for (const option of modes) mode.append(el('option', { value: option }, modeLabel(rs, current, option)));
      mode.value = current.mode && modes.includes(current.mode) ? current.mode : modes[0];
      mode.addEventListener('change', () => {
        state.mapping[index] = { ...state.mapping[index], mode: mode.value as ColumnMode };
        badgeCell.replaceChildren(badgeFor(state.mapping[index], proposed));
      });
      modeCell.append(mode);
    };
    showMode(match);
    select.addEventListener('change', () => {
      const value = select.value;
      const next: ColumnMatch = { column: match.column, header: match.header, item: null, match: 'none', similarity: 0 };
      if (value === 'ignore') next.ignored = true;
      else if (value.startsWith('special:')) {
        next.special = value.slice('special:'.length) as ColumnMatch['special'];
        next.match = 'special';
        next.similarity = 1;
      } else if (value.startsWith('claim:')) {
        next.claim = value.slice('claim:'.length) as ClaimKind;
        next.match = 'claim';
        next.similarity = 1;
      } else if (value.startsWith('target:')) {
        next.target = value.slice('target:'.length);
        next.match = 'target';
        next.mode = proposed.mode ?? 'points';
        next.similarity = 1;
      } else if (value.startsWith('item:')) {
        next.item = value.slice('item:'.length);
        next.match = proposed.item === next.item ? proposed.match : 'label';
        next.similarity = proposed.item === next.item ? proposed.similarity : 1;
        next.mode = proposed.item === next.item ? proposed.mode : modesOf(rs, next)[0];
      }
      state.mapping[index] = next;
      showMode(next);
      badgeCell.replaceChildren(badgeFor(next, proposed));
      updateMappingProblems();
    });
    body.append(el('tr', {}, el('th', { scope: 'row' }, header), el('td', {}, select), modeCell, badgeCell));
  });
  const info = t('sourceInfo', source.address, source.row + source.headerRow + 1, source.values.length - source.headerRow - 1);
  setText('mapping-source', state.rememberedFrom === null ? info : `${info}　${t('rememberedFrom', state.rememberedFrom)}`);
  byId('mapping-panel').hidden = false;
  updateMappingProblems();
}

/** Duplicate items or nothing mapped: say so and keep 生成计分表 disabled until fixed. */
function updateMappingProblems(): void {
  if (!state.source || state.busy) return;
  const box = byId('mapping-problem');
  const seen = new Map<string, number>();
  let problem = '';
  for (const match of state.mapping) {
    if (!match.item) continue;
    const before = seen.get(match.item);
    if (before !== undefined) {
      problem = t('duplicateItem', match.item, before + 1, match.column + 1);
      break;
    }
    seen.set(match.item, match.column);
  }
  if (!problem && seen.size === 0 && !state.mapping.some((match) => match.target !== undefined && !match.ignored)) problem = t('noItemMapped');
  box.textContent = problem;
  box.hidden = problem === '';
  byId<HTMLButtonElement>('create-scorecard').disabled = problem !== '' || !functionsRun;
}

// ---------------------------------------------------------------------------------------------
// Findings and problems lists

function goToButton(sheet: string, cell: string): HTMLButtonElement {
  const where = `${sheet}!${cell}`;
  const button = el('button', { type: 'button', class: 'link', 'aria-label': t('goToLabel', where) }, t('goTo'));
  button.addEventListener('click', () =>
    act('going', async () => {
      await host.goTo(sheet, cell);
      return t('wentTo', where);
    }),
  );
  return button;
}

const SEVERITY: Record<MarkedFinding['severity'], Key> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo', threshold: 'severityThreshold' };

function renderFindings(findings: MarkedFinding[], sheet: string): void {
  const list = byId('findings');
  list.replaceChildren();
  const traditional = chinese && findings.some((finding) => isTraditional(finding.quote));
  setText('findings-summary', (findings.length === 0 ? t('findingsNone', sheet) : t('findingsSome', findings.length, sheet)) + (traditional ? `（${TRADITIONAL_QUOTES_NOTE.zh}）` : ''));
  for (const finding of findings) {
    list.append(
      el(
        'li',
        { class: `finding sev-${finding.severity}` },
        el(
          'div',
          { class: 'finding-head' },
          el('span', { class: `badge sev-${finding.severity}` }, t(SEVERITY[finding.severity])),
          el('span', { class: 'cell-ref' }, finding.cell),
          el('span', { class: 'unit' }, finding.unit),
          el('span', { class: 'code' }, chinese ? finding.subject : finding.subjectEn),
        ),
        // One language at a time: in Chinese, clause labels in Simplified script (the quote verbatim).
        el('p', { class: 'message' }, chinese ? simplifiedClauses(finding.message) : finding.messageEn),
        finding.clause ? el('p', { class: 'cite' }, el('span', { class: 'clause' }, chinese ? simplifiedLabel(finding.clause) : finding.clause), finding.quote ? el('span', { class: 'quote' }, finding.quote) : null) : null,
        el('div', { class: 'finding-actions' }, goToButton(sheet, finding.cell)),
      ),
    );
  }
}

function renderRulesetProblems(address: string, problems: Array<{ cell: string; message: string }>): void {
  const list = byId('rules-problems');
  list.replaceChildren();
  const sheet = parseAddress(address).sheet;
  for (const problem of problems) {
    list.append(
      el(
        'li',
        { class: 'finding sev-warning' },
        el('div', { class: 'finding-head' }, problem.cell ? el('span', { class: 'cell-ref' }, problem.cell) : null),
        el('p', { class: 'message' }, problem.message),
        problem.cell && sheet ? el('div', { class: 'finding-actions' }, goToButton(sheet, problem.cell)) : null,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Actions

async function readTable(): Promise<string> {
  const { rs } = chosen();
  const source = await readSource(host);
  state.source = source;
  // A mapping confirmed on a table with these headers (last month's sheet) is offered instead of the proposal.
  const remembered = rememberedFor(await keptMappings(), rs, source);
  propose(rs, remembered);
  return remembered ? t('readRemembered', source.address, remembered.sheet) : t('readDone', source.address);
}

async function makeScorecard(): Promise<string> {
  const { rs, ref } = chosen();
  const source = state.source;
  if (!source) throw new AssessError({ kind: 'layout', zh: ZH.noSource, en: EN.noSource });
  const mapping = state.mapping.map((match) => ({ ...match }));
  const result = await createScorecard(host, { ruleset: rs, rulesetRef: ref, source, mapping });
  await keepMapping(rs);
  return t('scorecardDone', result.sheet, result.rows);
}

async function makeTemplate(): Promise<string> {
  const { rs, ref } = chosen();
  const result = await createTemplate(host, rs, ref);
  return t('templateDone', result.sheet, result.rows);
}

async function validate(): Promise<string> {
  const { rs } = chosen();
  byId('findings').replaceChildren();
  setText('findings-summary', '');
  // The mapping the clerk confirmed applies where the table read has the same headers, and only
  // with the ruleset it was made for (a switch of ruleset proposes a new one).
  const mapping = state.mapping.length > 0 && state.mappingFor === rs ? state.mapping : undefined;
  const result = await markFindings(host, rs, mapping);
  if (mapping) await keepMapping(rs);
  renderFindings(result.findings, result.sheet);
  const said = result.findings.length === 0 ? t('findingsNone', result.sheet) : t('findingsSome', result.findings.length, result.sheet);
  return result.notesFailed === undefined ? said : said + t('notesFailed', result.notesFailed);
}

async function clear(): Promise<string> {
  const result = await host.clearMarks();
  byId('findings').replaceChildren();
  setText('findings-summary', '');
  return result.cleared === 0 ? t('clearNone') : t('clearDone', result.cleared);
}

async function newRules(): Promise<string> {
  const rs = chosenBuiltIn();
  const result = await createRulesetSheet(host, rs);
  return t('rulesDone', result.address, rs.id);
}

async function checkRules(): Promise<string> {
  byId('rules-problems').replaceChildren();
  byId('cases-wrap').hidden = true;
  const check = await checkRulesetTable(host);
  if (check.ok && check.ruleset) {
    state.workbook = { rs: check.ruleset, address: check.address };
    setText('rules-summary', t('rulesOk', check.address, check.ruleset.items.filter((item) => item.isInput).length));
    showRuleset();
    return t('rulesOk', check.address, check.ruleset.items.filter((item) => item.isInput).length);
  }
  setText('rules-summary', t('rulesBad', check.address, check.problems.length));
  renderRulesetProblems(check.address, check.problems);
  return t('rulesBad', check.address, check.problems.length);
}

async function useSelection(): Promise<string> {
  const message = await checkRules();
  if (!state.workbook) return message;
  state.choice = WORKBOOK;
  byId<HTMLSelectElement>('ruleset').value = WORKBOOK;
  showRuleset();
  if (state.source) propose(state.workbook.rs);
  return t('rulesetInUse', state.workbook.address, state.workbook.rs.id);
}

async function cases(): Promise<string> {
  const { rs } = chosen();
  byId('rules-problems').replaceChildren();
  const source = await readSource(host);
  const outcomes = runCases(rs, source.values);
  const body = byId('cases').querySelector('tbody') as HTMLTableSectionElement;
  body.replaceChildren();
  for (const outcome of outcomes) {
    body.append(
      el(
        'tr',
        { class: outcome.ok ? 'case-pass' : 'case-fail' },
        el('td', { class: 'num' }, source.row + outcome.row + 1),
        el('td', {}, outcome.unit),
        el('td', { class: 'num' }, outcome.expected === null ? '—' : outcome.expected),
        el('td', { class: 'num' }, outcome.actual === null ? '—' : outcome.actual),
        el('td', {}, el('span', { class: `badge ${outcome.ok ? 'match-code' : 'sev-threshold'}` }, outcome.ok ? t('casePass') : t('caseFail')), outcome.message ? el('span', { class: 'quote' }, outcome.message) : null),
      ),
    );
  }
  const passed = outcomes.filter((outcome) => outcome.ok).length;
  const summary = t('casesSummary', outcomes.length, passed, outcomes.length - passed, rs.id);
  setText('cases-caption', summary);
  setText('rules-summary', '');
  byId('cases-wrap').hidden = false;
  return summary;
}

// ---------------------------------------------------------------------------------------------
// 从细则起草: a regulation's text → a new ruleset sheet, and the text beside what it became

/** "中文 / English" notes of the drafter, one language at a time. */
function half(text: string): string {
  // The English half follows the first "/ " before plain text ("（是/否）/ read as once"; 是/否 itself has no space).
  const match = /\s*\/\s+(?=[\x21-\x7e])/.exec(text);
  if (!match) return text;
  return chinese ? text.slice(0, match.index) : text.slice(match.index + match[0].length);
}

function renderDraft(draft: PaneDraft, entries: DraftEntry[]): void {
  const list = byId('draft-clauses');
  list.replaceChildren();
  setText('draft-summary', t('draftListSummary', draft.name, entries.length));
  for (const entry of entries) {
    const toConfirm = entry.records.some((record) => record.confirm) || entry.unread.length > 0;
    const records = el('ul', { class: 'draft-records' });
    for (const record of entry.records)
      records.append(
        el(
          'li',
          { class: record.confirm ? 'draft-record confirm' : 'draft-record' },
          record.confirm ? el('span', { class: 'badge sev-warning' }, t('draftConfirm')) : null,
          el('span', { class: 'summary' }, chinese ? record.zh : record.en),
          record.confirm && record.note ? el('span', { class: 'draft-note' }, half(record.note)) : null,
        ),
      );
    for (const unread of entry.unread)
      records.append(
        el(
          'li',
          { class: 'draft-unread' },
          el('span', { class: 'badge sev-threshold' }, t('draftUnread')),
          el('span', { class: 'summary' }, half(unread.why)),
          unread.quote === entry.quote ? null : el('span', { class: 'quote' }, unread.quote),
        ),
      );
    list.append(
      el(
        'li',
        { class: `finding draft-clause ${toConfirm ? 'sev-warning' : 'sev-info'}` },
        el('div', { class: 'finding-head' }, el('span', { class: 'clause' }, entry.clause === '' ? '—' : chinese ? simplifiedLabel(entry.clause) : entry.clause)),
        el('span', { class: 'quote' }, entry.quote),
        records,
      ),
    );
  }
}

async function writeDrafted(draft: PaneDraft): Promise<string> {
  byId('draft-clauses').replaceChildren();
  setText('draft-summary', '');
  const entries = draftEntries(draft);
  const written = await writeDraft(host, draft);
  renderDraft(draft, entries);
  const records = [draft.result.draft.items, draft.result.draft.groups, draft.result.draft.totals, draft.result.draft.grades, draft.result.draft.levels, draft.result.draft.thresholds].reduce((n, list) => n + list.length, 0);
  const said = t('draftDone', written.address, records, written.confirm, written.unread, written.unreadSheet);
  return written.notesFailed === undefined ? said : said + t('notesFailed', written.notesFailed);
}

async function draftPasted(): Promise<string> {
  const text = byId<HTMLTextAreaElement>('draft-text').value;
  if (text.trim() === '') throw new AssessError({ kind: 'layout', zh: ZH.noDraftText, en: EN.noDraftText });
  return writeDrafted(draftFromText(text, t('pastedText')));
}

async function draftFile(): Promise<string> {
  const input = byId<HTMLInputElement>('draft-file');
  const file = input.files?.[0];
  if (!file) throw new AssessError({ kind: 'layout', zh: ZH.noDraftText, en: EN.noDraftText });
  try {
    const ext = /\.[^.]*$/.exec(file.name)?.[0].toLowerCase() ?? '';
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (ext === '.docx') {
      return await writeDrafted(draftFromBlocks(blocksOfDocx(bytes, file.name), file.name));
    }
    if (ext !== '.txt' && ext !== '.md' && ext !== '.markdown') throw new AssessError({ kind: 'layout', zh: ZH.draftUnsupported.replace('{0}', ext || file.name), en: EN.draftUnsupported.replace('{0}', ext || file.name) });
    return await writeDrafted(draftFromText(regulationText(bytes), file.name));
  } finally {
    input.value = '';
  }
}

// ---------------------------------------------------------------------------------------------
// Start

function localize(): void {
  document.documentElement.lang = chinese ? 'zh-CN' : 'en';
  document.title = chinese ? 'ASSESS 政务服务考核' : 'ASSESS — government service assessment';
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = element.dataset.i18n as Key;
    if (key in ZH) element.textContent = t(key);
  }
}

function on(id: string, working: Key, work: () => Promise<string | void>): void {
  byId(id).addEventListener('click', () => act(working, work));
}

/** The host the pane was started on: its entry point (src/excel/pane.ts, src/wps/pane.ts) decides. */
let host: Host;
/** Whether the add-in's custom functions run here (see PaneOptions.functions). */
let functionsRun = true;

export interface PaneOptions {
  /**
   * False where the spreadsheet does not run the add-in's custom functions (Excel without
   * CustomFunctionsRuntime 1.3): the actions that write ASSESS.* formulas (input sheet, scorecard)
   * are off and the pane says what still works; validating in place needs no functions.
   */
  functions?: boolean;
}

/** Starts the pane on a host, in the language given (Chinese for every zh-*). */
export function startPane(given: Host, language: string, options: PaneOptions = {}): void {
  host = given;
  chinese = /^zh/i.test(language);
  functionsRun = options.functions !== false;
  localize();
  if (!functionsRun) {
    const notice = byId('functions-notice');
    notice.textContent = t('noFunctions');
    notice.hidden = false;
    for (const id of ['create-template', 'create-scorecard']) byId<HTMLButtonElement>(id).disabled = true;
  }
  fillRulesetSelect();
  byId('ruleset').addEventListener('change', onRulesetChange);
  on('use-selection', 'checking', useSelection);
  on('create-template', 'writingTemplate', makeTemplate);
  on('read-table', 'reading', readTable);
  on('create-scorecard', 'writingScorecard', makeScorecard);
  on('validate', 'validating', validate);
  on('clear-marks', 'clearing', clear);
  on('new-rules', 'writingRules', newRules);
  on('check-rules', 'checking', checkRules);
  on('run-cases', 'runningCases', cases);
  on('draft', 'drafting', draftPasted);
  byId('draft-file').addEventListener('change', () => act('drafting', draftFile));
  showRuleset();
  document.body.dataset.ready = 'true';
}
