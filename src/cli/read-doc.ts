/**
 * A regulation in an old Word .doc (Word 97–2003, an OLE compound file), read with word-extractor.
 * Its body text comes as lines: a paragraph a line, a table row a line of cells each closed by a
 * tab (编码\t条目\t分值\t评分方法\t). Lines closed by a tab become a table block, row by row, as the
 * .docx reader gives them; other lines are paragraphs. Anything that is not a Word document (a web
 * page saved as .doc, a renamed file) is refused naming the file: save it as .docx.
 */
import { statSync } from 'node:fs';
import WordExtractor from 'word-extractor';
import type { Block } from '../core/draft';
import { readBytes } from './read-file';
import { UsageError } from './usage-error';

/** The largest .doc read (a regulation's text is a few hundred KiB; word-extractor holds it all in memory). */
export const MAX_DOC_BYTES = 64 * 1024 * 1024;

/** An OLE compound file starts with these 8 bytes (a .doc); a .docx saved as .doc is a zip (PK). */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function notWord(file: string): UsageError {
  return new UsageError(
    `${file} 不是可读取的 Word 文档（.doc）：请在 Word 或 WPS 中打开后另存为 .docx，或复制正文保存为 .txt`,
    `${file} is not a Word document (.doc) that can be read: open it in Word or WPS and save it as .docx, or paste its text into a .txt file`,
  );
}

/** The blocks of a .doc's body text (word-extractor's lines). */
export function blocksOfDocText(body: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.endsWith('\t')) {
      const cells = raw.slice(0, -1).split('\t').map((cell) => cell.trim());
      if (table === null) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      table.push(cells);
      continue;
    }
    table = null;
    const text = raw.trim();
    if (text !== '') blocks.push({ kind: 'paragraph', text });
  }
  return blocks;
}

export async function readDoc(file: string): Promise<Block[]> {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // readBytes names what is wrong (no such file, a folder).
  }
  if (size > MAX_DOC_BYTES)
    throw new UsageError(`${file} 过大（${(size / 1024 / 1024).toFixed(1)} MiB，上限 64 MiB）：不是一份细则的正文`, `${file} is too large (${(size / 1024 / 1024).toFixed(1)} MiB, at most 64 MiB) for a regulation's text`);
  const bytes = readBytes(file);
  const zip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!zip && !(bytes.length >= OLE.length && bytes.subarray(0, OLE.length).equals(OLE))) throw notWord(file);
  let body: string;
  try {
    body = (await new WordExtractor().extract(bytes)).getBody();
  } catch {
    throw notWord(file);
  }
  return blocksOfDocText(body);
}
