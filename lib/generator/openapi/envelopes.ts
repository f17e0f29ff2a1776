import { itemResponse } from '../ir/operations';
import { bodyEnvelopeName, enveloped, envelopeName, hasReplace, replaceSchemaName } from '../ir/shape';
import type { IrEntity, IrProject } from '../ir/types';
import { patched } from '../patched';
import { type JsonSchema, ref, updateSchema } from './schemas';

/** JSON Schema of an envelope class (`fastapi/envelopes.ts` `envelopeClass`): one required key. */
export function envelopeSchema(name: string, inner: string, key: string, closed: boolean): JsonSchema {
  return patched(closed ? { additionalProperties: false } : {}, {
    properties: { [key]: ref(inner) },
    type: 'object',
    required: [key],
    title: name,
  });
}

/**
 * The component schemas the API's shape adds for an entity: envelopes of answers and bodies, and the PUT body.
 * Returned as lazy builders keyed by name, for `openApiForIr`'s reference walk.
 */
export function shapeSchemas(entity: IrEntity, project: IrProject): Array<[string, () => JsonSchema]> {
  const out: Array<[string, () => JsonSchema]> = [];
  const shape = entity.resource.shape;
  if (shape.objectKey !== null) {
    const key = shape.objectKey;
    for (const item of enveloped(entity, (view) => itemResponse(entity, view))) {
      const name = envelopeName(item.name);
      out.push([name, () => envelopeSchema(name, item.name, key, false)]);
    }
  }
  if (hasReplace(entity)) {
    const name = replaceSchemaName(entity);
    out.push([name, () => updateSchema(entity, project, 'replace', name)]);
  }
  if (shape.bodyKey !== null) {
    const key = shape.bodyKey;
    for (const schema of [entity.schemas.create, entity.schemas.update, replaceSchemaName(entity)]) {
      const name = bodyEnvelopeName(schema);
      out.push([name, () => envelopeSchema(name, schema, key, true)]);
    }
  }
  return out;
}
