import type { Design } from '@/lib/design/schema';
import { templates } from '@/lib/design/templates';
import { userScaffolds } from '../generate';
import type { UserCode } from '../user-code/types';
import { focusedDesigns } from './designs';

/**
 * Designs with user code beside them (issue 18), for golden files and the Python tier: handlers that implement
 * custom endpoints for real, a hook that sets a field, and the user's own tests. Each file's base is the
 * scaffold it was written from (as the Code view stores it); tests the user created have base ''.
 */
export type UserCodeDesign = { design: () => Design; userCode: () => UserCode };

const PUBLISH = `"""POST /posts/{slug}/publish: the author publishes a draft."""

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
    """Publish the caller's post now (a published one keeps its time).

    Someone else's post is a 404, like every row the caller does not own.
    """
    statement = (
        select(Post)
        .where(Post.slug == slug, Post.author_id == current_user.id)
        .options(selectinload(Post.author), selectinload(Post.tags))
        .execution_options(populate_existing=True)
    )
    post = (await session.execute(statement)).scalar_one_or_none()
    if post is None:
        raise HTTPException(status_code=404, detail="Post not found")
    if not post.published:
        post.published = True
        post.published_at = dt.datetime.now(dt.UTC)
        await session.commit()
        post = (await session.execute(statement)).scalar_one()
    return PostDetail.model_validate(post)
`;

const ME = `"""GET /me: the signed-in user."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.user import User
from app.schemas.user import UserRead


async def handle(
    session: AsyncSession,
    current_user: User,
) -> UserRead:
    """The signed-in user, as the users endpoints show them."""
    return UserRead.model_validate(current_user)
`;

const FEED = `"""GET /feed: published posts, and the viewer's own drafts."""

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.models.post import Post
from app.models.user import User
from app.schemas.responses import PostDetail


async def handle(
    session: AsyncSession,
    current_user: User | None,
) -> list[PostDetail]:
    """Newest first: every published post, and the viewer's drafts."""
    visible: ColumnElement[bool] = Post.published.is_(True)
    if current_user is not None:
        visible = or_(visible, Post.author_id == current_user.id)
    statement = (
        select(Post)
        .where(visible)
        .options(selectinload(Post.author), selectinload(Post.tags))
        .order_by(Post.id.desc())
        .limit(50)
    )
    rows = (await session.execute(statement)).scalars().all()
    return [PostDetail.model_validate(row) for row in rows]
`;

const POST_HOOKS = `"""Hooks on the Post endpoints: written by you."""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.post import Post
from app.models.user import User


async def before_create(
    session: AsyncSession,
    row: Post,
    current_user: User | None,
) -> None:
    """A post created published gets its publication time."""
    if row.published and row.published_at is None:
        row.published_at = dt.datetime.now(dt.UTC)
`;

const TESTS = `"""The handlers and hooks written by hand."""

from fastapi.testclient import TestClient

from tests.factories import create_post
from tests.utils import quote_path, run, sign_in


def test_publish_own_draft(client: TestClient) -> None:
    user, headers = sign_in(client)
    draft = run(client, create_post, owned_by=user, published=False)
    url = f"/posts/{quote_path(draft.slug)}/publish"
    response = client.post(url, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["published"] is True
    assert body["published_at"] is not None
    assert body["author"]["id"] == user.id
    # Publishing again keeps the first time.
    again = client.post(url, headers=headers)
    assert again.status_code == 200
    assert again.json()["published_at"] == body["published_at"]


def test_publish_someone_elses_post_is_404(client: TestClient) -> None:
    other, _ = sign_in(client)
    draft = run(client, create_post, owned_by=other, published=False)
    _, headers = sign_in(client)
    response = client.post(f"/posts/{quote_path(draft.slug)}/publish", headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_me(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/me", headers=headers)
    assert response.status_code == 200
    assert response.json()["username"] == user.username


def test_feed_shows_drafts_to_their_author_only(client: TestClient) -> None:
    author, headers = sign_in(client)
    draft = run(client, create_post, owned_by=author, published=False)
    public = run(client, create_post, owned_by=author, published=True)
    anonymous = [post["id"] for post in client.get("/feed").json()]
    assert public.id in anonymous
    assert draft.id not in anonymous
    mine = [post["id"] for post in client.get("/feed", headers=headers).json()]
    assert draft.id in mine
    assert public.id in mine
    _, someone = sign_in(client)
    theirs = [post["id"] for post in client.get("/feed", headers=someone).json()]
    assert draft.id not in theirs
    # A viewer's bad token is refused, not read as anonymous.
    bad = client.get("/feed", headers={"Authorization": "Bearer nonsense"})
    assert bad.status_code == 401


def test_created_published_post_gets_its_time(client: TestClient) -> None:
    _, headers = sign_in(client)
    post = {"title": "Hi", "slug": "hi-there", "body": "Hello.", "published": True}
    response = client.post("/posts", json=post, headers=headers)
    assert response.status_code == 201
    assert response.json()["published_at"] is not None
    draft = {**post, "slug": "a-draft", "published": False}
    response = client.post("/posts", json=draft, headers=headers)
    assert response.status_code == 201
    assert response.json()["published_at"] is None
`;

/**
 * The blog with a feed whose rule knows its viewer (public; a valid token shows the viewer's drafts too), and its
 * publish written by hand instead of the template's declarative action.
 */
function blogWithFeed(): Design {
  const design = templates.blog();
  const post = design.entities.find((e) => e.id === 'e_post');
  if (post) delete post.resource.actions;
  design.customEndpoints.push(
    {
      id: 'c_post_publish',
      entityId: 'e_post',
      method: 'POST',
      path: '/{slug}/publish',
      summary: 'Publish a post now',
      access: { kind: 'owner' },
      response: { entityId: 'e_post', list: false },
    },
    {
      id: 'c_feed',
      method: 'GET',
      path: '/feed',
      summary: "Published posts and the viewer's drafts",
      access: { kind: 'public', viewer: true },
      response: { entityId: 'e_post', list: true },
    },
  );
  return design;
}

function blogUserCode(): UserCode {
  const scaffolds = userScaffolds(blogWithFeed()) ?? {};
  const from = (path: string, content: string) => ({ content, base: scaffolds[path] ?? '' });
  return {
    files: {
      'app/handlers/post_posts_slug_publish.py': from('app/handlers/post_posts_slug_publish.py', PUBLISH),
      'app/handlers/get_me.py': from('app/handlers/get_me.py', ME),
      'app/handlers/get_feed.py': from('app/handlers/get_feed.py', FEED),
      'app/hooks/post.py': from('app/hooks/post.py', POST_HOOKS),
      'tests/custom/test_blog.py': { content: TESTS, base: '' },
    },
  };
}

const CATEGORY_TESTS = `"""The hooks on categories, written by hand."""

from fastapi.testclient import TestClient


def test_names_are_stripped_on_create_and_update(client: TestClient) -> None:
    response = client.post("/categories", json={"name": "  Garden  "})
    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Garden"
    response = client.patch(f"/categories/{created['id']}", json={"name": " Tools "})
    assert response.status_code == 200
    assert response.json()["name"] == "Tools"
    assert client.delete(f"/categories/{created['id']}").status_code == 204
`;

/** A design without auth: every hook of the scaffold kept (called, doing nothing), two of them written. */
function categoryUserCode(): UserCode {
  const path = 'app/hooks/category.py';
  const scaffold = userScaffolds(selfRelation())?.[path] ?? '';
  let content = scaffold;
  for (const doc of [
    '    """Before a new row is stored: set or check fields of `row`."""\n',
    '    """Before changes to a row are committed: `row` holds the new values."""\n',
  ]) {
    if (!content.includes(doc)) throw new Error(`the hooks scaffold has no ${doc}`);
    content = content.replace(doc, `${doc}    row.name = row.name.strip()\n`);
  }
  return {
    files: {
      [path]: { content, base: scaffold },
      'tests/custom/test_category_hooks.py': { content: CATEGORY_TESTS, base: '' },
    },
  };
}

const selfRelation = focusedDesigns['self-relation'] as () => Design;

export const userCodeDesigns: Record<string, UserCodeDesign> = {
  'blog-user-code': { design: blogWithFeed, userCode: blogUserCode },
  'category-hooks': { design: selfRelation, userCode: categoryUserCode },
};
