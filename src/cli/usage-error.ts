/** A mistake in how the CLI was called, or a file it cannot read (exit code 2). */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}（${en}）`);
  }
}
