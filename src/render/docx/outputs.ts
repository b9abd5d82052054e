// `render --docx`: a Word document beside each Markdown document that says what it is (OutputFile.document),
// rid/2020-06.md → rid/2020-06.docx, from the same Markdown, so both always say the same.
import type { OutputFile } from '../targets.js';
import { wordPath } from '../word-documents.js';
import { markdownDocx } from './document.js';

export async function docxOutputs(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  for (const f of files) {
    const path = wordPath(f);
    if (path !== undefined) out.push({ path, content: await markdownDocx(f.content as string, f.document!) });
  }
  return out;
}
