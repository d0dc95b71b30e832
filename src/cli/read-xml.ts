/**
 * Streaming XML for the .xlsx reader (saxes, the parser exceljs uses): a part is parsed as its
 * bytes are inflated, events go to handlers by local name (no namespace prefix), and no text or
 * attribute may run longer than MAX_XML_RUN, so no part becomes one giant string.
 */
import { SaxesParser } from 'saxes';
import { MAX_XML_RUN } from './read-limits';
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
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let lastEvent = 0;
  parser.on('opentag', (tag) => {
    lastEvent = parser.position;
    handlers.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag) => {
    lastEvent = parser.position;
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
  const malformed = (detail: string) =>
    new UsageError(`${file} 已损坏：部件 ${part} 不是有效的 XML（${detail}）`, `${file} is damaged: the part ${part} is not well-formed XML (${detail})`);
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
        throw malformed(`${MAX_XML_RUN.toLocaleString('en-US')} characters without a tag; Excel holds at most 32,767 in a cell`);
      }
    }
  };
  for await (const chunk of bytes) {
    decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
    let decoded: string;
    try {
      decoded = decoder.decode(chunk, { stream: true });
    } catch {
      throw malformed('invalid UTF-8');
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
