// A RID of a release that has gone live speaks in the past (found in a new-user trial): "implemented on",
// "had to be met", a TAD or evidence that was due and is not recorded; a draft before go-live keeps its future.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const copy = fixtureCopies();
const FUTURE = [
  'due to be implemented',
  'will need to be met',
  'will be produced by the DCC at a later date',
  'is due to the Testing Advisory Group',
  'will review the status of the release against these criteria',
  'will be updated periodically as the release develops',
];

/** The June 2020 RID, rendered after `edit` of its release file; Markdown and HTML. */
async function june(edit: (text: string) => string): Promise<{ md: string; html: string }> {
  const dir = copy();
  const file = join(dir, 'releases/2020-06.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  expect((await secrel(['render', 'rid', '--release', '2020-06', '--repo', dir, '--as-of', '2020-07-20'])).exitCode).toBe(0);
  return { md: readFileSync(join(dir, 'out/rid/2020-06.md'), 'utf8'), html: readFileSync(join(dir, 'out/rid/2020-06.html'), 'utf8') };
}

function expectPast(doc: string): void {
  expect(doc).toContain('for the June 2020 SEC Release, implemented on 25 June 2020. It summarises the scope of the release, the impacts it has,');
  expect(doc).toContain('Release Testing Approach Document (TAD) for this release – no publication of it is recorded.');
  expect(doc).toContain(
    'The TAD was due to the Testing Advisory Group (TAG) by 25 September 2019, and to be published by 25 December 2019; no submission of it is recorded.',
  );
  expect(doc).toContain('The following criteria had to be met before the release could go live.');
  expect(doc).toContain('reviewed the status of the release against these criteria and made a recommendation to the Panel');
  expect(doc).toContain('summarises the costs incurred by the DCC');
  for (const words of FUTURE) expect(doc).not.toContain(words);
}

describe('the RID of a release that has gone live', () => {
  it('status live: the RID says what happened, in Markdown and HTML', async () => {
    const { md, html } = await june((t) => t.replace('status: baselined', 'status: live'));
    expectPast(md);
    expectPast(html);
  });

  it('a version dated after go-live, status not updated: the date says it has gone live', async () => {
    const { md } = await june((t) =>
      t
        .replace('  version: "1.1"\n', '  version: "1.2"\n')
        .replace(
          '      changes: Updated draft presented to Panel to be baselined.\n',
          '      changes: Updated draft presented to Panel to be baselined.\n    - version: "1.2"\n      date: 2020-07-10\n      changes: MP079 implemented.\n',
        ),
    );
    expectPast(md);
  });

  it('with no timetable recorded: says none was, not that none "has been agreed yet"', async () => {
    // The June file without its timeline (lines from `timeline:` to `costs:`), gone live.
    const { md, html } = await june((t) => t.replace('status: baselined', 'status: live').replace(/^timeline:[\s\S]*?(?=^costs:)/m, ''));
    for (const doc of [md, html]) {
      expect(doc).toContain('No implementation timetable was recorded for this release.');
      expect(doc).not.toContain('has been agreed for this release yet');
    }
  });

  it('a draft before go-live keeps its future', async () => {
    const { md } = await june((t) => t);
    expect(md).toContain('due to be implemented on 25 June 2020');
    expect(md).toContain('The following criteria will need to be met before the release can go live.');
    expect(md).toContain('this document will be produced by the DCC at a later date.');
    expect(md).toContain('This document will be updated periodically as the release develops.');
  });
});
