/** The AI SDK's mock language model answering from a Script, with token usage so limits can be tested. */
import type { LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import type { Reply, Script, Turn } from './script';

export function turnOf(prompt: LanguageModelV3Prompt): Turn {
  const lastUser = prompt.findLastIndex((m) => m.role === 'user');
  const user = prompt[lastUser];
  const userText =
    user?.role === 'user' ? user.content.map((p) => (p.type === 'text' ? p.text : '')).join('') : '';
  const results = prompt.slice(lastUser + 1).flatMap((m) =>
    m.role === 'tool'
      ? m.content.flatMap((p) => {
          if (p.type !== 'tool-result') return [];
          const o = p.output;
          const output = o.type === 'json' || o.type === 'error-json' ? o.value : 'value' in o ? o.value : o;
          return [{ name: p.toolName, output }];
        })
      : [],
  );
  return { userText, results };
}

const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

export function chunksOf(reply: Reply, call: number, tokensPerStep: number): LanguageModelV3StreamPart[] {
  const chunks: LanguageModelV3StreamPart[] = [];
  if (reply.text) {
    const id = `text-${call}`;
    chunks.push({ type: 'text-start', id });
    for (const word of reply.text.match(/\S+\s*/g) ?? [])
      chunks.push({ type: 'text-delta', id, delta: word });
    chunks.push({ type: 'text-end', id });
  }
  for (const [i, tc] of (reply.toolCalls ?? []).entries()) {
    chunks.push({
      type: 'tool-call',
      toolCallId: `call-${call}-${i}`,
      toolName: tc.name,
      input: JSON.stringify(tc.input),
    });
  }
  const toolCalls = (reply.toolCalls?.length ?? 0) > 0;
  chunks.push({
    type: 'finish',
    finishReason: { unified: toolCalls ? 'tool-calls' : 'stop', raw: undefined },
    usage: usage(tokensPerStep - 10, 10),
  });
  return chunks;
}

export function scriptedModel(script: Script, options: { tokensPerStep?: number } = {}) {
  let call = 0;
  const model = new MockLanguageModelV3({
    doStream: async ({ prompt }) => {
      call += 1;
      const reply = script(turnOf(prompt));
      return {
        stream: simulateReadableStream({ chunks: chunksOf(reply, call, options.tokensPerStep ?? 100) }),
      };
    },
  });
  return model;
}
