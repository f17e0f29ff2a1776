import 'server-only';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { env } from '@/lib/env';
import type { LoopLimits } from './loop';

export const HOW_TO_CONFIGURE =
  'Set AI_BASE_URL and AI_MODEL (and AI_API_KEY for hosted providers) in the server environment, then restart: ' +
  'any OpenAI-compatible API with tool calling works, e.g. AI_BASE_URL=https://api.openai.com/v1 AI_MODEL=gpt-4.1, ' +
  'or a local Ollama with AI_BASE_URL=http://localhost:11434/v1 AI_MODEL=qwen2.5-coder:14b.';

export type AssistantConfig =
  | {
      configured: true;
      model: string;
      limits: LoopLimits;
      perUser: { requestsPerHour: number; tokensPerDay: number };
      languageModel: () => LanguageModel;
    }
  | { configured: false; howTo: string };

/** The assistant's provider and limits from the environment; the API key never leaves the server. */
export function assistantConfig(): AssistantConfig {
  const e = env();
  if (!e.AI_BASE_URL || !e.AI_MODEL) return { configured: false, howTo: HOW_TO_CONFIGURE };
  const baseURL = e.AI_BASE_URL;
  const model = e.AI_MODEL;
  return {
    configured: true,
    model,
    limits: {
      maxSteps: e.AI_MAX_STEPS,
      maxOutputTokens: e.AI_MAX_OUTPUT_TOKENS,
      requestTokenLimit: e.AI_REQUEST_TOKEN_LIMIT,
      timeoutMs: e.AI_TIMEOUT_SECONDS * 1000,
    },
    perUser: { requestsPerHour: e.AI_REQUESTS_PER_HOUR, tokensPerDay: e.AI_TOKENS_PER_DAY },
    // includeUsage asks for token counts in streamed answers (the token budget needs them).
    languageModel: () =>
      createOpenAICompatible({
        name: 'assistant',
        baseURL,
        apiKey: e.AI_API_KEY,
        includeUsage: true,
      }).chatModel(model),
  };
}
