import { describe, expect, it } from 'vitest';
import { readSqlCorpus as corpus, SQL_CORPUS } from './corpus';
import { entityOf, entryOf, fieldOf, imported, relationOf } from './test-helpers';

describe('importSql: the corpus of real schemas', () => {
  for (const { file, dialect } of SQL_CORPUS) {
    it(`imports ${file} into a valid design, every entry with a position`, async () => {
      const result = await imported(corpus(file), dialect);
      expect(result.design.entities.length).toBeGreaterThan(5);
      const lines = result.report.entries.map((e) => (e.at && 'line' in e.at ? e.at.line : 0));
      expect(lines).toEqual([...lines].sort((a, b) => a - b)); // in the order of the script
      for (const entry of result.report.entries) {
        expect(entry.at).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
        if (entry.status !== 'imported') expect(entry.message).toBeTruthy();
      }
    });
  }

  it('reports every table, column and foreign key of pagila once', async () => {
    const result = await imported(corpus('pagila-schema.sql'), 'postgresql');
    const counts = new Map<string, number>();
    for (const e of result.report.entries) counts.set(e.subject, (counts.get(e.subject) ?? 0) + 1);
    const once = (prefix: string) => {
      const subjects = [...counts].filter(([s]) => s.startsWith(prefix));
      expect(subjects.length).toBeGreaterThan(0);
      for (const [subject, n] of subjects) expect({ subject, n }).toEqual({ subject, n: 1 });
    };
    once('table ');
    once('column ');
    once('foreign key ');
    expect(counts.get('column public.film.fulltext')).toBe(1);
  });

  it('reads Chinook the same in all three dialects: 10 entities, a self-relation, a many-to-many', async () => {
    for (const { file, dialect } of SQL_CORPUS.slice(0, 3)) {
      const result = await imported(corpus(file), dialect);
      expect(result.design.entities).toHaveLength(10);
      expect(result.design.relations.filter((r) => r.kind === 'many-to-many')).toHaveLength(1);
      const reports = result.design.relations.find((r) => r.fromEntityId === r.toEntityId);
      expect(reports?.nullable).toBe(true);
    }
  });

  it('reads sakila (MySQL): DELIMITER blocks, views, procedures, inline ENUM and SET, YEAR, BINARY, FULLTEXT', async () => {
    const result = await imported(corpus('sakila-mysql-schema.sql'), 'mysql');
    expect(result.design.entities).toHaveLength(14);
    const film = entityOf(result, 'Film');
    expect(fieldOf(film, 'rating')).toMatchObject({ type: 'enum', default: { kind: 'literal', value: 'G' } });
    expect(fieldOf(film, 'release_year').type).toBe('integer');
    expect(fieldOf(entityOf(result, 'Staff'), 'password').constraints.maxLength).toBe(40);
    expect(entryOf(result, 'column staff.picture').status).toBe('skipped');
    expect(entryOf(result, 'statement CREATE TRIGGER `INS_FILM`')).toMatchObject({
      status: 'skipped',
      at: { line: 184, column: 1 },
    });
    expect(entryOf(result, 'index idx_title_description on film_text')).toMatchObject({ status: 'skipped' });
  });

  it('reads pagila (pg_dump): enum type, domains, arrays, tsvector, join tables, partitions, views and functions', async () => {
    const result = await imported(corpus('pagila-schema.sql'), 'postgresql');
    const film = entityOf(result, 'Film');
    expect(fieldOf(film, 'rating')).toMatchObject({ type: 'enum', default: { kind: 'literal', value: 'G' } });
    expect(fieldOf(film, 'release_year').type).toBe('integer'); // domain year AS integer
    expect(fieldOf(film, 'special_features').type).toBe('json');
    expect(film.fields.map((f) => f.name)).not.toContain('fulltext');
    expect(relationOf(result, 'original_language')).toMatchObject({
      nullable: true,
      toEntityId: 'e.language',
    });
    expect(
      result.design.relations
        .filter((r) => r.kind === 'many-to-many')
        .map((r) => r.associationTable)
        .sort(),
    ).toEqual(['film_actor', 'film_category']);
    expect(entryOf(result, 'view public.actor_info')).toMatchObject({
      status: 'skipped',
      at: { line: 516, column: 1 },
    });
    expect(entryOf(result, 'function public.last_updated').status).toBe('skipped');
    const statuses = new Set(result.report.entries.map((e) => e.status));
    expect(statuses).toEqual(new Set(['imported', 'approximated', 'skipped']));
  });
});
