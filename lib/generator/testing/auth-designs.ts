import {
  defaultApiShape,
  defaultAuthApi,
  emptyDesign,
  newEntity,
  newField,
  newRelation,
} from '@/lib/design/factories';
import type { AuthApi, Design } from '@/lib/design/schema';

/** Designs of the auth API's shapes and the error formats, for golden files and the Python checks. */

/** Users with a unique e-mail and username, an owner-only profile and articles they write. */
function people(roles: boolean): Pick<Design, 'entities' | 'relations' | 'enums'> {
  const user = newEntity('e_user', 'User', {
    fields: [
      newField('f_user_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_user_username', 'username', 'string', {
        unique: true,
        constraints: { minLength: 1, maxLength: 40 },
      }),
      newField('f_user_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_user_bio', 'bio', 'text', { nullable: true }),
      ...(roles
        ? [
            newField('f_user_role', 'role', 'enum', {
              enumId: 'enum_role',
              default: { kind: 'literal', value: 'member' },
            }),
          ]
        : []),
    ],
  });
  // Accounts are made by registering and changed at the current-user path: only profiles are read here.
  const userOps = user.resource.operations;
  userOps.list.enabled = false;
  userOps.create.enabled = false;
  userOps.update.enabled = false;
  userOps.delete.enabled = false;
  user.resource.lookupFieldId = 'f_user_username';
  const article = newEntity('e_article', 'Article', {
    fields: [
      newField('f_article_title', 'title', 'string', { constraints: { minLength: 1, maxLength: 120 } }),
      newField('f_article_body', 'body', 'text'),
      newField('f_article_published', 'published', 'boolean', { default: { kind: 'literal', value: false } }),
    ],
  });
  article.resource.ownerRelationId = 'r_article_author';
  // Drafts are read by their author only: public reads take the optional token of the design's scheme.
  article.resource.publicRowsFieldId = 'f_article_published';
  const ops = article.resource.operations;
  ops.create.access = { kind: 'authenticated' };
  ops.update.access = { kind: 'owner' };
  ops.delete.access = roles ? { kind: 'roles', roles: ['admin'] } : { kind: 'owner' };
  return {
    enums: roles ? [{ id: 'enum_role', name: 'UserRole', values: ['member', 'admin'] }] : [],
    entities: [user, article],
    relations: [
      newRelation('r_article_author', 'e_article', 'e_user', {
        fieldName: 'author',
        backrefName: 'articles',
        onDelete: 'cascade',
      }),
    ],
  };
}

function auth(api: Partial<AuthApi>, roles: boolean): Design['auth'] {
  return {
    userEntityId: 'e_user',
    loginFieldId: 'f_user_email',
    passwordFieldId: 'f_user_password',
    ...(roles ? { roleFieldId: 'f_user_role' } : {}),
    tokenLifetimeMinutes: 60,
    api: { ...defaultAuthApi(), ...api },
  };
}

/**
 * RealWorld's auth: `POST /users`, `POST /users/login` with `{"user": {...}}`, `GET/PUT /user`, the token in the
 * answered user, `Authorization: Token <jwt>`, and `{"errors": {"email": [...]}}`.
 */
function authRealWorld(): Design {
  return {
    ...emptyDesign('Conduit'),
    ...people(false),
    api: {
      ...defaultApiShape(),
      objects: { wrap: true, key: '{name}' },
      bodies: { wrap: true },
      update: 'put',
      errors: 'field-map',
    },
    auth: auth(
      {
        registerPath: '/users',
        loginPath: '/users/login',
        mePath: '/user',
        login: 'json',
        tokenIn: 'user',
        scheme: { kind: 'prefix', prefix: 'Token' },
        meUpdate: true,
      },
      false,
    ),
  };
}

/** RFC 9457 problem details, a bearer token from JSON or the OAuth2 form, PATCH of one's own profile, roles. */
function authProblem(): Design {
  return {
    ...emptyDesign('Newsroom'),
    ...people(true),
    api: { ...defaultApiShape(), errors: 'problem' },
    auth: auth(
      {
        registerPath: '/accounts',
        loginPath: '/sessions',
        mePath: '/accounts/me',
        login: 'both',
        tokenIn: 'token',
        scheme: { kind: 'bearer' },
        meUpdate: true,
      },
      true,
    ),
  };
}

/** The token in an API-key header of its own, JSON login only, PUT and PATCH of one's profile. */
function authApiKey(): Design {
  return {
    ...emptyDesign('Keyed'),
    ...people(false),
    api: { ...defaultApiShape(), update: 'both' },
    auth: auth({ login: 'json', scheme: { kind: 'header', header: 'X-API-Key' }, meUpdate: true }, false),
  };
}

export const authDesigns: Record<string, () => Design> = {
  'auth-realworld': authRealWorld,
  'auth-problem': authProblem,
  'auth-api-key': authApiKey,
};
