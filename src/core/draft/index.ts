/** Drafting a ruleset from a regulation's text (issue 21): text → clauses → patterns → records + unread. */
export { blocksFromText, type Block, type RegulationDocument } from './source';
export { clausesOf, type Clause } from './clauses';
export { PATTERNS, RULE_MARK } from './patterns';
export { readingOf } from './reading';
export { draftRuleset, scan, type DraftResult, type DraftRuleset, type DraftItem, type Unread } from './draft';
export { draftSpec, needsConfirming } from './spec';
export { draftIdOf, draftTable, unreadRows, UNREAD_HEADER, type ConfirmRow } from './sheet';
