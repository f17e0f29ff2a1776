import { parse } from 'libpg-query';
import { ImportError } from '../types';
import {
  type CompareOp,
  displayName,
  emptySchema,
  type SqlAction,
  type SqlCheckTerm,
  type SqlColumn,
  type SqlDefault,
  type SqlName,
  type SqlPos,
  type SqlSchema,
  type SqlTable,
  type SqlType,
} from './model';
import { SourceText } from './positions';
import { arr, type J, num, obj, str } from './tree';

/**
 * PostgreSQL DDL through PostgreSQL's own parser (libpg-query, WASM): its JSON parse tree -> the neutral SqlSchema.
 * The tree is read defensively (plain objects, every key optional): nothing here trusts its shape.
 */

/** The one key of a node (`{ ColumnDef: {...} }` -> ['ColumnDef', {...}]). */
function node(v: unknown): [string, J] {
  const o = obj(v);
  const key = Object.keys(o)[0];
  return key === undefined ? ['', {}] : [key, obj(o[key])];
}

/** `String` nodes of a name list: [{String: {sval}}] -> ['public', 'users']. */
function names(list: unknown): string[] {
  return arr(list)
    .map((item) => str(node(item)[1].sval))
    .filter((s): s is string => s !== undefined);
}

/** Nested expressions past this are not looked into (they become `other`): the tree can be arbitrarily deep. */
const MAX_EXPRESSION_DEPTH = 32;

const ACTIONS: Record<string, SqlAction> = {
  a: 'no-action',
  r: 'restrict',
  c: 'cascade',
  n: 'set-null',
  d: 'set-default',
};

const SERIAL: Record<string, string> = {
  serial: 'int4',
  serial4: 'int4',
  bigserial: 'int8',
  serial8: 'int8',
  smallserial: 'int2',
  serial2: 'int2',
};

/** `pg_catalog` spellings of the SQL names the type mapping knows. */
const CATALOG_TYPES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  'double precision': 'float8',
  boolean: 'bool',
  decimal: 'numeric',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
};

const NOW_FUNCTIONS = new Set([
  'now',
  'current_timestamp',
  'statement_timestamp',
  'transaction_timestamp',
  'clock_timestamp',
  'localtimestamp',
]);
const UUID_FUNCTIONS = new Set([
  'gen_random_uuid',
  'uuid_generate_v4',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v7',
  'uuidv4',
  'uuidv7',
]);
const LENGTH_FUNCTIONS = new Set(['char_length', 'character_length', 'length']);

/** Statement kinds that are about data or the database around the schema, named for the report. */
const SKIPPED_STATEMENTS: Record<string, string> = {
  ViewStmt: 'view',
  CreateTableAsStmt: 'table created from a query',
  CreateFunctionStmt: 'function',
  CreateTrigStmt: 'trigger',
  CreateSeqStmt: 'sequence',
  AlterSeqStmt: 'sequence change',
  GrantStmt: 'grant',
  GrantRoleStmt: 'grant',
  AlterOwnerStmt: 'owner change',
  CreateExtensionStmt: 'extension',
  CreateSchemaStmt: 'schema',
  VariableSetStmt: 'SET',
  SelectStmt: 'query',
  InsertStmt: 'data (INSERT)',
  UpdateStmt: 'data (UPDATE)',
  DeleteStmt: 'data (DELETE)',
  CopyStmt: 'data (COPY)',
  RuleStmt: 'rule',
  CreatePolicyStmt: 'row security policy',
  CompositeTypeStmt: 'composite type',
  CreateRangeStmt: 'range type',
  CreateCastStmt: 'cast',
  DefineStmt: 'aggregate or operator',
  DoStmt: 'DO block',
  TransactionStmt: 'transaction control',
  DropStmt: 'DROP',
  CreateRoleStmt: 'role',
  CreateEventTrigStmt: 'event trigger',
  CreateStatsStmt: 'statistics',
  CreatePublicationStmt: 'publication',
  CreateForeignTableStmt: 'foreign table',
  AlterDefaultPrivilegesStmt: 'default privileges',
  AlterObjectSchemaStmt: 'schema change',
  RenameStmt: 'rename',
};

export async function readPostgres(text: string): Promise<SqlSchema> {
  const source = new SourceText(text);
  // The parser refuses an empty query; an empty script is just an empty schema.
  if (text.trim() === '') return emptySchema();
  let tree: J;
  try {
    tree = obj(await parse(text));
  } catch (error) {
    throw toImportError(error, source);
  }
  const reader = new PgReader(source);
  for (const raw of arr(tree.stmts)) {
    const entry = obj(raw);
    const location = num(entry.stmt_location) ?? 0;
    reader.statement(entry.stmt, location);
  }
  return reader.schema;
}

function toImportError(error: unknown, source: SourceText): ImportError {
  const details = obj(obj(error).sqlDetails);
  const cursor = num(details.cursorPosition);
  const message = str(details.message) ?? (error instanceof Error ? error.message : String(error));
  if (cursor !== undefined) {
    const at = source.atByte(cursor);
    return new ImportError(`Syntax error at line ${at.line}, column ${at.column}: ${message}`, at);
  }
  // The parser gives up without a position on input it cannot hold (e.g. nesting past its stack).
  return new ImportError(`The SQL could not be parsed: ${message}`);
}

class PgReader {
  readonly schema: SqlSchema = emptySchema();
  private readonly tables = new Map<string, SqlTable>();

  constructor(private readonly source: SourceText) {}

  private at(byte: unknown): SqlPos {
    return this.source.atByte(num(byte));
  }

  statement(stmt: unknown, location: number): void {
    const [kind, body] = node(stmt);
    // pg_dump writes statements with leading comments; the statement itself starts after them.
    const at = this.at(this.firstToken(location));
    const handlers: Record<string, (body: J, at: SqlPos) => void> = {
      CreateStmt: (b, a) => this.createTable(b, a),
      AlterTableStmt: (b, a) => this.alterTable(b, a),
      IndexStmt: (b, a) => this.createIndex(b, a),
      CreateEnumStmt: (b, a) => this.createEnum(b, a),
      CreateDomainStmt: (b, a) => this.createDomain(b, a),
      CommentStmt: (b, a) => this.comment(b, a),
    };
    const handler = handlers[kind];
    if (handler) {
      handler(body, at);
      return;
    }
    const what = SKIPPED_STATEMENTS[kind] ?? kind.replace(/Stmt$/, '');
    const named = this.statementName(body);
    this.schema.skipped.push({
      subject: named ? `${what} ${named}` : `statement ${what}`,
      message: `This ${what} is not part of the design.`,
      at,
    });
  }

  /** What a skipped statement is about, as the source names it (a view, function, trigger, sequence...). */
  private statementName(body: J): string | undefined {
    for (const key of ['trigname', 'extname', 'schemaname', 'policy_name']) {
      const name = str(body[key]);
      if (name) return name;
    }
    for (const key of ['view', 'sequence', 'relation']) {
      const name = this.name(body[key]);
      if (name.name) return displayName(name);
    }
    const into = this.name(obj(body.into).rel);
    if (into.name) return displayName(into);
    for (const key of ['funcname', 'defnames']) {
      const parts = names(body[key]);
      if (parts.length > 0) return parts.join('.');
    }
    return undefined;
  }

  /** The byte offset of the first non-blank, non-comment character at or after `byte`. */
  private firstToken(byte: number): number {
    const text = this.source.text;
    let i = this.source.indexOfByte(byte);
    for (;;) {
      while (i < text.length && /\s/.test(text.charAt(i))) i++;
      if (text.startsWith('--', i)) {
        const end = text.indexOf('\n', i);
        i = end < 0 ? text.length : end + 1;
      } else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 2;
      } else break;
    }
    // Back to bytes: the reader works in the parser's offsets.
    return this.source.byteOfIndex(i);
  }

  private name(rangeVar: unknown): SqlName {
    const r = obj(rangeVar);
    const schema = str(r.schemaname);
    return { ...(schema ? { schema } : {}), name: str(r.relname) ?? '' };
  }

  private findTable(name: SqlName): SqlTable | undefined {
    const exact = this.tables.get(displayName(name));
    if (exact) return exact;
    // `public.x` and `x` are the same table on the default search path.
    if (name.schema === 'public') return this.tables.get(name.name);
    if (name.schema === undefined) return this.tables.get(`public.${name.name}`);
    return undefined;
  }

  private createTable(body: J, at: SqlPos): void {
    const name = this.name(body.relation);
    const subject = `table ${displayName(name)}`;
    if (body.partbound) {
      this.schema.skipped.push({
        subject,
        message: 'A partition of another table is not part of the design.',
        at,
      });
      return;
    }
    const table: SqlTable = {
      name,
      columns: [],
      uniques: [],
      foreignKeys: [],
      checks: [],
      at,
    };
    for (const element of arr(body.tableElts)) {
      const [kind, value] = node(element);
      if (kind === 'ColumnDef') this.column(table, value);
      else if (kind === 'Constraint') this.constraint(table, value, undefined);
      else
        this.schema.skipped.push({
          subject: `${subject} LIKE`,
          message: 'Copying the columns of another table (LIKE) is not followed.',
          at: this.at(value.location),
        });
    }
    if (arr(body.inhRelations).length > 0)
      this.schema.skipped.push({
        subject: `${subject} INHERITS`,
        message: 'Table inheritance is not part of the design: only the columns written here are imported.',
        at,
      });
    if (body.partspec)
      this.schema.skipped.push({
        subject: `${subject} PARTITION BY`,
        message: 'Partitioning is not part of the design: the table is imported as one table.',
        at,
      });
    this.schema.tables.push(table);
    if (!this.findTable(name)) this.tables.set(displayName(name), table);
  }

  private column(table: SqlTable, def: J): void {
    const [type, autoIncrement] = this.type(def.typeName);
    const column: SqlColumn = {
      name: str(def.colname) ?? '',
      type,
      notNull: def.is_not_null === true,
      autoIncrement,
      at: this.at(def.location),
    };
    table.columns.push(column);
    for (const c of arr(def.constraints)) this.constraint(table, node(c)[1], column);
    if (def.raw_default) column.default = this.defaultOf(def.raw_default);
  }

  private type(typeName: unknown): [SqlType, boolean] {
    const t = obj(typeName);
    const parts = names(t.names);
    let name = (parts[parts.length - 1] ?? 'text').toLowerCase();
    const schema = parts.length > 1 && parts[0] !== 'pg_catalog' ? parts[0] : undefined;
    const serial = SERIAL[name];
    if (serial) name = serial;
    name = CATALOG_TYPES[name] ?? name;
    const args = arr(t.typmods)
      .map((m) => this.constant(m))
      .filter((v): v is number => typeof v === 'number');
    const type: SqlType = { name, args, array: arr(t.arrayBounds).length > 0 };
    if (schema) type.schema = schema;
    return [type, serial !== undefined];
  }

  private constraint(table: SqlTable, c: J, column: SqlColumn | undefined): void {
    const kind = str(c.contype);
    const at = this.at(c.location);
    const name = str(c.conname);
    const keys = column ? [column.name] : names(c.keys);
    switch (kind) {
      case 'CONSTR_NOTNULL':
        for (const k of keys) {
          const col = this.columnOf(table, k);
          if (col) col.notNull = true;
        }
        return;
      case 'CONSTR_NULL':
        return;
      case 'CONSTR_DEFAULT':
        if (column) column.default = this.defaultOf(c.raw_expr);
        return;
      case 'CONSTR_IDENTITY':
        if (column) column.autoIncrement = true;
        return;
      case 'CONSTR_GENERATED':
        this.schema.skipped.push({
          subject: `generated column ${displayName(table.name)}.${column?.name ?? ''}`,
          message: 'Its generation expression is not kept: it becomes a plain column.',
          at,
        });
        return;
      case 'CONSTR_PRIMARY':
        table.primaryKey = { ...(name ? { name } : {}), columns: keys, at };
        for (const k of keys) {
          const col = this.columnOf(table, k);
          if (col) col.notNull = true;
        }
        return;
      case 'CONSTR_UNIQUE':
        table.uniques.push({ ...(name ? { name } : {}), columns: keys, at });
        return;
      case 'CONSTR_FOREIGN':
        table.foreignKeys.push({
          ...(name ? { name } : {}),
          columns: column ? [column.name] : names(c.fk_attrs),
          table: this.name(c.pktable),
          refColumns: names(c.pk_attrs),
          onDelete: ACTIONS[str(c.fk_del_action) ?? 'a'] ?? 'no-action',
          onUpdate: ACTIONS[str(c.fk_upd_action) ?? 'a'] ?? 'no-action',
          at,
        });
        return;
      case 'CONSTR_CHECK':
        table.checks.push({
          ...(name ? { name } : {}),
          terms: this.checkTerms(c.raw_expr, 0),
          at,
        });
        return;
      default:
        this.schema.skipped.push({
          subject: `constraint ${name ?? (kind ?? '').replace('CONSTR_', '').toLowerCase()} on ${displayName(table.name)}`,
          message: 'This kind of constraint is not part of the design.',
          at,
        });
    }
  }

  private columnOf(table: SqlTable, name: string): SqlColumn | undefined {
    return table.columns.find((c) => c.name === name);
  }

  /** ALTER TABLE as pg_dump writes it: constraints, defaults (sequences), identities, NOT NULL, new columns. */
  private alterTable(body: J, at: SqlPos): void {
    const name = this.name(body.relation);
    const objtype = str(body.objtype) ?? 'OBJECT_TABLE';
    if (objtype !== 'OBJECT_TABLE') {
      // pg_dump writes ALTER TABLE for sequences and views too (owners, defaults).
      const what = objtype.replace('OBJECT_', '').toLowerCase().replace('_', ' ');
      this.schema.skipped.push({
        subject: `ALTER ${what} ${displayName(name)}`,
        message: `This change of a ${what} is not part of the design.`,
        at,
      });
      return;
    }
    const table = this.findTable(name);
    for (const raw of arr(body.cmds)) {
      const cmd = node(raw)[1];
      const subtype = str(cmd.subtype) ?? '';
      const colName = str(cmd.name);
      const cmdAt = at;
      const skip = (message: string) =>
        this.schema.skipped.push({
          subject: `ALTER TABLE ${displayName(name)} ${subtypeLabel(subtype)}`,
          message,
          at: cmdAt,
        });
      if (!table) {
        skip(`${displayName(name)} is not created earlier in this script.`);
        continue;
      }
      const column = colName === undefined ? undefined : this.columnOf(table, colName);
      switch (subtype) {
        case 'AT_AddConstraint':
          this.constraint(table, node(cmd.def)[1], undefined);
          break;
        case 'AT_AddColumn':
          this.column(table, node(cmd.def)[1]);
          break;
        case 'AT_ColumnDefault':
          if (column && cmd.def) column.default = this.defaultOf(cmd.def);
          else if (!column) skip(`Column '${colName}' is not a column of ${displayName(name)}.`);
          break;
        case 'AT_AddIdentity':
          if (column) column.autoIncrement = true;
          break;
        case 'AT_SetNotNull':
          if (column) column.notNull = true;
          break;
        case 'AT_ChangeOwner':
          skip('Table owners are not part of the design.');
          break;
        default:
          skip('This change of a table is not part of the design.');
      }
    }
  }

  private createIndex(body: J, at: SqlPos): void {
    const columns: string[] = [];
    let expression = false;
    for (const raw of arr(body.indexParams)) {
      const elem = node(raw)[1];
      const col = str(elem.name);
      if (col === undefined) expression = true;
      else columns.push(col);
    }
    const method = str(body.accessMethod) ?? 'btree';
    this.schema.indexes.push({
      ...(str(body.idxname) ? { name: str(body.idxname) } : {}),
      ...(method !== 'btree' ? { method } : {}),
      table: this.name(body.relation),
      columns: expression ? null : columns,
      unique: body.unique === true,
      partial: body.whereClause !== undefined,
      at,
    });
  }

  private createEnum(body: J, at: SqlPos): void {
    const parts = names(body.typeName);
    const name = parts[parts.length - 1] ?? '';
    const schema = parts.length > 1 ? parts[0] : undefined;
    this.schema.enums.push({ name: { ...(schema ? { schema } : {}), name }, values: names(body.vals), at });
  }

  private createDomain(body: J, at: SqlPos): void {
    const parts = names(body.domainname);
    const name = (parts[parts.length - 1] ?? '').toLowerCase();
    const [type] = this.type(body.typeName);
    const notNull = arr(body.constraints).some((c) => node(c)[1].contype === 'CONSTR_NOTNULL');
    this.schema.domains.set(name, { type, notNull });
    this.schema.skipped.push({
      subject: `domain ${name}`,
      message: `Columns of this domain are imported as ${type.name}; its checks are not kept.`,
      at,
    });
  }

  private comment(body: J, at: SqlPos): void {
    const objtype = str(body.objtype);
    const text = str(body.comment);
    const parts = names(node(body.object)[1].items);
    if ((objtype !== 'OBJECT_TABLE' && objtype !== 'OBJECT_COLUMN') || text === undefined) {
      this.schema.skipped.push({
        subject: `comment on ${(objtype ?? '').replace('OBJECT_', '').toLowerCase()} ${parts.join('.')}`,
        message:
          text === undefined
            ? 'Removing a comment changes nothing here.'
            : 'Only comments on tables and columns become descriptions.',
        at,
      });
      return;
    }
    if (objtype === 'OBJECT_TABLE') {
      const name = parts[parts.length - 1] ?? '';
      const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
      this.schema.comments.push({ table: { ...(schema ? { schema } : {}), name }, text, at });
      return;
    }
    const column = parts[parts.length - 1] ?? '';
    const name = parts[parts.length - 2] ?? '';
    const schema = parts.length > 2 ? parts[parts.length - 3] : undefined;
    this.schema.comments.push({ table: { ...(schema ? { schema } : {}), name }, column, text, at });
  }

  /** The source of an expression, for messages: from its leftmost token, cut where its parentheses close. */
  private exprText(v: unknown): string {
    const text = this.source.snippetAtByte(startOf(v, 0), 'expression');
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charAt(i) === '(') depth++;
      else if (text.charAt(i) === ')' && --depth < 0) return text.slice(0, i).trim();
    }
    return text.replace(/[,;]$/, '');
  }

  /** A constant's value through casts and a unary minus, or undefined when it is not one. */
  private constant(v: unknown, depth = 0): string | number | boolean | null | undefined {
    if (depth > MAX_EXPRESSION_DEPTH) return undefined;
    const [kind, body] = node(v);
    if (kind === 'A_Const') {
      if (body.isnull === true) return null;
      if (body.ival !== undefined) return num(obj(body.ival).ival) ?? 0;
      if (body.fval !== undefined) return Number(str(obj(body.fval).fval) ?? 'NaN');
      if (body.boolval !== undefined) return obj(body.boolval).boolval === true;
      if (body.sval !== undefined) return str(obj(body.sval).sval) ?? '';
      return undefined;
    }
    if (kind === 'TypeCast') {
      const inner = this.constant(body.arg, depth + 1);
      const [type] = this.type(body.typeName);
      // `'1'::integer`, `'t'::boolean`: the cast decides how the text reads.
      if (typeof inner === 'string' && type.name === 'bool')
        return ['t', 'true', 'y', 'yes', 'on', '1'].includes(inner.toLowerCase());
      return inner;
    }
    if (kind === 'A_Expr' && names(body.name)[0] === '-' && body.lexpr === undefined) {
      const inner = this.constant(body.rexpr, depth + 1);
      return typeof inner === 'number' ? -inner : undefined;
    }
    return undefined;
  }

  private defaultOf(v: unknown): SqlDefault {
    const value = this.constant(v);
    const [kind, body] = node(v);
    if (value !== undefined) {
      // `'now'::timestamp` is the time of the insert, not a literal.
      if (value === 'now' && kind === 'TypeCast') return { kind: 'now' };
      return { kind: 'literal', value };
    }
    const fn = this.functionName(v, 0);
    if (fn !== undefined) {
      if (NOW_FUNCTIONS.has(fn)) return { kind: 'now' };
      if (UUID_FUNCTIONS.has(fn)) return { kind: 'uuid' };
      if (fn === 'nextval') return { kind: 'sequence' };
    }
    if (kind === 'SQLValueFunction') {
      const op = str(body.op) ?? '';
      if (/CURRENT_TIMESTAMP|CURRENT_DATE|LOCALTIMESTAMP/.test(op)) return { kind: 'now' };
    }
    // `('now'::text)::date`
    if (kind === 'TypeCast' && this.constant(body.arg) === 'now') return { kind: 'now' };
    return { kind: 'other', text: this.exprText(v) };
  }

  /** The function a default calls, through casts (`(now())::timestamp`). */
  private functionName(v: unknown, depth: number): string | undefined {
    if (depth > MAX_EXPRESSION_DEPTH) return undefined;
    const [kind, body] = node(v);
    if (kind === 'FuncCall') return names(body.funcname).pop()?.toLowerCase();
    if (kind === 'TypeCast') return this.functionName(body.arg, depth + 1);
    return undefined;
  }

  /** A column a check compares, through casts (`(code)::text`). */
  private columnRef(v: unknown, depth = 0): string | undefined {
    if (depth > MAX_EXPRESSION_DEPTH) return undefined;
    const [kind, body] = node(v);
    if (kind === 'ColumnRef') {
      const fields = names(body.fields);
      return fields.length >= 1 && arr(body.fields).length === fields.length
        ? fields[fields.length - 1]
        : undefined;
    }
    if (kind === 'TypeCast') return this.columnRef(body.arg, depth + 1);
    return undefined;
  }

  /** `char_length(code)` -> 'code'. */
  private lengthOf(v: unknown): string | undefined {
    const [kind, body] = node(v);
    if (kind !== 'FuncCall') return undefined;
    const fn = names(body.funcname).pop()?.toLowerCase();
    const args = arr(body.args);
    if (!fn || !LENGTH_FUNCTIONS.has(fn) || args.length !== 1) return undefined;
    return this.columnRef(args[0]);
  }

  private checkTerms(v: unknown, depth: number): SqlCheckTerm[] {
    const [kind, body] = node(v);
    const other = (): SqlCheckTerm[] => [{ kind: 'other', text: this.exprText(v) }];
    if (depth > MAX_EXPRESSION_DEPTH) return other();
    if (kind === 'BoolExpr' && body.boolop === 'AND_EXPR')
      return arr(body.args).flatMap((a) => this.checkTerms(a, depth + 1));
    if (kind !== 'A_Expr') return other();
    const exprKind = str(body.kind);
    const op = names(body.name)[0] ?? '';
    if (exprKind === 'AEXPR_BETWEEN') {
      const column = this.columnRef(body.lexpr);
      const [lo, hi] = arr(node(body.rexpr)[1].items).map((x) => this.constant(x));
      if (column && typeof lo === 'number' && typeof hi === 'number')
        return [
          { kind: 'compare', column, op: '>=', value: lo },
          { kind: 'compare', column, op: '<=', value: hi },
        ];
      return other();
    }
    if (exprKind === 'AEXPR_IN' && op === '=') {
      const column = this.columnRef(body.lexpr);
      const values = arr(node(body.rexpr)[1].items).map((x) => this.constant(x));
      if (column && values.every((x) => typeof x === 'string'))
        return [{ kind: 'in', column, values: values as string[] }];
      return other();
    }
    if (exprKind !== 'AEXPR_OP') return other();
    if (op === '~') {
      const column = this.columnRef(body.lexpr);
      const pattern = this.constant(body.rexpr);
      if (column && typeof pattern === 'string') return [{ kind: 'pattern', column, pattern }];
      return other();
    }
    if (!isCompare(op)) return other();
    const sides: [unknown, unknown, CompareOp][] = [
      [body.lexpr, body.rexpr, op],
      [body.rexpr, body.lexpr, flip(op)],
    ];
    for (const [subject, bound, cmp] of sides) {
      const value = this.constant(bound);
      if (typeof value !== 'number') continue;
      const column = this.columnRef(subject);
      if (column) return [{ kind: 'compare', column, op: cmp, value }];
      const measured = this.lengthOf(subject);
      if (measured) return [{ kind: 'length', column: measured, op: cmp, value }];
    }
    return other();
  }
}

/** The smallest `location` in an expression tree (an operator's own location is past its left operand). */
function startOf(v: unknown, depth: number): number | undefined {
  if (depth > 12 || typeof v !== 'object' || v === null) return undefined;
  let min: number | undefined;
  for (const [key, value] of Object.entries(v)) {
    const candidate = key === 'location' ? num(value) : startOf(value, depth + 1);
    if (candidate !== undefined && candidate >= 0 && (min === undefined || candidate < min)) min = candidate;
  }
  return min;
}

function isCompare(op: string): op is CompareOp {
  return op === '>=' || op === '>' || op === '<=' || op === '<';
}

function flip(op: CompareOp): CompareOp {
  return ({ '>=': '<=', '>': '<', '<=': '>=', '<': '>' } as const)[op];
}

function subtypeLabel(subtype: string): string {
  return subtype
    .replace(/^AT_/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}
