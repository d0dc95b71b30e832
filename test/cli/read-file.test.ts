/** loadRuleset and readTableFile (src/cli/read-file.ts): built-in ids are own properties only. */
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/cli/read-file';
import { AssessError } from '../../src/core/errors';

describe('--rules', () => {
  it('constructor, __proto__ and other Object.prototype names are unknown rulesets, not built-in ids', async () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const error = await loadRuleset(id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, id).toBeInstanceOf(AssessError);
      expect((error as AssessError).kind, id).toBe('unknown-ruleset');
      expect((error as AssessError).zh, id).toContain(`没有名为「${id}」的内置规则集`);
    }
  });

  it('built-in ids still load, ignoring case and spaces', async () => {
    expect((await loadRuleset(' Chengdu2006 ')).id).toBe('chengdu2006');
  });
});
