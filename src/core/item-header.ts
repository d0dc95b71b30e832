/**
 * The header of an item's input column in a sheet we write (the CLI's template, the pane's
 * template, the playground's example sheets): the item's Chinese label with its clause under it,
 * "市级刊物发表\n（第九条(四)）", rather than its internal code ("9.4.city 市级刊物发表"), which a
 * clerk cannot read (issue 22.4). The header must still be read back as that item's own column by
 * our reader (ASSESS.SCORE matches the template's header row): where the label alone would not
 * name the item (two items with one label in a ruleset table), the code leads as before.
 */
import type { CompiledItem, CompiledRuleset } from './compile';
import { interpretHeader } from './headers';
import { simplifiedLabel } from './text';

/** The header of an item's input column, read back by interpretHeader as that item's own column. */
export function itemHeader(ruleset: CompiledRuleset, item: CompiledItem): string {
  const worded = `${item.label}\n（${simplifiedLabel(item.cite.clause)}）`;
  const meaning = interpretHeader(ruleset, worded);
  return meaning.kind === 'count' && meaning.item === item ? worded : `${item.code} ${item.label}`;
}
