// Reference findings are made once per model and reused (validate, RID-2 and plan each ask), but never
// for a model whose lists have changed: an assumption's model, or the same model given other files.
import { describe, expect, it } from 'vitest';
import { modificationRefFindings, referenceFindings } from '../../src/domain/references.js';
import { repoOf, yaml } from './rules/repo.js';

const MODIFICATION = yaml`
  id: MP101
  title: A change
  status: approved
  implementation:
    release: 2027-06
`;

describe('reference findings', () => {
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
});
