"""Bad-input fuzzing of a generated FastAPI project, in process (httpx's ASGITransport).

Run from the project folder with DATABASE_URL set (a fresh database):

    python fuzz.py [--max-per-operation N] [--report FILE]

For every operation of the app's /openapi.json it sends malformed JSON, NaN and Infinity,
NUL bytes, integers past 64 bits, 1e400, huge strings, odd Unicode, wrong types, null,
arrays and objects for scalars, deep nesting, bad path and query parameters, and
self-referencing foreign keys, once anonymously and once as a registered user.
Any response >= 500 (501 of an unimplemented stub aside) or exception is a failure.

The report (--report FILE, else the last line of stdout) is one JSON object:
{"requests": N, "statuses": {...}, "seeded": {...}, "failures": [...]}, each failure with the
request, the status and where the traceback left the project (file:line).
Exit code: 0 when nothing failed, 1 otherwise, 2 when the fuzzing itself could not start.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import traceback
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

PROJECT = os.getcwd()
sys.path.insert(0, PROJECT)
os.environ.setdefault("ENVIRONMENT", "test")


def unwrap(doc: dict[str, Any]) -> dict[str, Any]:
    """The row of an answer: the one object of an envelope (`{"article": {...}}`), else the answer."""
    if "id" not in doc and len(doc) == 1:
        inner = next(iter(doc.values()))
        if isinstance(inner, dict):
            return inner
    return doc


class Raw:
    """JSON text inserted verbatim (what json.dumps cannot write, e.g. 1e400)."""

    def __init__(self, text: str) -> None:
        self.text = text


HUGE = 2**63
LONG_STRING = "y" * 200_000  # under it, over text limits
DEEP = Raw("[" * 50 + "1" + "]" * 50)

# Values put in place of one field of a valid body.
FIELD_VALUES: list[Any] = [
    None,
    float("nan"),
    float("-inf"),
    Raw("1e400"),
    HUGE,
    -HUGE - 1,
    2**31,
    "a\x00b",
    Raw('"\\ud800"'),
    "\u202eevil\u202c 😀🏳️‍🌈",
    LONG_STRING,
    True,
    "not-a-number",
    [1, 2],
    {"a": 1},
    DEEP,
]

BODIES: list[tuple[str, bytes]] = [
    ("malformed", b'{"a": '),
    ("not json", b"\xff\xfe garbage"),
    ("NaN", b"NaN"),
    ("array", b"[1, 2, 3]"),
    ("string", b'"text"'),
    ("null", b"null"),
    ("empty object", b"{}"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000),
    ("huge", b'{"x": "' + b"z" * (2 * 1024 * 1024) + b'"}'),
]

PATH_VALUES: list[str] = [
    str(HUGE),
    str(-HUGE - 1),
    str(2**31),
    "-1",
    "0",
    "x",
    "1e400",
    "nan",
    "\x00",
    "a" * 5000,
    "😀",
    "\u202e",
]

QUERY_VALUES: list[str] = [
    str(HUGE),
    "-1",
    "x",
    "nan",
    "inf",
    "1e400",
    "\x00",
    "a" * 5000,
    "😀",
]


def dumps(value: Any) -> bytes:
    raws: list[str] = []

    def walk(v: Any) -> Any:
        if isinstance(v, Raw):
            raws.append(v.text)
            return f"__RAW{len(raws) - 1}__"
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    text = json.dumps(walk(value), allow_nan=True)
    for i, raw in enumerate(raws):
        text = text.replace(f'"__RAW{i}__"', raw)
    return text.encode("utf-8", "surrogatepass")


def describe(value: Any) -> str:
    if isinstance(value, Raw):
        text = value.text
    elif isinstance(value, bytes):
        text = value.decode("utf-8", "backslashreplace")
    else:
        text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}... ({len(text)} chars)"


# ── sample values from JSON Schema ────────────────────────────────────────────────


class Schemas:
    def __init__(self, document: dict[str, Any]) -> None:
        self.components = document.get("components", {}).get("schemas", {})

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.components[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def branch(self, schema: dict[str, Any]) -> dict[str, Any]:
        schema = self.resolve(schema)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = [self.resolve(s) for s in schema[key]]
                useful = [s for s in options if s.get("type") != "null"]
                return self.branch(useful[0] if useful else options[0])
        return schema

    def sample(self, schema: dict[str, Any], n: int, ids: dict[str, Any]) -> Any:
        s = self.branch(schema)
        if s.get("type") == "string" and s.get("format"):
            return self.string(s, n)
        if s.get("examples"):
            example = s["examples"][0]
            if not isinstance(example, str):
                return example
            # Unique columns need distinct values: the example with the counter, if allowed.
            for text in (f"{example}-{n}", f"{example}_{n}", f"{example}{n}"):
                if self.fits(s, text):
                    return text
            return example
        if "default" in s:
            return s["default"]
        if "enum" in s:
            return s["enum"][0]
        kind = s.get("type")
        if kind == "object":
            return {
                name: self.sample(prop, n, ids) if name not in ids else ids[name]
                for name, prop in s.get("properties", {}).items()
                if name in s.get("required", []) or name in ids
            }
        if kind == "array":
            return []
        if kind == "integer":
            return max(int(s.get("minimum", 1)), 1) if s.get("maximum", 2) >= 1 else int(s["maximum"])
        if kind == "number":
            return max(float(s.get("minimum", 1.5)), 1.5) if s.get("maximum", 2) >= 1.5 else s["maximum"]
        if kind == "boolean":
            return True
        if kind == "string":
            return self.string(s, n)
        return {"n": n}

    @staticmethod
    def fits(s: dict[str, Any], text: str) -> bool:
        pattern = s.get("pattern")
        return (
            s.get("minLength", 0) <= len(text) <= s.get("maxLength", 10_000)
            and (pattern is None or re.search(pattern, text) is not None)
        )

    def string(self, s: dict[str, Any], n: int) -> str:
        fmt = s.get("format")
        if fmt == "email":
            return f"fuzz{n}@example.com"
        if fmt == "uri":
            return f"https://example.com/{n}"
        if fmt == "date":
            return "2024-01-15"
        if fmt == "date-time":
            return "2024-01-15T12:00:00Z"
        if fmt == "uuid":
            return str(uuid.UUID(int=n))
        if fmt == "password":
            return "Correct-Horse-7-Battery"
        low, high = s.get("minLength", 0), s.get("maxLength", 10_000)
        pattern = s.get("pattern")
        for base in (f"fuzz-{n}", f"fuzz{n}", f"f{n}", f"{n}", f"F{n}", "Correct-Horse-7-Battery"):
            text = base + "x" * max(0, low - len(base))
            if len(text) <= high and (pattern is None or re.search(pattern, text)):
                return text
        return f"{n}"


# ── the run ──────────────────────────────────────────────────────────────────────


@dataclass
class Operation:
    method: str
    path: str
    params: list[dict[str, Any]]
    body: dict[str, Any] | None
    form: bool
    secured: bool


@dataclass
class Fuzzer:
    client: httpx.AsyncClient
    schemas: Schemas
    max_per_operation: int
    requests: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    counter: int = 0
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    statuses: dict[int, int] = field(default_factory=dict)

    def next_n(self) -> int:
        self.counter += 1
        return self.counter

    async def send(
        self,
        label: str,
        op: Operation,
        who: str,
        headers: dict[str, str],
        path: str | None = None,
        query: dict[str, str] | None = None,
        content: bytes | None = None,
        form: bytes | None = None,
    ) -> httpx.Response | None:
        self.requests += 1
        url = path or op.path
        request_headers = dict(headers)
        if content is not None:
            request_headers["content-type"] = "application/json"
        if form is not None:
            content = form
            request_headers["content-type"] = "application/x-www-form-urlencoded"
        try:
            response = await self.client.request(
                op.method.upper(),
                url,
                params=query,
                content=content,
                headers=request_headers,
            )
        except Exception as exc:  # an unhandled error in the app
            self.fail(label, op, who, url, query, content, None, exc)
            return None
        self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500 and response.status_code != 501:
            self.fail(label, op, who, url, query, content, response, None)
        return response

    def fail(
        self,
        label: str,
        op: Operation,
        who: str,
        url: str,
        query: dict[str, str] | None,
        content: bytes | None,
        response: httpx.Response | None,
        exc: BaseException | None,
    ) -> None:
        where = {"file": "app/main.py", "line": 1}
        error = ""
        if exc is not None:
            error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300]
            frames = traceback.extract_tb(exc.__traceback__)
            own = [
                f
                for f in frames
                if f.filename.startswith(PROJECT + os.sep)
                and not os.path.basename(f.filename) == "fuzz.py"
            ]
            if own:
                last = own[-1]
                where = {"file": os.path.relpath(last.filename, PROJECT), "line": last.lineno or 1}
        status = response.status_code if response is not None else 500
        body = describe(content) if content is not None else ""
        self.failures.append(
            {
                **where,
                "request": f"{op.method.upper()} {describe(url)}"
                + (f" ?{describe(query)}" if query else "")
                + (f" body {body}" if body else ""),
                "case": label,
                "who": who,
                "status": status,
                "error": error or (response.text[:200] if response is not None else ""),
            }
        )

    def baseline_path(self, op: Operation) -> str:
        path = op.path
        collection = op.path.split("/{", 1)[0]
        rows = self.rows.get(collection, [])
        for param in (p for p in op.params if p["in"] == "path"):
            name = param["name"]
            value: Any = 1
            if rows:
                row = rows[-1]
                value = row.get(name, row.get("id", 1)) if not name.endswith("_id") or name in row else row.get("id", 1)
            else:
                schema = self.schemas.branch(param.get("schema", {}))
                value = self.schemas.sample(schema, 1, {})
            path = path.replace("{" + name + "}", quote(str(value), safe=""))
        return path

    def ids(self) -> dict[str, Any]:
        """Foreign keys of sample bodies: the id of a row made earlier, by column name."""
        out: dict[str, Any] = {}
        for collection, rows in self.rows.items():
            if rows:
                stem = collection.strip("/").split("/")[-1].replace("-", "_")
                out[f"{stem.rstrip('s')}_id"] = rows[0]["id"]
        return out

    def body_sample(self, op: Operation) -> dict[str, Any]:
        assert op.body is not None
        sample = self.schemas.sample(op.body, self.next_n(), {})
        if not isinstance(sample, dict):
            return {}
        schema = self.schemas.branch(op.body)
        target = sample
        # A wrapped body (`{"article": {...}}`): the foreign keys are inside the one object.
        props = schema.get("properties", {})
        if len(props) == 1:
            key, inner = next(iter(props.items()))
            inner_schema = self.schemas.branch(inner)
            if "properties" in inner_schema and isinstance(sample.get(key), dict):
                schema, target = inner_schema, sample[key]
        ids = self.ids()
        any_row = next((rows[0]["id"] for rows in self.rows.values() if rows), 1)
        for name in schema.get("properties", {}):
            if (name.endswith("_id") or name.endswith("Id")) and name in target:
                target[name] = ids.get(name, any_row)
        return sample

    async def seed(self, ops: list[Operation], headers: dict[str, str]) -> None:
        """Rows to point path parameters and foreign keys at (a few passes for dependencies)."""
        creates = [o for o in ops if o.method == "post" and "{" not in o.path and o.body and not o.form]
        for _ in range(3):
            for op in creates:
                if op.path in AUTH_PATHS:
                    continue
                if len(self.rows.get(op.path, [])) >= 2:
                    continue
                self.requests += 1
                response = await self.client.post(op.path, content=dumps(self.body_sample(op)), headers={**headers, "content-type": "application/json"})
                if response.status_code == 201 and isinstance(response.json(), dict):
                    self.rows.setdefault(op.path, []).append(unwrap(response.json()))

    async def fuzz_operation(self, op: Operation, who: str, headers: dict[str, str]) -> None:
        cases = self.cases(op)
        if op.secured and not headers:
            # Refused before parameters or body are looked at: a sample is enough.
            cases = cases[:: max(1, len(cases) // 5)]
        base_path = self.baseline_path(op)
        for label, case in cases[: self.max_per_operation]:
            await self.send(
                label,
                op,
                who,
                headers,
                path=case.get("path", base_path),
                query=case.get("query"),
                content=case.get("content"),
                form=case.get("form"),
            )

    def cases(self, op: Operation) -> list[tuple[str, dict[str, Any]]]:
        cases: list[tuple[str, dict[str, Any]]] = []
        base_path = self.baseline_path(op)
        for param in op.params:
            name = param["name"]
            for value in PATH_VALUES if param["in"] == "path" else QUERY_VALUES:
                if param["in"] == "path":
                    path = self.baseline_path(op).replace(
                        quote(str(self.path_value(op, name)), safe=""), quote(value, safe=""), 1
                    ) if self.path_value(op, name) is not None else base_path
                    cases.append((f"path {name}={describe(value)}", {"path": path}))
                elif param["in"] == "query":
                    cases.append((f"query {name}={describe(value)}", {"query": {name: value}}))
        if op.body is not None and not op.form:
            sample = self.body_sample(op)
            for label, raw in BODIES:
                cases.append((f"body {label}", {"content": raw}))
            for name in self.schemas.branch(op.body).get("properties", {}):
                for value in FIELD_VALUES:
                    cases.append((f"field {name}={describe(value)}", {"content": dumps({**sample, name: value})}))
            cases.append(("valid sample", {"content": dumps(sample)}))
        if op.form:
            # Percent-encoded: %ED%A0%80 is a lone surrogate in (invalid) UTF-8.
            for value in ["%00", "a" * 5000, "%ED%A0%80", "", "%F0%9F%98%80", "%FF"]:
                raw = f"username={value}&password={value}".encode()
                cases.append((f"form {value[:20]}", {"form": raw}))
        if not cases:
            cases.append(("plain", {}))
        return cases

    def path_value(self, op: Operation, name: str) -> Any:
        collection = op.path.split("/{", 1)[0]
        rows = self.rows.get(collection, [])
        if rows:
            row = rows[-1]
            return row.get(name, row.get("id", 1)) if not name.endswith("_id") or name in row else row.get("id", 1)
        param = next(p for p in op.params if p["name"] == name)
        return self.schemas.sample(self.schemas.branch(param.get("schema", {})), 1, {})

    async def cycles(self, ops: list[Operation], headers: dict[str, str]) -> None:
        """Foreign keys pointing at the row itself and at each other, then reads."""
        by_key = {(o.method, o.path): o for o in ops}
        for (method, path), op in by_key.items():
            if method != "patch" or op.body is None:
                continue
            collection = path.split("/{", 1)[0]
            rows = self.rows.get(collection, [])
            fks = [n for n in self.schemas.branch(op.body).get("properties", {}) if n.endswith("_id")]
            if len(rows) < 2 or not fks:
                continue
            param = next(p["name"] for p in op.params if p["in"] == "path")
            first, second = rows[0], rows[1]

            def at(row: dict[str, Any]) -> str:
                value = row.get(param, row["id"]) if not param.endswith("_id") or param in row else row["id"]
                return path.replace("{" + param + "}", quote(str(value), safe=""))

            for fk in fks:
                for row, target in ((first, first), (second, first), (first, second)):
                    await self.send(f"cycle {fk}", op, "user", headers, path=at(row), content=dumps({fk: target["id"]}))
            get = by_key.get(("get", path))
            if get:
                for row in (first, second):
                    await self.send("read after cycle", get, "user", headers, path=at(row))
            listing = by_key.get(("get", collection))
            if listing:
                await self.send("list after cycle", listing, "user", headers, path=collection)


def operations(document: dict[str, Any], schemas: Schemas) -> list[Operation]:
    ops: list[Operation] = []
    for path, item in document.get("paths", {}).items():
        for method, spec in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            content = spec.get("requestBody", {}).get("content", {})
            body = form = None
            if "application/json" in content:
                body = content["application/json"].get("schema", {})
            elif "application/x-www-form-urlencoded" in content:
                form = content["application/x-www-form-urlencoded"].get("schema", {})
            secured = bool(spec.get("security"))
            params = spec.get("parameters", [])
            ops.append(Operation(method, path, params, body or form, form is not None, secured))
    return ops


# The auth operations keep their handler names as operation ids, wherever the design puts their paths.
AUTH_PATHS: set[str] = set()


def auth_operation(document: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]] | None:
    for path, item in document.get("paths", {}).items():
        for method, spec in item.items():
            if isinstance(spec, dict) and spec.get("operationId") == operation_id:
                return path, method, spec
    return None


def credentials_of(schemas: Schemas, schema: dict[str, Any], body: Any) -> Any:
    """The login body's required fields taken from the registration body (envelopes followed)."""
    resolved = schemas.resolve(schema)
    out: dict[str, Any] = {}
    for name in resolved.get("required", []):
        if not isinstance(body, dict) or name not in body:
            continue
        inner = resolved.get("properties", {}).get(name, {})
        nested = schemas.resolve(inner)
        out[name] = credentials_of(schemas, inner, body[name]) if nested.get("type") == "object" and "properties" in nested else body[name]
    return out


def token_in(answer: Any, depth: int = 0) -> str | None:
    """`access_token`, or a user's `token`, in a login's answer (inside an envelope too)."""
    if not isinstance(answer, dict) or depth > 2:
        return None
    for key in ("access_token", "token"):
        if isinstance(answer.get(key), str):
            return answer[key]
    for value in answer.values():
        found = token_in(value, depth + 1)
        if found:
            return found
    return None


def unwrapped(answer: Any) -> dict[str, Any]:
    """The user in an answer: the object itself, or the one object inside its envelope."""
    if isinstance(answer, dict) and "id" not in answer and len(answer) == 1:
        inner = next(iter(answer.values()))
        if isinstance(inner, dict):
            return inner
    return answer if isinstance(answer, dict) else {}


async def token_headers(client: httpx.AsyncClient, document: dict[str, Any], token: str) -> dict[str, str]:
    """The headers carrying `token` as the app's security scheme says (a prefix from its 401 challenge)."""
    schemes = document.get("components", {}).get("securitySchemes", {})
    scheme = next(iter(schemes.values()), {})
    if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
        name = scheme["name"]
        if name.lower() != "authorization":
            return {name: token}
        me = auth_operation(document, "read_me")
        challenge = ""
        if me is not None:
            challenge = (await client.get(me[0])).headers.get("www-authenticate", "")
        return {name: f"{challenge} {token}".strip()}
    return {"Authorization": f"Bearer {token}"}


async def register(
    client: httpx.AsyncClient, document: dict[str, Any], schemas: Schemas, n: int
) -> dict[str, str] | None:
    found = auth_operation(document, "register")
    login = auth_operation(document, "login_json")
    if not found or not login:
        return None
    AUTH_PATHS.update({found[0], login[0]})
    form = auth_operation(document, "login")
    if form:
        AUTH_PATHS.add(form[0])
    schema = found[2]["requestBody"]["content"]["application/json"]["schema"]
    body = schemas.sample(schema, n, {})
    response = await client.post(found[0], content=dumps(body), headers={"content-type": "application/json"})
    if response.status_code != 201:
        raise RuntimeError(f"could not register a user: {response.status_code} {response.text[:200]}")
    credentials = credentials_of(schemas, login[2]["requestBody"]["content"]["application/json"]["schema"], body)
    answer = await client.post(login[0], json=credentials)
    token = token_in(answer.json()) if answer.status_code == 200 else None
    if token is None:
        raise RuntimeError(f"could not log in: {answer.status_code} {answer.text[:200]}")
    return await token_headers(client, document, token)


def me_path(document: dict[str, Any]) -> str:
    found = auth_operation(document, "read_me")
    assert found is not None
    return found[0]


async def role_identities(
    client: httpx.AsyncClient, document: dict[str, Any], schemas: Schemas
) -> list[tuple[str, dict[str, str]]]:
    """One more user per other value of the user's enum columns (roles), set in the database."""
    import typing

    from sqlalchemy import Enum, update

    from app.api import deps
    from app.core.db import SessionLocal

    model = typing.get_type_hints(deps.get_current_user)["return"]
    out: list[tuple[str, dict[str, str]]] = []
    first = await register(client, document, schemas, 400_000)
    assert first is not None
    me = unwrapped((await client.get(me_path(document), headers=first)).json())
    for column in model.__table__.columns:
        kind = column.type
        if not isinstance(kind, Enum) or kind.enum_class is None:
            continue
        for value in kind.enums:
            if me.get(column.name) == value:
                continue  # what a registered user has already
            headers = await register(client, document, schemas, 500_000 + len(out))
            assert headers is not None
            me = unwrapped((await client.get(me_path(document), headers=headers)).json())
            async with SessionLocal() as session:
                member = kind.enum_class(value)
                await session.execute(
                    update(model).where(model.id == me["id"]).values({column.name: member})
                )
                await session.commit()
            out.append((f"{column.name}={value}", headers))
    return out


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-per-operation", type=int, default=200)
    parser.add_argument("--report", help="write the JSON report here (default: stdout)")
    args = parser.parse_args()

    def report(data: dict[str, Any]) -> None:
        text = json.dumps(data)
        if args.report:
            with open(args.report, "w", encoding="utf-8") as out:
                out.write(text)
        else:
            print(text)

    try:
        from app.core.db import Base, engine
        from app.main import app

        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.drop_all)
            await connection.run_sync(Base.metadata.create_all)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)
        client = httpx.AsyncClient(transport=transport, base_url="http://fuzz", timeout=30)
        document = (await client.get("/openapi.json")).json()
        schemas = Schemas(document)
        user = await register(client, document, schemas, 424242)
        roles = await role_identities(client, document, schemas) if user else []
    except Exception as exc:
        traceback.print_exc()
        report({"requests": 0, "failures": [], "error": f"{type(exc).__name__}: {exc}"})
        return 2
    fuzzer = Fuzzer(client, schemas, args.max_per_operation)
    ops = operations(document, schemas)
    identities: list[tuple[str, dict[str, str]]] = [("anonymous", {})]
    if user is not None:
        identities.append(("user", user))
    identities.extend(roles)
    for _who, headers in identities[1:] or identities:
        await fuzzer.seed(ops, headers)
    for who, headers in identities:
        for op in ops:
            await fuzzer.fuzz_operation(op, who, headers)
    for _who, headers in identities[1:] or identities:
        await fuzzer.cycles(ops, headers)
    await client.aclose()
    await engine.dispose()
    seeded = {path: len(rows) for path, rows in fuzzer.rows.items()}
    summary = {
        "requests": fuzzer.requests,
        "statuses": dict(sorted(fuzzer.statuses.items())),
        "seeded": seeded,
        "failures": fuzzer.failures,
    }
    report(summary)
    return 1 if fuzzer.failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
