"""Reads a database's catalog for the SQL round trip (python-tier/roundtrip-sql.ts) as JSON.

    python catalog.py URL OUT.json [--apply SCRIPT.sql]

URL is a synchronous SQLAlchemy URL (sqlite:///file, postgresql+psycopg://...). With --apply (SQLite only), the
script is run on the file first (sqlite3.executescript), so the original DDL and the generated project's
migrations are read by the same inspector. Tables, columns (type as the dialect spells it, nullability), the
primary key, foreign keys (ON DELETE), unique constraints and unique indexes; Alembic's own table is left out.
On PostgreSQL also the domains (name -> base type) and which tables are partitions.
"""

import json
import sqlite3
import sys

from sqlalchemy import create_engine, inspect


def main() -> None:
    url, out = sys.argv[1], sys.argv[2]
    if "--apply" in sys.argv:
        script = sys.argv[sys.argv.index("--apply") + 1]
        path = url.split(":///", 1)[1]
        with open(script, encoding="utf-8") as f, sqlite3.connect(path) as connection:
            connection.executescript(f.read())
    engine = create_engine(url)
    inspector = inspect(engine)
    tables = {}
    for name in inspector.get_table_names():
        if name == "alembic_version":
            continue
        columns = []
        for column in inspector.get_columns(name):
            try:
                spelled = column["type"].compile(dialect=engine.dialect)
            except Exception:  # noqa: BLE001 - a type the dialect cannot compile is named as reflected
                spelled = str(column["type"])
            columns.append({"name": column["name"], "type": spelled, "nullable": bool(column["nullable"])})
        foreign_keys = [
            {
                "columns": fk["constrained_columns"],
                "table": fk["referred_table"],
                "refColumns": fk["referred_columns"],
                "onDelete": (fk.get("options") or {}).get("ondelete"),
            }
            for fk in inspector.get_foreign_keys(name)
        ]
        uniques = [u["column_names"] for u in inspector.get_unique_constraints(name)]
        uniques += [i["column_names"] for i in inspector.get_indexes(name) if i.get("unique")]
        tables[name] = {
            "columns": columns,
            "primaryKey": inspector.get_pk_constraint(name).get("constrained_columns") or [],
            "foreignKeys": foreign_keys,
            "uniques": uniques,
        }
    catalog: dict[str, object] = {"tables": tables}
    if engine.dialect.name == "postgresql":
        # Domains by name -> base type, and the tables that are partitions of another.
        catalog["domains"] = {d["name"]: d["type"] for d in inspector.get_domains()}
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT relname FROM pg_class WHERE relispartition")
            catalog["partitions"] = sorted(row[0] for row in rows)
    engine.dispose()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(catalog, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
