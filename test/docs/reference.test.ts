// The README's file-format reference is generated from the schemas: this fails as soon as the two drift apart.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentSection, generateReference, loadSchemas, replaceSection } from '../../scripts/gen-reference.mjs';
import { ROOT } from '../helpers/cli.js';

const SCHEMAS = join(ROOT, 'schemas');
const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');

type Node = { properties?: Record<string, Node | boolean>; items?: Node; $ref?: string; additionalProperties?: Node | boolean; type?: string };

/** Every field path the schemas define, the way the reference names them (`rid.baselines[].covers`). */
function fieldPaths(schema: Node & { definitions?: Record<string, Node> }): string[] {
  const defs = schema.definitions ?? {};
  const deref = (n: Node): Node => (n.$ref ? defs[n.$ref.replace('#/definitions/', '')]! : n);
  const out: string[] = [];
  const walk = (node: Node, path: string) => {
    for (const [key, raw] of Object.entries(node.properties ?? {})) {
      if (typeof raw === 'boolean') continue;
      const prop = deref(raw);
      const full = path ? `${path}.${key}` : key;
      out.push(full);
      if (prop.properties) walk(prop, full);
      if (prop.items && deref(prop.items).properties) walk(deref(prop.items), `${full}[]`);
      const values = typeof prop.additionalProperties === 'object' ? prop.additionalProperties : undefined;
      if (values?.items?.properties) walk(values.items, `${full}.<name>[]`);
    }
  };
  walk(schema, '');
  return out;
}

describe('README file format reference', () => {
  it('is what `npm run docs` would write now (run it after changing a schema)', () => {
    const section = currentSection(readme());
    expect(section, 'README.md lacks the GENERATED FILE FORMAT markers').toBeDefined();
    expect(section).toBe(generateReference(SCHEMAS));
  });

  it('documents every field of every schema, with its description', () => {
    const text = generateReference(SCHEMAS);
    for (const [name, schema] of Object.entries(loadSchemas(SCHEMAS))) {
      const paths = fieldPaths(schema as Node);
      expect(paths.length, name).toBeGreaterThan(5);
      for (const path of paths) expect(text, `${name}: ${path}`).toContain(`| \`${path}\` |`);
    }
    expect(text).toContain('| `decision.expected` | [date](#value-types) |  | The date a decision is expected');
    expect(text).toContain('| `id` | [release id](#value-types) | yes |');
    expect(text).toContain('| `acceptanceSets.<name>[].body` | `operations` \\| `testing` \\| `security` or text | yes |');
  });

  it('leaves out the stub properties of if/then/not, which add conditions, not fields', () => {
    const text = generateReference(SCHEMAS);
    expect(text).not.toMatch(/\| `(date|type|offset)` \| true \|/);
    expect(text).not.toContain('`timeline[].date` | true');
    // `date` appears once in the release table, from `properties`, not again from `then`.
    const release = text.slice(text.indexOf('### SEC Release'), text.indexOf('#### `changeRequests[]`'));
    expect(release.match(/^\| `date` \|/gm)).toHaveLength(1);
  });

  it('changes when a schema description changes, so the drift test has teeth', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-schemas-'));
    try {
      cpSync(SCHEMAS, dir, { recursive: true });
      const file = join(dir, 'release.schema.json');
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      schema.properties.dateReason.description = 'Why | the Panel moved it.';
      writeFileSync(file, JSON.stringify(schema, null, 2));
      const changed = generateReference(dir);
      expect(changed).not.toBe(generateReference(SCHEMAS));
      expect(changed).toContain('| `dateReason` | text |  | Why \\| the Panel moved it. |');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces only the text between the markers', () => {
    const before = 'intro\n<!-- BEGIN GENERATED FILE FORMAT -->\nold\n<!-- END GENERATED FILE FORMAT -->\noutro\n';
    expect(replaceSection(before, 'new\n')).toBe('intro\n<!-- BEGIN GENERATED FILE FORMAT -->\nnew\n<!-- END GENERATED FILE FORMAT -->\noutro\n');
    expect(() => replaceSection('no markers', 'x')).toThrow(/markers/);
  });
});
