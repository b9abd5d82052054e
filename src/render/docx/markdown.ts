// The Markdown secrel renders (RID, notices, Panel paper) as Word content: headings with Word's heading
// styles (so a table of contents builds from them), paragraphs, bulleted and numbered lists, and tables
// with explicit widths. The Markdown stays the one source of each document's wording; this only maps
// its structure, token by token (marked's lexer), onto docx objects.
import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';

/** A4 (11,906 twips) less two 2 cm margins (1,134 twips each): the width every table spans. */
export const TEXT_WIDTH = 9638;
export const NUMBERED = 'numbered';

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];

export interface Converted {
  /** The text of the first level-1 heading: the document's title. */
  title: string | null;
  children: FileChild[];
}

interface Style {
  bold?: boolean;
  italics?: boolean;
}

/**
 * Converts a whole Markdown document. The `#` heading becomes the Title style; `##` Heading 1 and so on.
 * A list of nothing but links to headings in the document (the Markdown's contents list) becomes a
 * Word table of contents, which Word fills with page numbers.
 */
export function markdownToDocx(markdown: string): Converted {
  const tokens = new Lexer().lex(markdown);
  const out: FileChild[] = [];
  let title: string | null = null;
  let lists = 0;
  for (const token of tokens) {
    if (token.type === 'heading') {
      const t = token as Tokens.Heading;
      if (t.depth === 1 && title === null) title = plainText(t.tokens);
      out.push(new Paragraph({ heading: HEADINGS[Math.min(t.depth - 1, HEADINGS.length - 1)], children: inline(t.tokens), keepNext: true }));
    } else if (token.type === 'paragraph') {
      out.push(new Paragraph({ children: inline((token as Tokens.Paragraph).tokens) }));
    } else if (token.type === 'list') {
      const list = token as Tokens.List;
      if (isContentsList(list)) out.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }));
      else out.push(...listParagraphs(list, 0, () => ++lists));
    } else if (token.type === 'table') {
      out.push(table(token as Tokens.Table));
      out.push(new Paragraph({ children: [] }));
    } else if (token.type === 'blockquote') {
      for (const p of (token as Tokens.Blockquote).tokens) {
        if (p.type === 'paragraph') out.push(new Paragraph({ children: inline((p as Tokens.Paragraph).tokens, { italics: true }), indent: { left: 567 } }));
      }
    } else if (token.type === 'code') {
      for (const line of (token as Tokens.Code).text.split('\n')) out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
    } else if (token.type === 'hr') {
      // A rule parts a document from what follows it (a paper from its appendix): a new page in Word.
      out.push(new Paragraph({ children: [new PageBreak()] }));
    }
    // space and html tokens carry nothing to show (secrel's Markdown never contains raw HTML).
  }
  return { title, children: out };
}

function isContentsList(list: Tokens.List): boolean {
  return (
    list.items.length > 0 &&
    list.items.every((item) => {
      const inner = item.tokens.flatMap((t) => ('tokens' in t && Array.isArray(t.tokens) ? t.tokens : [t])).filter((t) => t.type !== 'space');
      return inner.length === 1 && inner[0]!.type === 'link' && (inner[0] as Tokens.Link).href.startsWith('#');
    })
  );
}

function listParagraphs(list: Tokens.List, level: number, nextInstance: () => number): Paragraph[] {
  const out: Paragraph[] = [];
  const instance = list.ordered ? nextInstance() : 0;
  for (const item of list.items) {
    let first = true;
    for (const t of item.tokens) {
      if (t.type === 'list') {
        out.push(...listParagraphs(t as Tokens.List, level + 1, nextInstance));
        continue;
      }
      if (t.type !== 'text' && t.type !== 'paragraph') continue;
      const children = inline((t as Tokens.Text).tokens ?? [t]);
      if (!first) out.push(new Paragraph({ children, indent: { left: 720 * (level + 1) } }));
      else if (list.ordered) out.push(new Paragraph({ children, numbering: { reference: NUMBERED, level, instance } }));
      else out.push(new Paragraph({ children, bullet: { level } }));
      first = false;
    }
  }
  return out;
}

/** Widths from how much each column holds (longest cell, header included), none narrower than a readable minimum. */
function columnWidths(t: Tokens.Table): number[] {
  const lengths = t.header.map((h, i) => Math.max(plainText(h.tokens).length, ...t.rows.map((r) => plainText(r[i]?.tokens ?? []).length), 4));
  const capped = lengths.map((l) => Math.min(l, 60));
  const total = capped.reduce((a, b) => a + b, 0);
  const min = Math.min(TEXT_WIDTH / 10, TEXT_WIDTH / (1.5 * t.header.length));
  const raw = capped.map((l) => Math.max(min, (l / total) * TEXT_WIDTH));
  const scale = TEXT_WIDTH / raw.reduce((a, b) => a + b, 0);
  const widths = raw.map((w) => Math.floor(w * scale));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(t: Tokens.Table): Table {
  const widths = columnWidths(t);
  const align = (i: number) => (t.align[i] === 'right' ? AlignmentType.RIGHT : t.align[i] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const row = (cells: Tokens.TableCell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            shading: header ? { fill: 'E7E6E6', type: 'clear', color: 'auto' } : undefined,
            children: [new Paragraph({ alignment: align(i), children: inline(c.tokens, header ? { bold: true } : {}) })],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // A table with an empty header row (`| | |`, the RID's opening facts) has no header row in Word.
    rows: [...(t.header.every((h) => h.text.trim() === '') ? [] : [row(t.header, true)]), ...t.rows.map((r) => row(r, false))],
  });
}

function inline(tokens: readonly Token[], style: Style = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, { ...style, italics: true }));
        break;
      case 'link': {
        const link = token as Tokens.Link;
        // Links inside the document (#anchors) are plain text: Word's own contents and cross-references do that.
        if (/^https?:/i.test(link.href)) out.push(new ExternalHyperlink({ link: link.href, children: inline(link.tokens, style).map((r) => r) as TextRun[] }));
        else out.push(...inline(link.tokens, style));
        break;
      }
      case 'codespan':
        out.push(new TextRun({ text: decode((token as Tokens.Codespan).text), font: 'Consolas', ...style }));
        break;
      case 'br':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'text':
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) out.push(...inline(token.tokens as Token[], style));
        else out.push(new TextRun({ text: decode((token as Tokens.Text).text), ...style }));
        break;
      default:
        if ('text' in token && typeof token.text === 'string') out.push(new TextRun({ text: decode(token.text), ...style }));
    }
  }
  return out;
}

/** The text of inline tokens, without formatting. */
export function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) =>
      'tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0
        ? plainText(t.tokens as Token[])
        : 'text' in t && typeof t.text === 'string'
          ? decode(t.text)
          : '',
    )
    .join('');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}
