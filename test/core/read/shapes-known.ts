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
  { ruleset: 'chengdu2006', what: 'labels', reason: 'F1: headers by clause with a short label （一）领导重视 / （四）市级刊物篇数 refused' },
  { ruleset: 'chengdu2006', what: 'countWords', reason: 'F1: a code with its count word (9.3项数, （七）承办会议次数) refused' },
  { ruleset: 'chengdu2006', what: 'sections', reason: 'F4: section rows 一、第一圈层 scored 70 each by =ASSESS.SCORES (fast path)' },
  { ruleset: 'county2013', what: 'labels', reason: 'F6: task headers 服务体系建设(20分) and 加分/减分 kinds (创新加分, 批评否定, 一次性扣减) refused' },
  { ruleset: 'county2013', what: 'subtotal', reason: 'F7: 任务得分小计 / 加分小计 / 减分小计 refused' },
  { ruleset: 'county2013', what: 'oneOff20', reason: 'F8: a 一次性扣减 (D4) of 20 is not flagged at its cell' },
  { ruleset: 'govinfo', what: 'labels', reason: 'F9: short labels (领导重视, 《政务》单条, 督促不力 …) refused' },
  { ruleset: 'govinfo', what: 'reward', reason: 'F11: 奖励金额（元） and 不得参评先进 refused (not audited)' },
  { ruleset: 'govinfo', what: 'wrongReward', reason: 'F11' },
  { ruleset: 'govinfo', what: 'wrongFlag', reason: 'F11' },
];
