// The model's types are generated from the schemas (scripts/gen-types.mjs): the types the code is checked
// against are the schemas' current ones, and a schema change changes them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes } from '../../scripts/gen-types.mjs';
import { ROOT } from '../helpers/cli.js';

const SCHEMAS = join(ROOT, 'schemas');

describe('schema types', () => {
  it('the built src/generated/schema-types.ts is what the schemas generate (rebuild after changing a schema)', async () => {
    expect(readFileSync(join(ROOT, 'src', 'generated', 'schema-types.ts'), 'utf8')).toBe(await generateSchemaTypes(SCHEMAS));
  });

  it('gives each file kind and shared definition one named type, with no numbered copies', async () => {
    const ts = await generateSchemaTypes(SCHEMAS);
    for (const name of ['Release', 'Modification', 'SecrelConfig', 'ChangeRequestRecord', 'DccCosts']) expect(ts).toContain(`export interface ${name} {`);
    for (const name of ['IsoDate', 'ReleaseId', 'ModificationId', 'ScopeItem', 'Money', 'TechSpec', 'LeadTimeText'])
      expect(ts).toContain(`export type ${name} =`);
    expect(ts).not.toMatch(/export (?:interface|type) \w+\d\b/);
  });

  it('refuses schemas whose copies of a shared definition accept different things', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-schema-types-'));
    try {
      cpSync(SCHEMAS, dir, { recursive: true });
      const file = join(dir, 'release.schema.json');
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      schema.definitions.releaseId.pattern = '^[0-9]{4}-[0-9]{2}$';
      writeFileSync(file, JSON.stringify(schema));
      await expect(generateSchemaTypes(dir)).rejects.toThrow(/release\.schema\.json defines `releaseId` differently/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a field added to a schema appears in its type, so the drift test fails until the build runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrel-schema-types-'));
    try {
      cpSync(SCHEMAS, dir, { recursive: true });
      const file = join(dir, 'release.schema.json');
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      schema.properties.sponsor = { type: 'string', description: 'Who sponsors the release.' };
      writeFileSync(file, JSON.stringify(schema));
      const changed = await generateSchemaTypes(dir);
      expect(changed).not.toBe(await generateSchemaTypes(SCHEMAS));
      expect(changed).toMatch(/export interface Release \{[^]*?\n\s*sponsor\?: string\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
