/**
 * A regulation in a .docx: its body (word/document.xml) read with the same zip and XML readers as
 * an .xlsx (yauzl through ZipArchive: size, ratio and CRC checks; saxes through parseXml: bounded
 * runs and depth). Paragraphs become paragraph blocks; tables become table blocks, one row per
 * w:tr and one cell per w:tc (a cell's paragraphs joined by a line break; a table inside a cell
 * read as its text). Tabs read as a space, line breaks as a line break.
 */
import type { Block } from '../core/draft';
import { MAX_SMALL_XML_BYTES } from './read-limits';
import { parseXml } from './read-xml';
import { ZipArchive } from './read-zip';
import { UsageError } from './usage-error';

const BODY = 'word/document.xml';

export async function readDocx(file: string): Promise<Block[]> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(file);
  } catch (error) {
    if (error instanceof UsageError && /不是 zip|not a zip/.test(error.en + error.zh))
      throw new UsageError(`${file} 不是有效的 .docx 文档（不是 zip 压缩包）：请在 Word 或 WPS 中另存为 .docx`, `${file} is not a valid .docx document (not a zip archive): save it as .docx in Word or WPS`);
    throw error;
  }
  try {
    if (!zip.has(BODY)) throw new UsageError(`${file} 不是有效的 .docx 文档：缺少 ${BODY}`, `${file} is not a valid .docx document: ${BODY} is missing`);
    const blocks: Block[] = [];
    /** Open tables, innermost last: rows of cells of paragraphs. */
    const tables: Array<{ rows: string[][]; row: string[] | null; cell: string[] | null }> = [];
    let paragraph: string | null = null;
    let inText = false;
    const endParagraph = () => {
      if (paragraph === null) return;
      const text = paragraph.trim();
      paragraph = null;
      const table = tables[tables.length - 1];
      if (table?.cell) table.cell.push(text);
      else if (text !== '') blocks.push({ kind: 'paragraph', text });
    };
    await parseXml(
      zip.bytes(BODY, MAX_SMALL_XML_BYTES, { zh: '正文', en: 'document body' }),
      {
        open(name) {
          switch (name) {
            case 'p':
              endParagraph();
              paragraph = '';
              break;
            case 't':
              inText = true;
              break;
            case 'tab':
              if (paragraph !== null) paragraph += ' ';
              break;
            case 'br':
            case 'cr':
              if (paragraph !== null) paragraph += '\n';
              break;
            case 'tbl':
              endParagraph();
              tables.push({ rows: [], row: null, cell: null });
              break;
            case 'tr': {
              const table = tables[tables.length - 1];
              if (table) table.row = [];
              break;
            }
            case 'tc': {
              const table = tables[tables.length - 1];
              if (table) table.cell = [];
              break;
            }
            default:
              break;
          }
        },
        close(name) {
          switch (name) {
            case 't':
              inText = false;
              break;
            case 'p':
              endParagraph();
              break;
            case 'tc': {
              const table = tables[tables.length - 1];
              if (table?.cell && table.row) table.row.push(table.cell.filter((p) => p !== '').join('\n'));
              if (table) table.cell = null;
              break;
            }
            case 'tr': {
              const table = tables[tables.length - 1];
              if (table?.row) table.rows.push(table.row);
              if (table) table.row = null;
              break;
            }
            case 'tbl': {
              const table = tables.pop();
              if (!table) break;
              const outer = tables[tables.length - 1];
              // A table inside a cell is read as that cell's text.
              if (outer?.cell) outer.cell.push(table.rows.map((row) => row.join(' ')).join('\n'));
              else blocks.push({ kind: 'table', rows: table.rows });
              break;
            }
            default:
              break;
          }
        },
        text(value) {
          if (inText && paragraph !== null) paragraph += value;
        },
      },
      file,
      BODY,
    );
    endParagraph();
    return blocks;
  } finally {
    zip.close();
  }
}
