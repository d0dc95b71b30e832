/**
 * Standard output that goes away or fails (issue 19, 4 and 5): a reader that stops early
 * (`| head -1`) is no reason to skip the --out file or to exit 0 where the exit code would have been
 * 3; a full disk (`> /dev/full`) is a clear message in both languages and exit 2 (the code for a file
 * that cannot be written, README "Command line"), never a stack trace. CSV to a terminal gets the
 * same neutralising as the table; CSV to a file keeps the text, control characters aside.
 * Every CLI run here is an asynchronous child process.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isScorecard, workbookInfo } from '../../src/cli/safe-write';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/assess.js');
let dir = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI through a shell pipeline: `assess` is the CLI; the exit code is the CLI's own (PIPESTATUS[0]). */
function pipeline(script: string, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', `assess() { "$NODE" "$BIN" "$@"; }; ${script}; exit \${PIPESTATUS[0]}`], { cwd, encoding: 'utf8', env: { ...process.env, NODE: process.execPath, BIN: bin }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The CLI with stdout going to `fd` (a file opened by the test). */
function runTo(fd: number, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
  });
}

/**
 * chengdu2006, 3,000 units with long names: the output (over 256 KiB, checked below) is far more
 * than a pipe holds (64 KiB) and head reads before it stops, so lines are written after `head -1`
 * has gone: the closed pipe is certain, not a race.
 */
const UNITS = 3_000;
const name = (i: number) => `某某市某某区政务服务中心第${i}号窗口`;

beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build:cli', '--silent'], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'assess-stdout-'));
  const good = ['单位,9.1,9.3'];
  const bad = ['单位,9.1,9.3'];
  for (let i = 0; i < UNITS; i++) {
    good.push(`${name(i)},${i % 3},${i % 2}`);
    bad.push(`${name(i)},${i % 3},${i % 2 === 0 ? -1 : 1}`); // 9.3 = −1: not a count (第九条(三)), an error finding on every other unit
  }
  writeFileSync(join(dir, 'big.csv'), good.join('\n') + '\n');
  writeFileSync(join(dir, 'bad.csv'), bad.join('\n') + '\n');
}, 120_000);

/** The units on 计分表 (below its title and header rows), read by exceljs's streaming reader. */
async function scorecardUnits(path: string): Promise<string[]> {
  const units: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if ((sheet as unknown as { name: string }).name === '计分表' && row.number > 2) units.push(String(row.getCell(1).value));
    }
  }
  return units;
}

describe('a reader that goes away (| head -1)', () => {
  it('(the premise) the full outputs are over 256 KiB', async () => {
    expect(Number((await pipeline(`assess score big.csv -r chengdu2006 | wc -c`, dir)).stdout)).toBeGreaterThan(256 * 1024);
    expect(Number((await pipeline(`assess check bad.csv -r chengdu2006 | wc -c`, dir)).stdout)).toBeGreaterThan(256 * 1024);
  }, 120_000);

  it('score … -o new.xlsx | head -1: the scorecard is still written, in full, and the exit code is 0', async () => {
    const at = join(dir, 'head-score');
    mkdirSync(at);
    const result = await pipeline(`assess score ../big.csv -r chengdu2006 -o new.xlsx | head -1`, at);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^单位 +得分 +名次/);
    expect(result.stderr).toContain('计分表已写入 new.xlsx');
    expect(isScorecard(await workbookInfo(join(at, 'new.xlsx')))).toBe(true);
    const units = await scorecardUnits(join(at, 'new.xlsx'));
    expect(units.length).toBe(UNITS);
    expect(new Set(units).has(name(UNITS - 1))).toBe(true);
  }, 120_000);

  it('an older scorecard is replaced, not left stale', async () => {
    const at = join(dir, 'head-stale');
    mkdirSync(at);
    writeFileSync(join(at, 'old.csv'), '单位,9.1\n旧单位,1\n');
    expect((await pipeline(`assess score old.csv -r chengdu2006 -o card.xlsx`, at)).code).toBe(0);
    const result = await pipeline(`assess score ../big.csv -r chengdu2006 -o card.xlsx | head -1`, at);
    expect(result.code, result.stderr).toBe(0);
    const units = await scorecardUnits(join(at, 'card.xlsx'));
    expect(units.length).toBe(UNITS);
    expect(units).not.toContain('旧单位');
  }, 120_000);

  it('check … | head -1 exits 3 (problems found), as it does when its output is read in full', async () => {
    const full = await pipeline(`assess check bad.csv -r chengdu2006 > /dev/null`, dir);
    expect(full.code).toBe(3);
    const head = await pipeline(`assess check bad.csv -r chengdu2006 | head -1`, dir);
    // The item by its name, not its code (issue 22.4): 9.3 is 率先推出创新性政务服务举措.
    expect(head.stdout.split('\n')[0]).toMatch(/^错误 +某某市某某区政务服务中心第0号窗口 +率先推出创新性政务服务举措 +C2 /);
    expect(head.code, head.stderr).toBe(3);
    expect(head.stderr).not.toMatch(/EPIPE|Unhandled|internal error|内部错误/);
    const json = await pipeline(`assess check bad.csv -r chengdu2006 --format json | head -1`, dir);
    expect(json.code, json.stderr).toBe(3);
  }, 120_000);

  it('stderr going away too (2>&1 | head -1) neither crashes the command nor stops the scorecard', async () => {
    const at = join(dir, 'head-both');
    mkdirSync(at);
    const result = await pipeline(`assess score ../big.csv -r chengdu2006 -o new.xlsx 2>&1 | head -1`, at);
    expect(result.code).toBe(0);
    expect(isScorecard(await workbookInfo(join(at, 'new.xlsx')))).toBe(true);
  }, 120_000);
});

describe.skipIf(!existsSync('/dev/full'))('stdout on a full disk (> /dev/full)', () => {
  const full = () => openSync('/dev/full', 'w');

  for (const [name, args] of [
    ['score --format json (large)', ['score', 'big.csv', '-r', 'chengdu2006', '--format', 'json']],
    ['rules (small, written at the end)', ['rules']],
    ['check (problems found)', ['check', 'bad.csv', '-r', 'chengdu2006']],
  ] as const) {
    it(`${name}: a clear message in both languages on stderr, exit 2, no stack trace`, async () => {
      const fd = full();
      const result = await runTo(fd, [...args], dir);
      closeSync(fd);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('错误：无法写入标准输出（磁盘已满，ENOSPC）：输出不完整');
      expect(result.stderr).toContain('Error: cannot write standard output (no space left on device, ENOSPC): the output is incomplete');
      expect(result.stderr).not.toMatch(/\n\s+at |node:internal|内部错误|internal error/);
    }, 120_000);
  }

  it('the --out file is still written (it is not stdout), and the exit code still says the output was lost', async () => {
    const at = join(dir, 'full-out');
    mkdirSync(at);
    const fd = full();
    const result = await runTo(fd, ['score', '../big.csv', '-r', 'chengdu2006', '-o', 'card.xlsx'], at);
    closeSync(fd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('计分表已写入 card.xlsx');
    expect(result.stderr).toContain('无法写入标准输出');
    expect(isScorecard(await workbookInfo(join(at, 'card.xlsx')))).toBe(true);
  }, 120_000);
});

describe('CSV output and control characters', () => {
  // A unit named with ESC [31m (a colour escape), a C1 CSI (U+009B), U+202E (right-to-left override) and a tab.
  const hostile = '甲\u001b[31m区\u009b2J\u202e乙\t丙';
  let csvFile = '';
  beforeAll(() => {
    csvFile = join(dir, 'controls.csv');
    // county2013: B1 = 2 → 100 + 2 = 102 (tasks empty = full 分值).
    writeFileSync(csvFile, `单位,B1\n"${hostile}",2\n`);
  });

  it('to a file: the text is kept, but ESC and C1 controls (no place in a CSV for Excel) become U+FFFD, and stderr says so', async () => {
    const out = join(dir, 'controls-out.csv');
    const result = await pipeline(`assess score controls.csv -r county2013 --format csv > controls-out.csv`, dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    // Bidi marks and tabs are text a spreadsheet keeps and shows (a tab inside a field needs no quotes: only quote, comma and line breaks do).
    expect(lines[1].startsWith('甲\ufffd[31m区\ufffd2J\u202e乙\t丙,102,1,')).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toMatch(/[\u001b\u0080-\u009f]/);
    expect(result.stderr).toContain('注意：CSV 中 2 个控制字符');
    expect(result.stderr).toContain('note: 2 control characters');
    expect(result.stderr).not.toMatch(/[\u001b\u009b\u202e]/); // the note names the unit neutralised
  }, 60_000);

  it('to a terminal: the same neutralising as the table (ESC, C1, bidi marks → U+FFFD; tab → space)', async () => {
    // `script` runs the CLI on a pseudo-terminal (stdout.isTTY) and copies what it printed.
    const result = await new Promise<Run>((resolve) => {
      execFile('script', ['-qec', `"${process.execPath}" "${bin}" score controls.csv -r county2013 --format csv`, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
      );
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split(/\r?\n/);
    expect(lines[1].startsWith('甲\ufffd[31m区\ufffd2J\ufffd乙 丙,102,1,')).toBe(true);
    expect(result.stdout).not.toMatch(/[\u001b\u0080-\u009f\u202e]/);
  }, 60_000);
});
