import type { IrEntity, IrField } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyFloat, pyNumber, pyStr, pyValue } from '../python/literal';
import { decimalDigits, pkType } from './types';

/** The SQLAlchemy column type expression of a field. */
export function columnType(field: IrField, imports: Imports): string {
  const sa = (name: string) => imports.from('sqlalchemy', name);
  switch (field.type) {
    case 'string':
    case 'email':
    case 'url':
    case 'password':
      return `${sa('String')}(${field.length ?? 255})`;
    case 'text':
      return sa('Text');
    case 'integer':
      return sa('Integer');
    case 'bigint':
      return sa('BigInteger');
    case 'float':
      return sa('Float');
    case 'decimal': {
      const { precision, scale } = decimalDigits(field);
      return `${sa('Numeric')}(${precision}, ${scale})`;
    }
    case 'boolean':
      return sa('Boolean');
    case 'date':
      return sa('Date');
    case 'datetime':
      // DateTime(timezone=True) that stores UTC and reads back aware values on SQLite too.
      return `${imports.from('app.core.db', 'UTCDateTime')}()`;
    case 'uuid':
      return sa('Uuid');
    case 'json':
      return sa('JSON');
    case 'enum': {
      const cls = field.enum ? imports.from('app.enums', field.enum.className) : 'str';
      const values = imports.from('app.enums', 'enum_values');
      // A native enum type on PostgreSQL (named, shared by every column of the enum), VARCHAR of the longest
      // value elsewhere; either way the column holds the values, not the member names.
      const name = pyStr(field.enum?.typeName ?? 'enum');
      return `${sa('Enum')}(${cls}, name=${name}, values_callable=${values})`;
    }
  }
}

/** A literal design default as the Python value the model (and schema) uses. */
export function literalDefault(field: IrField, value: unknown, imports: Imports): string {
  if (value === null) return 'None';
  switch (field.type) {
    case 'decimal':
      return `${imports.from('decimal', 'Decimal')}(${pyStr(String(value))})`;
    case 'float':
      return typeof value === 'number' ? pyFloat(value) : 'None';
    case 'integer':
    case 'bigint':
      return typeof value === 'number' ? pyNumber(value) : 'None';
    case 'date':
      return `${imports.module('datetime', 'dt')}.date.fromisoformat(${pyStr(String(value))})`;
    case 'datetime':
      return `${imports.module('datetime', 'dt')}.datetime.fromisoformat(${pyStr(String(value))})`;
    case 'uuid':
      return `${imports.module('uuid')}.UUID(${pyStr(String(value))})`;
    case 'enum': {
      const member = field.enum?.members.find((m) => m.value === value);
      if (!field.enum || !member) return pyValue(value);
      return `${imports.from('app.enums', field.enum.className)}.${member.name}`;
    }
    default:
      return pyValue(value);
  }
}

/** True when the literal is a mutable container (needs a factory, not a shared default). */
export function isMutableLiteral(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** An entity's id in requests and responses (FKs, path parameters): INTEGER ids are bounded. */
export function entityPkType(entity: IrEntity, imports: Imports): string {
  return pkType(entity, imports);
}

/** An entity's id as the model maps it. */
export function columnPkType(entity: IrEntity, imports: Imports): string {
  return entity.primaryKey === 'uuid' ? `${imports.module('uuid')}.UUID` : 'int';
}
