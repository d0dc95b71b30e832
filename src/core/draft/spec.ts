/** The draft as a ruleset the rest of ASSESS reads: the same records without the `confirm` marks. */
import type { RulesetInput } from '../format';
import type { DraftResult } from './draft';

/** The draft's records less `confirm` (the format has no such field: it marks what a clerk must check). */
export function draftSpec(result: DraftResult): RulesetInput {
  const strip = <T extends { confirm?: true }>(list: readonly T[]): Array<Omit<T, 'confirm'>> =>
    list.map((record) => {
      const { confirm: _confirm, ...rest } = record;
      return rest;
    });
  const { draft } = result;
  return {
    ...draft,
    items: strip(draft.items),
    groups: strip(draft.groups),
    totals: strip(draft.totals),
    grades: strip(draft.grades),
    levels: strip(draft.levels),
    thresholds: strip(draft.thresholds),
    checks: [],
    tiers: [],
    units: [],
  };
}

/** Whether anything in the draft needs a clerk's confirmation: a record marked, or a sentence unread. */
export function needsConfirming(result: DraftResult): boolean {
  const { draft } = result;
  const lists = [draft.items, draft.groups, draft.totals, draft.grades, draft.levels, draft.thresholds] as ReadonlyArray<ReadonlyArray<{ confirm?: true }>>;
  return result.unread.length > 0 || lists.some((list) => list.some((record) => record.confirm === true));
}
