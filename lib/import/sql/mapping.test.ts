import { describe, expect, it } from 'vitest';
import { entityOf, entryOf, fieldOf, imported, relationOf } from './test-helpers';

describe('importSql: what the design can say', () => {
  it('turns CHECKs into constraints where it can, and says what it left', async () => {
    const result = await imported(`
CREATE TABLE products (
  id serial PRIMARY KEY,
  price numeric(10, 2) NOT NULL CHECK (price >= 0),
  stock integer CHECK (stock > 0 AND stock < 1000),
  rating integer CHECK (rating BETWEEN 1 AND 5),
  code varchar(20) CHECK (char_length(code) <= 8) CHECK (code ~ '^[A-Z]+$'),
  weight real CHECK (weight > 0),
  kind text CHECK (kind IN ('a', 'b')),
  CONSTRAINT sane CHECK (price <= 100000 AND price <> 13)
);`);
    const p = entityOf(result, 'Product');
    expect(fieldOf(p, 'price').constraints).toEqual({ min: 0, max: 100000 });
    expect(fieldOf(p, 'stock').constraints).toEqual({ min: 1, max: 999 });
    expect(fieldOf(p, 'rating').constraints).toEqual({ min: 1, max: 5 });
    expect(fieldOf(p, 'code').constraints).toEqual({ maxLength: 8, pattern: '^[A-Z]+$' });
    expect(fieldOf(p, 'weight').constraints).toEqual({});
    const entries = result.report.entries.filter((e) => e.subject.startsWith('check on products'));
    expect(entries.map((e) => e.status).sort()).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'imported',
      'skipped',
      'skipped',
    ]);
    expect(entryOf(result, 'check sane on products (price)')).toMatchObject({ status: 'approximated' });
    expect(entryOf(result, 'check sane on products (price)').message).toContain('price <> 13');
  });

  it('makes single-column uniques and indexes flags, composite uniques entity uniques, and reports the rest', async () => {
    const result = await imported(`
CREATE TABLE members (
  id serial PRIMARY KEY,
  org_id int NOT NULL,
  email text NOT NULL,
  handle text,
  joined date,
  UNIQUE (org_id, email)
);
CREATE UNIQUE INDEX members_handle ON members (handle);
CREATE INDEX members_joined ON members (joined);
CREATE INDEX members_lower ON members (lower(email));
CREATE INDEX members_pair ON members (org_id, joined);
CREATE INDEX members_recent ON members (joined) WHERE joined > '2020-01-01';`);
    const m = entityOf(result, 'Member');
    expect(fieldOf(m, 'handle').unique).toBe(true);
    expect(fieldOf(m, 'joined').indexed).toBe(true);
    expect(m.uniques).toEqual([
      { id: 'u.members.org_id_email', members: ['f.members.org_id', 'f.members.email'] },
    ]);
    expect(entryOf(result, 'index members_lower on members').status).toBe('skipped');
    expect(entryOf(result, 'index members_pair on members (org_id, joined)').status).toBe('skipped');
    expect(entryOf(result, 'index members_recent on members (joined)').message).toContain('Partial');
  });

  it('turns a join table into a many-to-many and PostgreSQL enums and comments into enums and descriptions', async () => {
    const result = await imported(`
CREATE TYPE public.mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R');
CREATE TABLE film (film_id serial PRIMARY KEY, title text NOT NULL, rating public.mpaa_rating DEFAULT 'G'::public.mpaa_rating);
CREATE TABLE actor (actor_id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE film_actor (
  actor_id integer NOT NULL REFERENCES actor ON DELETE RESTRICT,
  film_id integer NOT NULL REFERENCES film ON DELETE RESTRICT,
  last_update timestamp NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, film_id)
);
COMMENT ON TABLE film IS 'A movie';
COMMENT ON COLUMN public.film.title IS 'As on the poster';
COMMENT ON COLUMN film.film_id IS 'the key';`);
    const film = entityOf(result, 'Film');
    expect(film.description).toBe('A movie');
    expect(fieldOf(film, 'title').description).toBe('As on the poster');
    const rating = fieldOf(film, 'rating');
    expect(rating).toMatchObject({
      type: 'enum',
      enumId: 'en.mpaa_rating',
      default: { kind: 'literal', value: 'G' },
    });
    expect(result.design.enums).toEqual([
      { id: 'en.mpaa_rating', name: 'MpaaRating', values: ['G', 'PG', 'PG-13', 'R'] },
    ]);
    expect(result.design.entities.map((e) => e.name)).toEqual(['Film', 'Actor']);
    const m2m = relationOf(result, 'films');
    expect(m2m).toMatchObject({
      kind: 'many-to-many',
      fromEntityId: 'e.actor',
      toEntityId: 'e.film',
      associationTable: 'film_actor',
      backrefName: 'actors',
    });
    expect(entryOf(result, 'table film_actor')).toMatchObject({ status: 'approximated' });
    expect(entryOf(result, 'column film_actor.last_update').status).toBe('skipped');
    expect(entryOf(result, 'comment on film.film_id').status).toBe('skipped');
  });

  it('takes a table of two references beside an id, or without a key, as a many-to-many too', async () => {
    const result = await imported(`
CREATE TABLE tag (id serial PRIMARY KEY, label text NOT NULL UNIQUE);
CREATE TABLE post (id serial PRIMARY KEY, title text NOT NULL);
CREATE TABLE post_tag (id serial PRIMARY KEY, post_id int NOT NULL REFERENCES post, tag_id int NOT NULL REFERENCES tag, created_at timestamptz DEFAULT now());
CREATE TABLE follows (follower_id int REFERENCES post, followed_id int REFERENCES post);
CREATE TABLE vote (id serial PRIMARY KEY, post_id int NOT NULL REFERENCES post, tag_id int NOT NULL REFERENCES tag, score int NOT NULL);`);
    expect(result.design.entities.map((e) => e.name)).toEqual(['Tag', 'Post', 'Vote']);
    expect(relationOf(result, 'tags')).toMatchObject({ kind: 'many-to-many', associationTable: 'post_tag' });
    expect(entryOf(result, 'table post_tag').message).toContain('at most once');
    const self = result.design.relations.find((r) => r.associationTable === 'follows');
    expect(self).toMatchObject({
      kind: 'many-to-many',
      fromEntityId: 'e.post',
      toEntityId: 'e.post',
      fieldName: 'followeds',
    });
    expect(entryOf(result, 'table vote').status).toBe('imported');
  });

  it('breaks a cycle of required foreign keys by making one optional', async () => {
    const result = await imported(`
CREATE TABLE a (id serial PRIMARY KEY, b_id int NOT NULL);
CREATE TABLE b (id serial PRIMARY KEY, a_id int NOT NULL REFERENCES a);
ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;
CREATE TABLE node (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES node);`);
    const optional = result.design.relations.filter((r) => r.nullable);
    expect(optional.length).toBe(2);
    expect(relationOf(result, 'parent').nullable).toBe(true);
    expect(entryOf(result, 'foreign key node (parent_id) -> node').message).toContain('cycle');
  });

  it('names what collides: timestamps, reserved words, a composite key, two relations to one table', async () => {
    const result = await imported(`
CREATE TABLE "user" (id uuid PRIMARY KEY, "class" text, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE "Messages" (
  sender_id uuid NOT NULL REFERENCES "user",
  recipient_id uuid NOT NULL REFERENCES "user",
  body text,
  sent_on date NOT NULL,
  PRIMARY KEY (sender_id, sent_on)
);`);
    const user = entityOf(result, 'User');
    expect(user).toMatchObject({ primaryKey: 'uuid', timestamps: true });
    expect(user.tableName).toBeUndefined(); // 'users', the table the name derives
    expect(user.fields.map((f) => f.name)).toEqual(['class_value']);
    expect(entryOf(result, 'table user').message).toContain('reserved');
    const message = entityOf(result, 'Message');
    expect(message.tableName).toBeUndefined();
    expect(message.uniques?.[0]?.members).toEqual(['r.messages.sender_id', 'f.messages.sent_on']);
    const sender = relationOf(result, 'sender');
    const recipient = relationOf(result, 'recipient');
    expect(sender.backrefName).toBe('sender_messages');
    expect(recipient.backrefName).toBe('recipient_messages');
  });
});
