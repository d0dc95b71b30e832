/**
 * `--out` against what a hostile or unlucky folder holds (issue 19, 9, 11, 12): an existing file
 * crafted to make the "is this an ASSESS scorecard?" check slow is judged in linear time; the
 * temporary files a killed ASSESS left behind are removed on the next write to that folder, and
 * nothing else is; a read-only scorecard and a ruleset too wide for an Excel sheet are refused
 * before anything is scored or printed, naming the --out path. Every CLI run is an asynchronous
 * child process.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, lutimesSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { leftovers, subfolder } from '../support/folders';
import { isScorecard, workbookInfo, writeOutput } from '../../src/cli/safe-write';
import { zip } from './read-fixtures';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/assess.js');
let dir = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child, start to exit. */
  ms: number;
}

function run(args: string[], timeout = 120_000): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr, ms: performance.now() - start });
    });
  });
}

/** A fresh folder per test: its listing shows any temporary file left behind. */
const folder = (name: string): string => subfolder(dir, name);

/** county2013, worked by hand: tasks empty = 100; B1 = 2 → +2 → 102. */
const CSV = '单位,B1\n甲县,2\n';

beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build:cli', '--silent'], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'assess-out-hostile-'));
}, 120_000);

describe('a crafted existing --out file is judged in linear time (issue 19.9)', () => {
  /** The largest part the check reads (MAX_PART in src/cli/safe-write.ts). */
  const CAP = 4 * 1024 * 1024;
  /** `head`, then `unit` (ASCII) repeated, then `tail`: exactly `size` bytes of UTF-8. */
  const filled = (head: string, unit: string, tail: string, size = CAP) => {
    const room = size - Buffer.byteLength(head) - Buffer.byteLength(tail);
    return head + unit.repeat(Math.floor(room / unit.length)) + ' '.repeat(room % unit.length) + tail;
  };
  /**
   * Each run of the check is bounded at 5 s (generous for a busy machine: it takes well under one
   * second; the quadratic regular expression it replaces needed about 13 minutes at this size).
   * It is a correctness bound, not a benchmark, and it is measured on a child process.
   */
  const BOUND_MS = 5_000;

  it('4 MiB of unterminated <sheet and <dc:creator tags (no ASSESS marks): refused as not a scorecard, within the bound', async () => {
    const at = folder('crafted-other');
    writeFileSync(join(at, 'a.csv'), CSV);
    const out = join(at, 'card.xlsx');
    writeFileSync(
      out,
      zip([
        { name: 'xl/workbook.xml', data: filled('<workbook><sheets>', '<sheet \t', '') },
        { name: 'docProps/core.xml', data: filled('<cp:coreProperties>', '<dc:creator ', '') },
      ]),
    );
    const before = readFileSync(out);
    const result = await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out], 60_000);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('不是 ASSESS 计分表');
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(readFileSync(out).equals(before)).toBe(true);
  }, 120_000);

  it('the same garbage, then the marks of a scorecard: still read right (and replaced), within the bound', async () => {
    const at = folder('crafted-ours');
    writeFileSync(join(at, 'a.csv'), CSV);
    const out = join(at, 'card.xlsx');
    writeFileSync(
      out,
      zip([
        { name: 'xl/workbook.xml', data: filled('<workbook><sheets>', '<x:sheet name =\t', '<sheet name="计分表"/><sheet name="明细"/></sheets></workbook>') },
        { name: 'docProps/core.xml', data: filled('<cp:coreProperties>', '<dc:creator name=', '<dc:creator>ASSESS</dc:creator></cp:coreProperties>') },
      ]),
    );
    expect(Buffer.byteLength(filled('<a>', '<b ', '<计分表>'))).toBe(CAP); // at the cap, not over it (a larger part is not read at all)
    const result = await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out], 60_000);
    expect(result.code, result.stderr).toBe(0);
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(isScorecard(await workbookInfo(out))).toBe(true);
  }, 120_000);

  it('sheet names are read as XML has them: a ">" inside quotes, entities; a sheet inside a comment is no sheet', async () => {
    const at = folder('names');
    const path = join(at, 'book.xlsx');
    writeFileSync(
      path,
      zip([
        {
          name: 'xl/workbook.xml',
          data: `<?xml version="1.0"?><workbook><!-- <sheet name="注释里的表"/> --><sheets><sheet name="a>b" sheetId="1"/><sheet sheetId='2' name='R&amp;D'/><x:sheet name="计分表"></x:sheet><sheetsX name="no"/></sheets></workbook>`,
        },
        { name: 'docProps/core.xml', data: '<cp:coreProperties><dc:creator>ASSESS</dc:creator><cp:keywords>assess:scorecard, 其他</cp:keywords></cp:coreProperties>' },
      ]),
    );
    expect(await workbookInfo(path)).toEqual({ creator: 'ASSESS', lastModifiedBy: undefined, keywords: ['assess:scorecard', '其他'], sheets: ['a>b', 'R&D', '计分表'] });
  });
});

describe('temporary files a killed ASSESS left behind (issue 19.11)', () => {
  /** The ages of the policy (STALE_DEAD_MS, STALE_ANY_MS in src/cli/safe-write.ts): a minute untouched with its process gone, or a day untouched. */
  const STALE_DEAD_MS = 60_000;
  const STALE_ANY_MS = 24 * 60 * 60_000;
  /** Above Linux's largest pid (PID_MAX_LIMIT, 4,194,304): no process has it. */
  const DEAD_PID = 4_194_305;
  const ago = (ms: number) => new Date(Date.now() - ms);
  /** A file whose last change was `ms` ago. */
  function old(path: string, ms: number, data = 'x'): void {
    writeFileSync(path, data);
    utimesSync(path, ago(ms), ago(ms));
  }

  it('SIGKILL mid-write leaves the temporary file; the next write to that folder removes it, and only files of ours that are stale', async () => {
    const at = folder('killed');
    // 20,000 units: the write takes seconds; the signal is sent once the temporary file has data in it.
    const lines = ['单位,B1,B3.city'];
    for (let i = 0; i < 20_000; i++) lines.push(`单位${i},${i % 3},${i % 2}`);
    const big = join(at, 'big.csv');
    writeFileSync(big, lines.join('\n') + '\n');
    const out = join(at, 'card.xlsx');
    const child = spawn(process.execPath, [bin, 'score', big, '--rules', 'county2013', '--out', out, '--format', 'json'], { stdio: ['ignore', 'ignore', 'ignore'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let running = true;
    void exited.then(() => (running = false));
    let killed = '';
    while (running) {
      const temp = leftovers(at)[0];
      if (temp !== undefined && statSync(join(at, temp), { throwIfNoEntry: false })?.size) {
        child.kill('SIGKILL');
        killed = temp;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await exited).toBe('SIGKILL');
    expect(killed).toMatch(new RegExp(`^\\.card\\.xlsx\\.${child.pid}-[0-9a-f]{12}\\.tmp$`));
    expect(leftovers(at)).toEqual([killed]); // nothing removed it
    expect(existsSync(out)).toBe(false);
    // Its writer is dead; once it has been untouched for a minute it is stale.
    utimesSync(join(at, killed), ago(STALE_DEAD_MS + 60_000), ago(STALE_DEAD_MS + 60_000));

    const alive = process.pid; // this test's own process: running
    const kept = [
      `.card.xlsx.${alive}-aaaaaaaaaaaa.tmp`, // its process runs, and it is only 2 minutes old
      `.card.xlsx.${DEAD_PID}-bbbbbbbbbbbb.tmp`, // its process is gone but it was touched just now (a writer on another machine sharing the folder)
      `card.xlsx.${DEAD_PID}-dddddddddddd.tmp`, // not hidden: not our name
      `.notes.txt.${DEAD_PID}-eeeeeeeeeeee.tmp`, // not an .xlsx target
      `.card.xlsx.${DEAD_PID}-abc.tmp`, // 3 hex digits, not 12
      `.card.xlsx.${DEAD_PID}-ffffffffffff.tmp.bak`, // more after .tmp
      `.card.xlsx.x${DEAD_PID}-ffffffffffff.tmp`, // not a pid
    ];
    old(join(at, kept[0]), 2 * 60_000);
    writeFileSync(join(at, kept[1]), 'x');
    for (const name of kept.slice(2)) old(join(at, name), 2 * STALE_ANY_MS);
    const folderNamed = `.card.xlsx.${DEAD_PID}-cccccccccccc.tmp`; // a folder with our name: not ours
    mkdirSync(join(at, folderNamed));
    utimesSync(join(at, folderNamed), ago(2 * STALE_ANY_MS), ago(2 * STALE_ANY_MS));
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    const linkNamed = `.card.xlsx.${DEAD_PID}-999999999999.tmp`; // a link with our name: neither it nor what it points to is removed
    symlinkSync(target, join(at, linkNamed));
    lutimesSync(join(at, linkNamed), ago(2 * STALE_ANY_MS), ago(2 * STALE_ANY_MS));
    const removed = [
      `.other.xlsx.${alive}-121212121212.tmp`, // its pid runs, but untouched for 2 days: pids are reused
      `.other.xlsx.${DEAD_PID}-343434343434.tmp`, // its process is gone and untouched for 2 minutes
    ];
    old(join(at, removed[0]), 2 * STALE_ANY_MS);
    old(join(at, removed[1]), 2 * 60_000);
    let othersFile: string | undefined;
    if (process.getuid?.() === 0) {
      othersFile = `.other.xlsx.${DEAD_PID}-565656565656.tmp`; // another user's: never ours to remove
      old(join(at, othersFile), 2 * STALE_ANY_MS);
      chownSync(join(at, othersFile), 65534, 65534);
      utimesSync(join(at, othersFile), ago(2 * STALE_ANY_MS), ago(2 * STALE_ANY_MS));
    }

    writeFileSync(join(at, 'a.csv'), CSV);
    const next = await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out]);
    expect(next.code, next.stderr).toBe(0);
    for (const name of [killed, ...removed]) {
      expect(existsSync(join(at, name)), name).toBe(false);
      expect(next.stderr).toContain(`注意：已删除被中断的写入留下的临时文件 ${name} / note: removed ${name}, left by an interrupted write`);
    }
    for (const name of [...kept, folderNamed, linkNamed, ...(othersFile ? [othersFile] : [])]) expect(lstatSync(join(at, name), { throwIfNoEntry: false }), name).toBeDefined();
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(next.stderr.match(/已删除/g)?.length).toBe(1 + removed.length);
    expect(isScorecard(await workbookInfo(out))).toBe(true);
  }, 180_000);
});

describe('refused before scoring, naming the --out path (issue 19.12)', () => {
  it('a read-only scorecard: exit 2, nothing printed, no temporary file named, the file unchanged', async () => {
    const at = folder('read-only');
    writeFileSync(join(at, 'a.csv'), CSV);
    const out = join(at, 'card.xlsx');
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out])).code).toBe(0);
    chmodSync(out, 0o444);
    const before = readFileSync(out);
    // An input that cannot be scored (B1 = −1 is no count: exit 1 once read) shows the check comes first.
    writeFileSync(join(at, 'bad.csv'), '单位,B1\n甲县,-1\n');
    for (const input of ['a.csv', 'bad.csv']) {
      const result = await run(['score', join(at, input), '--rules', 'county2013', '--out', out]);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toContain(`错误：无法写入 ${out}：该文件是只读的，未覆盖。请先取消只读，或另选文件名`);
      expect(result.stderr).toContain(`Error: cannot write ${out}: the file is read-only, not replaced. Make it writable first, or choose another name`);
      expect(result.stderr).not.toContain('.tmp');
    }
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(leftovers(at)).toEqual([]);
  }, 120_000);

  /** A ruleset of `count` count items (one point each, 第一条). */
  function wideRuleset(path: string, count: number): void {
    const items = Array.from({ length: count }, (_, i) => ({ code: `I${i}`, label: `条目${i}`, kind: 'count', points: 1, role: 'bonus', clause: '一', quote: '每次加1分' }));
    writeFileSync(path, JSON.stringify({ id: 'wide', title: '宽表', version: '1', effective: '2024-01-01', clause: '一', quote: '测试', items }));
  }

  it('17,000 items: 明细 would need 17,003 columns, more than Excel’s 16,384 — a clear message before scoring, the old scorecard kept', async () => {
    const at = folder('wide');
    writeFileSync(join(at, 'a.csv'), CSV);
    const out = join(at, 'card.xlsx');
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out])).code).toBe(0);
    const before = readFileSync(out);
    wideRuleset(join(at, 'wide.json'), 17_000);
    writeFileSync(join(at, 'wide.csv'), '单位,I1\n甲,1\n');
    const result = await run(['score', join(at, 'wide.csv'), '--rules', join(at, 'wide.json'), '--out', out, '--format', 'json']);
    expect([result.code, result.stdout]).toEqual([2, '']);
    // 单位, 得分, 17,000 items, 计算说明.
    expect(result.stderr).toContain(`错误：无法写入 ${out}：工作表「明细」需要 17,003 列（规则集有 17,000 个条目，每个一列），超过 Excel 每个工作表最多的 16,384 列`);
    expect(result.stderr).toContain(`Error: cannot write ${out}: the sheet 明细 needs 17,003 columns (the ruleset has 17,000 items, one column each), more than the 16,384 an Excel sheet holds`);
    expect(result.stderr).not.toContain('out of bounds');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(leftovers(at)).toEqual([]);
  }, 120_000);

  it('16,381 items fill 明细 to exactly 16,384 columns (XFD): written', async () => {
    const at = folder('widest');
    wideRuleset(join(at, 'wide.json'), 16_381);
    writeFileSync(join(at, 'wide.csv'), '单位,I1\n甲,1\n');
    const out = join(at, 'card.xlsx');
    const result = await run(['score', join(at, 'wide.csv'), '--rules', join(at, 'wide.json'), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(isScorecard(await workbookInfo(out))).toBe(true);
  }, 120_000);

  it('template -o with 17,000 input items: the same message for its sheet (17,002 columns: 单位, the items, 得分)', async () => {
    const at = folder('wide-template');
    wideRuleset(join(at, 'wide.json'), 17_000);
    const out = join(at, 'tpl.xlsx');
    const result = await run(['template', '--rules', join(at, 'wide.json'), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`错误：无法写入 ${out}：工作表「wide」需要 17,002 列（规则集有 17,000 个条目，每个一列）`);
    expect(result.stderr).not.toContain('out of bounds');
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});

describe('a write that fails half-way (in process)', () => {
  it('leaves the old file as it was and no temporary file; the error names the --out path', async () => {
    const at = folder('half-way');
    const out = join(at, 'card.xlsx');
    writeFileSync(out, 'the old scorecard');
    const failed = writeOutput({ path: 'card.xlsx', file: out }, async (stream) => {
      stream.write('half a workbook');
      throw new Error('the writer failed');
    });
    await expect(failed).rejects.toThrow('无法写入 card.xlsx：the writer failed');
    expect(readFileSync(out, 'utf8')).toBe('the old scorecard');
    expect(leftovers(at)).toEqual([]);
  });
});
