import { applyOperations, type Design, emptyDesign, newField, type Operation } from '@/lib/design';

/**
 * An imported design built by hand, as an importer would hand it over (ids from source names, no layout): users
 * with a role enum and auth, posts nested under users, tags many-to-many, a loose custom endpoint and a
 * camelCase API. For the plan's and the routes' tests, independent of either importer.
 */
export function sampleImport(name = 'Imported'): Design {
  const ops: Operation[] = [
    { op: 'addEnum', id: 'n.role', name: 'Role', values: ['admin', 'member'] },
    { op: 'addEntity', id: 'e.users', name: 'User', position: { x: 0, y: 0 } },
    {
      op: 'addField',
      entityId: 'e.users',
      field: newField('f.users.email', 'email', 'email', { unique: true }),
    },
    { op: 'addField', entityId: 'e.users', field: newField('f.users.password', 'password', 'password') },
    {
      op: 'addField',
      entityId: 'e.users',
      field: newField('f.users.role', 'role', 'enum', {
        enumId: 'n.role',
        default: { kind: 'literal', value: 'member' },
      }),
    },
    { op: 'addEntity', id: 'e.posts', name: 'Post', position: { x: 0, y: 0 } },
    { op: 'updateEntity', entityId: 'e.posts', patch: { tableName: 'blog_posts' } },
    { op: 'addField', entityId: 'e.posts', field: newField('f.posts.title', 'title', 'string') },
    { op: 'addEntity', id: 'e.tags', name: 'Tag', position: { x: 0, y: 0 } },
    {
      op: 'addField',
      entityId: 'e.tags',
      field: newField('f.tags.label', 'label', 'string', { unique: true }),
    },
    {
      op: 'connect',
      id: 'r.posts.author_id',
      fromEntityId: 'e.posts',
      toEntityId: 'e.users',
      kind: 'many-to-one',
      fieldName: 'author',
      backrefName: 'posts',
      nullable: false,
      onDelete: 'cascade',
    },
    {
      op: 'connect',
      id: 'r.post_tags',
      fromEntityId: 'e.posts',
      toEntityId: 'e.tags',
      kind: 'many-to-many',
      fieldName: 'tags',
      backrefName: 'posts',
      nullable: false,
      onDelete: 'cascade',
      associationTable: 'post_tags',
    },
    { op: 'updateResource', entityId: 'e.posts', patch: { parentRelationId: 'r.posts.author_id' } },
    {
      op: 'addCustomEndpoint',
      endpoint: {
        id: 'c.health',
        method: 'GET',
        path: '/status',
        summary: 'Service status',
        access: { kind: 'public' },
      },
    },
    {
      op: 'setAuth',
      auth: {
        userEntityId: 'e.users',
        loginFieldId: 'f.users.email',
        passwordFieldId: 'f.users.password',
        roleFieldId: 'f.users.role',
        tokenLifetimeMinutes: 60,
      },
    },
    { op: 'setApiShape', api: { naming: 'camelCase' } },
  ];
  const design = applyOperations(emptyDesign(name), ops);
  // Importers leave the layout empty: the plan lays the boxes out.
  return { ...design, layout: { nodes: {} } };
}
