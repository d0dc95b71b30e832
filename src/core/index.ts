/**
 * The scoring core's public face. Pure: no Office, DOM or Node-only imports, so the same code
 * runs in Excel's custom-functions runtime, a browser and Node.
 */
export { AssessError, type AssessErrorKind, showValue, truncate } from './errors';
export type { Cell } from './cells';
export { compileRuleset, type CompiledRuleset, type CompiledItem, type Citation } from './compile';
export { type RulesetSpec, type RulesetInput, type ItemSpec, validateRulesetShape } from './format';
export { readUnits, detectLayout, findItem, resolveTier, checkHeader, checkItemColumns, CELL_RULE, type ReadOptions, type UnitRecord } from './input';
export { scoreRecord, gradeOf } from './score';
export { quickScores } from './quick';
export { scoreBatch, rankDescending, levelsForScores, volumeRanks } from './batch';
export { rulesetFromTable, rulesetToTable, compileRulesetTable } from './table-format';
export { suggestMapping, labelSimilarity, type ColumnMatch, type ColumnMode } from './mapping';
export { runCases, type CaseOutcome } from './cases';
export { headerRowIndex } from './input';
export { interpretHeader, type EnteredMode, type ClaimKind } from './headers';
export { readSheets, type SheetInput } from './sheets';
export { auditClaims } from './audit';
export { toMicros, fromMicros, roundScore } from './fixed';
export { isEmptyCell, cellText, readFlag } from './cells';
export type { BatchResult, UnitResult, ItemResult, Finding, TraceStep } from './result';
