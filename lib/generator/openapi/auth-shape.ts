import { wireName } from '../fastapi/envelopes';
import { errorSchemaOf } from '../fastapi/errors-format';
import { authSchemaNames } from '../ir/auth-api';
import type { IrEntity, IrProject } from '../ir/types';
import { patched } from '../patched';
import {
  decorate,
  entityInput,
  type JsonSchema,
  nullable,
  objectSchema,
  type Prop,
  readSchema,
  ref,
} from './schemas';

/**
 * The OpenAPI schemas of the auth API's shape and of the error format, as pydantic derives them from
 * `app/schemas/auth.py` and `app/schemas/errors.py`: looked up by name when an operation references them.
 */
export function authShapeSchemas(project: IrProject): Map<string, () => JsonSchema> {
  const out = new Map<string, () => JsonSchema>();
  for (const [name, schema] of Object.entries(errorSchemas(project))) out.set(name, () => schema);
  const auth = project.auth;
  if (!auth) return out;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const api = auth.api;
  const names = authSchemaNames(
    api,
    { className: user.className, module: `app.schemas.${user.module}`, read: user.schemas.read },
    auth.registerSchema,
  );
  if (names.withToken) {
    const title = names.withToken;
    out.set(title, () => {
      const read = readSchema(user, project);
      const properties = patched(read.properties as Record<string, JsonSchema>, {
        token: { type: 'string', title: 'Token' },
      });
      return {
        properties,
        type: 'object',
        required: [...((read.required as string[]) ?? []), 'token'],
        title,
      };
    });
  }
  out.set(names.selfUpdateInner, () => {
    const props: Prop[] = user.fields
      .filter((f) => f.inUpdate && f.id !== auth.role?.id)
      .map(entityInput(user, 'update'));
    if (user.fields.some((f) => f.isPassword && f.inUpdate && f.id !== auth.role?.id)) {
      const name = wireName(user, 'current_password');
      props.push({
        name,
        schema: decorate(nullable({ type: 'string', maxLength: 1024 }), { name }),
        required: false,
      });
    }
    return objectSchema(names.selfUpdateInner, props, undefined, true);
  });
  for (const [envelope, inner] of names.envelopes) {
    const request = inner !== user.schemas.read && inner !== names.withToken;
    const key = (request ? api.bodyKey : api.objectKey) as string;
    out.set(envelope, () =>
      objectSchema(envelope, [{ name: key, schema: ref(inner), required: true }], undefined, request),
    );
  }
  return out;
}

/** The error body of the project's format (FastAPI's own keeps `ErrorMessage`, in document.ts). */
function errorSchemas(project: IrProject): Record<string, JsonSchema> {
  const str = (title: string) => ({ type: 'string', title });
  if (project.errorFormat === 'problem') {
    return {
      ProblemItem: {
        properties: {
          type: str('Type'),
          loc: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, type: 'array', title: 'Loc' },
          msg: str('Msg'),
        },
        type: 'object',
        required: ['type', 'loc', 'msg'],
        title: 'ProblemItem',
      },
      Problem: {
        properties: {
          type: str('Type'),
          title: str('Title'),
          status: { type: 'integer', title: 'Status' },
          detail: str('Detail'),
          instance: str('Instance'),
          errors: {
            anyOf: [{ items: ref('ProblemItem'), type: 'array' }, { type: 'null' }],
            title: 'Errors',
          },
        },
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'instance'],
        title: 'Problem',
      },
    };
  }
  if (project.errorFormat === 'field-map') {
    return {
      FieldErrors: {
        properties: {
          errors: {
            additionalProperties: { items: { type: 'string' }, type: 'array' },
            type: 'object',
            title: 'Errors',
          },
        },
        type: 'object',
        required: ['errors'],
        title: 'FieldErrors',
      },
    };
  }
  return {};
}

/** An error response of an operation: the format's schema under its media type. */
export function errorContent(project: IrProject): Record<string, unknown> {
  const { name, mediaType } = errorSchemaOf(project.errorFormat);
  return { [mediaType]: { schema: ref(name) } };
}
