// The site's notices pages (COM-4): for each release, a page with its notices (approval, revised implementation
// date, 12-month, 6-month, 1-month) as the `notices` target renders them, each with the day it is due and the day it was issued
// (from the data), or marked a draft when no issue is recorded.
import { addWorkingDays } from '../domain/working-days.js';
import type { ReleaseView } from '../domain/releases.js';
import { modificationById, type RepoModel } from '../domain/repository.js';
import { approvalFinal } from '../domain/rules/notices.js';
import { marked } from 'marked';
import type { Engine } from './engine.js';
import { Trusted } from './escape.js';
import { releaseNotices, type RenderedNotice } from './notices-target.js';
import type { NoticeSnapshots } from './notices-record.js';
import { releaseSummary, type ReleaseSummary } from './site-releases.js';

export interface SiteNotice {
  id: string;
  heading: string;
  kindLabel: string;
  /** When it is due (null: an approval notice whose decision is not recorded yet). */
  due: string | null;
  dueRule: string;
  issued: string | null;
  body: Trusted;
}

export interface NoticesPage {
  title: string;
  root: string;
  release: ReleaseSummary;
  notices: SiteNotice[];
  issuedCount: number;
}

const KIND: Record<RenderedNotice['kind'], { label: string; rule: string }> = {
  approval: { label: 'Approval and implementation date (COM-1)', rule: '1 Working Day after the decision is final' },
  // The Policy sets no day: "as soon as reasonably practical" from the Authority's decision, the date shown as due.
  revision: { label: 'Revised implementation date, agreed by the Authority (IMP-6)', rule: 'as soon as reasonably practical after the Authority agrees it' },
  '12-month': { label: '12-month notice (COM-2)', rule: '12 months before go-live' },
  '6-month': { label: '6-month notice (COM-2)', rule: '6 months before go-live' },
  '1-month': { label: 'One-month notice (COM-3)', rule: '1 month before go-live' },
};

/** The notice's Markdown as HTML under the page's h2: its own title left out, its headings two levels down. */
function bodyHtml(markdown: string): Trusted {
  const withoutTitle = markdown.replace(/^# [^\n]*\n+/, '');
  const html = marked.parse(withoutTitle, { async: false });
  return new Trusted(html.replace(/<(\/?)h([1-4])\b/g, (_, slash: string, n: string) => `<${slash}h${Number(n) + 1}`));
}

function issuedOf(model: RepoModel, view: ReleaseView, n: RenderedNotice): string | null {
  const recorded = view.entity?.data.notices;
  switch (n.kind) {
    case 'revision':
      return n.issued ?? null;
    case 'approval':
      return (n.modification === null ? undefined : modificationById(model, n.modification))?.data.notices?.approval ?? null;
    case '12-month':
      return recorded?.twelveMonth ?? null;
    case '6-month':
      return recorded?.sixMonth ?? null;
    default:
      return recorded?.oneMonth ?? null;
  }
}

function dueOf(model: RepoModel, n: RenderedNotice): string | null {
  if (n.kind === 'revision') return n.revisionDate ?? null;
  if (n.kind !== 'approval') return n.date;
  const m = (n.modification === null ? undefined : modificationById(model, n.modification))?.data;
  const final = m ? approvalFinal(m) : undefined;
  return final ? addWorkingDays(final.date, 1, model.config.holidays) : null;
}

export function noticesPage(model: RepoModel, view: ReleaseView, engine: Engine, snapshots?: NoticeSnapshots): NoticesPage {
  const notices = releaseNotices(model, view, engine, snapshots).map((n): SiteNotice => ({
    id: n.key,
    // The page marks a draft in its own column: the notice's DRAFT heading prefix is not repeated.
    heading: (/^# (.+)$/m.exec(n.markdown)?.[1] ?? n.key).replace(/\\(.)/g, '$1').replace(/^DRAFT — not yet issued: /, ''),
    kindLabel: KIND[n.kind].label,
    due: dueOf(model, n),
    dueRule: KIND[n.kind].rule,
    issued: issuedOf(model, view, n),
    body: bodyHtml(n.markdown),
  }));
  return {
    title: `Notices: ${view.planned.name}`,
    root: '../',
    release: releaseSummary(view, '../'),
    notices,
    issuedCount: notices.filter((n) => n.issued !== null).length,
  };
}
