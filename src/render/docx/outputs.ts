// `render --docx`: a Word document beside each Markdown document that says what it is (OutputFile.document),
// rid/2020-06.md → rid/2020-06.docx, from the same Markdown, so both always say the same.
import type { OutputFile } from '../targets.js';
import { markdownDocx } from './document.js';

export async function docxOutputs(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  for (const f of files) {
    if (f.document === undefined || typeof f.content !== 'string' || !f.path.endsWith('.md') || f.wordIncluded) continue;
    out.push({ path: `${f.path.slice(0, -'.md'.length)}.docx`, content: await markdownDocx(f.content, f.document) });
  }
  return out;
}
