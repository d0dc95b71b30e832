/**
 * The five built-in rulesets. Each is a JSON file in the one ruleset format, read through the
 * same validation and compilation as a ruleset a clerk writes — no per-regulation code.
 */
import { type CompiledRuleset, compileRuleset } from '../core/compile';
import { AssessError } from '../core/errors';
import chengdu2006 from './chengdu2006.json';
import county2013 from './county2013.json';
import govinfo from './govinfo.json';
import tacheng2020 from './tacheng2020.json';
import township2022 from './township2022.json';

export const BUILT_IN_RULESETS: Readonly<Record<string, unknown>> = {
  chengdu2006,
  county2013,
  tacheng2020,
  govinfo,
  township2022,
};

export const BUILT_IN_IDS = Object.keys(BUILT_IN_RULESETS);

const compiled = new Map<string, CompiledRuleset>();

/** A built-in ruleset by id (case-insensitive), compiled once and cached. */
export function builtInRuleset(id: string): CompiledRuleset {
  const key = id.trim().toLowerCase();
  const cached = compiled.get(key);
  if (cached) return cached;
  // An own property only: `constructor`, `__proto__` or `toString` are not ruleset ids.
  const source = Object.hasOwn(BUILT_IN_RULESETS, key) ? BUILT_IN_RULESETS[key] : undefined;
  if (source === undefined) {
    throw new AssessError({
      kind: 'unknown-ruleset',
      value: id,
      zh: `没有名为「${id}」的内置规则集；可用：${BUILT_IN_IDS.join('、')}`,
      en: `no built-in ruleset "${id}"; available: ${BUILT_IN_IDS.join(', ')}`,
    });
  }
  const ruleset = compileRuleset(source);
  compiled.set(key, ruleset);
  return ruleset;
}
