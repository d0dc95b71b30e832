/**
 * A .docx read in the browser for 从细则起草: the zip opened with fflate (only word/document.xml
 * is inflated, and only when its stated size is within the bound), the XML parsed with saxes
 * (nesting bounded), and the reading into paragraphs and tables done by the one docx reader the
 * CLI uses too (src/core/draft/docx-xml.ts). Errors name the file, Chinese first.
 */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { Block } from '../core/draft';
import { DocxBody } from '../core/draft/docx-xml';
import { AssessError } from '../core/errors';

/** The part of a .docx that holds its body. */
const DOCX_BODY = 'word/document.xml';

/** A .docx larger than this is refused before it is opened. */
export const MAX_DOCX_BYTES = 32 * 1024 * 1024;
/** word/document.xml inflated larger than this is refused (a regulation's body is well under 1 MB). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Elements nested deeper than this are refused (the CLI's bound, src/cli/read-limits.ts). */
export const MAX_DEPTH = 256;

const MiB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function refuse(zh: string, en: string): AssessError {
  return new AssessError({ kind: 'layout', zh, en });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The paragraphs and tables of a .docx given as bytes. */
export function blocksOfDocx(bytes: Uint8Array, name: string): Block[] {
  if (bytes.length > MAX_DOCX_BYTES) throw refuse(`${name} 超过 ${MiB(MAX_DOCX_BYTES)}，不作为细则读取`, `${name} is larger than ${MiB(MAX_DOCX_BYTES)}; not read as a regulation`);
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== DOCX_BODY) return false;
        if (file.originalSize > MAX_BODY_BYTES) tooBig = true;
        return !tooBig;
      },
    });
  } catch (error) {
    throw refuse(`${name} 不是有效的 .docx 文档（不是 zip 压缩包或已损坏：${error instanceof Error ? error.message : String(error)}）：请在 Word 或 WPS 中另存为 .docx`, `${name} is not a valid .docx document (not a zip archive, or damaged): save it as .docx in Word or WPS`);
  }
  if (tooBig) throw refuse(`${name} 的正文 ${DOCX_BODY} 解压后超过 ${MiB(MAX_BODY_BYTES)}，不予读取`, `${name}: its body ${DOCX_BODY} inflates to more than ${MiB(MAX_BODY_BYTES)}; not read`);
  const xml = files[DOCX_BODY];
  if (!xml) throw refuse(`${name} 不是有效的 .docx 文档：缺少 ${DOCX_BODY}`, `${name} is not a valid .docx document: ${DOCX_BODY} is missing`);
  if (xml.length > MAX_BODY_BYTES) throw refuse(`${name} 的正文 ${DOCX_BODY} 解压后超过 ${MiB(MAX_BODY_BYTES)}，不予读取`, `${name}: its body ${DOCX_BODY} inflates to more than ${MiB(MAX_BODY_BYTES)}; not read`);
  const damaged = (detail: string) => refuse(`${name} 已损坏：${DOCX_BODY} 不是有效的 XML（${detail}）`, `${name} is damaged: ${DOCX_BODY} is not well-formed XML (${detail})`);
  const encoding = xml[0] === 0xff && xml[1] === 0xfe ? 'utf-16le' : xml[0] === 0xfe && xml[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(xml);
  } catch {
    throw damaged('不是有效的 UTF-8 / invalid UTF-8');
  }
  const body = new DocxBody();
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw refuse(`${name} 已损坏：${DOCX_BODY} 的元素嵌套超过 ${MAX_DEPTH} 层`, `${name} is damaged: ${DOCX_BODY} nests elements deeper than ${MAX_DEPTH}`);
    body.open(localName(tag.name));
  });
  parser.on('closetag', (tag) => {
    depth--;
    body.close(localName(tag.name));
  });
  parser.on('text', (value) => body.text(value));
  parser.on('cdata', (value) => body.text(value));
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof AssessError) throw error;
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  return body.blocks();
}
