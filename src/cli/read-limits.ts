/**
 * What reading one data file may cost the CLI. A file over a limit is refused with a message
 * naming the file, the limit and the figure found (exit 2) before the work is done, never a V8
 * abort part-way. Measured figures: BENCHMARKS.md § Hostile files (memory and time).
 */
import { getHeapStatistics } from 'node:v8';

const MiB = 1024 * 1024;

/** Excel's own sheet size: no real workbook has a cell beyond XFD1048576. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

// ── .xlsx (a zip of XML parts) ──────────────────────────────────────────────────────────────

/** Parts in the zip: a workbook has a few per sheet (sheet, rels, drawings, comments); 10,000 is hundreds of sheets. */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * The sheet read, inflated. It is parsed as a stream (memory follows the cells, not the XML), so
 * this bounds time: saxes parses sheet XML at 15–25 MB/s here, so 512 MiB is 20–35 s. Rows with
 * data stop at the heap budget long before (200,000 units of 45 columns are ~250 MB of XML); what
 * is left is XML without data, such as a million rows of formatted empty cells.
 */
export const MAX_SHEET_XML_BYTES = 512 * MiB;

/** The shared strings (every text of the workbook, kept in memory while the sheet is read), inflated. */
export const MAX_SHARED_STRINGS_XML_BYTES = 128 * MiB;

/** Texts in the shared strings: each is kept in memory (tens of bytes); 4M is 20 text columns of 200,000 units. */
export const MAX_SHARED_STRINGS = 4_000_000;

/** Every other part read (package and workbook relationships, workbook.xml, styles.xml), inflated: they are KBs in real files. */
export const MAX_SMALL_XML_BYTES = 64 * MiB;

/**
 * Inflated ÷ compressed size of a part, checked for parts inflating to more than
 * RATIO_CHECKED_ABOVE: real sheet XML deflates about 10× (measured: 100,000 random units 9×,
 * 200,000 rows of formatted empty cells 13×, repetitive data rows 10×); deflate's own maximum,
 * which zip bombs use, is 1032×. 200× leaves a wide margin (Apache POI refuses at 100×).
 */
export const MAX_COMPRESSION_RATIO = 200;
export const RATIO_CHECKED_ABOVE = 16 * MiB;

/**
 * Characters of XML without a tag (one text or attribute value): Excel holds at most 32,767
 * characters in a cell, 6 bytes each at most once escaped. Parsing checks it every 64 KiB, so a
 * part that is one giant text node never becomes one giant string.
 */
export const MAX_XML_RUN = 1 * MiB;

/**
 * Elements open at once in one XML part. Real parts nest a dozen deep at most (worksheet >
 * extLst > ext > x14:conditionalFormattings > … > xm:f); the parser keeps every open element, so
 * 48 MB of nested unknown tags (a 285 KB file) once cost 4.6 GB and a V8 abort. libxml2 refuses
 * past 256 too.
 */
export const MAX_XML_DEPTH = 256;

/** Merged ranges in the sheet: one per row of the largest sheet (a unit name merged down over its rows). */
export const MAX_MERGES = EXCEL_MAX_ROWS;

/** Cells the merged ranges may cover when blanking the non-top-left cells (a loop step each; overlapping ranges are invalid). */
export const MAX_MERGE_WORK = 64 * MiB;

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────

/** A CSV file's size: it is held as bytes (outside the JS heap) and parsed in chunks; 512 MiB is millions of units. */
export const MAX_CSV_BYTES = 512 * MiB;

/** Characters in one CSV record: a quote left open would otherwise swallow the rest of the file into one field. */
export const MAX_CSV_RECORD_CHARS = 4 * MiB;

// ── The table read (both) ───────────────────────────────────────────────────────────────────

/**
 * Slots of the table handed to the core: one per row plus, per row, one per column up to its
 * last value (rows are as long as their data, not as wide as the sheet). 8 bytes each, so 16M is
 * 128 MB before the values: 160,000 rows of 100 columns, or 1M rows of 15.
 */
export const MAX_TABLE_SLOTS = 16 * MiB;

/**
 * A table whose slots exceed this many per value (and SPARSE_CHECKED_ABOVE in all) is a stray
 * cell far from the data (a value typed at XFD1048576, or at XFD22 beside a small table): it is
 * refused, naming the file, sheet and cell, rather than read as a million empty rows or trimmed
 * (which would drop a value silently). Checked above one full row's width, so a stray at the
 * sheet's last column is named by the reader, not left to the core's "row 22 has more cells than
 * the header"; a real table is far denser (a 200-row table of 10 columns is 2,200 slots for
 * ~2,000 values).
 */
export const SPARSE_SLOTS_PER_VALUE = 64;
export const SPARSE_CHECKED_ABOVE = EXCEL_MAX_COLUMNS;

/**
 * Heap the whole CLI run needs per row holding data and per slot: the core turns each row into a
 * unit record, scores it, and the output holds its breakdown. Measured (the smallest
 * --max-old-space-size that scores 100,000 units, BENCHMARKS.md): 6–8 KB per unit for chengdu2006
 * (26 slots a row), 9–12 KB for township2022 (48): about 3.3 KB + 160 B per slot. Taken 1.5× that,
 * so with HEAP_SHARE a run stays under half the heap limit.
 */
export const HEAP_BYTES_PER_ROW = 4 * 1024;
export const HEAP_BYTES_PER_SLOT = 256;

/** Share of the heap limit a table may be estimated to need; the rest is the program, the ruleset and garbage. */
export const HEAP_SHARE = 0.75;

/** The heap this process may use (node --max-old-space-size raises it). */
export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

/** Estimated heap for a whole run on a table of `rows` rows with data and `slots` slots. */
export function estimatedHeap(rows: number, slots: number): number {
  return rows * HEAP_BYTES_PER_ROW + slots * HEAP_BYTES_PER_SLOT;
}

/** The most rows with data a run can score in this heap (at `slotsPerRow` slots each). */
export function maxRowsForHeap(slotsPerRow: number): number {
  return Math.floor((heapLimitBytes() * HEAP_SHARE) / (HEAP_BYTES_PER_ROW + slotsPerRow * HEAP_BYTES_PER_SLOT));
}
