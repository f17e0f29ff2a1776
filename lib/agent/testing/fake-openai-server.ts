/**
 * A local OpenAI-compatible chat completions server for tests: it speaks the real wire format (streamed
 * `chat.completion.chunk` events with text and tool-call deltas, usage, `[DONE]`), and answers from a Script.
 * Used by the provider integration test and, as a process (e2e/support/fake-llm.ts), by the end-to-end tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Script, ToolResult, Turn } from './script';

type ChatMessage = {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content?: string | { type: string; text?: string }[] | null;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
};

export type RecordedRequest = { authorization: string | undefined; body: Record<string, unknown> };

const textOf = (content: ChatMessage['content']) =>
  typeof content === 'string' ? content : (content ?? []).map((p) => p.text ?? '').join('');

export function turnFromMessages(messages: ChatMessage[]): Turn {
  const lastUser = messages.findLastIndex((m) => m.role === 'user');
  const names = new Map<string, string>();
  const results: ToolResult[] = [];
  for (const m of messages.slice(lastUser + 1)) {
    for (const call of m.tool_calls ?? []) names.set(call.id, call.function.name);
    if (m.role !== 'tool') continue;
    const raw = textOf(m.content);
    let output: unknown = raw;
    try {
      output = JSON.parse(raw);
    } catch {}
    results.push({ name: names.get(m.tool_call_id ?? '') ?? 'unknown', output });
  }
  return { userText: textOf(messages[lastUser]?.content), results };
}

export type FakeOpenAI = { url: string; requests: RecordedRequest[]; close: () => Promise<void> };

export async function startFakeOpenAI(options: {
  script: Script;
  port?: number;
  /** Required `Authorization: Bearer <apiKey>` when set (401 otherwise, like a hosted provider). */
  apiKey?: string;
}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/health') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      requests.push({ authorization: req.headers.authorization, body });
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }),
        );
        return;
      }
      counter += 1;
      const reply = options.script(turnFromMessages((body.messages ?? []) as ChatMessage[]));
      const id = `chatcmpl-${counter}`;
      const model = String(body.model ?? 'fake');
      const toolCalls = (reply.toolCalls ?? []).map((c, i) => ({
        index: i,
        id: `call_${counter}_${i}`,
        type: 'function' as const,
        function: { name: c.name, arguments: JSON.stringify(c.input) },
      }));
      const finish = toolCalls.length > 0 ? 'tool_calls' : 'stop';
      const usage = { prompt_tokens: 90, completion_tokens: 10, total_tokens: 100 };
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model,
            choices: [
              {
                index: 0,
                message: {
                  role: 'assistant',
                  content: reply.text ?? null,
                  tool_calls: toolCalls.length ? toolCalls : undefined,
                },
                finish_reason: finish,
              },
            ],
            usage,
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const send = (delta: Record<string, unknown>, finishReason: string | null = null) =>
        res.write(
          `data: ${JSON.stringify({
            id,
            object: 'chat.completion.chunk',
            created: Math.floor(Date.now() / 1000),
            model,
            choices: [{ index: 0, delta, finish_reason: finishReason }],
          })}\n\n`,
        );
      send({ role: 'assistant', content: '' });
      for (const word of reply.text?.match(/\S+\s*/g) ?? []) send({ content: word });
      for (const call of toolCalls) {
        // Name first, then the arguments in two pieces, as real servers stream them.
        send({ tool_calls: [{ ...call, function: { name: call.function.name, arguments: '' } }] });
        const args = call.function.arguments;
        const half = Math.floor(args.length / 2);
        for (const piece of [args.slice(0, half), args.slice(half)])
          send({ tool_calls: [{ index: call.index, function: { arguments: piece } }] });
      }
      send({}, finish);
      if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage)
        res.write(
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', model, choices: [], usage })}\n\n`,
        );
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
