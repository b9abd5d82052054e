// Reads a .docx back as a user's word processor would see it: the parts of the zip, and the paragraphs
// of a part as text with their style, so tests check what the document says, not how docx wrote it.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

export interface DocxParagraph {
  style: string | null;
  text: string;
}

export function readDocx(file: string): Record<string, string> {
  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(entries).map(([path, data]) => [path, new TextDecoder().decode(data)]));
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Each `w:p` of a part, in order: its paragraph style and its text (tabs as `\t`). */
export function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null;
    const text = [...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[0] === '<w:tab/>' ? '\t' : unescapeXml(t[1]!))).join('');
    return { style, text };
  });
}

/** The rows of every table in a part, each row its cells' text. */
export function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        paragraphs(c[1]!)
          .map((p) => p.text)
          .join('\n'),
      ),
    ),
  );
}
