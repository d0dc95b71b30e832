/**
 * The one reading of a .docx body (word/document.xml) into blocks, shared by the CLI
 * (src/cli/read-docx.ts: yauzl + the bounded streaming saxes reader) and the task pane
 * (src/taskpane/draft-docx.ts: fflate + saxes in the browser). Only the XML events come in here —
 * element local names opened and closed, and text — so the unzipping and parsing stay with each
 * platform and this stays pure. Paragraphs become paragraph blocks; tables become table blocks, one
 * row per w:tr and one cell per w:tc (a cell's paragraphs joined by a line break; a table inside a
 * cell read as its text). Tabs read as a space, line breaks as a line break.
 */
import type { Block } from './source';

/** Receives the body's XML events (local names, no namespace prefix); `blocks()` once the part is read. */
export class DocxBody {
  private readonly out: Block[] = [];
  /** Open tables, innermost last: rows of cells of paragraphs. */
  private readonly tables: Array<{ rows: string[][]; row: string[] | null; cell: string[] | null }> = [];
  private paragraph: string | null = null;
  private inText = false;

  private endParagraph(): void {
    if (this.paragraph === null) return;
    const text = this.paragraph.trim();
    this.paragraph = null;
    const table = this.tables[this.tables.length - 1];
    if (table?.cell) table.cell.push(text);
    else if (text !== '') this.out.push({ kind: 'paragraph', text });
  }

  open(name: string): void {
    const table = this.tables[this.tables.length - 1];
    switch (name) {
      case 'p':
        this.endParagraph();
        this.paragraph = '';
        break;
      case 't':
        this.inText = true;
        break;
      case 'tab':
        if (this.paragraph !== null) this.paragraph += ' ';
        break;
      case 'br':
      case 'cr':
        if (this.paragraph !== null) this.paragraph += '\n';
        break;
      case 'tbl':
        this.endParagraph();
        this.tables.push({ rows: [], row: null, cell: null });
        break;
      case 'tr':
        if (table) table.row = [];
        break;
      case 'tc':
        if (table) table.cell = [];
        break;
      default:
        break;
    }
  }

  close(name: string): void {
    const table = this.tables[this.tables.length - 1];
    switch (name) {
      case 't':
        this.inText = false;
        break;
      case 'p':
        this.endParagraph();
        break;
      case 'tc':
        if (table?.cell && table.row) table.row.push(table.cell.filter((p) => p !== '').join('\n'));
        if (table) table.cell = null;
        break;
      case 'tr':
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      case 'tbl': {
        const done = this.tables.pop();
        if (!done) break;
        const outer = this.tables[this.tables.length - 1];
        // A table inside a cell is read as that cell's text.
        if (outer?.cell) outer.cell.push(done.rows.map((row) => row.join(' ')).join('\n'));
        else this.out.push({ kind: 'table', rows: done.rows });
        break;
      }
      default:
        break;
    }
  }

  text(value: string): void {
    if (this.inText && this.paragraph !== null) this.paragraph += value;
  }

  /** The blocks read, once the whole part has been given (a paragraph left open is closed). */
  blocks(): Block[] {
    this.endParagraph();
    return this.out;
  }
}
