// The `paper` render target: the Panel paper "SEC Releases update" for one meeting (`--meeting D`), asking
// the Panel to baseline one release's RID (`--release ID`), with that RID as Appendix A: Markdown, HTML
// (the RID's own HTML as the appendix) and Word (from the Markdown), papers/<meeting>-<release>.*.
import { releaseView, type ReleaseView } from '../domain/releases.js';
import { scopeByRelease } from '../domain/scope.js';
import { marked } from 'marked';
import { DEFAULT_CLASSIFICATION } from './document-meta.js';
import { docxOutputs } from './docx/outputs.js';
import { Trusted } from './escape.js';
import { releaseOnDate } from './notices-record.js';
import { NO_SNAPSHOTS } from './approval-records.js';
import { paperFindings } from './paper-findings.js';
import { paperView } from './paper-model.js';
import { ridTarget } from './rid-target.js';
import type { OutputFile, RenderInput, RenderTarget } from './targets.js';

export const paperTarget: RenderTarget = {
  async *render(input) {
    const { model, engine } = input;
    const subject = input.releases[0];
    const meeting = input.meeting;
    if (subject === undefined || meeting === undefined || input.releases.length !== 1) throw new Error('render paper needs one release and a meeting date');
    const scope = scopeByRelease(model);
    const date = input.asOf ?? meeting;
    // Every release still to go live at the meeting, with a file or with scope, in go-live order; each as the
    // data records it up to the meeting (what it records for the meeting day, a move or an addition, is what the
    // paper proposes; what joined, was decided or moved after it is not yet known to the paper).
    const ids = new Set([...model.releases.map((r) => r.id), ...scope.keys(), subject.planned.id]);
    const releases = [...ids]
      .map((id) => (id === subject.planned.id ? subject : releaseView(model, id, scope)))
      .filter((v): v is ReleaseView => v !== undefined && v.planned.cancelled !== true && (v === subject || v.planned.date > meeting))
      .map((v) => releaseOnDate(model, v, meeting, NO_SNAPSHOTS).view)
      .sort((a, b) => (a.planned.date < b.planned.date ? -1 : a.planned.date > b.planned.date ? 1 : 0));
    const subjectThen = releases.find((v) => v.planned.id === subject.planned.id)!;

    const rid = [...ridTarget.render({ ...input, releases: [subject] })];
    const ridFile = (ext: string) => rid.find((f) => f.path.endsWith(ext))!;
    const ridMd = ridFile('.md');
    const version = ridMd.document?.version ?? null;
    const vm = paperView({ model, subject: subjectThen, releases, meeting, date, ridVersion: version });
    const main = vm.sections.find((s) => s.subject)!;
    const proposed = new Set([...main.addedSystem, ...main.addedDocumentation].map((i) => i.id));
    const view = { ...vm, recommendationNumber: vm.sections.length + 2, openErrors: paperFindings(model, subject.planned.id, date, proposed) };
    const md = engine.render('paper.md', { ...view, appendix: new Trusted(appendixMarkdown(ridMd.content as string)) });
    const paperOnly = engine.render('paper.md', { ...view, appendix: new Trusted('') });
    const body = await marked.parse(paperOnly.slice(0, paperOnly.lastIndexOf('\n---\n')), { async: true });
    const html = engine.render('paper.html', { ...view, body: new Trusted(body), appendix: new Trusted(ridBody(ridFile('.html').content as string)) });

    const base = `papers/${meeting}-${subject.planned.id}`;
    const document = { title: `${vm.title}: Panel meeting ${meeting}`, version: null, date: vm.date, classification: DEFAULT_CLASSIFICATION };
    const out: OutputFile[] = [
      { path: `${base}.md`, content: md, document },
      { path: `${base}.html`, content: html },
    ];
    out.push(...(await docxOutputs(out)));
    out[0]!.wordIncluded = true;
    yield* out;
  },
};

/** The RID as an appendix: its headings one level down, without its own contents list. */
function appendixMarkdown(rid: string): string {
  return rid.replace(/^Contents:\n\n(?:(?:\d+\.|-) \[[^\n]*\]\(#[^\n)]*\)\n|\n)+/m, '').replace(/^(#{1,5}) /gm, '#$1 ');
}

/** The RID page's content (cover and main), for the paper's HTML, headings one level down. */
function ridBody(html: string): string {
  const start = html.indexOf('<body>');
  const end = html.lastIndexOf('</body>');
  const body = start < 0 || end < 0 ? '' : html.slice(start + '<body>'.length, end).trim();
  // One h1 per page: the paper's. The RID's headings go one level down, as in the Markdown.
  return body.replace(/<(\/?)h([1-5])\b/g, (_, slash: string, n: string) => `<${slash}h${Number(n) + 1}`);
}

export type { RenderInput };
