import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/design/limits';
import { ImportError } from '../types';
import { importOpenApi } from '.';
import { doc, entity, entryFor, importValid, json } from './test-helpers';

describe('importOpenApi: hostile documents', () => {
  it('survives $ref cycles (a schema through itself, refs to refs in a loop)', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Node: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              parent: { $ref: '#/components/schemas/Node' },
              children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
            },
          },
          A: { $ref: '#/components/schemas/B' },
          B: { $ref: '#/components/schemas/A' },
          C: {
            type: 'object',
            properties: {
              loop: { $ref: '#/components/schemas/A' },
              deep: { allOf: [{ $ref: '#/components/schemas/C' }] },
            },
          },
        },
        paths: { '/x': { get: { responses: { 200: { description: 'ok', ...json('A') } } } } },
      }),
    );
    expect(r.design.relations).toEqual([
      expect.objectContaining({ kind: 'many-to-one', fieldName: 'parent', backrefName: 'children' }),
      expect.objectContaining({
        kind: 'many-to-one',
        fromEntityId: 'e.C',
        toEntityId: 'e.C',
        fieldName: 'deep',
      }),
    ]);
    expect(entity(r, 'C').fields.map((f) => [f.name, f.type])).toEqual([['loop', 'json']]);
    expect(entryFor(r, '$ref #/components/schemas/B')).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/cycle/),
    });
  });

  it('never fetches: external refs are skipped with the reason', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Pet: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              owner: { $ref: 'https://example.com/owner.json#/Owner' },
              vet: { $ref: './vet.yaml' },
            },
          },
        },
      }),
    );
    expect(entryFor(r, '$ref https://example.com/owner.json#/Owner')).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/nothing is fetched/),
    });
    expect(entity(r, 'Pet').fields.map((f) => [f.name, f.type])).toEqual([
      ['owner', 'json'],
      ['vet', 'json'],
    ]);
  });

  it('bounds 10,000 properties and 5,000 schemas, fast', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i) => [`p${i}`, { type: 'string' }]),
    );
    const schemas: Record<string, unknown> = { Wide: { type: 'object', properties } };
    for (let i = 0; i < 5_000; i++)
      schemas[`S${i}`] = { type: 'object', properties: { id: { type: 'integer' }, v: { type: 'integer' } } };
    const started = performance.now();
    const r = await importValid(doc({ schemas }));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(entity(r, 'Wide').fields).toHaveLength(LIMITS.fieldsPerEntity);
    expect(r.design.entities.length).toBeLessThanOrEqual(LIMITS.entities);
    expect(
      r.report.entries.some(
        (e) => e.status === 'skipped' && /More than 2000 component schemas/.test(e.message ?? ''),
      ),
    ).toBe(true);
    expect(
      r.report.entries.some((e) => e.status === 'skipped' && /More than 200 fields/.test(e.message ?? '')),
    ).toBe(true);
  }, 60_000);

  it('refuses deep nesting with a position, in JSON and in YAML', async () => {
    const deepJson = `{"openapi": "3.1.0", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const error = (await importOpenApi(deepJson).catch((e) => e)) as ImportError;
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/nested deeper than/);
    expect(error.at).toMatchObject({ line: 1 });
    let yaml = 'openapi: 3.1.0\nx:\n';
    for (let i = 1; i < 2000; i++) yaml += `${' '.repeat(i)}k${i}:\n`;
    await expect(importOpenApi(yaml)).rejects.toThrow(/nested deeper than/);
    await expect(importOpenApi(`openapi: 3.1.0\nx: ${'- '.repeat(5000)}1\n`)).rejects.toThrow(ImportError);
  });

  it('refuses a YAML alias bomb', async () => {
    let yaml = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++)
      yaml += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    yaml += 'paths: {}\n';
    await expect(importOpenApi(yaml)).rejects.toThrow(/aliases/);
  });

  it('sanitises names the design rejects and keeps the JSON names', async () => {
    const r = await importValid(
      doc({
        schemas: {
          'my-thing.v2': {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              'First Name': { type: 'string' },
              class: { type: 'string' },
              '2fa': { type: 'boolean' },
              model_config: { type: 'string' },
              metadata: { type: 'string' },
              Ünïcode: { type: 'string' },
            },
          },
          Enum: { type: 'object', properties: { id: { type: 'integer' } } },
          '': { type: 'object', properties: { id: { type: 'integer' } } },
        },
      }),
    );
    const names = r.design.entities.map((e) => e.name);
    expect(names).toEqual(['MyThingV2', 'EnumModel', 'Schema']);
    const thing = entity(r, 'MyThingV2');
    expect(thing.fields.map((f) => [f.name, f.apiName])).toEqual([
      ['first_name', undefined],
      ['class_value', 'class'],
      ['f_2fa', undefined],
      ['f_model_config', 'model_config'],
      ['metadata_value', 'metadata'],
      ['n_code', undefined],
    ]);
    expect(entryFor(r, 'property my-thing.v2.2fa')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/sent as f_2fa/),
    });
    expect(entryFor(r, 'schema my-thing.v2')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/Renamed to MyThingV2/),
    });
  });

  it('gives names that collide after sanitising distinct names', async () => {
    const r = await importValid(
      doc({
        schemas: {
          user_account: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              'a-b': { type: 'string' },
              a_b: { type: 'integer' },
              aB: { type: 'boolean' },
            },
          },
          UserAccount: { type: 'object', properties: { id: { type: 'integer' } } },
        },
      }),
    );
    expect(r.design.entities.map((e) => e.name)).toEqual(['UserAccount', 'UserAccount2']);
    expect(entity(r, 'UserAccount').fields.map((f) => f.name)).toEqual(['a_b', 'a_b_2', 'a_b_3']);
    expect(new Set(r.design.entities.flatMap((e) => e.fields.map((f) => f.id))).size).toBe(3);
  });

  it('bounds huge enums and long values', async () => {
    const values = Array.from({ length: 2_000 }, (_, i) => `v${i}`);
    const r = await importValid(
      doc({
        schemas: {
          Big: { type: 'string', enum: [...values, 'x'.repeat(10_000), '', 'v1'] },
          Has: { type: 'object', properties: { b: { $ref: '#/components/schemas/Big' } } },
        },
      }),
    );
    const e = r.design.enums[0];
    expect(e?.values).toHaveLength(LIMITS.valuesPerEnum);
    expect(entryFor(r, 'schema Big')).toBeDefined();
  });

  it('does not throw anything but ImportError for junk', async () => {
    const junk = [
      '',
      'null',
      '"openapi"',
      '{"openapi": 3.1}',
      '{"openapi": "3.1.0", "paths": []}',
      '{"openapi": "3.1.0", "paths": {"/a": {"get": 5, "post": {"responses": 7, "parameters": [1, null, {"name": 3}]}}}, "components": {"schemas": []}}',
      '{"openapi": "3.1.0", "paths": {"/{x}/{y}": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/nope"}}}}}}}}}',
      '{"openapi": "3.0.0", "components": {"schemas": {"X": {"type": "object", "properties": {"a": {"$ref": 5}, "b": null, "c": {"type": ["integer", "string"]}, "d": {"enum": []}, "e": {"type": "string", "minLength": -1, "maxLength": 1e300}}}}}}',
      'openapi: 3.1.0\nkey: value\nkey: again\n',
      '{"openapi": "3.1.0", "paths": {"/auth/x": {"post": {}}, "/health": {"get": {}}, "/pets/{class}": {"get": {}}}}',
    ];
    for (const text of junk) {
      try {
        await importValid(text);
      } catch (error) {
        expect(error, text).toBeInstanceOf(ImportError);
      }
    }
  });
});
