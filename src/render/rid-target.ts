// The `rid` render target: the RID of each release in Markdown (for review in pull requests) and in
// self-contained HTML (for publishing and printing), each with the glossary of the acronyms it uses.
import { DEFAULT_CLASSIFICATION } from './document-meta.js';
import type { Engine } from './engine.js';
import { glossaryFor, glossaryForHtml, type GlossaryEntry } from './glossary.js';
import { ridView, type RidView } from './rid-model.js';
import type { OutputFile, SyncRenderTarget } from './targets.js';

export const ridTarget: SyncRenderTarget = {
  // One release at a time: its view model and documents are let go before the next release's are made.
  *render({ model, releases, documentTitles, engine }): Generator<OutputFile> {
    for (const view of releases) {
      const vm = ridView({ model, view, documentTitles });
      yield {
        path: `rid/${view.planned.id}.md`,
        content: withGlossary(engine, 'rid.md', vm, glossaryFor),
        document: {
          title: `${view.planned.name} Implementation Document`,
          version: vm.version,
          date: vm.documentDate,
          classification: DEFAULT_CLASSIFICATION,
          versioned: true,
        },
      };
      yield { path: `rid/${view.planned.id}.html`, content: withGlossary(engine, 'rid.html', vm, glossaryForHtml) };
    }
  },
};

// Two passes: the first finds which acronyms the document uses, the second lists them in Appendix 2.
// The first is only read, so it is left untidied (whitespace changes no acronym).
function withGlossary(engine: Engine, template: string, vm: RidView, glossary: (rendered: string) => GlossaryEntry[]): string {
  const first = engine.render(template, vm, { tidy: false });
  return engine.render(template, { ...vm, glossary: glossary(first) });
}
