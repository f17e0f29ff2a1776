import nodeSqlParser from 'node-sql-parser';
import { ImportError } from '../types';
import { normaliseTypes } from './column-type-names';
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
import { type Statement, splitStatements } from './statements';
import { arr, type J, obj, str } from './tree';

/**
 * MySQL/MariaDB and SQLite DDL through node-sql-parser: each statement's AST -> the neutral SqlSchema. Statements
 * are parsed one at a time (`statements.ts`), so positions are the statement's start plus what the parser gives,
 * and a trigger or procedure it cannot read is skipped instead of failing the whole script.
 */

type Dialect = 'mysql' | 'sqlite';

const MAX_EXPRESSION_DEPTH = 32;

/** Statements that are not schema, by their first words: skipped when the parser cannot read them either. */
const NOT_SCHEMA =
  /^(create\s+(definer\s*=\s*\S+\s+)?(or\s+replace\s+)?(temp\w*\s+)?(trigger|view|procedure|function|event|virtual\s+table|algorithm)|insert|replace|update|delete|lock|unlock|set|use|drop|begin|commit|rollback|start|pragma|analyze|vacuum|attach|detach|reindex|grant|revoke|flush|savepoint|release|explain|select|with|call|delimiter|load|truncate|rename|optimize)\b/i;

const ACTIONS: Record<string, SqlAction> = {
  cascade: 'cascade',
  'set null': 'set-null',
  restrict: 'restrict',
  'no action': 'no-action',
  'set default': 'set-default',
};

const NOW_FUNCTIONS = new Set([
  'current_timestamp',
  'now',
  'localtimestamp',
  'current_date',
  'localtime',
  'sysdate',
  'utc_timestamp',
]);
const UUID_FUNCTIONS = new Set(['uuid']);
const LENGTH_FUNCTIONS = new Set(['length', 'char_length', 'character_length']);

export function readWithSqlParser(text: string, dialect: Dialect): SqlSchema {
  const source = new SourceText(text);
  const reader = new Reader(source, dialect);
  for (const statement of splitStatements(text, dialect === 'mysql')) reader.statement(statement);
  return reader.schema;
}

class Reader {
  readonly schema: SqlSchema = emptySchema();
  private readonly parser = new nodeSqlParser.Parser();
  private readonly tables = new Map<string, SqlTable>();

  constructor(
    private readonly source: SourceText,
    private readonly dialect: Dialect,
  ) {}

  /** Types of the statement being read that the grammar does not know, as written, by offset. */
  private writtenTypes = new Map<number, string>();

  statement(statement: Statement): void {
    const at = this.source.at(statement.start);
    const normalised = normaliseTypes(statement.text, this.dialect);
    this.writtenTypes = normalised.types;
    const parsed = { text: normalised.text, start: statement.start };
    const ast = this.parse(parsed, at);
    if (ast === undefined) return;
    for (const item of Array.isArray(ast) ? ast : [ast]) this.node(obj(item), statement, at);
  }

  private parse(statement: Statement, at: SqlPos): unknown {
    const databases = this.dialect === 'sqlite' ? ['Sqlite'] : ['MySQL', 'MariaDB'];
    let first: unknown;
    for (const database of databases) {
      try {
        return this.parser.astify(statement.text, {
          database,
          trimQuery: false,
          parseOptions: { includeLocations: true },
        } as Parameters<typeof this.parser.astify>[1]);
      } catch (error) {
        first ??= error;
      }
    }
    const head = statement.text.slice(0, 200);
    if (NOT_SCHEMA.test(head)) {
      this.skip(`statement ${firstWords(head)}`, 'It is not part of the schema the design holds.', at);
      return undefined;
    }
    throw this.syntaxError(first, statement);
  }

  private syntaxError(error: unknown, statement: Statement): ImportError {
    if (error instanceof RangeError) {
      // The grammar recurses per nesting level: past the stack, the statement is too deep to read at all.
      const at = this.source.at(statement.start);
      return new ImportError(`The statement at line ${at.line} is nested too deeply to be read.`, at);
    }
    const location = obj(obj(obj(error).location).start);
    const offset = typeof location.offset === 'number' ? location.offset : 0;
    const at = this.source.at(statement.start + offset);
    const message = error instanceof Error ? error.message : String(error);
    const short = message.length > 300 ? `${message.slice(0, 297)}...` : message;
    return new ImportError(`Syntax error at line ${at.line}, column ${at.column}: ${short}`, at);
  }

  private skip(subject: string, message: string, at: SqlPos): void {
    this.schema.skipped.push({ subject, message, at });
  }

  /** Where `needle` (a name, case-insensitive) first appears in the statement at or after `from`. */
  private locate(statement: Statement, needle: string, from: number): { at: SqlPos; index: number } {
    const index = statement.text.toLowerCase().indexOf(needle.toLowerCase(), from);
    const i = index < 0 ? from : index;
    // A quoted name starts at its quote.
    const quoted = i > 0 && '"`['.includes(statement.text.charAt(i - 1));
    return { at: this.source.at(statement.start + i - (quoted ? 1 : 0)), index: i };
  }

  private node(ast: J, statement: Statement, at: SqlPos): void {
    const type = str(ast.type);
    const keyword = str(ast.keyword);
    if (type === 'create' && keyword === 'table') this.createTable(ast, statement, at);
    else if (type === 'create' && keyword === 'index') this.createIndex(ast, at);
    else if (type === 'alter') this.alterTable(ast, statement);
    else this.skipStatement(type, keyword, at);
  }

  private skipStatement(type: string | undefined, keyword: string | undefined, at: SqlPos): void {
    const what = [type, keyword].filter(Boolean).join(' ') || 'statement';
    this.skip(`statement ${what}`, `This ${what} is not part of the design.`, at);
  }

  private tableName(ref: unknown): SqlName {
    const r = obj(Array.isArray(ref) ? ref[0] : ref);
    const schema = str(r.db) ?? str(r.schema);
    return { ...(schema ? { schema } : {}), name: str(r.table) ?? '' };
  }

  private createTable(ast: J, statement: Statement, at: SqlPos): void {
    const name = this.tableName(ast.table);
    if (ast.query_expr || ast.like) {
      this.skip(
        `table ${displayName(name)}`,
        'A table created from a query or another table (AS / LIKE) has no columns written here.',
        at,
      );
      return;
    }
    const table: SqlTable = { name, columns: [], uniques: [], foreignKeys: [], checks: [], at };
    // Positions the parser leaves out are found in the statement text, left to right.
    let cursor = Math.max(0, statement.text.indexOf('('));
    for (const raw of arr(ast.create_definitions)) {
      const def = obj(raw);
      const resource = str(def.resource);
      if (resource === 'column') {
        const colName = columnName(def.column);
        const found = this.locate(statement, colName, cursor);
        cursor = found.index + colName.length;
        this.column(table, def, found.at, this.writtenType(statement.text, cursor));
      } else {
        const kind = str(def.constraint_type) ?? str(def.keyword) ?? '';
        const found = this.locate(statement, keywordOf(kind), cursor);
        cursor = found.index + 1;
        this.tableConstraint(table, def, found.at);
      }
    }
    // SQLite: a single INTEGER primary key is the rowid, numbered by the database.
    const pk = table.primaryKey?.columns;
    const pkColumn = pk?.length === 1 ? table.columns.find((c) => c.name === pk[0]) : undefined;
    if (this.dialect === 'sqlite' && pkColumn?.type.name === 'integer') pkColumn.autoIncrement = true;
    for (const option of arr(ast.table_options)) {
      const o = obj(option);
      if (str(o.keyword)?.toLowerCase() === 'comment') table.comment = unquote(String(o.value ?? ''));
    }
    this.schema.tables.push(table);
    this.tables.set(displayName(name), table);
    if (name.schema === undefined) this.tables.set(name.name, table);
  }

  /** The type written after a column name ending at `end`, when the normaliser replaced it. */
  private writtenType(text: string, end: number): string | undefined {
    let i = end;
    if (i < text.length && '"`]'.includes(text.charAt(i))) i++;
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    return this.writtenTypes.get(i);
  }

  private column(table: SqlTable, def: J, at: SqlPos, written?: string): void {
    const definition = obj(def.definition);
    const type = written === undefined ? this.type(definition) : typeFromText(written);
    const primary = typeof def.primary_key === 'string';
    const column: SqlColumn = {
      name: columnName(def.column),
      type,
      notNull: str(obj(def.nullable).type) === 'not null' || primary,
      autoIncrement: typeof def.auto_increment === 'string',
      at,
    };
    const dflt = obj(def.default_val).value;
    if (dflt !== undefined) column.default = this.defaultOf(dflt);
    const comment = obj(obj(def.comment).value).value;
    if (typeof comment === 'string') column.comment = comment;
    table.columns.push(column);
    if (primary) table.primaryKey = { columns: [column.name], at };
    if (typeof def.unique === 'string' || typeof def.unique_or_primary === 'string') {
      if (/primary/i.test(String(def.unique_or_primary ?? '')))
        table.primaryKey = { columns: [column.name], at };
      else table.uniques.push({ columns: [column.name], at });
    }
    if (def.reference_definition)
      this.foreignKey(table, [column.name], obj(def.reference_definition), undefined, at);
    const check = obj(def.check);
    if (arr(check.definition).length > 0) {
      const name = str(check.constraint);
      table.checks.push({
        ...(name ? { name } : {}),
        terms: arr(check.definition).flatMap((e) => this.checkTerms(e, 0)),
        at,
      });
    }
  }

  private type(definition: J): SqlType {
    const raw = (str(definition.dataType) ?? 'text').toLowerCase();
    const args = [definition.length, definition.scale].filter((v): v is number => typeof v === 'number');
    const type: SqlType = { name: raw, args, array: false };
    if (raw === 'enum') {
      type.enumValues = arr(obj(definition.expr).value)
        .map((v) => obj(v).value)
        .filter((v): v is string => typeof v === 'string');
    }
    return type;
  }

  private tableConstraint(table: SqlTable, def: J, at: SqlPos): void {
    const kind = (str(def.constraint_type) ?? '').toLowerCase();
    const name = str(def.constraint) ?? str(def.index) ?? undefined;
    const columns = arr(def.definition).map(columnName);
    const named = name ? { name } : {};
    if (kind === 'primary key') table.primaryKey = { ...named, columns, at };
    else if (kind.startsWith('unique')) table.uniques.push({ ...named, columns, at });
    else if (kind === 'foreign key') this.foreignKey(table, columns, obj(def.reference_definition), name, at);
    else if (kind === 'check')
      table.checks.push({ ...named, terms: arr(def.definition).flatMap((e) => this.checkTerms(e, 0)), at });
    else if (str(def.resource) === 'index') {
      const keyword = (str(def.keyword) ?? '').toLowerCase();
      if (/fulltext|spatial/.test(keyword)) {
        this.skip(
          `index ${name ?? ''} on ${displayName(table.name)}`.replace('  ', ' '),
          `A ${keyword} index is not part of the design.`,
          at,
        );
        return;
      }
      this.schema.indexes.push({ ...named, table: table.name, columns, unique: false, partial: false, at });
    } else
      this.skip(
        `constraint ${name ?? kind} on ${displayName(table.name)}`,
        'This kind of constraint is not part of the design.',
        at,
      );
  }

  private foreignKey(table: SqlTable, columns: string[], ref: J, name: string | undefined, at: SqlPos): void {
    let onDelete: SqlAction = 'no-action';
    let onUpdate: SqlAction = 'no-action';
    for (const action of arr(ref.on_action)) {
      const a = obj(action);
      const value = ACTIONS[(str(obj(a.value).value) ?? '').toLowerCase()] ?? 'no-action';
      if (str(a.type) === 'on delete') onDelete = value;
      else if (str(a.type) === 'on update') onUpdate = value;
    }
    table.foreignKeys.push({
      ...(name ? { name } : {}),
      columns,
      table: this.tableName(ref.table),
      refColumns: arr(ref.definition).map(columnName),
      onDelete,
      onUpdate,
      at,
    });
  }

  private createIndex(ast: J, at: SqlPos): void {
    const columns: string[] = [];
    let expression = false;
    for (const raw of arr(ast.index_columns)) {
      const col = obj(raw);
      const type = str(col.type);
      if (type === 'column_ref') columns.push(columnName(col));
      // SQLite reads `"name"` as a column where it can (node-sql-parser keeps it a string).
      else if (type === 'double_quote_string' && typeof col.value === 'string') columns.push(col.value);
      else expression = true;
    }
    const name = str(obj(ast.index).name) ?? str(ast.index);
    this.schema.indexes.push({
      ...(name ? { name } : {}),
      table: this.tableName(ast.table),
      columns: expression ? null : columns,
      unique: /unique/i.test(String(ast.index_type ?? '')),
      partial: ast.where !== null && ast.where !== undefined,
      at,
    });
  }

  private alterTable(ast: J, statement: Statement): void {
    const name = this.tableName(ast.table);
    const table = this.tables.get(displayName(name));
    let cursor = 0;
    for (const raw of arr(ast.expr)) {
      const expr = obj(raw);
      const action = str(expr.action) ?? '';
      const resource = str(expr.resource) ?? '';
      const found = this.locate(statement, action || 'alter', cursor);
      cursor = found.index + 1;
      const subject =
        `ALTER TABLE ${displayName(name)} ${action.toUpperCase()} ${resource.toUpperCase()}`.trim();
      if (!table) {
        this.skip(subject, `${displayName(name)} is not created earlier in this script.`, found.at);
        continue;
      }
      if (action === 'add' && resource === 'constraint')
        this.tableConstraint(table, obj(expr.create_definitions), found.at);
      else if (action === 'add' && resource === 'index')
        this.tableConstraint(table, { ...expr, resource: 'index' }, found.at);
      else if (action === 'add' && resource === 'column') {
        const colName = columnName(expr.column);
        const col = this.locate(statement, colName, found.index);
        this.column(table, expr, col.at, this.writtenType(statement.text, col.index + colName.length));
      } else this.skip(subject, 'This change of a table is not part of the design.', found.at);
    }
  }

  private constant(v: unknown, depth = 0): string | number | boolean | null | undefined {
    if (depth > MAX_EXPRESSION_DEPTH) return undefined;
    const e = obj(v);
    const type = str(e.type) ?? '';
    if (type === 'number') return typeof e.value === 'number' ? e.value : Number(e.value);
    if (type === 'bool' || type === 'boolean')
      return e.value === true || String(e.value).toLowerCase() === 'true';
    if (type === 'null') return null;
    if (type.endsWith('string') || type === 'string') return str(e.value) ?? '';
    if (type === 'unary_expr' && e.operator === '-') {
      const inner = this.constant(e.expr, depth + 1);
      return typeof inner === 'number' ? -inner : undefined;
    }
    return undefined;
  }

  private functionName(v: unknown): string | undefined {
    const e = obj(v);
    if (str(e.type) !== 'function') return undefined;
    const parts = arr(obj(e.name).name).map((p) => str(obj(p).value) ?? '');
    return parts[parts.length - 1]?.toLowerCase();
  }

  private defaultOf(v: unknown): SqlDefault {
    const value = this.constant(v);
    if (value !== undefined) return { kind: 'literal', value };
    const fn = this.functionName(v);
    if (fn && NOW_FUNCTIONS.has(fn)) return { kind: 'now' };
    if (fn && UUID_FUNCTIONS.has(fn)) return { kind: 'uuid' };
    // SQLite's `datetime('now')` / `CURRENT_TIMESTAMP` spellings.
    if (fn === 'datetime' || fn === 'date') {
      const args = arr(obj(obj(v).args).value);
      if (args.length === 1 && this.constant(args[0]) === 'now') return { kind: 'now' };
    }
    const e = obj(v);
    if (str(e.type) === 'column_ref' && /^current_(timestamp|date)$/i.test(columnName(e)))
      return { kind: 'now' };
    return { kind: 'other', text: fn ? `${fn}(...)` : (str(e.type) ?? 'expression') };
  }

  private columnRef(v: unknown): string | undefined {
    const e = obj(v);
    if (str(e.type) === 'column_ref') return columnName(e);
    return undefined;
  }

  private checkTerms(v: unknown, depth: number): SqlCheckTerm[] {
    const e = obj(v);
    const op = (str(e.operator) ?? '').toUpperCase();
    const other = (): SqlCheckTerm[] => [
      { kind: 'other', text: op ? `${op} expression` : (str(e.type) ?? 'expression') },
    ];
    if (depth > MAX_EXPRESSION_DEPTH || str(e.type) !== 'binary_expr') return other();
    if (op === 'AND') return [...this.checkTerms(e.left, depth + 1), ...this.checkTerms(e.right, depth + 1)];
    if (op === 'BETWEEN') {
      const column = this.columnRef(e.left);
      const [lo, hi] = arr(obj(e.right).value).map((x) => this.constant(x));
      if (column && typeof lo === 'number' && typeof hi === 'number')
        return [
          { kind: 'compare', column, op: '>=', value: lo },
          { kind: 'compare', column, op: '<=', value: hi },
        ];
      return other();
    }
    if (op === 'IN') {
      const column = this.columnRef(e.left);
      const values = arr(obj(e.right).value).map((x) => this.constant(x));
      if (column && values.every((x) => typeof x === 'string'))
        return [{ kind: 'in', column, values: values as string[] }];
      return other();
    }
    if (op === 'REGEXP' || op === 'RLIKE') {
      const column = this.columnRef(e.left);
      const pattern = this.constant(e.right);
      if (column && typeof pattern === 'string') return [{ kind: 'pattern', column, pattern }];
      return other();
    }
    if (!isCompare(op)) return other();
    const sides: [unknown, unknown, CompareOp][] = [
      [e.left, e.right, op],
      [e.right, e.left, flip(op)],
    ];
    for (const [subject, bound, cmp] of sides) {
      const value = this.constant(bound);
      if (typeof value !== 'number') continue;
      const column = this.columnRef(subject);
      if (column) return [{ kind: 'compare', column, op: cmp, value }];
      const fn = this.functionName(subject);
      const args = arr(obj(obj(subject).args).value);
      const measured =
        fn && LENGTH_FUNCTIONS.has(fn) && args.length === 1 ? this.columnRef(args[0]) : undefined;
      if (measured) return [{ kind: 'length', column: measured, op: cmp, value }];
    }
    return other();
  }
}

/** `NVARCHAR(120)` -> { name: 'nvarchar', args: [120] }; `UNSIGNED BIG INT` -> 'unsigned big int'. */
function typeFromText(text: string): SqlType {
  const match = /^([^(]*?)\s*(?:\(\s*([-+]?\d+)\s*(?:,\s*([-+]?\d+)\s*)?\))?$/.exec(text.trim());
  const name = (match?.[1] ?? text).trim().toLowerCase().replace(/\s+/g, ' ');
  const args = [match?.[2], match?.[3]].filter((v): v is string => v !== undefined).map(Number);
  return { name: SQLITE_NAMES[name] ?? name, args, array: false };
}

/** SQLite spellings the type mapping knows under another name. */
const SQLITE_NAMES: Record<string, string> = {
  'unsigned big int': 'bigint',
  'varying character': 'varchar',
  'native character': 'nvarchar',
  'double precision': 'double',
};

/** A column reference's name: a string, or `{ expr: { value } }` in some of the parser's grammars. */
function columnName(ref: unknown): string {
  const r = obj(ref);
  const column = r.column;
  if (typeof column === 'string') return column;
  const expr = obj(obj(column).expr);
  return str(expr.value) ?? '';
}

function keywordOf(kind: string): string {
  const k = kind.toLowerCase();
  if (k.startsWith('primary')) return 'primary';
  if (k.startsWith('unique')) return 'unique';
  if (k.startsWith('foreign')) return 'foreign';
  if (k === 'check') return 'check';
  if (k.includes('key')) return 'key';
  return k || 'constraint';
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t.startsWith("'") || t.startsWith('"')) && t.endsWith(t.charAt(0)))
    return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

function firstWords(text: string): string {
  return text.trim().split(/\s+/).slice(0, 3).join(' ').toUpperCase();
}

function isCompare(op: string): op is CompareOp {
  return op === '>=' || op === '>' || op === '<=' || op === '<';
}

function flip(op: CompareOp): CompareOp {
  return ({ '>=': '<=', '>': '<', '<=': '>=', '<': '>' } as const)[op];
}
