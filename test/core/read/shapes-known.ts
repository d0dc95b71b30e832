/**
 * Issue 18: grammar features (and planted mistakes) of test/core/read/shapes.ts the reader does not
 * read yet, each with the entry (F1…) in /tmp/brief/issue18-findings.md it was reported as. The
 * property and the LibreOffice sample leave them out; remove an entry once the reader reads it.
 */
import type { Feature, Mistake, RulesetId } from './shapes';

export interface Known {
  ruleset: RulesetId;
  what: Feature | Mistake;
  reason: string;
}

/** Found by this generator on the reader as of commit 63cd449 (with the reader engineer's work in progress); each entry one misread. */
export const KNOWN_MISREAD: Known[] = [
];
