/**
 * A regulation in a .docx: its body (word/document.xml) read with the same zip and XML readers as
 * an .xlsx (yauzl through ZipArchive: size, ratio and CRC checks; saxes through parseXml: bounded
 * runs and depth); the XML is read into blocks by src/core/draft/docx-xml.ts, the reading the
 * task pane shares (paragraphs, tables row by row, a cell's paragraphs joined by a line break).
 */
import type { Block } from '../core/draft';
import { DocxBody } from '../core/draft/docx-xml';
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
    const body = new DocxBody();
    await parseXml(
      zip.bytes(BODY, MAX_SMALL_XML_BYTES, { zh: '正文', en: 'document body' }),
      { open: (name) => body.open(name), close: (name) => body.close(name), text: (value) => body.text(value) },
      file,
      BODY,
    );
    return body.blocks();
  } finally {
    zip.close();
  }
}
