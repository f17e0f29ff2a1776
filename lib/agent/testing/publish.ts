/**
 * The "implement the publish endpoint" request, scripted: the blog with its publish as a custom endpoint (not
 * the set action), and a model that finds the scaffold, keeps its signature, writes the handler and a test under
 * tests/custom/, and runs the checks. The Python is what a careful model would write; the tests run it for real.
 */
import { applyOperations, type Design, type Operation, templates } from '@/lib/design';
import { lastResult, type Script } from './script';

export const PUBLISH_REQUEST = 'Implement the publish endpoint';
export const PUBLISH_TEST_PATH = 'tests/custom/test_publish.py';

/** The blog whose POST /posts/{slug}/publish is a custom endpoint (a handler to write). */
export function blogWithCustomPublish(): Design {
  const blog = templates.blog();
  const post = blog.entities.find((e) => e.id === 'e_post');
  if (!post) throw new Error('the blog template has no post');
  return applyOperations(blog, [
    { op: 'updateResource', entityId: 'e_post', patch: { actions: [] } },
    {
      op: 'addCustomEndpoint',
      endpoint: {
        id: 'c_post_publish',
        entityId: 'e_post',
        method: 'POST',
        path: '/{slug}/publish',
        summary: 'Publish a post now',
        access: post.resource.operations.update.access,
        response: { entityId: 'e_post', list: false },
      },
    },
  ] as Operation[]);
}

/** The handler, keeping the scaffold's header (its `# fastdraft-id` line follows renames). */
export function publishHandler(idLine: string): string {
  return `"""POST /posts/{slug}/publish: your handler."""

# Fastdraft calls \`handle\` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
${idLine}

import datetime as dt

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.models.post import Post
from app.models.user import User
from app.schemas.common import SafeStr
from app.schemas.responses import PostDetail


async def handle(
    session: AsyncSession,
    slug: SafeStr,
    current_user: User,
) -> PostDetail:
    """Publish a post now."""
    statement = (
        select(Post)
        .where(Post.slug == slug)
        .options(selectinload(Post.author), selectinload(Post.tags))
        .execution_options(populate_existing=True)
    )
    post = (await session.execute(statement)).scalar_one_or_none()
    if post is None:
        raise HTTPException(status_code=404, detail="Post not found")
    if post.author_id != current_user.id:
        raise HTTPException(
            status_code=403, detail="Only the author can publish this post"
        )
    if post.published:
        raise HTTPException(status_code=409, detail="The post is already published")
    post.published = True
    post.published_at = dt.datetime.now(dt.UTC)
    await session.commit()
    row = (await session.execute(statement)).scalar_one()
    return PostDetail.model_validate(row)
`;
}

export const PUBLISH_TEST = `"""POST /posts/{slug}/publish: the author publishes a draft once."""

from fastapi.testclient import TestClient

from tests.factories import create_post
from tests.utils import run, sign_in


def test_author_publishes_a_draft(client: TestClient) -> None:
    author, headers = sign_in(client)
    post = run(client, create_post, owned_by=author)
    response = client.post(f"/posts/{post.slug}/publish", headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["published"] is True
    assert body["published_at"] is not None


def test_publishing_twice_is_a_conflict(client: TestClient) -> None:
    author, headers = sign_in(client)
    post = run(client, create_post, owned_by=author)
    first = client.post(f"/posts/{post.slug}/publish", headers=headers)
    assert first.status_code == 200
    response = client.post(f"/posts/{post.slug}/publish", headers=headers)
    assert response.status_code == 409


def test_only_the_author_publishes(client: TestClient) -> None:
    post = run(client, create_post)
    _, headers = sign_in(client)
    response = client.post(f"/posts/{post.slug}/publish", headers=headers)
    assert response.status_code == 403


def test_unknown_post_is_not_found(client: TestClient) -> None:
    _, headers = sign_in(client)
    response = client.post("/posts/no-such-post/publish", headers=headers)
    assert response.status_code == 404
`;

type Listed = { files: { path: string; state: string }[] };

/** list -> read the scaffold -> write handler and test -> runCodeChecks -> summary. */
export const publishScript: Script = (turn) => {
  const last = turn.results.at(-1);
  if (!last) return { text: 'Let me find the handler.', toolCalls: [{ name: 'listUserFiles', input: {} }] };
  if (last.name === 'listUserFiles') {
    const handler = (last.output as Listed).files.find(
      (f) => f.path.startsWith('app/handlers/') && f.path.includes('publish'),
    );
    if (!handler) return { text: 'I found no publish handler.' };
    return { toolCalls: [{ name: 'readUserFile', input: { path: handler.path } }] };
  }
  if (last.name === 'readUserFile') {
    const scaffold = last.output as { path: string; content: string };
    const idLine = /^# fastdraft-id: .*$/m.exec(scaffold.content)?.[0] ?? '';
    return {
      toolCalls: [
        { name: 'writeUserFile', input: { path: scaffold.path, content: publishHandler(idLine) } },
        { name: 'writeUserFile', input: { path: PUBLISH_TEST_PATH, content: PUBLISH_TEST } },
      ],
    };
  }
  if (last.name === 'writeUserFile') return { toolCalls: [{ name: 'runCodeChecks', input: {} }] };
  const checks = lastResult(turn, 'runCodeChecks') as { ok: boolean } | undefined;
  return {
    text: checks?.ok
      ? 'I implemented POST /posts/{slug}/publish: 404 for an unknown post, 403 for anyone but the author, 409 when already published, else it sets published and published_at. tests/custom/test_publish.py covers each case.'
      : 'I wrote the handler and its test, but the checks still report problems.',
  };
};
