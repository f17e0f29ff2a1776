import { describe, expect, it } from 'vitest';
import { parseTracebacks } from './tracebacks';

const uvicorn = `INFO:     127.0.0.1 - "GET /posts HTTP/1.1" 200 OK
ERROR:    Exception in ASGI application
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/uvicorn/protocols/http/h11_impl.py", line 403, in run_asgi
    result = await app(  # type: ignore[func-returns-value]
  File "/preview/app/app/api/routes/posts.py", line 88, in publish_post
    return await publish_post_handler(session, user, slug)
  File "/preview/app/app/handlers/publish_post.py", line 14, in publish_post_handler
    raise ValueError("no slug")
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^
ValueError: no slug
INFO:     127.0.0.1 - "POST /posts/x/publish HTTP/1.1" 500 Internal Server Error
`;

describe('parseTracebacks', () => {
  it('finds the exception, the frames and the innermost project frame', () => {
    const [tb, ...rest] = parseTracebacks(uvicorn);
    expect(rest).toEqual([]);
    expect(tb?.exception).toBe('ValueError: no slug');
    expect(tb?.frames.map((f) => [f.file, f.line, f.inProject])).toEqual([
      ['http/h11_impl.py', 403, false],
      ['app/api/routes/posts.py', 88, true],
      ['app/handlers/publish_post.py', 14, true],
    ]);
    expect(tb?.focus).toMatchObject({
      file: 'app/handlers/publish_post.py',
      line: 14,
      code: 'raise ValueError("no slug")',
    });
  });

  it('keeps the last five, newest last, and ignores broken or hostile text', () => {
    const many = Array.from({ length: 7 }, (_, n) => uvicorn.replaceAll('no slug', `n${n}`)).join('');
    const found = parseTracebacks(many);
    expect(found.map((t) => t.exception)).toEqual(
      ['n2', 'n3', 'n4', 'n5', 'n6'].map((n) => `ValueError: ${n}`),
    );
    expect(parseTracebacks('Traceback (most recent call last):\n')).toEqual([]);
    expect(
      parseTracebacks(`Traceback (most recent call last):\n${'  File "x'.repeat(100_000)}\nE: x`),
    ).toEqual([]);
    const deep = `Traceback (most recent call last):\n${'  File "/preview/app/a.py", line 1, in f\n'.repeat(500)}RecursionError: deep`;
    expect(parseTracebacks(deep)[0]?.frames).toHaveLength(60);
  });
});
