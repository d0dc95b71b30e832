/**
 * The folder beside the repository that some tests read: ../shared holds the regulation texts
 * (regulations/*.md) the built-in rulesets quote, the spec of their readings (spec/rulesets.md)
 * and Microsoft's add-in manifest schemas (schemas/office-addin-manifest/*.xsd). It is not part of
 * the repository (README, Development). Every test that reads it resolves paths here, so a missing
 * folder fails with this message instead of a bare ENOENT.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo>/../shared`. */
export const SHARED_ROOT = fileURLToPath(new URL('../../shared/', import.meta.url));

export const SHARED_MISSING =
  '需要 ../shared（规则原文），见 README 开发一节 / needs ../shared (the regulation texts) beside the repo, see README, Development';

/** The path of `relative` (e.g. `regulations/chengdu2006.md`) in ../shared; throws naming ../shared and the file when it is not there. */
export function sharedPath(relative: string, root: string = SHARED_ROOT): string {
  if (!existsSync(root)) throw new Error(`${SHARED_MISSING}（找不到 ${root} / not found）`);
  const file = join(root, relative);
  if (!existsSync(file)) throw new Error(`${SHARED_MISSING}：../shared/${relative} 不存在 / ../shared/${relative} does not exist`);
  return file;
}

/** The text of `relative` in ../shared (UTF-8). */
export function readSharedText(relative: string, root: string = SHARED_ROOT): string {
  return readFileSync(sharedPath(relative, root), 'utf8');
}
