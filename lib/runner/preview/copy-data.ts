/**
 * Keeps a preview's rows across a regeneration. The generated project has a single initial Alembic revision that
 * changes with the design, so the new database is built from scratch (`alembic upgrade head`) and this script,
 * run in the sandbox, copies every table both databases have, for the columns both have. New NOT NULL columns
 * without a default get a zero value of their type. Any failure (a constraint, a dangling foreign key) rolls
 * everything back and exits non-zero with the reason on the last line of stderr.
 *
 * Usage: python -c COPY_DATA_SCRIPT NEW_DB OLD_DB; prints `{"tables": n, "rows": n}` on success.
 */
export const COPY_DATA_SCRIPT = `
import json, sqlite3, sys

new_path, old_path = sys.argv[1], sys.argv[2]


def q(name):
    return '"' + name.replace('"', '""') + '"'


def zero(declared):
    t = (declared or "").upper()
    if t.startswith("CHAR(32)"):
        return "lower(hex(randomblob(16)))"  # SQLAlchemy's Uuid on SQLite
    if "INT" in t or "BOOL" in t:
        return "0"
    if any(k in t for k in ("REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL")):
        return "0"
    if "DATETIME" in t or "TIMESTAMP" in t:
        return "strftime('%Y-%m-%d %H:%M:%f', 'now')"
    if t.startswith("DATE"):
        return "date('now')"
    if t.startswith("TIME"):
        return "time('now')"
    if "JSON" in t:
        return "'{}'"
    if "BLOB" in t:
        return "x''"
    return "''"


con = sqlite3.connect(new_path, isolation_level=None)
con.execute("PRAGMA foreign_keys=OFF")
con.execute("ATTACH DATABASE ? AS old", (old_path,))
tables = [r[0] for r in con.execute(
    "SELECT name FROM main.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
old_tables = {r[0] for r in con.execute("SELECT name FROM old.sqlite_master WHERE type='table'")}
copied = {}
con.execute("BEGIN")
try:
    for table in tables:
        if table not in old_tables:
            continue
        old_columns = {r[1] for r in con.execute("PRAGMA old.table_info(" + q(table) + ")")}
        targets, sources = [], []
        for _cid, name, declared, notnull, default, _pk in con.execute("PRAGMA main.table_info(" + q(table) + ")").fetchall():
            required = notnull and default is None
            if name in old_columns:
                targets.append(q(name))
                sources.append("COALESCE(" + q(name) + ", " + zero(declared) + ")" if required else q(name))
            elif required and not _pk:
                targets.append(q(name))
                sources.append(zero(declared))
        if not any(t[1:-1] in old_columns for t in targets):
            continue
        try:
            con.execute("INSERT INTO main." + q(table) + " (" + ", ".join(targets) + ") SELECT " + ", ".join(sources) + " FROM old." + q(table))
        except sqlite3.Error as error:
            raise RuntimeError("copying " + table + " failed: " + str(error))
        copied[table] = con.execute("SELECT count(*) FROM main." + q(table)).fetchone()[0]
    dangling = con.execute("PRAGMA main.foreign_key_check").fetchall()
    if dangling:
        table, _rowid, parent, _fk = dangling[0]
        raise RuntimeError(str(len(dangling)) + " row(s) of " + table + " would reference missing " + parent + " rows")
    con.execute("COMMIT")
except Exception as error:
    con.execute("ROLLBACK")
    print(str(error), file=sys.stderr)
    sys.exit(1)
print(json.dumps({"tables": len(copied), "rows": sum(copied.values())}))
`;
