/** The draft as a ruleset the rest of ASSESS reads: the same records, `confirm` and `note` kept (they are fields of the format, ignored by scoring, the 确认/说明 columns of the sheet table). */
import type { RulesetInput } from '../format';
import type { DraftResult } from './draft';

/** The draft's ruleset: its records as drafted, with empty checks/tiers/units lists. */
export function draftSpec(result: DraftResult): RulesetInput {
  return { ...result.draft, checks: [], tiers: [], units: [] };
}

/** Whether anything in the draft needs a clerk's confirmation: a record marked, or a sentence unread. */
export function needsConfirming(result: DraftResult): boolean {
  const { draft } = result;
  const lists = [draft.items, draft.groups, draft.totals, draft.grades, draft.levels, draft.thresholds] as ReadonlyArray<ReadonlyArray<{ confirm?: true }>>;
  return result.unread.length > 0 || lists.some((list) => list.some((record) => record.confirm === true));
}
