import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseEvent } from './sse';

const STREAM =
  'event: step\ndata: {"step":"validate","status":"running"}\n\n' +
  ': a comment\nevent: step\ndata: {"step":"validate","status":"done","ms":3}\n\n' +
  'event: end\ndata: {"ok":true,"baseUrl":"/preview/w"}\n\n';

const EXPECTED: SseEvent[] = [
  { event: 'step', data: '{"step":"validate","status":"running"}' },
  { event: 'step', data: '{"step":"validate","status":"done","ms":3}' },
  { event: 'end', data: '{"ok":true,"baseUrl":"/preview/w"}' },
];

const parseAll = (chunks: string[]) => {
  const parser = createSseParser();
  return chunks.flatMap((c) => parser.push(c));
};

describe('createSseParser', () => {
  it('parses named events and ignores comments', () => {
    expect(parseAll([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events whatever the chunking, one character at a time included', () => {
    expect(parseAll([...STREAM])).toEqual(EXPECTED);
    for (let cut = 1; cut < STREAM.length; cut += 7) {
      expect(parseAll([STREAM.slice(0, cut), STREAM.slice(cut)])).toEqual(EXPECTED);
    }
  });

  it('accepts CRLF and CR line endings, also split between chunks', () => {
    const crlf = STREAM.replaceAll('\n', '\r\n');
    expect(parseAll([crlf])).toEqual(EXPECTED);
    expect(parseAll([...crlf])).toEqual(EXPECTED);
    expect(parseAll([STREAM.replaceAll('\n', '\r')])).toEqual(EXPECTED);
  });

  it('joins multi-line data, defaults the name to message, strips one space only', () => {
    expect(parseAll(['data: a\ndata:  b\ndata\n\n'])).toEqual([{ event: 'message', data: 'a\n b\n' }]);
  });

  it('dispatches nothing for an event without data or without its blank line', () => {
    const parser = createSseParser();
    expect(parser.push('event: step\n\nevent: end\ndata: {}')).toEqual([]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'end', data: '{}' }]);
  });
});

describe('readSse', () => {
  const bodyOf = (chunks: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });

  it('decodes UTF-8 split inside a character', async () => {
    const bytes = new TextEncoder().encode('event: step\ndata: {"message":"café ✓"}\n\n');
    const events: SseEvent[] = [];
    const cut = bytes.indexOf(0xc3) + 1;
    await readSse(bodyOf([bytes.slice(0, cut), bytes.slice(cut)]), (e) => events.push(e));
    expect(events).toEqual([{ event: 'step', data: '{"message":"café ✓"}' }]);
  });

  it('stops delivering events once aborted', async () => {
    const controller = new AbortController();
    const events: SseEvent[] = [];
    const encoder = new TextEncoder();
    await readSse(
      bodyOf([encoder.encode('data: 1\n\n'), encoder.encode('data: 2\n\ndata: 3\n\n')]),
      (e) => {
        events.push(e);
        controller.abort();
      },
      controller.signal,
    );
    expect(events).toEqual([{ event: 'message', data: '1' }]);
  });
});
