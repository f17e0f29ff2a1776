import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Catalog,
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
  compareCatalogs(original, generated, renames, dialect, SQL_ROUND_TRIP_ALLOWANCES).filter(
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
    const all = compareCatalogs(original, generated, renames, 'sqlite', SQL_ROUND_TRIP_ALLOWANCES);
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
    const all = compareCatalogs(original, withLink, noRenames, 'postgresql', SQL_ROUND_TRIP_ALLOWANCES);
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
      compareCatalogs(
        structuredClone(generated),
        onAlbum,
        noRenames,
        'postgresql',
        SQL_ROUND_TRIP_ALLOWANCES,
      )[0]?.allowance,
    ).toBeUndefined();
  });

  it('documents every allowance in docs/import.md with the same reason', () => {
    const docs = readFileSync(path.join(import.meta.dirname, '../docs/import.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## SQL round trip'));
    for (const allowance of SQL_ROUND_TRIP_ALLOWANCES)
      expect(section).toContain(`| \`${allowance.id}\` | ${allowance.reason} |`);
  });
});
