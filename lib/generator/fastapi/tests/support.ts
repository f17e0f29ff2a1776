import type { IrEntity, IrProject } from '../../ir/types';
import { module } from '../../python/code';
import { Imports } from '../../python/imports';
import { factoryName } from './factories';

/** `tests/conftest.py`: one fresh database per session; the app is imported only after DATABASE_URL is set. */
export function emitConftest(): string {
  return module(
    [
      'import os',
      'import tempfile',
      'from collections.abc import Iterator',
      '',
      'import pytest',
      'from fastapi.testclient import TestClient',
    ].join('\n'),
    [
      [
        '# Before anything imports app.core.config. The suite drops and creates every table,',
        '# so it never uses DATABASE_URL (a real database): TEST_DATABASE_URL, or a',
        '# throwaway SQLite file.',
        '_test_url = os.environ.get("TEST_DATABASE_URL")',
        'if not _test_url:',
        '    _directory = tempfile.mkdtemp(prefix="app-tests-")',
        '    _test_url = f"sqlite+aiosqlite:///{_directory}/test.db"',
        'os.environ["DATABASE_URL"] = _test_url',
        'os.environ["ENVIRONMENT"] = "test"',
      ].join('\n'),
      [
        'async def _reset_schema() -> None:',
        '    from app.core.db import Base, engine',
        '',
        '    async with engine.begin() as connection:',
        '        await connection.run_sync(Base.metadata.drop_all)',
        '        await connection.run_sync(Base.metadata.create_all)',
      ].join('\n'),
      [
        '@pytest.fixture(scope="session")',
        'def client() -> Iterator[TestClient]:',
        '    """One app (and event loop) for the session; the schema is created on that loop."""',
        '    from app.main import app',
        '',
        '    with TestClient(app) as test_client:',
        '        assert test_client.portal is not None',
        '        test_client.portal.call(_reset_schema)',
        '        yield test_client',
      ].join('\n'),
    ],
    '"""Test set-up: a fresh test database per session, a client on the app\'s event loop."""',
  );
}

/** `tests/utils.py`: run coroutines on the app's loop, sign users in. */
export function emitUtils(project: IrProject): string {
  const imports = new Imports();
  const any = imports.from('typing', 'Any');
  const blocks = [
    `T = ${imports.from('typing', 'TypeVar')}("T")`,
    [
      `def run(client: ${imports.from('fastapi.testclient', 'TestClient')}, fn: ${imports.from('collections.abc', 'Callable')}[..., ${imports.from('collections.abc', 'Awaitable')}[T]], /, **kwargs: ${any}) -> T:`,
      '    """Runs a coroutine on the app\'s event loop, where the engine\'s connections live."""',
      '    assert client.portal is not None',
      `    return client.portal.call(${imports.from('functools', 'partial')}(fn, **kwargs))`,
    ].join('\n'),
    [
      'def quote_path(value: object) -> str:',
      `    return ${imports.from('urllib.parse', 'quote')}(str(value), safe="")`,
    ].join('\n'),
  ];
  const auth = project.auth;
  if (auth) {
    const user = project.entityById.get(auth.userId) as IrEntity;
    const cls = imports.from(`app.models.${user.module}`, user.className);
    const factory = imports.from('tests.factories', factoryName(user));
    blocks.push(
      [
        `def headers_for(user: ${cls}) -> dict[str, str]:`,
        `    token = ${imports.from('app.core.security', 'create_access_token')}(str(user.id))`,
        '    return {"Authorization": f"Bearer {token}"}',
      ].join('\n'),
      [
        `def sign_in(client: TestClient, **overrides: ${any}) -> tuple[${cls}, dict[str, str]]:`.replace(
          'TestClient',
          imports.from('fastapi.testclient', 'TestClient'),
        ),
        '    """A new user (with `overrides`, e.g. a role) and the headers of their token."""',
        `    user = run(client, ${factory}, **overrides)`,
        '    return user, headers_for(user)',
      ].join('\n'),
    );
  }
  return module(imports.render(), blocks, '"""Helpers shared by the tests."""');
}
