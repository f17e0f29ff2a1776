/**
 * Plain SQL for PostgreSQL of a generated project, made by the project's own Python in the preview sandbox
 * (no network, no database server: both are offline):
 * - `migrations`: `alembic upgrade head --sql` with a PostgreSQL URL, the SQL of every revision in order;
 * - `schema`: the DDL of `Base.metadata` compiled for PostgreSQL (CREATE TYPE for native enums, CREATE TABLE,
 *   CREATE INDEX, foreign keys of cycles as ALTER TABLE), in dependency order, as `metadata.create_all` emits it.
 * How enums are stored (VARCHAR or native types) is the generated code's business: the SQL follows it.
 */
import 'server-only';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Availability, Runtime } from './preview/availability';
import { type RunResult, runToCompletion, writeFiles } from './preview/project';
import { baseEnv, DEFAULT_LIMITS, type Limits, sandboxCommand } from './preview/sandbox';

/** The URL Alembic and SQLAlchemy compile for; nothing ever connects to it. */
export const OFFLINE_POSTGRES_URL = 'postgresql+psycopg://postgres@localhost:5432/app';

/** Prints the DDL of the app's metadata for PostgreSQL through a mock engine (no connection). */
export const SCHEMA_SCRIPT = `
import app.models  # noqa: F401  (registers every table on Base.metadata)
from app.core.db import Base
from sqlalchemy import create_mock_engine

statements = []


def collect(sql, *multiparams, **params):
    statements.append(str(sql.compile(dialect=engine.dialect)).strip() + ";")


engine = create_mock_engine("${OFFLINE_POSTGRES_URL}", collect)
Base.metadata.create_all(engine, checkfirst=False)
print("\\n\\n".join(statements))
`;

export type ProjectSql = { ok: true; migrations: string; schema: string } | { ok: false; error: string };

export type SqlOptions = { limits?: Limits; timeoutMs?: number };

/** What a 503 says when there is no sandboxed Python to make the SQL with. */
export function sqlUnavailableMessage(a: Extract<Availability, { ok: false }>): string {
  return `PostgreSQL SQL is unavailable on this server: it runs the generated project's Alembic and SQLAlchemy, and this server is missing ${a.missing.join('; ')}. ${a.howTo}`;
}

/** Trailing spaces off every line (SQLAlchemy ends column lines with `, `), one final newline. */
const tidy = (sql: string) => `${sql.replace(/[ \t]+$/gm, '').trim()}\n`;

const tail = (r: RunResult, n = 8) =>
  (r.stderr || r.stdout).trim().split('\n').slice(-n).join('\n') || `exit code ${r.code ?? r.signal}`;

/**
 * The project's PostgreSQL migrations and schema DDL. `files` is a generated project (`generateProject(...).files`);
 * it is written to a temporary folder, bound read-only into the sandbox, and removed afterwards.
 */
export async function projectSql(
  files: Record<string, string>,
  runtime: Runtime,
  options: SqlOptions = {},
): Promise<ProjectSql> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'fastdraft-sql-'));
  try {
    await mkdir(path.join(root, 'app'));
    await mkdir(path.join(root, 'tmp'));
    await writeFiles(path.join(root, 'app'), files);
    const env = baseEnv({
      DATABASE_URL: OFFLINE_POSTGRES_URL,
      SECRET_KEY: 'offline-sql',
      ENVIRONMENT: 'development',
    });
    const run = (args: string[]) =>
      runToCompletion(
        sandboxCommand({
          workDir: root,
          // Alembic offline and a mock engine write nothing: the project is read-only, TMPDIR a small tmpfs.
          readOnlyWork: true,
          readOnly: runtime.readOnly,
          env,
          cwd: 'app',
          limits: options.limits ?? DEFAULT_LIMITS,
          command: [runtime.python, ...args],
        }),
        { timeoutMs: options.timeoutMs ?? 60_000, maxStdout: 32 * 1024 * 1024 },
      );
    const [migrations, schema] = await Promise.all([
      run(['-m', 'alembic', 'upgrade', 'head', '--sql']),
      run(['-c', SCHEMA_SCRIPT]),
    ]);
    if (migrations.code !== 0)
      return { ok: false, error: `alembic upgrade head --sql failed:\n${tail(migrations)}` };
    if (schema.code !== 0) return { ok: false, error: `The schema DDL could not be made:\n${tail(schema)}` };
    return {
      ok: true,
      migrations: tidy(
        `-- PostgreSQL migrations: the offline SQL of every Alembic revision (alembic upgrade head --sql).\n${migrations.stdout}`,
      ),
      schema: tidy(
        `-- PostgreSQL schema of the current design (SQLAlchemy metadata, dependency order).\n\n${schema.stdout}`,
      ),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
