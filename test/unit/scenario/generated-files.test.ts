import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_FILE, SCHEMA_FILE, renderDocFile, renderSchemaFile } from '../../../scripts/export-json-schema';

const HOW = 'regenerate with: npx tsx scripts/export-json-schema.ts';

describe('generated files', () => {
  it('public/scenario.schema.json matches the zod schema', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === (await renderSchemaFile()), `public/scenario.schema.json is stale; ${HOW}`).toBe(
      true,
    );
  });

  it('docs/scenario.md carries the current default tables', async () => {
    const committed = readFileSync(DOC_FILE, 'utf8');
    expect(committed === (await renderDocFile(committed)), `docs/scenario.md is stale; ${HOW}`).toBe(true);
  });

  it('the JSON Schema is strict and requires what the format requires', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
      additionalProperties: unknown;
      required: string[];
      properties: Record<string, { description?: string }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(['brokers', 'rocketmqVersion', 'version']);
    expect(schema.properties.producer?.description).toBeDefined();
  });
});
