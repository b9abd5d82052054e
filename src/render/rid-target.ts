// The `rid` render target: the RID of each release in Markdown (for review in pull requests) and in
// self-contained HTML (for publishing and printing), each with the glossary of the acronyms it uses.
import type { Engine } from './engine.js';
import { glossaryFor, visibleText } from './glossary.js';
import { ridView, type RidView } from './rid-model.js';
import type { OutputFile, RenderTarget } from './targets.js';

export const ridTarget: RenderTarget = {
  render({ model, releases, documentTitles, engine }) {
    const out: OutputFile[] = [];
    for (const view of releases) {
      const vm = ridView({ model, view, documentTitles });
      out.push({ path: `rid/${view.planned.id}.md`, content: withGlossary(engine, 'rid.md', vm, (t) => t) });
      out.push({ path: `rid/${view.planned.id}.html`, content: withGlossary(engine, 'rid.html', vm, visibleText) });
    }
    return out;
  },
};

// Two passes: the first finds which acronyms the document uses, the second lists them in Appendix 2.
function withGlossary(engine: Engine, template: string, vm: RidView, text: (rendered: string) => string): string {
  const first = engine.render(template, vm);
  return engine.render(template, { ...vm, glossary: glossaryFor(text(first)) });
}
