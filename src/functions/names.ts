/**
 * The one source of every ASSESS function name shown or written anywhere: the task pane's
 * formulas and hints, the manifest's GetStarted text, help.html, the playground and the README are
 * checked against it (test/functions/names.test.ts).
 *
 * One namespace, ASSESS, and the English names in every display language, Chinese Excel included:
 * `range.formulas` takes the invariant (English) formula, and Microsoft's tracker reports that a
 * custom function written there under its *translated* name or namespace gives #NAME?
 * (OfficeDev/office-js#891, #6614); a localized namespace is not documented at all. The zh-CN
 * metadata (functions.zh-cn.json) translates descriptions and parameter help only, so the same
 * formula resolves in Chinese and English Excel and a workbook moves between them unchanged.
 */
export const NAMESPACE = 'ASSESS';

/** Function ids as in the JSDoc `@customfunction` tags of functions.ts. */
export const FUNCTION_IDS = ['SCORE', 'SCORES', 'BREAKDOWN', 'GRADE', 'LEVEL', 'CHECK', 'REWARD', 'ITEMS', 'EXPLAIN', 'RULESETS'] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

/** `fn.SCORE` is `ASSESS.SCORE`: the name a formula uses, in every locale. */
export const fn = Object.fromEntries(FUNCTION_IDS.map((id) => [id, `${NAMESPACE}.${id}`])) as Record<FunctionId, string>;

/** Every full name (`ASSESS.SCORE` …). */
export const FUNCTION_NAMES: readonly string[] = FUNCTION_IDS.map((id) => fn[id]);
