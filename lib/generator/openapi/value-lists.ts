import { wireName } from '../fastapi/envelopes';
import { LINKS_MAX } from '../fastapi/schemas';
import { writableLists } from '../fastapi/value-lists';
import type { IrEntity } from '../ir/types';
import { decorate, inputValueSchema, nullable, type Prop } from './schemas';

/** Value lists in bodies: arrays of the target field's values (null refused in a PATCH, like Pydantic says). */
export function valueListInputProps(entity: IrEntity, mode: 'create' | 'update' | 'replace'): Prop[] {
  return writableLists(entity).map((v) => {
    const list = { items: inputValueSchema(v.field), maxItems: LINKS_MAX, type: 'array' };
    const name = wireName(entity, v.attr);
    return { name, schema: decorate(mode === 'update' ? nullable(list) : list, { name }), required: false };
  });
}

/** Value lists in responses (Detail schemas): always present, an array of strings. */
export function valueListReadProps(entity: IrEntity): Prop[] {
  return entity.resource.valueLists.map((v) => {
    const name = wireName(entity, v.attr);
    return { name, schema: decorate({ items: { type: 'string' }, type: 'array' }, { name }), required: true };
  });
}
