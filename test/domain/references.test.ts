// Reference findings are made once per model and reused (validate, RID-2 and plan each ask), but never
// for a model whose lists have changed: an assumption's model, or the same model given other files.
import { describe, expect, it } from 'vitest';
import { modificationRefFindings, referenceFindings } from '../../src/domain/references.js';
import { baselinedScopeChecks } from '../../src/domain/rules/rid.js';
import { repoOf, yaml } from './rules/repo.js';

const MODIFICATION = yaml`
  id: MP101
  title: A change
  status: approved
  implementation:
    release: 2027-06
`;

describe('reference findings', () => {
  it('are a REF error for two modifications whose ids differ only in spaces or case (DCP 421, DCP421): one would count twice', async () => {
    const repo = await repoOf({
      'modifications/MP101.yaml': MODIFICATION,
      'modifications/mp101.yaml': MODIFICATION.replace('id: MP101', 'id: mp101'),
    });
    expect(referenceFindings(repo).map((f) => [f.file, f.message])).toEqual([
      [
        'modifications/mp101.yaml',
        'modification `mp101` is `MP101` (modifications/MP101.yaml) written differently, so one modification would count twice; keep one file and one spelling',
      ],
    ]);
  });

  it('are made again for a model given other modifications', async () => {
    const repo = await repoOf({ 'modifications/MP101.yaml': MODIFICATION });
    expect(referenceFindings(repo)).toEqual([]);
    expect(referenceFindings(repo)).toBe(referenceFindings(repo));
    const [m] = repo.modifications;
    const typo = { ...m!, data: { ...m!.data, implementation: { release: '2027-13' } } };
    repo.modifications = [typo];
    expect(modificationRefFindings(repo).map((f) => f.message)).toEqual([expect.stringContaining('release `2027-13` does not exist')]);
    expect(referenceFindings(repo).map((f) => f.rule)).toEqual(['REF']);
    const other = { ...repo, modifications: [m!] };
    expect(referenceFindings(other)).toEqual([]);
  });

  it('are a REF error for a dependsOn naming no modification, with the close id, but not for one whose file did not load', async () => {
    const repo = await repoOf({
      'modifications/MP101.yaml': MODIFICATION,
      'modifications/MP102.yaml': `${MODIFICATION.replace(/MP101/g, 'MP102')}dependsOn: [MP1O1, { id: CR7 }]\n`,
    });
    expect(referenceFindings(repo)).toMatchObject([
      {
        rule: 'REF',
        severity: 'error',
        modification: 'MP102',
        path: ['dependsOn', 0],
        message: 'MP102 depends on modification `MP1O1`, which does not exist: it has no file in modifications/; did you mean `MP101`?',
      },
    ]);
    const unreadable = { ...repo, invalidIds: { ...repo.invalidIds, modifications: new Set(['MP1O1']) } };
    expect(referenceFindings(unreadable)).toEqual([]);
  });

  it('leave RID-2 silent about a modification whose id is not its file name, whatever the case of `.yaml`: the REF error says what is wrong', async () => {
    const release = yaml`
      id: 2027-06
      type: system
      status: baselined
      rid:
        version: "1.0"
        history:
          - { version: "1.0", date: 2026-01-10, changes: Baselined. }
        baselines:
          - { version: "1.0", date: 2026-01-10, covers: all, scope: [MP101] }
    `;
    for (const name of ['MP101.yaml', 'MP101.YAML']) {
      const repo = await repoOf({ [`modifications/${name}`]: MODIFICATION.replace('id: MP101', 'id: MP1O1'), 'releases/2027-06.yaml': release });
      expect(referenceFindings(repo).map((f) => f.rule)).toEqual(['REF']);
      expect(baselinedScopeChecks(repo)).toEqual([]);
    }
  });
});
