/**
 * The ASSESS functions in HyperFormula (the browser playground, tests): one
 * FunctionPlugin whose `implementedFunctions` table declares every function — id, parameters,
 * spill size — beside a method a few lines long that hands Excel-shaped values to
 * implementation.ts. Cells in → 2-D arrays; results out → values or spills; FunctionError out →
 * CellError (#VALUE! / #N/A) carrying the message. No Node-only modules.
 *
 * Names. HyperFormula takes dotted ids (`ASSESS.SCORE`, any case), but its formula lexer reads a
 * function name only from A–Z, a–z, U+00C0–U+02AF, digits, `_` and `.`: `=考核.计算得分(…)` does not
 * parse (#ERROR!), so no CJK id or translation can be registered. The closest scheme that works:
 * the engine knows the English ids only, and the Chinese names of zh-cn.json are translated at this
 * boundary — `toEngineFormula` before a formula goes in (buildAssessEngine does it for the sheets it
 * builds), `toChineseFormula` to show one.
 *
 * Spills. HyperFormula fixes a formula's spill area when the formula is entered, from its syntax
 * tree alone (no cell has a value yet), and never revisits it; a result larger than the area makes
 * the engine throw ("Resizing to smaller array") out of setCellContents. So each array function
 * sizes its spill from its arguments: exactly where they fix it (LEVEL, RULESETS, ITEMS of a named
 * ruleset), otherwise as the most rows the result can have (BREAKDOWN, CHECK), the rest left empty;
 * and a result that still does not fit is #VALUE! with a message, never an exception.
 */
import {
  ArraySize,
  CellError,
  type ConfigParams,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  HyperFormula,
  type ImplementedFunctions,
  type Sheet,
  type Sheets,
  SimpleRangeValue,
} from 'hyperformula';
import type { CompiledRuleset } from '../core';
import { BUILT_IN_IDS } from '../rulesets';
import * as impl from './implementation';
import zhCN from './zh-cn.json';

type Interpreter = ConstructorParameters<FunctionPluginDefinition>[0];
type Ast = Parameters<Interpreter['evaluateAst']>[0];
type State = Parameters<Interpreter['evaluateAst']>[1];
type Value = ReturnType<Interpreter['evaluateAst']>;
/** A function call in a formula's syntax tree. */
type CallAst = Extract<Ast, { procedureName: string }>;

const FUNCTION_KEYS = ['SCORE', 'SCORES', 'BREAKDOWN', 'GRADE', 'LEVEL', 'CHECK', 'REWARD', 'ITEMS', 'EXPLAIN', 'RULESETS'] as const;

/** Function ids as registered and typed in English formulas: ASSESS.SCORE … */
export const ASSESS_FUNCTION_IDS: readonly string[] = FUNCTION_KEYS.map((key) => `ASSESS.${key}`);

/** Chinese name (考核.计算得分) → engine id (ASSESS.SCORE), from zh-cn.json. */
export const CHINESE_FUNCTION_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  FUNCTION_KEYS.map((key) => [`${zhCN.namespace}.${zhCN.functions[key].name}`, `ASSESS.${key}`]),
);

/** A language's translations of the ids: the ids themselves (the lexer takes no other script). */
const ID_NAMES: Readonly<Record<string, string>> = Object.fromEntries(ASSESS_FUNCTION_IDS.map((id) => [id, id]));

// ---------------------------------------------------------------------------------------------
// Cells in, results out

/** Error values as Excel shows them (what implementation.ts expects in a cell), whatever the engine's language. */
const ERROR_TEXT: Record<ErrorType, string> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.CYCLE]: '#CYCLE!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.SPILL]: '#SPILL!',
  [ErrorType.LIC]: '#LIC!',
  [ErrorType.ERROR]: '#ERROR!',
};

/** One engine value as Excel hands it to a custom function: empty → null, error → its text. */
function cellOf(value: unknown): impl.ExcelValue {
  if (value === undefined || value === null || value === EmptyValue) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof CellError) return ERROR_TEXT[value.type];
  // Dates, percents and currencies arrive as rich numbers: the number the cell holds.
  if (typeof value === 'object' && 'val' in value && typeof value.val === 'number') return value.val;
  return String(value);
}

/** A range or a scalar argument as the 2-D array Excel passes to a matrix parameter. */
function matrixOf(value: unknown): impl.ExcelMatrix {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(cellOf));
  return [[cellOf(value)]];
}

/** An optional argument: null when omitted or left empty (`=ASSESS.LEVEL(A1:A9,"x",,B1:B9)`). */
function optionalMatrixOf(value: unknown): impl.ExcelMatrix | null {
  return value === undefined || value === EmptyValue ? null : matrixOf(value);
}

/**
 * The language of error messages: both (Chinese first, as Excel shows them) unless the page that
 * hosts the engine shows one language (the playground sets it from the browser's language).
 */
export type MessageLanguage = 'both' | 'zh' | 'en';
let messageLanguage: MessageLanguage = 'both';
export function setMessageLanguage(language: MessageLanguage): void {
  messageLanguage = language;
}

function message(zh: string, en: string): string {
  return messageLanguage === 'zh' ? zh : messageLanguage === 'en' ? en : `${zh} / ${en}`;
}

function invalidCell(zh: string, en: string): CellError {
  return new CellError(ErrorType.VALUE, message(zh, en));
}

function cellErrorOf(error: unknown): CellError {
  if (error instanceof impl.FunctionError) return new CellError(error.code === 'notAvailable' ? ErrorType.NA : ErrorType.VALUE, messageLanguage === 'both' ? error.message : message(error.zh, error.en));
  return invalidCell('内部错误，请报告此问题', `internal error: ${error instanceof Error ? error.message : String(error)}`);
}

type Result = number | string | ReadonlyArray<ReadonlyArray<string | number | CellError>>;

/** A result into the area the formula reserved: a spill padded with empty cells, or #VALUE! if it does not fit. */
function fit(result: Result, size: ArraySize): Value {
  if (typeof result === 'number' || typeof result === 'string') return result;
  const height = result.length;
  const width = Math.max(0, ...result.map((row) => row.length));
  if (size.isScalar()) {
    if (height === 1 && width === 1) return result[0][0];
  } else if (height <= size.height && width <= size.width) {
    const rows = Array.from({ length: size.height }, (_, r) =>
      Array.from({ length: size.width }, (__, c): string | number | CellError | typeof EmptyValue => result[r]?.[c] ?? EmptyValue),
    );
    return SimpleRangeValue.onlyValues(rows);
  }
  return invalidCell(
    `结果有 ${height} 行 ${width} 列，超出公式预留的 ${size.height} 行 ${size.width} 列：请直接给出规则集编号或具体区域（不用整列、名称）`,
    `the result is ${height}×${width}, larger than the ${size.height}×${size.width} the formula reserves: give the ruleset id or an explicit range (not a whole column or a name)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Spill sizes, from the arguments' syntax (see the note at the top)

const BREAKDOWN_WIDTH = 5;
const CHECK_WIDTH = 3;
const ITEMS_WIDTH = 5;

/** Rows BREAKDOWN can return: header, each scored item, each open-item cell, each cap that can adjust, total. */
function breakdownRows(rs: CompiledRuleset, dataCells: number): number {
  let adjustments = [rs.bonusCap, rs.deductionCap, rs.deductionWithinBonus].filter((total) => total !== null).length;
  for (const group of rs.groups) adjustments += (group.once ? 1 : 0) + (group.cap !== null ? 1 : 0);
  return 2 + rs.scoredItems.length + (rs.openItems ? dataCells : 0) + adjustments;
}

/**
 * Findings one unit can have in CHECK: an item at most one (a judged item two: unscored or out of
 * bounds, and an incident out of range), a group cap, a check, a threshold, the level findings.
 */
function checkRowsPerUnit(rs: CompiledRuleset): number {
  const items = rs.items.reduce((sum, item) => sum + (item.kind === 'judged' ? 2 : 1), 0);
  return items + rs.groups.length + rs.checks.length + rs.thresholds.length + (rs.levels.length > 0 ? rs.levels.length + 1 : 0);
}

let builtIns: CompiledRuleset[] | undefined;
function builtInRulesets(): CompiledRuleset[] {
  builtIns ??= BUILT_IN_IDS.map((id) => impl.resolveRuleset(id));
  return builtIns;
}

/**
 * What the ruleset argument can be before any cell is computed: built-in rulesets (a literal id:
 * that one; a cell, or a range of at most 2×2 that implementation.resolveRuleset reads as an id:
 * any), and/or a ruleset table of `tableHeight` rows (any range of more than one cell). Null for a
 * missing argument or a literal that names no ruleset: the error fits one cell.
 */
interface RulesetShape {
  builtIns: CompiledRuleset[];
  tableHeight: number;
}

function literalText(ast: Ast | undefined): string | undefined {
  const node = ast as { type?: string; value?: unknown } | undefined;
  return node?.type === 'STRING' && typeof node.value === 'string' ? node.value : undefined;
}

// Every argument is ANY: a cell or a range, passed on as the 2-D array implementation.ts expects,
// so that its messages (naming the item and the value) reach the user — NUMBER would turn an empty
// score into 0, STRING would flatten a ruleset table. Errors inside a range reach implementation.ts
// as their text and are reported per item; a single error cell as an argument propagates, as in Excel.
const ANY = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const spills = (method: string) => ({ method, sizeOfResultArrayMethod: `${method}Size`, vectorizationForbidden: true });

export class AssessPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    'ASSESS.SCORE': { method: 'score', parameters: [ANY, ANY, OPTIONAL] },
    'ASSESS.SCORES': { ...spills('scores'), parameters: [ANY, ANY, OPTIONAL] },
    'ASSESS.BREAKDOWN': { ...spills('breakdown'), parameters: [ANY, ANY, OPTIONAL] },
    'ASSESS.GRADE': { method: 'grade', parameters: [ANY, ANY] },
    'ASSESS.LEVEL': { ...spills('level'), parameters: [ANY, ANY, OPTIONAL, OPTIONAL] },
    'ASSESS.CHECK': { ...spills('check'), parameters: [ANY, ANY, OPTIONAL] },
    'ASSESS.REWARD': { method: 'reward', parameters: [ANY, ANY, OPTIONAL] },
    'ASSESS.ITEMS': { ...spills('items'), parameters: [ANY] },
    'ASSESS.EXPLAIN': { method: 'explain', parameters: [ANY, ANY, OPTIONAL] },
    'ASSESS.RULESETS': { ...spills('rulesets'), parameters: [] },
  };

  /** Function names per language, as HyperFormula's custom-functions guide keeps them (registerAssess covers every registered language). */
  static translations: Record<string, Record<string, string>> = { enGB: ID_NAMES, enUS: ID_NAMES };

  score(ast: CallAst, state: State): Value {
    return this.call('ASSESS.SCORE', ast, state, (data, ruleset, headers) => impl.score(matrixOf(data), matrixOf(ruleset), optionalMatrixOf(headers)));
  }

  scores(ast: CallAst, state: State): Value {
    return this.call('ASSESS.SCORES', ast, state, (data, ruleset, headers) => impl.scores(matrixOf(data), matrixOf(ruleset), optionalMatrixOf(headers)), this.scoresSize(ast, state));
  }

  breakdown(ast: CallAst, state: State): Value {
    return this.call('ASSESS.BREAKDOWN', ast, state, (data, ruleset, headers) => impl.breakdown(matrixOf(data), matrixOf(ruleset), optionalMatrixOf(headers)), this.breakdownSize(ast, state));
  }

  grade(ast: CallAst, state: State): Value {
    return this.call('ASSESS.GRADE', ast, state, (score, ruleset) => {
      const cells = matrixOf(score);
      if (cells.length !== 1 || cells[0].length !== 1) return invalidCell('得分应为一个单元格', 'the score must be one cell');
      // implementation.grade reads any cell value (though its parameter says number) and names a bad one.
      return impl.grade(cells[0][0], matrixOf(ruleset));
    });
  }

  level(ast: CallAst, state: State): Value {
    return this.call(
      'ASSESS.LEVEL',
      ast,
      state,
      (scores, ruleset, tiers, criticized) => impl.level(matrixOf(scores), matrixOf(ruleset), optionalMatrixOf(tiers), optionalMatrixOf(criticized)),
      this.levelSize(ast, state),
    );
  }

  check(ast: CallAst, state: State): Value {
    return this.call('ASSESS.CHECK', ast, state, (data, ruleset, headers) => impl.check(matrixOf(data), matrixOf(ruleset), optionalMatrixOf(headers)), this.checkSize(ast, state));
  }

  reward(ast: CallAst, state: State): Value {
    return this.call('ASSESS.REWARD', ast, state, (data, ruleset, headers) => impl.reward(matrixOf(data), matrixOf(ruleset), optionalMatrixOf(headers)));
  }

  items(ast: CallAst, state: State): Value {
    return this.call('ASSESS.ITEMS', ast, state, (ruleset) => impl.items(matrixOf(ruleset)), this.itemsSize(ast, state));
  }

  explain(ast: CallAst, state: State): Value {
    return this.call('ASSESS.EXPLAIN', ast, state, (data, ruleset, headers) => impl.explain(matrixOf(data), matrixOf(ruleset), optionalMatrixOf(headers)));
  }

  rulesets(ast: CallAst, state: State): Value {
    return this.call('ASSESS.RULESETS', ast, state, () => impl.rulesets(), this.rulesetsSize(ast));
  }

  /** SCORES: exact — a cell per row of data. */
  scoresSize(ast: CallAst, state: State): ArraySize {
    const data = this.dims(ast.args[0], state);
    return data === undefined ? ArraySize.scalar() : this.area(1, data.height);
  }

  /** BREAKDOWN: the most rows its ruleset can give (open items: one per data cell). */
  breakdownSize(ast: CallAst, state: State): ArraySize {
    const shape = this.rulesetShape(ast.args[1], state);
    const data = this.dims(ast.args[0], state);
    if (shape === null || data === undefined) return ArraySize.scalar();
    const cells = data.width * data.height;
    // A table row gives at most two rows (an item; a group's one-time and cap adjustments); any
    // table may have open items.
    const rows = Math.max(shape.tableHeight > 0 ? 2 + 2 * shape.tableHeight + cells : 0, ...shape.builtIns.map((rs) => breakdownRows(rs, cells)));
    return this.area(BREAKDOWN_WIDTH, rows);
  }

  /** LEVEL: a level per score cell — a row for a row of scores, otherwise a column. */
  levelSize(ast: CallAst, state: State): ArraySize {
    const scores = this.dims(ast.args[0], state);
    if (scores === undefined) return ArraySize.scalar();
    return scores.height === 1 ? this.area(scores.width, 1) : this.area(1, scores.width * scores.height);
  }

  /** CHECK: a header, then at most every finding of every unit (one per data row) and one incident per ledger row. */
  checkSize(ast: CallAst, state: State): ArraySize {
    const shape = this.rulesetShape(ast.args[1], state);
    const data = this.dims(ast.args[0], state);
    if (shape === null || data === undefined) return ArraySize.scalar();
    // A table row (an item, group, check, threshold or level) gives a unit at most two findings.
    const perUnit = Math.max(2 * shape.tableHeight + 1, ...shape.builtIns.map(checkRowsPerUnit));
    return this.area(CHECK_WIDTH, 1 + data.height * (perUnit + 1));
  }

  /** ITEMS: exact for a named ruleset; a table row gives at most two rows (an item and its volume column). */
  itemsSize(ast: CallAst, state: State): ArraySize {
    const shape = this.rulesetShape(ast.args[0], state);
    if (shape === null) return ArraySize.scalar();
    return this.area(ITEMS_WIDTH, Math.max(1 + 2 * shape.tableHeight, ...shape.builtIns.map((rs) => impl.items([[rs.id]]).length)));
  }

  /** RULESETS: exact. */
  rulesetsSize(ast: CallAst): ArraySize {
    if (ast.args.length > 0) return ArraySize.scalar();
    const rows = impl.rulesets();
    return this.area(rows[0].length, rows.length);
  }

  /** Runs one function: arguments checked and evaluated by HyperFormula, the result fitted to its area. */
  private call(id: string, ast: CallAst, state: State, body: (...args: unknown[]) => Result | CellError, size = ArraySize.scalar()): Value {
    const value = this.runFunction(ast.args, state, this.metadata(id), (...args: unknown[]) => {
      try {
        const result = body(...args);
        return result instanceof CellError ? result : fit(result, size);
      } catch (error) {
        return cellErrorOf(error);
      }
    });
    // As in Excel, an error shows in the formula's cell only (HyperFormula would fill the whole area with it).
    return value instanceof CellError && !size.isScalar() ? fit([[value]], size) : value;
  }

  /** Width and height of an argument before evaluation (a range's size; 1×1 for a value); undefined if missing or unbounded. */
  private dims(ast: Ast | undefined, state: State): { width: number; height: number } | undefined {
    if (ast === undefined) return undefined;
    const size = this.arraySizeForAst(ast, state);
    if (!Number.isFinite(size.width) || !Number.isFinite(size.height) || size.height > this.config.maxRows) return undefined;
    return { width: size.width, height: size.height };
  }

  private rulesetShape(ast: Ast | undefined, state: State): RulesetShape | null {
    const literal = literalText(ast);
    if (literal !== undefined) {
      try {
        return { builtIns: [impl.resolveRuleset(literal)], tableHeight: 0 };
      } catch {
        return null;
      }
    }
    const dims = this.dims(ast, state);
    if (dims === undefined) return null;
    return {
      builtIns: dims.width <= 2 && dims.height <= 2 ? builtInRulesets() : [],
      tableHeight: dims.width * dims.height > 1 ? dims.height : 0,
    };
  }

  /** A spill area, or one cell when it would pass the sheet's limits. */
  private area(width: number, height: number): ArraySize {
    if (height < 1 || height > this.config.maxRows || width > this.config.maxColumns) return ArraySize.scalar();
    return new ArraySize(width, height);
  }
}

// ---------------------------------------------------------------------------------------------
// Registration, engines, Chinese names

/** The part of the HyperFormula class registration needs (the class itself, or its default export). */
export type HyperFormulaClass = Pick<typeof HyperFormula, 'registerFunctionPlugin' | 'getRegisteredLanguagesCodes'>;

/**
 * Registers the ASSESS functions with HyperFormula, for engines built afterwards. Idempotent; call
 * it again after registering a language so that language knows the names too (HyperFormula
 * recognizes a function only in languages that translate it).
 */
export function registerAssess(hyperformula: HyperFormulaClass = HyperFormula): void {
  const translations = Object.fromEntries(hyperformula.getRegisteredLanguagesCodes().map((code) => [code, ID_NAMES]));
  hyperformula.registerFunctionPlugin(AssessPlugin, translations);
}

const STRING_OR_QUOTED_SHEET = /("(?:[^"]|"")*"|'(?:[^']|'')*')|([^"']+|["'])/g;

/** Rewrites function names in a formula outside string literals and quoted sheet names. */
function renameFunctions(formula: string, pattern: RegExp, rename: (name: string) => string): string {
  if (!formula.trimStart().startsWith('=')) return formula;
  return formula.replace(STRING_OR_QUOTED_SHEET, (_whole, quoted: string | undefined, plain: string) => quoted ?? plain.replace(pattern, rename));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CHINESE_CALL = new RegExp(`(${Object.keys(CHINESE_FUNCTION_NAMES).map(escapeRegExp).join('|')})(?=\\s*\\()`, 'g');
const ENGLISH_CALL = new RegExp(`(?<![\\p{L}\\p{N}_.])(${ASSESS_FUNCTION_IDS.map(escapeRegExp).join('|')})(?=\\s*\\()`, 'giu');
const ENGLISH_TO_CHINESE = Object.fromEntries(Object.entries(CHINESE_FUNCTION_NAMES).map(([zh, en]) => [en, zh]));

/** `=考核.计算得分(A2:K2,"chengdu2006")` → `=ASSESS.SCORE(A2:K2,"chengdu2006")`; anything else unchanged. */
export function toEngineFormula(formula: string): string {
  return renameFunctions(formula, CHINESE_CALL, (name) => CHINESE_FUNCTION_NAMES[name] ?? name);
}

/** `=ASSESS.SCORE(…)` (any case) → `=考核.计算得分(…)`, to show a formula the engine holds. */
export function toChineseFormula(formula: string): string {
  return renameFunctions(formula, ENGLISH_CALL, (name) => ENGLISH_TO_CHINESE[name.toUpperCase()] ?? name);
}

function translateSheet(sheet: Sheet): Sheet {
  return sheet.map((row) => row.map((cell) => (typeof cell === 'string' ? toEngineFormula(cell) : cell)));
}

/**
 * A HyperFormula engine with the ASSESS functions, from one sheet (an array of rows) or named
 * sheets. Formulas may use the English or the Chinese names. HyperFormula is GPL-3.0 unless a
 * commercial key is given in `config.licenseKey`.
 */
export function buildAssessEngine(sheets: Sheet | Sheets = [], config: Partial<ConfigParams> = {}): HyperFormula {
  registerAssess(HyperFormula);
  const params: Partial<ConfigParams> = { licenseKey: 'gpl-v3', ...config };
  if (Array.isArray(sheets)) return HyperFormula.buildFromArray(translateSheet(sheets), params);
  return HyperFormula.buildFromSheets(Object.fromEntries(Object.entries(sheets).map(([name, sheet]) => [name, translateSheet(sheet)])), params);
}
