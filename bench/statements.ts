import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Design, Entity } from '@/lib/design/schema';
import { generateProject } from '@/lib/generator';
import { focusedDesigns } from '@/lib/generator/testing/designs';
import { defaultCacheDir, findToolchain } from '@/lib/runner/toolchain';

const PAGE_SIZES = [10, 100];

/**
 * Posts with two computed fields, `likesCount` (a count) and `liked` (the viewer is linked), embedding their
 * author: the computed-social test design without the users' own computed fields.
 */
function twoComputedFields(): Design {
  const design = structuredClone((focusedDesigns['computed-social'] as () => Design)());
  const user = design.entities.find((e) => e.id === 'e_user') as Entity;
  user.computed = [];
  user.resource.operations.list.sortable = [];
  for (const view of user.views ?? []) view.fieldIds = view.fieldIds.filter((id) => id.startsWith('f_'));
  const post = design.entities.find((e) => e.id === 'e_post') as Entity;
  post.computed = (post.computed ?? []).filter((c) => c.id === 'c_post_likes' || c.id === 'c_post_liked');
  post.resource.operations.list.sortable = [{ fieldId: 'c_post_likes' }];
  return design;
}

/**
 * Run in the project: a SQLite database with 20 users and 150 posts (post j liked by the first j % 7 users),
 * then `GET /posts?limit=N` anonymously and as the first user, counting the statements SQLAlchemy sends
 * (`before_cursor_execute`). Checks the answers too: `likesCount` per post, `liked` true exactly where the
 * signed-in user liked.
 */
const SCRIPT = `
import asyncio
import json
import os
import sys
import tempfile

directory = tempfile.mkdtemp(prefix="bench-statements-")
os.environ["DATABASE_URL"] = f"sqlite+aiosqlite:///{directory}/bench.db"
os.environ["ENVIRONMENT"] = "test"

import httpx
from sqlalchemy import event, insert

from app.core.db import Base, SessionLocal, engine
from app.core.security import create_access_token
from app.main import app
from app.models.associations import posts_likers
from app.models.post import Post
from app.models.user import User

SIZES = [int(size) for size in sys.argv[1:]]


async def main() -> None:
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    async with SessionLocal() as session:
        users = [User(email=f"u{i}@example.com", username=f"u{i}", password="-") for i in range(20)]
        session.add_all(users)
        await session.flush()
        posts = [Post(title=f"post {j}", author_id=users[j % 20].id) for j in range(150)]
        session.add_all(posts)
        await session.flush()
        likes = {post.id: j % 7 for j, post in enumerate(posts)}
        links = [{"post_id": p.id, "user_id": u.id} for j, p in enumerate(posts) for u in users[: j % 7]]
        await session.execute(insert(posts_likers), links)
        await session.commit()
        viewer = users[0].id
    statements = 0

    def count(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    token = create_access_token(str(viewer))
    results = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for caller, headers in (("anonymous", {}), ("signed in", {"Authorization": f"Bearer {token}"})):
            for size in SIZES:
                statements = 0
                response = await client.get("/posts", params={"limit": size}, headers=headers)
                assert response.status_code == 200, response.text
                items = response.json()["items"]
                assert len(items) == size
                for item in items:
                    assert item["likesCount"] == likes[item["id"]], item
                    assert item["liked"] is (caller == "signed in" and likes[item["id"]] > 0), item
                    assert "username" in item["author"], item
                results.append({"caller": caller, "pageSize": size, "statements": statements})
    print(json.dumps(results))


asyncio.run(main())
`;

type Row = { caller: string; pageSize: number; statements: number };

/**
 * Statements per list request with two computed fields (a count and a viewer flag) and an embedded author, at
 * page sizes 10 and 100, anonymous and signed in: they must not grow with the page size (no N+1). Runs the
 * generated project with the Python toolchain (`npm run python:provision`) on SQLite.
 */
export async function statementsBenchmark() {
  const lookup = await findToolchain({ cacheDir: defaultCacheDir() });
  if (!lookup.ok) return { skipped: `no Python toolchain: ${lookup.reason}` };
  const toolchain = lookup.toolchain;
  const generated = generateProject(twoComputedFields());
  if (!generated.ok) throw new Error(`bench design has problems: ${generated.problems[0]?.message}`);
  mkdirSync(toolchain.workRoot, { recursive: true });
  const dir = mkdtempSync(path.join(toolchain.workRoot, 'bench-statements-'));
  try {
    for (const [file, content] of Object.entries(generated.files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    writeFileSync(path.join(dir, 'bench_statements.py'), SCRIPT);
    const command = toolchain.command('python', ['bench_statements.py', ...PAGE_SIZES.map(String)], dir);
    const result = spawnSync(command.cmd, command.args, { cwd: command.cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bench script failed:\n${result.stderr || result.stdout}`);
    const rows = JSON.parse(result.stdout.trim().split('\n').pop() ?? '[]') as Row[];
    const byCaller = new Map<string, Row[]>();
    for (const row of rows) byCaller.set(row.caller, [...(byCaller.get(row.caller) ?? []), row]);
    const flat = [...byCaller.values()].every((list) => new Set(list.map((r) => r.statements)).size === 1);
    return { design: 'posts: likesCount + liked, author embedded; SQLite', rows, flat };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
