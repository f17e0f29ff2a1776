import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Catalog,
  type CatalogColumn,
  type CatalogTable,
  compareCatalogs,
  describeCatalogDifference,
} from './catalog-compare';
import { SQL_ROUND_TRIP_ALLOWANCES } from './roundtrip-sql-allowances';

const table = (extra: Partial<CatalogTable> = {}): CatalogTable => ({
  columns: [
    { name: 'id', type: 'INTEGER', nullable: false },
    { name: 'title', type: 'VARCHAR(160)', nullable: false },
    { name: 'artist_id', type: 'INTEGER', nullable: false },
  ],
  primaryKey: ['id'],
  foreignKeys: [{ columns: ['artist_id'], table: 'artist', refColumns: ['id'], onDelete: 'RESTRICT' }],
  uniques: [['title']],
  ...extra,
});
const artist: CatalogTable = {
  columns: [{ name: 'id', type: 'INTEGER', nullable: false }],
  primaryKey: ['id'],
  foreignKeys: [],
  uniques: [],
};
const generated: Catalog = { tables: { album: table(), artist } };
const noRenames = { tables: {}, columns: {} };
const real = (original: Catalog, renames = noRenames, dialect: 'postgresql' | 'sqlite' = 'postgresql') =>
  compareCatalogs(original, generated, { renames, dialect, allowances: SQL_ROUND_TRIP_ALLOWANCES }).filter(
    (d) => !d.allowance,
  );

describe('SQL round trip: catalog comparison', () => {
  it('finds nothing between equal catalogs', () => {
    expect(real(structuredClone(generated))).toEqual([]);
  });

  it('names each planted difference: type, nullability, key, foreign key, ON DELETE, unique, table', () => {
    const original: Catalog = {
      tables: {
        album: table({
          columns: [
            { name: 'id', type: 'INTEGER', nullable: false },
            { name: 'title', type: 'VARCHAR(200)', nullable: true },
            { name: 'artist_id', type: 'INTEGER', nullable: false },
            { name: 'year', type: 'INTEGER', nullable: true },
          ],
          foreignKeys: [{ columns: ['artist_id'], table: 'artist', refColumns: ['id'], onDelete: 'CASCADE' }],
          uniques: [['title', 'artist_id']],
        }),
        artist,
        genre: artist,
      },
    };
    const found = real(original).map(describeCatalogDifference);
    expect(found).toEqual([
      'album.title: type (expected VARCHAR(200), got VARCHAR(160))',
      'album.title: nullable (expected true, got false)',
      'album.year: missing column (expected INTEGER)',
      'album.artist_id: on delete (expected CASCADE, got RESTRICT)',
      'album(artist_id, title): missing unique (expected artist_id, title)',
      'album(title): extra unique (got title)',
      'genre: missing table (expected genre)',
    ]);
  });

  it('lines the original up through the renames and accepts them as renames only', () => {
    const original: Catalog = {
      tables: {
        Album: {
          columns: [
            { name: 'AlbumId', type: 'INTEGER', nullable: true },
            { name: 'Title', type: 'NVARCHAR(160)', nullable: false },
            { name: 'ArtistId', type: 'INTEGER', nullable: false },
          ],
          primaryKey: ['AlbumId'],
          foreignKeys: [{ columns: ['ArtistId'], table: 'Artist', refColumns: ['ArtistId'], onDelete: null }],
          uniques: [['Title']],
        },
        Artist: {
          ...artist,
          columns: [{ name: 'ArtistId', type: 'INTEGER', nullable: false }],
          primaryKey: ['ArtistId'],
        },
      },
    };
    const renames = {
      tables: { Album: 'album', Artist: 'artist' },
      columns: {
        Album: { AlbumId: 'id', Title: 'title', ArtistId: 'artist_id' },
        Artist: { ArtistId: 'id' },
      },
    };
    const all = compareCatalogs(original, generated, {
      renames,
      dialect: 'sqlite',
      allowances: SQL_ROUND_TRIP_ALLOWANCES,
    });
    expect(all.filter((d) => !d.allowance)).toEqual([]);
    expect(new Set(all.map((d) => d.allowance))).toEqual(
      new Set(['renamed', 'sqlite-same-affinity', 'no-action-is-restrict']),
    );
    // The same spelling difference is a real one on PostgreSQL, and a missed rename is a missing column.
    expect(real(original, renames, 'postgresql').map((d) => d.what)).toEqual(['type']);
    const { Title: _, ...partial } = renames.columns.Album;
    const missed = real(original, { ...renames, columns: { ...renames.columns, Album: partial } }, 'sqlite');
    expect(missed.map((d) => d.what)).toEqual(expect.arrayContaining(['missing column', 'extra column']));
  });

  it('accepts CASCADE only on association tables', () => {
    const link = (onDelete: string | null): CatalogTable => ({
      columns: [
        { name: 'album_id', type: 'INTEGER', nullable: false },
        { name: 'artist_id', type: 'INTEGER', nullable: false },
      ],
      primaryKey: ['album_id', 'artist_id'],
      foreignKeys: [
        { columns: ['album_id'], table: 'album', refColumns: ['id'], onDelete },
        { columns: ['artist_id'], table: 'artist', refColumns: ['id'], onDelete },
      ],
      uniques: [],
    });
    const withLink = { tables: { ...generated.tables, album_artist: link('CASCADE') } };
    const original = { tables: { ...generated.tables, album_artist: link(null) } };
    const all = compareCatalogs(original, withLink, {
      renames: noRenames,
      dialect: 'postgresql',
      allowances: SQL_ROUND_TRIP_ALLOWANCES,
    });
    expect(all.map((d) => d.allowance)).toEqual(['association-rows-cascade', 'association-rows-cascade']);
    const onAlbum = {
      tables: {
        ...generated.tables,
        album: table({
          foreignKeys: [{ columns: ['artist_id'], table: 'artist', refColumns: ['id'], onDelete: 'CASCADE' }],
        }),
      },
    };
    expect(
      compareCatalogs(structuredClone(generated), onAlbum, {
        renames: noRenames,
        dialect: 'postgresql',
        allowances: SQL_ROUND_TRIP_ALLOWANCES,
      })[0]?.allowance,
    ).toBeUndefined();
  });

  it('accepts a missing column only when the import skipped it, a surrogate id only for a composite key', () => {
    const original: Catalog = {
      tables: {
        album: table({
          columns: [...table().columns, { name: 'cover', type: 'BYTEA', nullable: true }],
          primaryKey: ['title', 'artist_id'],
        }),
        artist,
      },
    };
    const options = {
      renames: noRenames,
      dialect: 'postgresql' as const,
      allowances: SQL_ROUND_TRIP_ALLOWANCES,
    };
    const withSkip = compareCatalogs(original, generated, { ...options, skipped: new Set(['album.cover']) });
    expect(withSkip.map((d) => [d.what, d.allowance])).toEqual([
      ['missing column', 'skipped-by-import'],
      ['primary key', 'surrogate-id'],
      ['missing unique', undefined], // the old key (title, artist_id) must stay unique
    ]);
    const unskipped = compareCatalogs(original, generated, options);
    expect(unskipped.find((d) => d.what === 'missing column')?.allowance).toBeUndefined();
    const single = {
      tables: {
        ...original.tables,
        album: { ...(original.tables.album as CatalogTable), primaryKey: ['title'] },
      },
    };
    expect(
      compareCatalogs(single, generated, options).find((d) => d.what === 'primary key')?.allowance,
    ).toBeUndefined();
  });

  it('accepts a domain as its base type and SMALLINT, arrays and naive timestamps as the design widens them', () => {
    const typed = (type: string): Catalog => ({
      tables: {
        album: table({
          columns: [
            { ...(table().columns[0] as CatalogColumn) },
            { name: 'title', type, nullable: false },
            table().columns[2] as CatalogColumn,
          ],
        }),
        artist,
      },
      domains: { year: 'integer' },
    });
    const allowance = (original: string, actual: string) =>
      compareCatalogs(typed(original), typed(actual), {
        renames: noRenames,
        dialect: 'postgresql',
        allowances: SQL_ROUND_TRIP_ALLOWANCES,
      })[0]?.allowance;
    expect(allowance('YEAR', 'INTEGER')).toBe('domain-base-type');
    expect(allowance('YEAR', 'BIGINT')).toBeUndefined();
    expect(allowance('SMALLINT', 'INTEGER')).toBe('smallint-widened');
    expect(allowance('INTEGER', 'SMALLINT')).toBeUndefined();
    expect(allowance('TEXT[]', 'JSON')).toBe('array-as-json');
    expect(allowance('TIMESTAMP WITHOUT TIME ZONE', 'TIMESTAMP WITH TIME ZONE')).toBe(
      'datetime-with-time-zone',
    );
    expect(allowance('TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITHOUT TIME ZONE')).toBeUndefined();
  });

  it('documents every allowance in docs/import.md with the same reason', () => {
    const docs = readFileSync(path.join(import.meta.dirname, '../docs/import.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## SQL round trip'));
    for (const allowance of SQL_ROUND_TRIP_ALLOWANCES)
      expect(section).toContain(`| \`${allowance.id}\` | ${allowance.reason} |`);
  });
});
