import { describe, expect, it } from 'vitest';
import { doc, entity, entryFor, field, importValid, json, jsonList } from './test-helpers';

const userSchemas = {
  User: {
    type: 'object',
    required: ['id', 'email'],
    properties: {
      id: { type: 'integer' },
      email: { type: 'string', format: 'email' },
      username: { type: 'string' },
    },
  },
  NewUser: {
    type: 'object',
    properties: {
      email: { type: 'string', format: 'email' },
      username: { type: 'string' },
      password: { type: 'string' },
    },
  },
};

describe('importOpenApi: more constructs', () => {
  it('reads 3.0 `example` and 3.1 `examples`', async () => {
    const r = await importValid(
      doc({
        schemas: {
          T: {
            type: 'object',
            properties: { a: { type: 'string', example: 'x' }, b: { type: 'integer', examples: [7, 8] } },
          },
        },
      }),
    );
    expect(field(r, 'T', 'a').example).toBe('x');
    expect(field(r, 'T', 'b').example).toBe(7);
  });

  it('reads an API key in Authorization with a Token prefix, the register/login/me paths and the user in login answers', async () => {
    const r = await importValid(
      doc({
        securitySchemes: {
          Token: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Send `Token <jwt>`' },
        },
        schemas: {
          ...userSchemas,
          UserWithToken: {
            ...userSchemas.User,
            properties: { ...userSchemas.User.properties, token: { type: 'string' } },
          },
        },
        paths: {
          '/accounts': {
            post: {
              requestBody: json('NewUser'),
              responses: { 201: { description: 'ok', ...json('UserWithToken') } },
            },
          },
          '/accounts/login': {
            post: {
              requestBody: json('NewUser'),
              responses: { 200: { description: 'ok', ...json('UserWithToken') } },
            },
          },
          '/me': {
            get: {
              security: [{ Token: [] }],
              responses: { 200: { description: 'ok', ...json('UserWithToken') } },
            },
            patch: {
              security: [{ Token: [] }],
              requestBody: json('NewUser'),
              responses: { 200: { description: 'ok', ...json('UserWithToken') } },
            },
          },
        },
      }),
    );
    const user = entity(r, 'User');
    expect(r.design.auth).toMatchObject({
      userEntityId: user.id,
      loginFieldId: field(r, 'User', 'email').id,
      passwordFieldId: field(r, 'User', 'password').id,
      api: {
        registerPath: '/accounts',
        loginPath: '/accounts/login',
        mePath: '/me',
        login: 'json',
        tokenIn: 'user',
        scheme: { kind: 'prefix', prefix: 'Token' },
        meUpdate: true,
      },
    });
    expect(user.fields.map((f) => f.name)).not.toContain('token');
    expect(field(r, 'User', 'password')).toMatchObject({ type: 'password', writeOnly: true });
    expect(r.design.customEndpoints).toEqual([]);
  });

  it('leaves auth out, with the reason, when no schema has a password', async () => {
    const r = await importValid(
      doc({
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        security: [{ bearer: [] }],
        schemas: {
          Item: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
        },
        paths: { '/items': { get: { responses: { 200: { description: 'ok', ...jsonList('Item') } } } } },
      }),
    );
    expect(r.design.auth).toBeNull();
    expect(entity(r, 'Item').resource.operations.list.access).toEqual({ kind: 'public' });
    expect(entryFor(r, 'securityScheme bearer')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/no authentication is set up/),
    });
  });

  it('sets the owner from the signed-in user when create bodies leave the user out', async () => {
    const r = await importValid(
      doc({
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: {
          ...userSchemas,
          Note: {
            type: 'object',
            required: ['id', 'text', 'owner'],
            properties: {
              id: { type: 'integer' },
              text: { type: 'string' },
              owner: { $ref: '#/components/schemas/User' },
            },
          },
          NoteCreate: { type: 'object', properties: { text: { type: 'string' } } },
        },
        paths: {
          '/auth/register': {
            post: {
              requestBody: json('NewUser'),
              responses: { 201: { description: 'ok', ...json('User') } },
            },
          },
          '/notes': {
            post: {
              security: [{ bearer: [] }],
              requestBody: json('NoteCreate'),
              responses: { 201: { description: 'ok', ...json('Note') } },
            },
          },
          '/notes/{id}': {
            delete: {
              security: [{ bearer: [] }],
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
              responses: { 204: { description: 'gone' } },
            },
          },
        },
      }),
    );
    const note = entity(r, 'Note');
    const owner = r.design.relations.find((x) => x.fromEntityId === note.id);
    expect(note.resource.ownerRelationId).toBe(owner?.id);
    expect(note.resource.operations.delete.access).toEqual({ kind: 'owner' });
    expect(note.resource.embed).toEqual([owner?.id]);
  });

  it('approximates cursor paging and says so', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Ev: {
            type: 'object',
            properties: { id: { type: 'integer' }, at: { type: 'string', format: 'date-time' } },
          },
        },
        paths: {
          '/evs': {
            get: {
              parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' } }],
              responses: {
                200: {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: {
                        type: 'object',
                        properties: {
                          results: { type: 'array', items: { $ref: '#/components/schemas/Ev' } },
                          next_cursor: { type: 'string' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    expect(r.design.api.paging).toEqual({ style: 'offset', limitParam: 'limit', offsetParam: 'offset' });
    expect(r.design.api.lists).toEqual({
      kind: 'object',
      itemsKey: 'results',
      countKey: null,
      echoPaging: true,
    });
    expect(entryFor(r, 'parameter cursor')).toMatchObject({
      status: 'approximated',
      message: expect.stringMatching(/Cursor paging/),
    });
  });

  it('derives a read-only slug lookup from the title', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Page: {
            type: 'object',
            required: ['slug', 'title'],
            properties: {
              id: { type: 'integer' },
              slug: { type: 'string', readOnly: true },
              title: { type: 'string' },
            },
          },
        },
        paths: {
          '/pages/{slug}': {
            get: {
              parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
              responses: { 200: { description: 'ok', ...json('Page') } },
            },
          },
        },
      }),
    );
    expect(field(r, 'Page', 'slug')).toMatchObject({
      unique: true,
      derive: { kind: 'slug', fromFieldId: field(r, 'Page', 'title').id, onUpdate: false },
    });
    expect(entity(r, 'Page').resource.lookupFieldId).toBe(field(r, 'Page', 'slug').id);
  });

  it('reports every operation, schema, property and parameter with its pointer', async () => {
    const r = await importValid(
      doc({
        schemas: {
          Pet: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
        },
        paths: {
          '/pets': {
            get: {
              parameters: [{ name: 'name', in: 'query', schema: { type: 'string' } }],
              responses: { 200: { description: 'ok', ...jsonList('Pet') } },
            },
          },
        },
      }),
    );
    expect(r.report.entries).toEqual(
      expect.arrayContaining([
        { status: 'imported', subject: 'schema Pet', at: { pointer: '/components/schemas/Pet' } },
        {
          status: 'imported',
          subject: 'property Pet.id',
          at: { pointer: '/components/schemas/Pet/properties/id' },
        },
        {
          status: 'imported',
          subject: 'property Pet.name',
          at: { pointer: '/components/schemas/Pet/properties/name' },
        },
        { status: 'imported', subject: 'GET /pets', at: { pointer: '/paths/~1pets/get' } },
        { status: 'imported', subject: 'parameter name', at: { pointer: '/paths/~1pets/get/parameters/0' } },
      ]),
    );
    const keys = r.report.entries.map((e) => `${e.subject} ${JSON.stringify(e.at)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('importOpenApi: schema violations', () => {
  it('reports where the document breaks the OpenAPI schema and imports what it can', async () => {
    const r = await importValid(
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'x', version: '1' },
        paths: { '/pets': { get: { responses: { 200: { description: 5, ...jsonList('Pet') } } } } },
        components: {
          schemas: {
            Pet: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
          },
        },
      }),
    );
    expect(entity(r, 'Pet').resource.operations.list.enabled).toBe(true);
    expect(r.report.entries).toContainEqual({
      status: 'approximated',
      subject: 'document',
      message: expect.stringMatching(/Not valid OpenAPI here \(.*string.*\)/),
      at: { pointer: '/paths/~1pets/get/responses/200/description' },
    });
  });
});
