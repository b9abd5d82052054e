// The `secrel check` text report, from findings in memory: a heading per release, a line per finding, the summary.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { findRelease } from '../../../src/domain/calendar.js';
import type { Located } from '../../../src/domain/findings.js';
import type { ReleaseGroup } from '../../../src/domain/release-groups.js';
import { formatCheckText } from '../../../src/cli/report/check-text.js';

const chalk = new Chalk({ level: 0 });
const june = findRelease('2020-06')!;
const at = (rule: string, severity: Located['severity'], file: string, line: number, message: string): Located => ({
  rule,
  severity,
  file,
  path: [],
  line,
  column: 3,
  message,
});
const options = { chalk, displayPath: (file: string) => `repo/${file}`, asOf: '2020-01-17' };

describe('formatCheckText', () => {
  it('puts each finding under its release, sorted within it, then the findings about no release', () => {
    const groups: ReleaseGroup<Located>[] = [
      {
        id: '2020-06',
        planned: june,
        findings: [at('SCP-2', 'warning', 'releases/2020-06.yaml', 9, 'late'), at('TAD-1', 'error', 'releases/2020-06.yaml', 4, 'missing')],
      },
      { id: '2020-13', findings: [at('REF', 'error', 'modifications/MP1.yaml', 2, 'no such release')] },
      { findings: [at('CFG', 'info', 'secrel.config.yaml', 1, 'note')] },
    ];
    expect(formatCheckText(groups, options).split('\n')).toEqual([
      'June 2020 SEC Release (2020-06, Thu 25 Jun 2020)',
      '  repo/releases/2020-06.yaml:4:3 error TAD-1',
      '    missing',
      '  repo/releases/2020-06.yaml:9:3 warning SCP-2',
      '    late',
      '',
      'Release 2020-13 (not in the calendar)',
      '  repo/modifications/MP1.yaml:2:3 error REF',
      '    no such release',
      '',
      'Not about one release',
      '  repo/secrel.config.yaml:1:3 info CFG',
      '    note',
      '',
      '2 errors, 1 warning, 1 info in 3 files, as of 2020-01-17',
      '',
    ]);
  });

  it('names the release checked with --release in the summary', () => {
    const groups = [{ id: '2020-06', planned: june, findings: [at('TAD-1', 'warning', 'releases/2020-06.yaml', 4, 'due soon')] }];
    expect(
      formatCheckText(groups, { ...options, release: june })
        .split('\n')
        .slice(-2),
    ).toEqual(['0 errors, 1 warning in 1 file for the June 2020 SEC Release, as of 2020-01-17', '']);
  });

  it('says so when nothing is found', () => {
    expect(formatCheckText([], options)).toBe('no problems found as of 2020-01-17\n');
    expect(formatCheckText([], { ...options, release: june })).toBe('no problems found for the June 2020 SEC Release as of 2020-01-17\n');
  });
});
