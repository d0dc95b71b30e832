/**
 * ASSESS custom functions in WPS 表格: the same implementations as Excel's
 * (src/functions/implementation.ts), registered with
 * `wps.AddCustomFunction("ASSESS", name, fn, metadata)` when the add-in's entry page loads.
 *
 * The metadata is functions.json as the wpsjs scanner writes it ({functions: [{name, description,
 * parameters: [{name, description, type}], result: {type}}]}), generated at build time from the
 * same JSDoc as the Office metadata, with the Chinese descriptions of src/functions/zh-cn.json
 * (scripts/wps-functions-json.mjs); webpack.wps.config.js emits it as dist-wps/functions.json and
 * defines it here as __ASSESS_WPS_FUNCTIONS__, so both always agree.
 *
 * Names: the English ids (SCORE …), because wpsjs's scanner accepts only ^[a-zA-Z_][a-zA-Z0-9_]*$;
 * a formula reads =ASSESS.SCORE(…) in WPS as in Excel, so a workbook moves between them unchanged.
 *
 * Arguments: WPS documents parameter types string/number/bool/any and two-dimensional arrays
 * (any[][]); a single cell or a literal may arrive as a plain value. Each argument is made into
 * rows of cells: a scalar stays a scalar (implementation.ts wraps it as [[v]]), a one-dimensional
 * array is one row, empty cells (undefined/null) are null, and any value that is not text, a number
 * or a boolean, or a number that is a COM error code (how WPS hands over an error cell is not
 * documented; com-errors.ts), is read as its error text, so it is reported as an error cell instead
 * of being read as a number.
 *
 * Errors: WPS documents no error type for custom functions (Excel has CustomFunctions.Error).
 * A failure is thrown as an Error whose message starts with the error's code, "#VALUE! …" for bad
 * input and "#N/A …" for an unknown ruleset or one without grades/levels/rewards, followed by the
 * same Chinese/English message Excel shows; what WPS shows in the cell is its own error value.
 */
import { FUNCTION_IDS, type FunctionId, NAMESPACE } from '../functions/names';
import * as impl from '../functions/implementation';
import { comErrorText } from './com-errors';

export interface WpsParameterMetadata {
  name: string;
  description: string;
  /** "any[][]", "number", "string", "bool", "any"; a trailing "?" marks an optional parameter. */
  type: string;
}

export interface WpsFunctionMetadata {
  name: string;
  description: string;
  parameters: WpsParameterMetadata[];
  result: { type: string };
}

export interface WpsFunctionsJson {
  functions: WpsFunctionMetadata[];
}

/** The part of the WPS root object (global `wps`) this file uses; et-jsapi-declare's WPS.EtAddonRoot. */
export interface WpsFunctionRegistry {
  AddCustomFunction(namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: Omit<WpsFunctionMetadata, 'name'>): void;
}

declare const __ASSESS_WPS_FUNCTIONS__: WpsFunctionsJson;

type Matrix = impl.ExcelMatrix;

/**
 * A cell value from WPS as implementation.ts reads cells. A number that is a COM error code
 * (com-errors.ts: -2146826281 is #DIV/0!) is that error: an argument has no cell text to tell an
 * error from a cell really holding that number, and reading it as a number would score it.
 */
function cell(value: unknown): impl.ExcelValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return comErrorText(value) ?? value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return errorText(value);
}

/** The text of an error value whose shape WPS does not document: its own "#…" text if it has one. */
function errorText(value: unknown): string {
  for (const key of ['text', 'message', 'name', 'value']) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'string' && field.startsWith('#')) return field;
  }
  const shown = String(value);
  return shown.startsWith('#') ? shown : '#VALUE!';
}

/** Any WPS argument as implementation.ts takes it: rows of cells, or the plain value of one cell. */
export function fromWps(value: unknown): Matrix | impl.ExcelValue {
  if (!Array.isArray(value)) return cell(value);
  if (value.length === 0) return null;
  if (!value.some(Array.isArray)) return [value.map(cell)];
  return value.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : [cell(row)]));
}

/** implementation.ts types its range parameters as matrices; a plain value is accepted too (asMatrix). */
function range(value: unknown): Matrix {
  return fromWps(value) as Matrix;
}

function optionalRange(value: unknown): Matrix | null {
  const adapted = fromWps(value);
  return adapted === null ? null : (adapted as Matrix);
}

/** A scalar parameter given a one-cell range ([[89.9]]) takes that cell. */
function scalar(value: unknown): impl.ExcelValue {
  const adapted = fromWps(value);
  if (!Array.isArray(adapted)) return adapted;
  if (adapted.length === 1 && adapted[0].length === 1) return adapted[0][0];
  const shown = `${adapted.length}×${adapted[0]?.length ?? 0}`;
  throw new impl.FunctionError('invalid', `应为单个单元格，却是 ${shown} 的区域`, `expected one cell, got a ${shown} range`);
}

const IMPLEMENTATIONS: Record<FunctionId, (...args: unknown[]) => unknown> = {
  SCORE: (data, ruleset, headers) => impl.score(range(data), range(ruleset), optionalRange(headers)),
  SCORES: (data, ruleset, headers) => impl.scores(range(data), range(ruleset), optionalRange(headers)),
  BREAKDOWN: (data, ruleset, headers) => impl.breakdown(range(data), range(ruleset), optionalRange(headers)),
  GRADE: (score, ruleset) => impl.grade(scalar(score), range(ruleset)),
  LEVEL: (scores, ruleset, tiers, criticized) => impl.level(range(scores), range(ruleset), optionalRange(tiers), optionalRange(criticized)),
  CHECK: (data, ruleset, headers) => impl.check(range(data), range(ruleset), optionalRange(headers)),
  REWARD: (data, ruleset, headers) => impl.reward(range(data), range(ruleset), optionalRange(headers)),
  ITEMS: (ruleset) => impl.items(range(ruleset)),
  EXPLAIN: (data, ruleset, headers) => impl.explain(range(data), range(ruleset), optionalRange(headers)),
  RULESETS: () => impl.rulesets(),
};

/** The error code WPS should show, first in the message (see the header comment). */
export function wpsErrorMessage(error: unknown): string {
  if (error instanceof impl.FunctionError) return `${error.code === 'notAvailable' ? '#N/A' : '#VALUE!'} ${error.message}`;
  return `#VALUE! 内部错误，请报告此问题 / internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function wrapped(id: FunctionId): (...args: unknown[]) => unknown {
  const run = IMPLEMENTATIONS[id];
  return (...args: unknown[]) => {
    try {
      return impl.guard(() => run(...args));
    } catch (error) {
      throw new Error(wpsErrorMessage(error));
    }
  };
}

/** Registers every function of the metadata; an error naming any function the metadata and the code disagree on. */
export function registerFunctions(registry: WpsFunctionRegistry, metadata: WpsFunctionsJson): string[] {
  const described = metadata.functions.map((fn) => fn.name);
  const missing = FUNCTION_IDS.filter((id) => !described.includes(id));
  const unknown = described.filter((name) => !(FUNCTION_IDS as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(`functions.json 与代码不一致 / functions.json and the code disagree: missing ${missing.join(', ') || '-'}, unknown ${unknown.join(', ') || '-'}`);
  }
  for (const fn of metadata.functions) {
    const { name, ...rest } = fn;
    registry.AddCustomFunction(NAMESPACE, name, wrapped(name as FunctionId), rest);
  }
  return described;
}

// In WPS the add-in's entry page runs this bundle with the global `wps`; elsewhere it does nothing.
const host = (globalThis as { wps?: Partial<WpsFunctionRegistry> }).wps;
if (host && typeof host.AddCustomFunction === 'function') registerFunctions(host as WpsFunctionRegistry, __ASSESS_WPS_FUNCTIONS__);
