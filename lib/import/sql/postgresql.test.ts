import { describe, expect, it } from 'vitest';
import { ImportError } from '../types';
import { importSql } from './index';
import { entityOf, entryOf, fieldOf, imported, relationOf } from './test-helpers';

describe('importSql (PostgreSQL): tables, columns, keys', () => {
  it('maps columns, types, NOT NULL and a serial primary key', async () => {
    const result = await imported(`
CREATE TABLE authors (
  id serial PRIMARY KEY,
  name varchar(120) NOT NULL,
  bio text,
  born date,
  rating numeric(4, 1),
  active boolean NOT NULL DEFAULT true,
  visits bigint NOT NULL DEFAULT 0,
  score double precision,
  meta jsonb,
  token uuid DEFAULT gen_random_uuid(),
  joined timestamptz NOT NULL DEFAULT now()
);`);
    const author = entityOf(result, 'Author');
    expect(author.id).toBe('e.authors');
    expect(author.tableName).toBeUndefined();
    expect(author.primaryKey).toBe('int');
    expect(author.timestamps).toBe(false);
    expect(author.resource.operations.list.enabled).toBe(true);
    const name = fieldOf(author, 'name');
    expect(name).toMatchObject({ id: 'f.authors.name', type: 'string', nullable: false });
    expect(name.constraints.maxLength).toBe(120);
    expect(fieldOf(author, 'bio')).toMatchObject({ type: 'text', nullable: true });
    expect(fieldOf(author, 'born').type).toBe('date');
    expect(fieldOf(author, 'rating')).toMatchObject({ type: 'decimal', precision: 4, scale: 1 });
    expect(fieldOf(author, 'active')).toMatchObject({
      type: 'boolean',
      default: { kind: 'literal', value: true },
    });
    expect(fieldOf(author, 'visits')).toMatchObject({
      type: 'bigint',
      default: { kind: 'literal', value: 0 },
    });
    expect(fieldOf(author, 'score').type).toBe('float');
    expect(fieldOf(author, 'meta').type).toBe('json');
    expect(fieldOf(author, 'token')).toMatchObject({ type: 'uuid', default: { kind: 'uuid' } });
    expect(fieldOf(author, 'joined')).toMatchObject({ type: 'datetime', default: { kind: 'now' } });
    expect(author.fields.map((f) => f.name)).not.toContain('id');
    expect(entryOf(result, 'table authors')).toMatchObject({
      status: 'imported',
      at: { line: 2, column: 1 },
    });
    expect(entryOf(result, 'column authors.name')).toMatchObject({
      status: 'imported',
      at: { line: 4, column: 3 },
    });
    expect(entryOf(result, 'column authors.meta')).toMatchObject({ status: 'approximated' });
  });

  it('makes a uuid primary key a uuid id and a non-id key column the id', async () => {
    const result = await imported(`
CREATE TABLE sessions (session_key uuid PRIMARY KEY DEFAULT gen_random_uuid(), data text);
CREATE TABLE artist (artist_id integer NOT NULL, name text, CONSTRAINT artist_pkey PRIMARY KEY (artist_id));`);
    const session = entityOf(result, 'SessionModel');
    expect(session).toMatchObject({ primaryKey: 'uuid', tableName: 'sessions' });
    const artist = entityOf(result, 'Artist');
    expect(artist.tableName).toBe('artist');
    expect(artist.fields.map((f) => f.name)).toEqual(['name']);
    expect(entryOf(result, 'primary key artist.artist_id')).toMatchObject({ status: 'approximated' });
    expect(entryOf(result, 'primary key artist.artist_id').message).toContain("'artist_id' becomes 'id'");
  });

  it('turns foreign keys into relations that own their column, with ON DELETE', async () => {
    const result = await imported(`
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE posts (
  id serial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  editor_id bigint REFERENCES users ON DELETE SET NULL,
  title text NOT NULL
);
CREATE TABLE profiles (id serial PRIMARY KEY, user_id bigint NOT NULL UNIQUE REFERENCES users (id));`);
    const posts = entityOf(result, 'Post');
    expect(posts.fields.map((f) => f.name)).toEqual(['title']);
    expect(relationOf(result, 'author')).toMatchObject({
      id: 'r.posts.author_id',
      kind: 'many-to-one',
      fromEntityId: 'e.posts',
      toEntityId: 'e.users',
      nullable: false,
      onDelete: 'cascade',
    });
    expect(relationOf(result, 'editor')).toMatchObject({ nullable: true, onDelete: 'set-null' });
    const author = relationOf(result, 'author');
    const editor = relationOf(result, 'editor');
    expect(author.backrefName).not.toBe(editor.backrefName);
    expect(relationOf(result, 'user')).toMatchObject({
      kind: 'one-to-one',
      onDelete: 'restrict',
      backrefName: 'profile',
    });
    expect(entryOf(result, 'foreign key posts (author_id) -> users')).toMatchObject({
      status: 'imported',
      at: { line: 5 },
    });
    expect(entryOf(result, 'column posts.author_id').status).toBe('imported');
  });

  it('reads pg_dump style: ALTER TABLE ONLY ... ADD CONSTRAINT, sequence defaults, schema-qualified names', async () => {
    const result = await imported(`
-- pg_dump
SET statement_timeout = 0;
CREATE TABLE public.customer (customer_id integer NOT NULL, store_id integer NOT NULL, email text);
CREATE SEQUENCE public.customer_customer_id_seq AS integer START WITH 1;
ALTER TABLE ONLY public.customer ALTER COLUMN customer_id SET DEFAULT nextval('public.customer_customer_id_seq'::regclass);
CREATE TABLE public.store (store_id integer NOT NULL);
ALTER TABLE ONLY public.customer ADD CONSTRAINT customer_pkey PRIMARY KEY (customer_id);
ALTER TABLE ONLY public.store ADD CONSTRAINT store_pkey PRIMARY KEY (store_id);
ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_store_id_fkey FOREIGN KEY (store_id) REFERENCES public.store(store_id) ON UPDATE CASCADE ON DELETE RESTRICT;
ALTER TABLE public.customer OWNER TO postgres;`);
    const customer = entityOf(result, 'Customer');
    expect(customer.tableName).toBe('customer');
    expect(customer.fields.map((f) => f.name)).toEqual(['email']);
    expect(relationOf(result, 'store')).toMatchObject({
      fromEntityId: 'e.customer',
      toEntityId: 'e.store',
      onDelete: 'restrict',
    });
    expect(entryOf(result, 'primary key public.customer.customer_id').message).not.toContain(
      'generated by the database',
    );
    expect(entryOf(result, 'statement SET')).toMatchObject({ status: 'skipped', at: { line: 3, column: 1 } });
    expect(entryOf(result, 'sequence public.customer_customer_id_seq')).toMatchObject({
      status: 'skipped',
      at: { line: 5, column: 1 },
    });
    expect(entryOf(result, 'ALTER TABLE public.customer CHANGE OWNER').status).toBe('skipped');
  });

  it('reports a syntax error with its line and column', async () => {
    const error = await importSql(
      'CREATE TABLE a (id int);\nCREATE TABLE b (x int,, y int);',
      'postgresql',
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.at).toEqual({ line: 2, column: 23 });
    expect(error.message).toContain('syntax error');
  });
});
