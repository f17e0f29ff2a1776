/** One server-sent event: its `event:` name ('message' when absent) and its `data:` lines joined by newlines. */
export type SseEvent = { event: string; data: string };

/**
 * An incremental `text/event-stream` parser (the WHATWG format): feed it decoded text in chunks of any size
 * (a chunk may end in the middle of a line, or between `\r` and `\n`); it returns the events completed so far.
 * Comments (`:` lines), `id:` and `retry:` are ignored; an event without data is not dispatched.
 */
export function createSseParser() {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let pendingCr = false;

  const line = (text: string, out: SseEvent[]) => {
    if (text === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(chunk: string): SseEvent[] {
      const out: SseEvent[] = [];
      let text = chunk;
      // A `\r\n` split across chunks: the `\r` already ended the line.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i), out);
        if (c === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
    /** The end of the stream: a last event not followed by a blank line is dropped, as browsers do. */
    end(): void {
      buffer = '';
      event = '';
      data = [];
      pendingCr = false;
    },
  };
}

/** Reads a fetch response body as server-sent events until it ends or `signal` aborts. */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) return;
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        onEvent(event);
        if (signal?.aborted) return;
      }
    }
    for (const event of parser.push(decoder.decode())) onEvent(event);
    parser.end();
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
