// Syntax errors are shown where the user has to look: the `[` never closed, the key indented wrongly.
import { describe, expect, it } from 'vitest';
import { parseYamlFully } from '../../src/repo/yaml-full.js';

const errors = (text: string) => parseYamlFully('m.yaml', text).findings.map((f) => `${f.line}:${f.column} ${f.message}`);

describe('YAML syntax errors', () => {
  it('points at a `[` or `{` that is never closed, not at the next line', () => {
    expect(errors('id: X\nstatus: [development\ngovernance: self\n')).toEqual([
      '2:9 YAML syntax error: this `[` is never closed with `]`: close it, or write the list one `- item` per line',
    ]);
    expect(errors('id: X\nlist: [a, b]\nmap: {a: 1\nnext: 1\n')).toEqual([
      '3:6 YAML syntax error: this `{` is never closed with `}`: close it, or write the mapping one `key: value` per line',
    ]);
  });

  it('points at a key indented unlike its mapping, not at the start of its line', () => {
    expect(errors('a:\n    b: 1\n  c: 2\n')).toEqual([
      '3:3 YAML syntax error: this key is indented differently from the first key of its mapping (above it): line them up, with spaces only',
    ]);
  });

  it('points at a line indented too far, once, not at the value above it twice', () => {
    expect(errors('id: X\nstatus: report\n  governance: self\n')).toEqual([
      '3:3 YAML syntax error: this line is indented more than the key above it, so YAML reads it as part of that value: indent it as the other keys of its mapping',
    ]);
    expect(errors('id: X\n\tstatus: a\n')).toEqual(['2:1 tab used for indentation: YAML indents with spaces only']);
  });

  it('says to quote a value holding a colon and a space, which YAML reads as a mapping', () => {
    expect(errors('id: X\ntitle: Alert storm: protection for meters\n')).toEqual([
      '2:8 YAML syntax error: this value holds `: ` (a colon and a space), which YAML reads as the start of a mapping: put it in quotes, "Alert storm: protection for meters"',
    ]);
    expect(errors('id: X\ntitle: The "storm": a fix\n')[0]).toContain(`put it in quotes, 'The "storm": a fix'`);
  });

  it('points at a quote never closed, not at the end of the file where it was noticed', () => {
    expect(errors('id: X\ntitle: "Alert storm\nstatus: approved\nnotes: x\n')).toEqual([
      '2:8 YAML syntax error: this " opens a quoted value that is never closed: close it with "',
    ]);
  });

  it('names git merge-conflict markers as what they are', () => {
    expect(errors('id: X\n<<<<<<< HEAD\nstatus: report\n=======\nstatus: approved\n>>>>>>> other\n')).toEqual([
      '2:1 the file still has git merge-conflict markers (<<<<<<<, =======, >>>>>>>): resolve the conflict, keep one version, then `git add` the file',
    ]);
  });

  it('keeps the yaml package’s place and words for other errors', () => {
    expect(errors('a: 1\na: 2\n')[0]).toMatch(/^2:1 duplicate key/);
  });
});
