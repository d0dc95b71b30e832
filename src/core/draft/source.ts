/**
 * A regulation as the drafter sees it: a list of blocks, paragraphs and tables, in the order of
 * the text. Plain text and Markdown give paragraphs (one per line) and Markdown tables (lines of
 * `| a | b |`); a .docx gives its paragraphs and its tables' rows and cells (src/cli/read-docx.ts).
 */

export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

export interface RegulationDocument {
  /** The file name as the clerk gave it (for messages), or a description ("pasted text"). */
  name: string;
  blocks: Block[];
}

const TABLE_LINE = /^\s*\|.*\|\s*$/;
const RULE_LINE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((cell) => cell.trim());
}

/** Blocks of a plain-text or Markdown text: lines become paragraphs (blank lines dropped), `| … |` runs become tables. */
export function blocksFromText(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (TABLE_LINE.test(line)) {
      const rows: string[][] = [];
      for (; i < lines.length && TABLE_LINE.test(lines[i]); i++) if (!RULE_LINE.test(lines[i])) rows.push(cellsOf(lines[i]));
      i--;
      blocks.push({ kind: 'table', rows });
      continue;
    }
    const trimmed = line.replace(/^#+\s*/, '').trim();
    if (trimmed !== '') blocks.push({ kind: 'paragraph', text: trimmed });
  }
  return blocks;
}
