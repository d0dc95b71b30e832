/**
 * Streaming XML for the .xlsx reader (saxes, the parser exceljs uses): a part is parsed as its
 * bytes are inflated, events go to handlers by local name (no namespace prefix), no text or
 * attribute may run longer than MAX_XML_RUN, so no part becomes one giant string, and elements
 * may nest at most MAX_XML_DEPTH deep (the parser keeps each open one), so memory stays bounded
 * whatever the part holds. Handlers keep nothing of elements they do not know.
 */
import { SaxesParser } from 'saxes';
import { MAX_XML_DEPTH, MAX_XML_RUN } from './read-limits';
import { UsageError } from './usage-error';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Text is fed to the parser this many characters at a time, so a run is checked every so often. */
const FEED = 64 * 1024;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The encoding of an XML part from its first bytes (a BOM); XML without one is UTF-8. */
function encodingOf(first: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export async function parseXml(bytes: AsyncIterable<Buffer>, handlers: XmlHandlers, file: string, part: string): Promise<void> {
  const malformed = (zh: string, en = zh) =>
    new UsageError(`${file} 已损坏：部件 ${part} 不是有效的 XML（${zh}）`, `${file} is damaged: the part ${part} is not well-formed XML (${en})`);
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let lastEvent = 0;
  let depth = 0;
  parser.on('opentag', (tag) => {
    lastEvent = parser.position;
    if (++depth > MAX_XML_DEPTH) {
      throw malformed(`元素嵌套超过 ${MAX_XML_DEPTH} 层`, `elements nested deeper than ${MAX_XML_DEPTH}; real workbooks nest a dozen deep`);
    }
    handlers.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag) => {
    lastEvent = parser.position;
    depth--;
    handlers.close?.(localName(tag.name));
  });
  const text = handlers.text;
  if (text) {
    parser.on('text', (value) => {
      lastEvent = parser.position;
      text(value);
    });
    parser.on('cdata', (value) => {
      lastEvent = parser.position;
      text(value);
    });
  }
  let decoder: TextDecoder | undefined;
  const feed = (chunk: string) => {
    for (let at = 0; at < chunk.length; at += FEED) {
      try {
        parser.write(chunk.length <= FEED ? chunk : chunk.slice(at, at + FEED));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw malformed(error instanceof Error ? error.message : String(error));
      }
      if (parser.position - lastEvent > MAX_XML_RUN) {
        const run = MAX_XML_RUN.toLocaleString('en-US');
        throw malformed(`超过 ${run} 个字符没有标签；Excel 一个单元格最多 32,767 个字符`, `${run} characters without a tag; Excel holds at most 32,767 in a cell`);
      }
    }
  };
  for await (const chunk of bytes) {
    decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
    let decoded: string;
    try {
      decoded = decoder.decode(chunk, { stream: true });
    } catch {
      throw malformed('不是有效的 UTF-8', 'invalid UTF-8');
    }
    feed(decoded);
  }
  try {
    if (decoder) feed(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw malformed(error instanceof Error ? error.message : String(error));
  }
}
