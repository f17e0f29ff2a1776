import { wireName } from '../fastapi/envelopes';
import type { IrComputed, IrEntity } from '../ir/types';
import { patched } from '../patched';
import { decorate, nullable, type Prop, plainSchema } from './schemas';

/** A computed field's value in responses (never in bodies): `readOnly`, as its Pydantic field declares. */
function valueSchema(c: IrComputed): Record<string, unknown> {
  if (c.kind === 'count') return { type: 'integer' };
  if (c.kind === 'exists' || c.kind === 'viewer-linked') return { type: 'boolean' };
  const base = c.field ? plainSchema(c.field, 'output') : { type: 'integer' };
  return c.nullable ? nullable(base) : base;
}

/** Response properties of the computed fields, after the stored ones. */
export function computedProps(entity: IrEntity, computed: readonly IrComputed[]): Prop[] {
  return computed.map((c) => {
    const name = wireName(entity, c.name);
    const schema = decorate(valueSchema(c), { name });
    return { name, schema: patched(schema, { readOnly: true }), required: true };
  });
}
