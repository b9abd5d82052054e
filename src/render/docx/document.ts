// A Word document from one of secrel's Markdown documents: A4, the heading styles a table of contents
// builds from, a header with the document's name and version, a footer with its classification and the
// page number, and core properties (title, dates) from the data, so the same data gives the same bytes.
import { AlignmentType, Document, Footer, Header, LevelFormat, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { markdownToDocx, NUMBERED, TEXT_WIDTH } from './markdown.js';
import { packDeterministic } from './pack.js';
import { classificationLine, versionLabel, type DocumentMeta } from '../document-meta.js';

const FONT = 'Arial';
const SMALL = 16; // half-points: 8 pt

export async function markdownDocx(markdown: string, meta: DocumentMeta): Promise<Uint8Array> {
  const { title, children } = markdownToDocx(markdown);
  const name = meta.title ?? title ?? 'SEC document';
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [new TextRun({ text: name, size: SMALL }), new TextRun({ text: `\t${versionLabel(meta)}`, size: SMALL })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({ children: [new TextRun({ text: classificationLine(meta.classification), size: SMALL })] }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: SMALL })],
      }),
    ],
  });
  const doc = new Document({
    creator: 'secrel',
    title: name,
    description: versionLabel(meta),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 200, after: 80 } } },
        hyperlink: { run: { color: '0563C1', underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } } },
        headers: { default: header },
        footers: { default: footer },
        children,
      },
    ],
  });
  return packDeterministic(doc, meta.date);
}
