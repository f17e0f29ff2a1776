/**
 * Keeps a preview's rows across a regeneration when the revisions cannot migrate them: the new database is
 * built from scratch (`alembic upgrade head`) and this script, run in the sandbox, copies the old rows into it
 * along a copy plan (`carry-plan.ts`): per new table, the old table and the old column of each column (renames
 * are followed), and the SQL that fills a required column a row has no value for.
 *
 * Each table is copied on its own (a savepoint): a table whose rows do not fit (a unique column no distinct
 * value can be derived for, a primary key that changed type) starts empty, and the rest is kept; a column whose
 * type changed kind starts empty (NULL or its fill) in rows that had a value. Rows left
 * referring to missing rows then lose the reference (nullable) or are removed. Every table emptied or trimmed is
 * reported with its row count and the reason. An unexpected failure rolls everything back and exits non-zero
 * with the reason on the last line of stderr.
 *
 * Usage: python -c COPY_DATA_SCRIPT NEW_DB OLD_DB PLAN_JSON; prints
 * `{"tables": n, "rows": n, "resets": [{"table", "rows", "reason"}]}` on success.
 */
export const COPY_DATA_SCRIPT = `
import json, sqlite3, sys

new_path, old_path, plan_path = sys.argv[1], sys.argv[2], sys.argv[3]
with open(plan_path, encoding="utf-8") as f:
    plan = json.load(f)


def q(name):
    return '"' + name.replace('"', '""') + '"'


def why(error):
    text = str(error)
    if text.startswith("UNIQUE constraint failed: "):
        return ("no distinct value can be derived for each row of " + text.split(": ", 1)[1]
                + " (a unique column they would share a value in)")
    if text.startswith("NOT NULL constraint failed: "):
        return "no value can be derived for the required column " + text.split(": ", 1)[1]
    return "its rows do not fit the new schema (" + text + ")"


con = sqlite3.connect(new_path, isolation_level=None)
con.execute("PRAGMA foreign_keys=OFF")
con.execute("ATTACH DATABASE ? AS old", (old_path,))
old_tables = {r[0] for r in con.execute("SELECT name FROM old.sqlite_master WHERE type='table'")}
new_tables = {r[0] for r in con.execute("SELECT name FROM main.sqlite_master WHERE type='table'")}
copied, resets = set(), []


def count(schema, table):
    return con.execute("SELECT count(*) FROM " + schema + "." + q(table)).fetchone()[0]


con.execute("BEGIN")
try:
    for t in plan["tables"]:
        table, source = t["name"], t["from"]
        if table not in new_tables or source is None or source not in old_tables:
            continue
        rows = count("old", source)
        if rows == 0:
            continue
        if t["reset"]:
            resets.append({"table": table, "rows": rows, "reason": t["reset"]})
            continue
        old_columns = {r[1] for r in con.execute("PRAGMA old.table_info(" + q(source) + ")")}
        targets, sources, retyped = [], [], []
        for c in t["columns"]:
            origin = c["from"] if c["from"] in old_columns else None
            if origin and c["retype"]:
                n = con.execute("SELECT count(*) FROM old." + q(source) + " WHERE " + q(origin) + " IS NOT NULL").fetchone()[0]
                if n:
                    retyped.append({"table": table, "rows": n, "reason": c["retype"]})
                origin = None
            if origin:
                targets.append(q(c["name"]))
                sources.append("COALESCE(" + q(origin) + ", " + c["fill"] + ")" if c["fill"] else q(origin))
            elif c["fill"]:
                targets.append(q(c["name"]))
                sources.append(c["fill"])
        con.execute("SAVEPOINT copy_table")
        try:
            con.execute("INSERT INTO main." + q(table) + " (" + ", ".join(targets) + ") SELECT "
                        + ", ".join(sources) + " FROM old." + q(source))
            con.execute("RELEASE copy_table")
            copied.add(table)
            resets.extend(retyped)
        except sqlite3.Error as error:
            con.execute("ROLLBACK TO copy_table")
            con.execute("RELEASE copy_table")
            resets.append({"table": table, "rows": rows, "reason": why(error)})
    emptied = {r["table"] for r in resets}
    # Rows pointing at rows that are not there (a reset table, a new required reference): a nullable
    # reference is cleared, a required one takes its row along. Removing rows may strand others: repeat.
    for _ in range(64):
        dangling = {(r[0], r[3]): r[2] for r in con.execute("PRAGMA main.foreign_key_check")}
        if not dangling:
            break
        for (table, fk_id), parent in sorted(dangling.items()):
            fk = next(r for r in con.execute("PRAGMA main.foreign_key_list(" + q(table) + ")") if r[0] == fk_id)
            column, target = fk[3], fk[4] or "id"
            notnull = {r[1]: r[3] for r in con.execute("PRAGMA main.table_info(" + q(table) + ")")}[column]
            where = (" WHERE " + q(column) + " IS NOT NULL AND " + q(column) + " NOT IN (SELECT "
                     + q(target) + " FROM main." + q(parent) + ")")
            gone = parent + " was reset" if parent in emptied else "those rows do not exist"
            if notnull:
                n = con.execute("DELETE FROM main." + q(table) + where).rowcount
                reason = "its rows referred to " + parent + " rows that are gone (" + gone + ")"
                if count("main", table) == 0:
                    emptied.add(table)
            else:
                n = con.execute("UPDATE main." + q(table) + " SET " + q(column) + " = NULL" + where).rowcount
                reason = column + " was cleared: it referred to " + parent + " rows that are gone (" + gone + ")"
            if n > 0:
                resets.append({"table": table, "rows": n, "reason": reason})
    else:
        raise RuntimeError("rows still refer to missing rows after removing them")
    con.execute("COMMIT")
except Exception as error:
    con.execute("ROLLBACK")
    print(str(error), file=sys.stderr)
    sys.exit(1)
kept = {table: count("main", table) for table in copied}
print(json.dumps({"tables": sum(1 for n in kept.values() if n), "rows": sum(kept.values()), "resets": resets}))
`;
