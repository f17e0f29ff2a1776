import { describe, expect, it } from 'vitest';
import {
  parseAlembicCheck,
  parseCompileall,
  parseMypy,
  parsePytest,
  parseRuffCheck,
  parseRuffFormatDiff,
  pytestCounts,
} from './python-output';

const DIR = '/tmp/fastdraft-tier-x/blog';

describe('tool output parsers', () => {
  it('ruff check (concise) and ruff format --diff', () => {
    expect(
      parseRuffCheck('app/models/post.py:4:55: F811 Redefinition of unused `Integer`\nFound 1 error.'),
    ).toEqual([{ file: 'app/models/post.py', line: 4, message: 'F811 Redefinition of unused `Integer`' }]);
    const diff = '--- app/main.py\n+++ app/main.py\n@@ -12,7 +12,7 @@\n-x\n+y\n\n1 file would be reformatted';
    expect(parseRuffFormatDiff(diff)).toEqual([
      { file: 'app/main.py', line: 12, message: expect.stringContaining('ruff format') },
    ]);
  });

  it('mypy errors with their notes', () => {
    const out = [
      'app/api/routes/posts.py:30: error: Incompatible return value type (got "int", expected "str")  [return-value]',
      'app/api/routes/posts.py:30: note: See https://example',
      'Found 1 error in 1 file (checked 33 source files)',
    ].join('\n');
    expect(parseMypy(out)).toEqual([
      {
        file: 'app/api/routes/posts.py',
        line: 30,
        message:
          'Incompatible return value type (got "int", expected "str")  [return-value]; See https://example',
      },
    ]);
  });

  it('compileall names the file and line of a syntax error', () => {
    const out = `*** Error compiling '${DIR}/app/models/post.py'...\n  File "${DIR}/app/models/post.py", line 18\n    x: Mapped[str\n             ^\nSyntaxError: '[' was never closed\n`;
    expect(parseCompileall(out, DIR)).toEqual([
      { file: 'app/models/post.py', line: 18, message: "SyntaxError: '[' was never closed" },
    ]);
  });

  it('pytest: the endpoint FastAPI names, else the innermost project frame', () => {
    const out = [
      '...F.F',
      '=================================== FAILURES ===================================',
      '_________________________________ test_get_tag _________________________________',
      'tests/test_tags.py:45: in test_get_tag',
      '    response = client.get("/tags/1")',
      '../venv/lib/python3.11/site-packages/fastapi/routing.py:331: in serialize_response',
      'E   fastapi.exceptions.ResponseValidationError: 1 validation errors:',
      "E     {'type': 'int_parsing', 'loc': ('response', 'id')}",
      'E   ',
      `E     File "${DIR}/app/api/routes/tags.py", line 41, in get_tag`,
      'E       GET /tags/{tag_id}',
      '_________________________________ test_create_tag _________________________________',
      'tests/test_tags.py:60: in test_create_tag',
      '    assert response.status_code == 201',
      'E   assert 500 == 201',
      '------------------------------ Captured log call -------------------------------',
      'ERROR something',
      '=========================== short test summary info ============================',
      'FAILED tests/test_tags.py::test_get_tag - fastapi...',
      '2 failed, 4 passed in 1.20s',
    ].join('\n');
    expect(parsePytest(out, DIR)).toEqual([
      {
        file: 'app/api/routes/tags.py',
        line: 41,
        message: expect.stringMatching(
          /^test_get_tag: fastapi.exceptions.ResponseValidationError.*\(GET \/tags/,
        ),
      },
      { file: 'tests/test_tags.py', line: 60, message: 'test_create_tag: assert 500 == 201' },
    ]);
    expect(pytestCounts(out)).toEqual({ failed: 2, passed: 4 });
  });

  it('alembic check: each drift once, with its table and column', () => {
    const line =
      "New upgrade operations detected: [[('modify_type', None, 'posts', 'title', {'existing_nullable': False}, VARCHAR(length=200), Integer())], ('add_column', None, 'posts', Column('extra', Integer(), table=<posts>))]";
    const drifts = parseAlembicCheck(`INFO ...\n${line}\nFAILED: ${line}\n`);
    expect(drifts.map((d) => [d.op, d.table, d.column])).toEqual([
      ['modify_type', 'posts', 'title'],
      ['add_column', 'posts', 'extra'],
    ]);
    expect(drifts[0]?.text).toContain('VARCHAR(length=200), Integer()');
  });
});
