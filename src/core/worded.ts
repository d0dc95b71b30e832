/**
 * Findings named for a clerk (issue 22.4): an item or group by its label, not its internal code
 * (9.4.city, 1.4.missing, S3.single). The scoring messages start with the code of what they are
 * about ("5.9.issue 计 2.5，超过上限 2"); where a finding is shown to a clerk (check, the
 * scorecard's 问题, check's JSON subject) that leading code is replaced by the item's label.
 */
import type { CompiledRuleset } from './compile';
import type { Finding } from './result';
import { findingSubject } from './text';

/** Item and group codes → their labels. */
export function codeNames(ruleset: CompiledRuleset): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const group of ruleset.groups) names.set(group.code, group.label);
  for (const item of ruleset.items) names.set(item.code, item.label);
  return names;
}

/** What a finding is about as a clerk reads it: an item's or group's label, else findingSubject's word. */
export function namedSubject(finding: Pick<Finding, 'code' | 'kind'>, names: ReadonlyMap<string, string>, lang: 'zh' | 'en' = 'zh'): string {
  const subject = findingSubject(finding, lang);
  return lang === 'zh' && subject === finding.code ? (names.get(finding.code) ?? subject) : subject;
}

/** A finding's Chinese message with its leading code ("9.4.city 合计 …") given as the item's label. */
export function namedMessage(finding: Pick<Finding, 'code' | 'zh'>, names: ReadonlyMap<string, string>): string {
  const name = names.get(finding.code);
  if (name === undefined || finding.code === '') return finding.zh;
  return finding.zh.startsWith(`${finding.code} `) ? `${name}${finding.zh.slice(finding.code.length)}` : finding.zh;
}
