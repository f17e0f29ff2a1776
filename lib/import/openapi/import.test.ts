import { describe, expect, it } from 'vitest';
import { ImportError } from '../types';
import { importOpenApi } from '.';
import { doc, entity, entryFor, field, importValid, json, jsonList } from './test-helpers';

const PETSTORE_YAML = `openapi: 3.0.3
info:
  title: Petstore
  version: 1.0.0
paths:
  /pets:
    get:
      parameters:
        - name: limit
          in: query
          schema: { type: integer, maximum: 100, default: 20 }
        - name: offset
          in: query
          schema: { type: integer }
        - name: status
          in: query
          schema: { type: string }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: { $ref: '#/components/schemas/Pet' }
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/NewPet' }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
  /pets/{petId}:
    get:
      parameters:
        - { name: petId, in: path, required: true, schema: { type: integer } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
    delete:
      parameters:
        - { name: petId, in: path, required: true, schema: { type: integer } }
      responses:
        '204': { description: gone }
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: integer, format: int64, readOnly: true }
        name: { type: string, maxLength: 80, example: Rex }
        tag: { type: string, nullable: true, description: A free tag }
        status: { type: string, enum: [available, pending, sold] }
        born: { type: string, format: date }
    NewPet:
      type: object
      required: [name]
      properties:
        name: { type: string, maxLength: 80 }
        tag: { type: string, nullable: true }
        status: { type: string, enum: [available, pending, sold] }
        born: { type: string, format: date }
`;

describe('importOpenApi: reading', () => {
  it('reads a 3.0 YAML document: schemas to entities, CRUD paths to a resource', async () => {
    const r = await importValid(PETSTORE_YAML);
    expect(r.report.format).toBe('openapi');
    expect(r.design.name).toBe('Petstore');
    expect(r.design.entities.map((e) => e.name)).toEqual(['Pet']);
    const pet = entity(r, 'Pet');
    expect(pet.primaryKey).toBe('int');
    expect(pet.timestamps).toBe(false);
    expect(pet.fields.map((f) => [f.name, f.type, f.nullable])).toEqual([
      ['name', 'string', false],
      ['tag', 'string', true],
      ['status', 'enum', true],
      ['born', 'date', true],
    ]);
    expect(field(r, 'Pet', 'name').constraints).toEqual({ maxLength: 80 });
    expect(field(r, 'Pet', 'name').example).toBe('Rex');
    expect(field(r, 'Pet', 'tag').description).toBe('A free tag');
    const status = field(r, 'Pet', 'status');
    expect(r.design.enums.find((e) => e.id === status.enumId)?.values).toEqual([
      'available',
      'pending',
      'sold',
    ]);
    const ops = pet.resource.operations;
    expect([
      ops.list.enabled,
      ops.create.enabled,
      ops.get.enabled,
      ops.update.enabled,
      ops.delete.enabled,
    ]).toEqual([true, true, true, false, true]);
    expect(ops.list.maxPageSize).toBe(100);
    expect(ops.list.filters).toEqual([{ fieldId: status.id }]);
    expect(r.design.api.paging).toEqual({ style: 'offset', limitParam: 'limit', offsetParam: 'offset' });
    expect(r.design.api.lists).toEqual({ kind: 'array' });
    expect(entryFor(r, 'schema NewPet')?.status).toBe('imported');
    expect(entryFor(r, 'GET /pets/{petId}')).toMatchObject({
      status: 'imported',
      at: { pointer: '/paths/~1pets~1{petId}/get' },
    });
  });

  it('reads the same document as JSON', async () => {
    const { parse } = await import('yaml');
    const fromYaml = await importValid(PETSTORE_YAML);
    const fromJson = await importValid(JSON.stringify(parse(PETSTORE_YAML)));
    expect(fromJson.design).toEqual(fromYaml.design);
  });

  it('refuses Swagger 2.0 and other versions with a clear error', async () => {
    await expect(
      importOpenApi('swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n'),
    ).rejects.toThrow(/Swagger 2\.0.*OpenAPI 3\.0 and 3\.1/);
    await expect(importOpenApi('{"openapi": "4.0.0", "info": {}, "paths": {}}')).rejects.toThrow(
      /OpenAPI 4\.0\.0 is not supported/,
    );
    await expect(importOpenApi('{"info": {}}')).rejects.toThrow(/no `openapi` version/);
    await expect(importOpenApi('[1, 2]')).rejects.toThrow(ImportError);
  });

  it('says where a syntax error is', async () => {
    const error = await importOpenApi('openapi: 3.1.0\ninfo:\n  title: "x\n  version: 1\n').catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).at).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    const json = await importOpenApi('{"openapi": "3.1.0",\n "info": {,}}').catch((e) => e);
    expect(json).toBeInstanceOf(ImportError);
    expect((json as ImportError).at).toMatchObject({ line: 2 });
  });

  it('points at the Swagger version line', async () => {
    const error = (await importOpenApi('# a comment\nswagger: "2.0"\n').catch((e) => e)) as ImportError;
    expect(error.at).toEqual({ line: 2, column: 10 });
  });
});

describe('importOpenApi: schemas', () => {
  it('reads 3.1 nullability (type arrays, anyOf with null) and 3.0 nullable', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Note: {
            type: 'object',
            required: ['id', 'a', 'b', 'c', 'd'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              a: { type: ['string', 'null'] },
              b: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
              c: { type: 'boolean', nullable: true },
              d: { type: 'number' },
              e: { type: 'string', format: 'date-time' },
            },
          },
        },
      }),
    );
    const note = entity(r, 'Note');
    expect(note.primaryKey).toBe('uuid');
    expect(note.fields.map((f) => [f.name, f.type, f.nullable])).toEqual([
      ['a', 'string', true],
      ['b', 'integer', true],
      ['c', 'boolean', true],
      ['d', 'float', false],
      ['e', 'datetime', true],
    ]);
  });

  it('maps formats, constraints and defaults', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Account: {
            type: 'object',
            required: ['email'],
            properties: {
              email: { type: 'string', format: 'email' },
              site: { type: 'string', format: 'uri' },
              big: { type: 'integer', format: 'int64', minimum: 0 },
              score: { type: 'number', minimum: 0, maximum: 10 },
              code: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 },
              body: { type: 'string' },
              essay: { type: 'string', maxLength: 5000 },
              active: { type: 'boolean', default: true },
              meta: { type: 'object', properties: { a: { type: 'string' } } },
              labels: { type: 'array', items: { type: 'string' } },
              anything: {},
            },
          },
        },
      }),
    );
    const types = Object.fromEntries(entity(r, 'Account').fields.map((f) => [f.name, f.type]));
    expect(types).toEqual({
      email: 'email',
      site: 'url',
      big: 'bigint',
      score: 'float',
      code: 'string',
      body: 'text',
      essay: 'text',
      active: 'boolean',
      meta: 'json',
      labels: 'json',
      anything: 'json',
    });
    expect(field(r, 'Account', 'big').constraints).toEqual({ min: 0 });
    expect(field(r, 'Account', 'score').constraints).toEqual({ min: 0, max: 10 });
    expect(field(r, 'Account', 'code').constraints).toEqual({
      pattern: '^[A-Z]{3}$',
      minLength: 3,
      maxLength: 3,
    });
    expect(field(r, 'Account', 'active').default).toEqual({ kind: 'literal', value: true });
    expect(entryFor(r, 'property Account.meta')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/nested inline object/),
    });
    expect(entryFor(r, 'property Account.labels')).toMatchObject({ status: 'approximated' });
  });

  it('drops a pattern RE2 cannot compile and says why', async () => {
    const r = await importValid(
      doc({
        schemas: { Word: { type: 'object', properties: { w: { type: 'string', pattern: '^(?=a)a+$' } } } },
      }),
    );
    expect(field(r, 'Word', 'w').constraints.pattern).toBeUndefined();
    expect(entryFor(r, 'property Word.w')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/pattern is left out/),
      at: { pointer: '/components/schemas/Word/properties/w' },
    });
  });

  it('reads readOnly and writeOnly, and fields only in responses or only in bodies', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Item: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              name: { type: 'string' },
              views: { type: 'integer', readOnly: true },
            },
          },
          ItemCreate: {
            type: 'object',
            properties: { name: { type: 'string' }, secret: { type: 'string' } },
          },
        },
        paths: {
          '/items': {
            post: {
              requestBody: json('ItemCreate'),
              responses: { 201: { description: 'ok', ...json('Item') } },
            },
          },
        },
      }),
    );
    expect(field(r, 'Item', 'views').readOnly).toBe(true);
    expect(field(r, 'Item', 'secret').writeOnly).toBe(true);
    expect(field(r, 'Item', 'name')).toMatchObject({ readOnly: false, writeOnly: false });
  });

  it('reuses enum components and names inline enums after their field', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Color: { type: 'string', enum: ['red', 'green'] },
          Car: {
            type: 'object',
            properties: {
              color: { $ref: '#/components/schemas/Color' },
              size: { type: 'string', enum: ['s', 'm', 's'] },
            },
          },
        },
      }),
    );
    expect(r.design.enums.map((e) => [e.name, e.values])).toEqual([
      ['Color', ['red', 'green']],
      ['CarSize', ['s', 'm']],
    ]);
    expect(field(r, 'Car', 'color').enumId).toBe(r.design.enums[0]?.id);
  });

  it('merges allOf parts', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Base: {
            type: 'object',
            properties: { id: { type: 'integer' }, created: { type: 'string', format: 'date' } },
          },
          Dog: {
            allOf: [
              { $ref: '#/components/schemas/Base' },
              { type: 'object', properties: { bark: { type: 'boolean' } } },
            ],
          },
        },
      }),
    );
    expect(entity(r, 'Dog').fields.map((f) => f.name)).toEqual(['created', 'bark']);
  });
});

describe('importOpenApi: relations', () => {
  const author = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } };
  it('a ref is a many-to-one; an array of refs back is its backref', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Author: {
            ...author,
            properties: {
              ...author.properties,
              books: { type: 'array', items: { $ref: '#/components/schemas/Book' } },
            },
          },
          Book: {
            type: 'object',
            required: ['author'],
            properties: {
              id: { type: 'integer' },
              title: { type: 'string' },
              author: { $ref: '#/components/schemas/Author' },
            },
          },
        },
      }),
    );
    expect(r.design.relations).toEqual([
      expect.objectContaining({
        kind: 'many-to-one',
        fromEntityId: entity(r, 'Book').id,
        toEntityId: entity(r, 'Author').id,
        fieldName: 'author',
        backrefName: 'books',
        nullable: false,
      }),
    ]);
    expect(entity(r, 'Author').fields.map((f) => f.name)).toEqual(['name']);
  });

  it('arrays of refs on both sides are a many-to-many', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Student: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              courses: { type: 'array', items: { $ref: '#/components/schemas/Course' } },
            },
          },
          Course: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              students: { type: 'array', items: { $ref: '#/components/schemas/Student' } },
            },
          },
        },
      }),
    );
    expect(r.design.relations).toEqual([
      expect.objectContaining({ kind: 'many-to-many', fieldName: 'courses', backrefName: 'students' }),
    ]);
  });

  it('single refs on both sides are a one-to-one held by the side with the key', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Person: {
            type: 'object',
            properties: { id: { type: 'integer' }, passport: { $ref: '#/components/schemas/Passport' } },
          },
          Passport: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              holder: { $ref: '#/components/schemas/Person' },
              holder_id: { type: 'integer' },
            },
          },
        },
      }),
    );
    expect(r.design.relations).toEqual([
      expect.objectContaining({
        kind: 'one-to-one',
        fromEntityId: entity(r, 'Passport').id,
        fieldName: 'holder',
        backrefName: 'passport',
      }),
    ]);
    expect(entity(r, 'Passport').fields).toEqual([]);
  });

  it('an array of refs with nothing back is a one-to-many (a key on the items)', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Order: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
            },
          },
          Line: { type: 'object', properties: { id: { type: 'integer' }, qty: { type: 'integer' } } },
        },
      }),
    );
    expect(r.design.relations).toEqual([
      expect.objectContaining({
        kind: 'many-to-one',
        fromEntityId: entity(r, 'Line').id,
        toEntityId: entity(r, 'Order').id,
        fieldName: 'order',
        backrefName: 'lines',
        nullable: true,
      }),
    ]);
    expect(entryFor(r, 'property Order.lines')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/One-to-many/),
    });
  });

  it('a `<name>_id` key names the entity it refers to', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Team: { type: 'object', properties: { id: { type: 'integer' } } },
          Player: {
            type: 'object',
            required: ['team_id'],
            properties: { id: { type: 'integer' }, team_id: { type: 'integer' } },
          },
        },
      }),
    );
    expect(r.design.relations).toEqual([
      expect.objectContaining({ kind: 'many-to-one', fieldName: 'team', nullable: false }),
    ]);
  });
});

describe('importOpenApi: paths', () => {
  const Post = {
    type: 'object',
    required: ['id', 'slug', 'title'],
    properties: { id: { type: 'integer' }, slug: { type: 'string' }, title: { type: 'string' } },
  };
  const Comment = {
    type: 'object',
    required: ['id', 'post_id'],
    properties: { id: { type: 'integer' }, body: { type: 'string' }, post_id: { type: 'integer' } },
  };
  it('finds the lookup field, the update verb, nested resources and custom endpoints', async () => {
    const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
    const r = await importValid(
      doc({
        schemas: { Post, Comment },
        paths: {
          '/posts': { get: { responses: { 200: { description: 'ok', ...jsonList('Post') } } } },
          '/posts/{slug}': {
            parameters: [slug],
            get: { responses: { 200: { description: 'ok', ...json('Post') } } },
            put: { requestBody: json('Post'), responses: { 200: { description: 'ok', ...json('Post') } } },
          },
          '/posts/{slug}/comments': {
            parameters: [slug],
            get: { responses: { 200: { description: 'ok', ...jsonList('Comment') } } },
            post: {
              requestBody: json('Comment'),
              responses: { 201: { description: 'ok', ...json('Comment') } },
            },
          },
          '/posts/{slug}/publish': {
            parameters: [slug],
            post: { summary: 'Publish it', responses: { 200: { description: 'ok', ...json('Post') } } },
          },
          '/stats': {
            get: {
              parameters: [
                { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
                { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
              ],
              responses: { 200: { description: 'ok' } },
            },
          },
        },
      }),
    );
    const post = entity(r, 'Post');
    expect(post.resource.lookupFieldId).toBe(field(r, 'Post', 'slug').id);
    expect(field(r, 'Post', 'slug').unique).toBe(true);
    expect(r.design.api.update).toBe('put');
    const comment = entity(r, 'Comment');
    const rel = r.design.relations.find((x) => x.fromEntityId === comment.id);
    expect(comment.resource.parentRelationId).toBe(rel?.id);
    expect(comment.resource.operations.list.enabled).toBe(true);
    expect(comment.resource.operations.get.enabled).toBe(false);
    expect(r.design.customEndpoints).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/posts/{slug}/publish',
        summary: 'Publish it',
        response: { entityId: post.id, list: false },
      }),
      expect.objectContaining({
        method: 'GET',
        path: '/stats',
        query: [{ name: 'from_value', type: 'date', required: false }],
      }),
    ]);
    expect(entryFor(r, 'parameter from of GET /stats')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/from is named from_value/),
    });
    expect(entryFor(r, 'parameter X-Trace of GET /stats')).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/header parameter X-Trace is left out/),
      at: { pointer: '/paths/~1stats/get/parameters/1' },
    });
  });

  it('reads page paging, sort values and filters through a relation', async () => {
    const r = await importValid(
      doc({
        schemas: {
          User: { type: 'object', properties: { id: { type: 'integer' }, username: { type: 'string' } } },
          Post: {
            ...Post,
            properties: { ...Post.properties, author: { $ref: '#/components/schemas/User' } },
          },
        },
        paths: {
          '/posts': {
            get: {
              parameters: [
                { name: 'page', in: 'query', schema: { type: 'integer' } },
                { name: 'size', in: 'query', schema: { type: 'integer', maximum: 50, default: 10 } },
                { name: 'sort', in: 'query', schema: { type: 'string', enum: ['title', '-title'] } },
                { name: 'author_username', in: 'query', schema: { type: 'string' } },
                { name: 'nonsense', in: 'query', schema: { type: 'string' } },
              ],
              responses: { 200: { description: 'ok', ...jsonList('Post') } },
            },
          },
        },
      }),
    );
    expect(r.design.api.paging).toEqual({ style: 'page', pageParam: 'page', sizeParam: 'size' });
    const list = entity(r, 'Post').resource.operations.list;
    expect([list.defaultPageSize, list.maxPageSize]).toEqual([10, 50]);
    expect(list.sortable).toEqual([{ fieldId: field(r, 'Post', 'title').id }]);
    expect(list.filters).toEqual([
      { relationId: r.design.relations[0]?.id, fieldId: field(r, 'User', 'username').id },
    ]);
    expect(entryFor(r, 'parameter nonsense')?.status).toBe('skipped');
  });
});

describe('importOpenApi: auth and shape', () => {
  it('reads bearer auth with the OAuth2 password flow, camelCase names and envelopes', async () => {
    const r = await importValid(
      doc({
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { password: { tokenUrl: '/api/login', scopes: {} } } },
        },
        schemas: {
          User: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              email: { type: 'string', format: 'email' },
              displayName: { type: 'string' },
            },
          },
          UserCreate: {
            type: 'object',
            properties: {
              email: { type: 'string', format: 'email' },
              password: { type: 'string' },
              displayName: { type: 'string' },
            },
          },
          Note: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              noteText: { type: 'string' },
              createdAt: { type: 'string', format: 'date-time' },
              updatedAt: { type: 'string', format: 'date-time' },
            },
          },
          NoteCreate: { type: 'object', properties: { noteText: { type: 'string' } } },
          Login: {
            type: 'object',
            properties: { username: { type: 'string' }, password: { type: 'string' } },
          },
          Token: { type: 'object', properties: { access_token: { type: 'string' } } },
        },
        paths: {
          '/api/login': {
            post: {
              requestBody: {
                content: {
                  'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Login' } },
                },
              },
              responses: { 200: { description: 'ok', ...json('Token') } },
            },
          },
          '/notes': {
            post: {
              security: [{ oauth: [] }],
              requestBody: {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: { note: { $ref: '#/components/schemas/NoteCreate' } },
                    },
                  },
                },
              },
              responses: {
                201: {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: { type: 'object', properties: { note: { $ref: '#/components/schemas/Note' } } },
                    },
                  },
                },
              },
            },
          },
          '/notes/{noteId}': {
            get: {
              parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'integer' } }],
              responses: {
                200: {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: { type: 'object', properties: { note: { $ref: '#/components/schemas/Note' } } },
                    },
                  },
                },
                404: {
                  description: 'no',
                  content: { 'application/problem+json': { schema: { type: 'object' } } },
                },
              },
            },
          },
          '/users': {
            post: {
              requestBody: json('UserCreate'),
              responses: { 201: { description: 'ok', ...json('User') } },
            },
          },
        },
      }),
    );
    expect(r.design.auth).toMatchObject({
      userEntityId: entity(r, 'User').id,
      api: { loginPath: '/api/login', login: 'form', scheme: { kind: 'bearer' } },
    });
    expect(field(r, 'User', 'password').type).toBe('password');
    expect(r.design.api.naming).toBe('camelCase');
    expect(r.design.api.objects).toEqual({ wrap: true, key: '{name}' });
    expect(r.design.api.bodies).toEqual({ wrap: true });
    expect(r.design.api.errors).toBe('problem');
    expect(entity(r, 'Note').timestamps).toBe(true);
    expect(field(r, 'Note', 'note_text').apiName).toBeUndefined();
    expect(entity(r, 'Note').resource.operations.create.access).toEqual({ kind: 'authenticated' });
    expect(entity(r, 'Note').resource.operations.get.access).toEqual({ kind: 'public' });
    expect(r.design.entities.map((e) => e.name).sort()).toEqual(['Note', 'User']);
  });

  it('reads an API key header and a field-map error format', async () => {
    const r = await importValid(
      doc({
        securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
        security: [{ key: [] }],
        schemas: {
          Errors: {
            type: 'object',
            properties: {
              errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
            },
          },
          Member: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              username: { type: 'string' },
              password: { type: 'string', writeOnly: true },
            },
          },
        },
        paths: {
          '/members': {
            get: {
              responses: {
                200: { description: 'ok', ...jsonList('Member') },
                422: { description: 'bad', ...json('Errors') },
              },
            },
          },
        },
      }),
    );
    expect(r.design.auth?.api.scheme).toEqual({ kind: 'header', header: 'X-API-Key' });
    expect(r.design.api.errors).toBe('field-map');
    expect(r.design.entities.map((e) => e.name)).toEqual(['Member']);
  });
});
