import type { IrEntity, IrField } from '../ir/types';
import type { Imports } from '../python/imports';

/** Python annotations of a field's value (no `| None`), for the model and the schemas. */
export function pyValueType(field: IrField, imports: Imports, mode: 'model' | 'input' | 'output'): string {
  switch (field.type) {
    case 'string':
    case 'text':
    case 'password':
      return 'str';
    case 'email':
      return mode === 'input' ? imports.from('pydantic', 'EmailStr') : 'str';
    case 'url':
      return mode === 'input' ? imports.from('app.schemas.common', 'HttpUrlStr') : 'str';
    case 'integer':
    case 'bigint':
      return 'int';
    case 'float':
      return 'float';
    case 'decimal':
      return imports.from('decimal', 'Decimal');
    case 'boolean':
      return 'bool';
    case 'date':
      return `${imports.module('datetime', 'dt')}.date`;
    case 'datetime':
      if (mode === 'input') return imports.from('pydantic', 'AwareDatetime');
      if (mode === 'output') return imports.from('app.schemas.common', 'UTCDatetime');
      return `${imports.module('datetime', 'dt')}.datetime`;
    case 'uuid':
      return `${imports.module('uuid')}.UUID`;
    case 'json':
      return imports.from('typing', 'Any');
    case 'enum':
      return field.enum ? imports.from('app.enums', field.enum.className) : 'str';
  }
}

export function pkType(entity: IrEntity, imports: Imports): string {
  return entity.primaryKey === 'uuid' ? `${imports.module('uuid')}.UUID` : 'int';
}

export function optional(type: string, nullable: boolean): string {
  return nullable && type !== 'Any' ? `${type} | None` : type;
}
