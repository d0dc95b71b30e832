/**
 * Child processes for tests, always asynchronous. A synchronous spawn (spawnSync, execFileSync)
 * blocks the vitest worker's event loop: a LibreOffice conversion or a CLI run that takes over
 * 60 s on a loaded machine then makes the worker's pending RPC to the main process ("onTaskUpdate")
 * time out, and vitest exits 1 although every test passed (issue 22.1). With these, the worker
 * keeps answering while the child runs.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const cliBin = join(repoRoot, 'bin/assess.js');

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed. */
  input?: string | Buffer;
  /** Killed (SIGKILL) after this many ms; the result then has signal 'SIGKILL'. */
  timeoutMs?: number;
}

/** Runs a program to its end and collects its output as UTF-8 text. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    // A child that exits without reading its stdin closes the pipe: that is not the test's failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** Like run, but a non-zero exit is an error carrying the command and its stderr. */
export async function runOk(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stderr}`);
  return result;
}

/** `node bin/assess.js <args>`: the built CLI exactly as a user runs it (built once by test/support/global-setup.ts). */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, [cliBin, ...args], options);
}

/** LibreOffice headless with its own profile folder (two conversions at once must not share one). */
export function soffice(profileDir: string, args: readonly string[], timeoutMs = 300_000): Promise<RunResult> {
  return runOk('soffice', [`-env:UserInstallation=file://${profileDir}`, '--headless', ...args], { timeoutMs });
}
