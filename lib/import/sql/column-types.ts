import type { FieldType } from '@/lib/design/schema';
import type { SqlType } from './model';

/**
 * SQL column types -> design field types, chosen so that the generator's column types (`fastapi/columns.ts`:
 * String(n), Text, Integer, BigInteger, Float, Numeric(p, s), Boolean, Date, DateTime(tz), Uuid, JSON, Enum) land
 * on the same column type where the design has one. `approximation` says what changes on the way.
 */
export interface MappedType {
  type: FieldType;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** A user-defined (PostgreSQL) or inline (MySQL) enum. */
  enumName?: string;
  approximation?: string;
}

export type TypeMapping = MappedType | { skip: string };

const INTEGER = new Set([
  'int',
  'int4',
  'integer',
  'mediumint',
  'int2',
  'smallint',
  'serial',
  'serial4',
  'smallserial',
  'serial2',
  'int3',
]);
const BIGINT = new Set(['bigint', 'int8', 'bigserial', 'serial8']);
const FLOAT = new Set([
  'float',
  'float4',
  'float8',
  'real',
  'double',
  'double precision',
  'binary_float',
  'binary_double',
]);
const DECIMAL = new Set(['numeric', 'decimal', 'dec', 'fixed', 'number']);
const BOOLEAN = new Set(['bool', 'boolean']);
const TEXT = new Set(['text', 'tinytext', 'mediumtext', 'longtext', 'clob', 'ntext', 'string']);
const VARCHAR = new Set([
  'varchar',
  'character varying',
  'nvarchar',
  'varchar2',
  'nvarchar2',
  'nchar varying',
  'varying character',
  'native character',
]);
const CHAR = new Set(['char', 'bpchar', 'character', 'nchar']);
const TIMESTAMP_TZ = new Set(['timestamptz', 'timestamp with time zone']);
const TIMESTAMP = new Set([
  'timestamp',
  'datetime',
  'timestamp without time zone',
  'datetime2',
  'smalldatetime',
]);
const JSON_TYPES = new Set(['json', 'jsonb']);
const BINARY = new Set([
  'bytea',
  'blob',
  'tinyblob',
  'mediumblob',
  'longblob',
  'binary',
  'varbinary',
  'bit varying',
  'varbit',
]);
const STRINGISH = new Set([
  'time',
  'timetz',
  'time with time zone',
  'time without time zone',
  'interval',
  'inet',
  'cidr',
  'macaddr',
  'macaddr8',
  'money',
  'citext',
  'xml',
  'set',
  'bit',
  'point',
  'line',
  'lseg',
  'box',
  'path',
  'polygon',
  'circle',
  'tsquery',
  'ltree',
]);

/** The generator's String columns are VARCHAR(n) up to this; longer bounded texts stay strings too. */
const DEFAULT_DECIMAL = { precision: 38, scale: 10 };

export function mapType(t: SqlType, enums: ReadonlySet<string>): TypeMapping {
  const name = t.name;
  if (t.array)
    return { type: 'json', approximation: `${name}[] becomes a JSON column (the design has no arrays)` };
  if (t.enumValues) return { type: 'enum', enumName: name };
  if (enums.has(name)) return { type: 'enum', enumName: name };
  if (INTEGER.has(name)) {
    const small = name === 'smallint' || name === 'int2' || name === 'smallserial' || name === 'serial2';
    return small ? { type: 'integer', approximation: `${name} becomes integer` } : { type: 'integer' };
  }
  if (name === 'year') return { type: 'integer', approximation: 'year becomes integer' };
  if (name === 'tinyint') {
    // MySQL's boolean is tinyint(1).
    if (t.args[0] === 1) return { type: 'boolean', approximation: 'tinyint(1) becomes boolean' };
    return { type: 'integer', approximation: 'tinyint becomes integer' };
  }
  if (BIGINT.has(name)) return { type: 'bigint' };
  if (FLOAT.has(name)) {
    return {
      type: 'float',
      approximation:
        name === 'real' || name === 'float4' ? `${name} becomes a double-precision float` : undefined,
    };
  }
  if (DECIMAL.has(name)) {
    const [precision, scale = 0] = t.args;
    if (precision === undefined || precision < 1 || precision > 1000) {
      return {
        type: 'decimal',
        ...DEFAULT_DECIMAL,
        approximation: `${name} without a precision becomes numeric(${DEFAULT_DECIMAL.precision}, ${DEFAULT_DECIMAL.scale})`,
      };
    }
    return { type: 'decimal', precision, scale: Math.min(Math.max(scale, 0), precision) };
  }
  if (BOOLEAN.has(name)) return { type: 'boolean' };
  if (TEXT.has(name))
    return { type: 'text', approximation: name === 'text' ? undefined : `${name} becomes text` };
  if (VARCHAR.has(name)) {
    const [length] = t.args;
    if (length === undefined || length < 1)
      return { type: 'text', approximation: `${name} without a length becomes text` };
    return { type: 'string', maxLength: length };
  }
  if (CHAR.has(name)) {
    const length = t.args[0] ?? 1;
    return {
      type: 'string',
      maxLength: length,
      approximation: `${name}(${length}) becomes varchar(${length}) (not blank-padded)`,
    };
  }
  if (TIMESTAMP_TZ.has(name)) return { type: 'datetime' };
  if (TIMESTAMP.has(name))
    return { type: 'datetime', approximation: `${name} becomes a time-zone aware timestamp` };
  if (name === 'date') return { type: 'date' };
  if (name === 'uuid' || name === 'uniqueidentifier') return { type: 'uuid' };
  if (JSON_TYPES.has(name))
    return { type: 'json', approximation: name === 'jsonb' ? 'jsonb becomes json' : undefined };
  if (BINARY.has(name)) return { skip: `${name} is binary data, which the design has no type for` };
  if (STRINGISH.has(name))
    return { type: 'text', approximation: `${name} becomes text (the design has no ${name} type)` };
  if (name === 'tsvector')
    return { skip: 'tsvector is a full-text search index column, which the design has no type for' };
  return { type: 'text', approximation: `unknown type ${name} becomes text` };
}
