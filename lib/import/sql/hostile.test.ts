import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/design/limits';
import { tableNameFor } from '@/lib/design/names';
import { ImportError, SQL_DIALECTS } from '../types';
import { importSql } from './index';
import { entityOf, entryOf, imported } from './test-helpers';

/** Either a valid import or an ImportError: nothing else may come out of hostile input. */
async function survives(sql: string, dialect: (typeof SQL_DIALECTS)[number]) {
  try {
    return await imported(sql, dialect);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return undefined;
  }
}

describe('importSql: hostile input', () => {
  it('survives deeply nested expressions in checks and defaults', async () => {
    const deep = `${'('.repeat(3000)}x${')'.repeat(3000)}`;
    for (const dialect of SQL_DIALECTS) {
      await survives(
        `CREATE TABLE t (id int PRIMARY KEY, x int CHECK (${deep} > 0) DEFAULT ${'('.repeat(2000)}1${')'.repeat(2000)});`,
        dialect,
      );
    }
    const chain = Array.from({ length: 2000 }, (_, i) => `x > ${i}`).join(' AND ');
    const result = await survives(
      `CREATE TABLE t (id int PRIMARY KEY, x int CHECK (${chain}));`,
      'postgresql',
    );
    if (result) expect(entityOf(result, 'T').fields[0]?.constraints.min).toBeGreaterThan(0);
  });

  it('says a statement is nested too deeply, with its line, when the parser runs out of stack', async () => {
    const deep = `CREATE TABLE t (id int PRIMARY KEY, x int CHECK (${'('.repeat(50_000)}x${')'.repeat(50_000)} > 0));`;
    for (const dialect of ['mysql', 'sqlite'] as const) {
      const error = await importSql(`CREATE TABLE a (id int);\n${deep}`, dialect).catch((e) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error.message).toContain('nested too deeply');
      expect(error.at).toEqual({ line: 2, column: 1 });
    }
    const error = await importSql(deep, 'postgresql').catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.at?.line).toBe(1);
  });

  it(`keeps ${LIMITS.fieldsPerEntity} of 5,000 columns and reports the rest as skipped`, async () => {
    const columns = Array.from({ length: 5000 }, (_, i) => `c${i} int`).join(', ');
    const started = performance.now();
    const result = await imported(`CREATE TABLE wide (id serial PRIMARY KEY, ${columns});`);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(entityOf(result, 'Wide').fields.length).toBe(LIMITS.fieldsPerEntity);
    expect(entryOf(result, 'column wide.c4999')).toMatchObject({ status: 'skipped', at: { line: 1 } });
  });

  it('skips the tables past the entity limit', async () => {
    const tables = Array.from(
      { length: LIMITS.entities + 5 },
      (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY);`,
    ).join('\n');
    const result = await imported(tables, 'sqlite');
    expect(result.design.entities.length).toBe(LIMITS.entities);
    expect(entryOf(result, `table t${LIMITS.entities + 4}`)).toMatchObject({
      status: 'skipped',
      at: { line: LIMITS.entities + 5, column: 1 },
    });
  });

  it('sanitises names the design rejects and keeps names apart that collide after it', async () => {
    const result = await imported(`
CREATE TABLE "Order Items" ("Order-ID" int, "ORDER_ID" int, "from" text, "1st" text, "ünïcødé" text, "json" jsonb, "model_x" int, "id" text);
CREATE TABLE order_items (id serial PRIMARY KEY);
CREATE TABLE "${'x'.repeat(200)}" ("${'y'.repeat(200)}" int);
CREATE TABLE "class" (id int PRIMARY KEY);
CREATE TYPE "Order Items" AS ENUM ('a', '', 'a', '${'v'.repeat(300)}');`);
    const names = result.design.entities.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const tables = result.design.entities.map((e) => e.tableName ?? tableNameFor(e.name));
    expect(tables).toContain('order_items');
    expect(tables).toContain('order_items_2');
    const first = result.design.entities[0];
    const fields = first?.fields.map((f) => f.name) ?? [];
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toEqual(
      expect.arrayContaining([
        'order_id',
        'order_id_2',
        'from_value',
        'json_value',
        'f_model_x',
        'unic_de',
        'id_2',
      ]),
    );
    expect(result.design.enums[0]?.values).toEqual(['a']);
    expect(entryOf(result, 'column Order Items.from')).toMatchObject({ status: 'approximated' });
  });

  it('keeps an enum within the value limit and long names within the identifier limits', async () => {
    const values = Array.from({ length: LIMITS.valuesPerEnum + 100 }, (_, i) => `'v${i}'`).join(', ');
    const long = 'a_very_long_name_'.repeat(8);
    const result = await imported(`
CREATE TYPE big AS ENUM (${values});
CREATE TABLE ${long} (id serial PRIMARY KEY, ${long} big, ${long}x int UNIQUE, owner_${long}_id int REFERENCES ${long});`);
    expect(result.design.enums[0]?.values).toHaveLength(LIMITS.valuesPerEnum);
    expect(entryOf(result, 'enum big')).toMatchObject({ status: 'approximated' });
    const entity = result.design.entities[0];
    for (const name of [entity?.tableName ?? '', ...(entity?.fields.map((f) => f.name) ?? [])])
      expect(name.length).toBeLessThanOrEqual(63);
  });

  it('gives an ImportError, never another error, for garbage', async () => {
    const inputs = [
      '',
      '   ',
      ';;;',
      'hello world',
      'CREATE TABLE',
      '\u0000\uffff',
      'CREATE TABLE t (a int',
      "'unterminated",
      '/* open',
      'CREATE TABLE t (a int) ; DROP',
    ];
    for (const dialect of SQL_DIALECTS) {
      for (const input of inputs) await survives(input, dialect);
    }
    const empty = await imported('', 'postgresql');
    expect(empty.design.entities).toEqual([]);
  });

  it('imports valid designs for each corpus construct the three dialects share', async () => {
    for (const dialect of SQL_DIALECTS) {
      const result = await imported(
        'CREATE TABLE a (id int PRIMARY KEY, name varchar(20) NOT NULL UNIQUE);\nCREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a (id) ON DELETE CASCADE, note text);',
        dialect,
      );
      expect(result.report.format).toBe(dialect);
      expect(result.design.relations).toHaveLength(1);
    }
  });
});
