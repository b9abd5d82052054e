// Packs a docx Document so the same content gives the same bytes: docx stamps the current time into the
// core properties and into every zip entry, and names hyperlink relationships with random ids. Each is
// replaced: the dates by the document's own date, the ids by numbered ones in the order they appear.
import { Packer, type Document } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** When a document has no date of its own: the earliest a zip entry can carry. */
const NO_DATE = '1980-01-01';

export async function packDeterministic(doc: Document, date: string | null): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(doc);
  const entries = unzipSync(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
  const day = date ?? NO_DATE;
  const text = new TextDecoder();
  const bytes = new TextEncoder();
  const xml = new Map<string, string>();
  for (const [path, data] of Object.entries(entries)) if (/\.(xml|rels)$/.test(path)) xml.set(path, text.decode(data));

  // Relationship ids that are not docx's own counted `rIdN`: random per run, so renumber them.
  const ids = new Map<string, string>();
  for (const [path, content] of [...xml].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!path.endsWith('.rels')) continue;
    for (const m of content.matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(m[1]!) && !ids.has(m[1]!)) ids.set(m[1]!, `rIdLink${ids.size + 1}`);
    }
  }
  const out: Zippable = {};
  for (const [path, data] of Object.entries(entries)) {
    let content = xml.get(path);
    if (content === undefined) {
      out[path] = data;
      continue;
    }
    for (const [from, to] of ids) content = content.split(`"${from}"`).join(`"${to}"`);
    if (path === 'word/document.xml') content = renumberBookmarks(content);
    if (path === 'docProps/core.xml') {
      content = content.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${day}T00:00:00Z$3`);
    }
    out[path] = bytes.encode(content);
  }
  // A zip entry's time is local civil time (MS-DOS format): a Date made from the day's parts in local
  // time gives those same parts back under any TZ.
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zipSync(out, { mtime: new Date(y, m - 1, d), level: 6 });
}

/** docx counts table-of-contents bookmarks across every document a process makes: number them per document. */
function renumberBookmarks(xml: string): string {
  const names = new Map<string, number>();
  const ids = new Map<string, number>();
  return xml
    .replace(/_Toc(\d+)\b/g, (_, n: string) => `_Toc${names.get(n) ?? (names.set(n, names.size + 1), names.size)}`)
    .replace(
      /(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)"/g,
      (_, head: string, n: string) => `${head}${ids.get(n) ?? (ids.set(n, ids.size + 1), ids.size)}"`,
    );
}
