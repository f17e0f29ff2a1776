/**
 * One assistant request: the model works on a draft through the tools in a bounded loop (steps, tokens, time),
 * every step streamed to the chat panel; when the draft changed, a final check runs and the result goes out as a
 * proposal (a `data-proposal` part). The stored design is never touched here: accepting is the person's call.
 */
import {
  createUIMessageStream,
  type LanguageModel,
  type ModelMessage,
  type StopCondition,
  stepCountIs,
  streamText,
} from 'ai';
import type { Design } from '@/lib/design';
import { diffDesigns } from '@/lib/generator/migrations/diff';
import type { UserCode } from '@/lib/generator/user-code/types';
import { Draft } from './draft';
import { INSTRUCTIONS } from './instructions';
import {
  type AssistantData,
  type AssistantMessage,
  describeDiff,
  describeFiles,
  type Proposal,
} from './proposal';
import {
  type AssistantTools,
  assistantTools,
  type CallPreview,
  type DraftChecks,
  draftChecks,
  type RunProjectChecks,
  untouchedUserFiles,
} from './tools';

export type LoopLimits = {
  maxSteps: number;
  maxOutputTokens: number;
  /** Input + output tokens over all steps of the request. */
  requestTokenLimit: number;
  timeoutMs: number;
};

export type AssistantRequest = {
  model: LanguageModel;
  design: Design;
  /** The person's own files as the editor has them: the draft starts from them. */
  userCode?: UserCode;
  /** Whose request it is: the draft's generations and checks count against their jobs (lib/jobs). */
  owner: string;
  messages: ModelMessage[];
  limits: LoopLimits;
  callPreview?: CallPreview;
  /** mypy and pytest in the sandbox (runCodeChecks); without it the tool says they cannot run here. */
  runProjectChecks?: RunProjectChecks;
  abortSignal?: AbortSignal;
  /** The conversation so far (UI messages): the answer continues it, and `onFinish` gets the whole of it. */
  originalMessages?: AssistantMessage[];
  onFinish?: (messages: AssistantMessage[]) => void | Promise<void>;
  /** Tokens used, once the request ends (however it ends). */
  onUsage?: (tokens: number) => void | Promise<void>;
  newId?: () => string;
};

/** Rounds in which the loop sends a draft that fails the checks back to the model. */
const MAX_CHECK_ROUNDS = 2;
const AUTOMATIC_CHECK =
  'Automatic check (from Fastdraft, not from the person): your draft does not pass the checks. Fix what this ' +
  'report lists (applyOperations for the design, writeUserFile for your files), run checkDesign, then summarise. Report:';

type StepSummary = { finishReason: string; usage: { totalTokens?: number | undefined } };

const tokensOver =
  (limit: number): StopCondition<AssistantTools> =>
  ({ steps }) =>
    steps.reduce((sum, s) => sum + (s.usage.totalTokens ?? 0), 0) >= limit;

/** Why the loop ended early, in words for the person; null when the model finished on its own. */
function stopNotice(steps: StepSummary[], limits: LoopLimits): string | null {
  const last = steps.at(-1);
  if (last?.finishReason !== 'tool-calls') return null;
  const tokens = steps.reduce((sum, s) => sum + (s.usage.totalTokens ?? 0), 0);
  if (tokens >= limits.requestTokenLimit)
    return `I stopped after using ${tokens} tokens, the limit for one request (${limits.requestTokenLimit}).`;
  return `I stopped after ${steps.length} steps, the limit for one request. The work may be unfinished: ask me to continue, or review what is there.`;
}

export function assistantStream(request: AssistantRequest): ReadableStream {
  const { limits } = request;
  const newId = request.newId ?? (() => crypto.randomUUID());
  const draft = new Draft(request.design, request.userCode);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = request.abortSignal ? AbortSignal.any([request.abortSignal, timeout]) : timeout;
  const checks = draftChecks({ owner: request.owner, signal });
  const tools = assistantTools(draft, checks, {
    callPreview: request.callPreview,
    runProjectChecks: request.runProjectChecks,
  });

  return createUIMessageStream<AssistantMessage>({
    originalMessages: request.originalMessages,
    onFinish: async ({ messages }) => {
      await request.onFinish?.(messages);
    },
    onError: (error) => (error instanceof Error ? error.message : 'The assistant failed.'),
    execute: async ({ writer }) => {
      const notice = (kind: AssistantData['notice']['kind'], message: string) =>
        writer.write({ type: 'data-notice', id: newId(), data: { kind, message } });
      let tokens = 0;
      let complete = true;
      try {
        let messages = request.messages;
        const steps: StepSummary[] = [];
        // The model should check its own work; when it ends a round with a draft that fails the checks, the loop
        // checks for it and sends it back with the report (while steps and tokens remain).
        for (let round = 0; round <= MAX_CHECK_ROUNDS; round++) {
          const result = streamText({
            model: request.model,
            system: INSTRUCTIONS,
            messages,
            tools,
            stopWhen: [
              stepCountIs(limits.maxSteps - steps.length),
              tokensOver(limits.requestTokenLimit - tokens),
            ],
            maxOutputTokens: limits.maxOutputTokens,
            abortSignal: signal,
            maxRetries: 1,
            // Counted per step, so a request stopped midway still pays for the steps it took.
            onStepFinish: (step) => {
              tokens += step.usage.totalTokens ?? 0;
            },
          });
          // Piped in order (not merged), so a later round's parts come after this round's.
          for await (const chunk of result.toUIMessageStream<AssistantMessage>({
            sendStart: round === 0,
            sendFinish: false,
            onError: describeError,
          }))
            writer.write(chunk);
          steps.push(...(await result.steps));
          const stopped = stopNotice(steps, limits);
          if (stopped) {
            complete = false;
            notice('limit', stopped);
            break;
          }
          if (!draft.changed || round === MAX_CHECK_ROUNDS || steps.length >= limits.maxSteps) break;
          const report = await checks.report(draft.design, draft.userCode, {
            untouchedUserFiles: untouchedUserFiles(draft),
          });
          if (report.ok) break;
          notice('check', 'The checks found problems in the draft: the assistant is asked to fix them.');
          messages = [
            ...messages,
            ...(await result.response).messages,
            { role: 'user', content: `${AUTOMATIC_CHECK}\n${JSON.stringify(report)}` },
          ];
        }
      } catch (error) {
        complete = false;
        const seconds = Math.ceil(limits.timeoutMs / 1000);
        if (timeout.aborted)
          notice(
            'limit',
            `I stopped after ${seconds} second${seconds === 1 ? '' : 's'}, the time limit for one request.`,
          );
        else if (request.abortSignal?.aborted) return;
        else notice('error', describeError(error));
      } finally {
        await request.onUsage?.(tokens);
      }
      if (!draft.changed) return;
      const proposal = await proposalOf(draft, checks, complete, newId());
      writer.write({ type: 'data-proposal', id: proposal.id, data: proposal });
    },
  });
}

async function proposalOf(
  draft: Draft,
  checks: DraftChecks,
  complete: boolean,
  id: string,
): Promise<Proposal> {
  const diff = diffDesigns(draft.base, draft.design);
  const report = await checks.report(draft.design, draft.userCode, {
    untouchedUserFiles: untouchedUserFiles(draft),
  });
  const files = draft.fileChanges;
  const described = describeDiff(draft.base, draft.design, diff);
  return {
    id,
    operations: draft.designChanged ? [...draft.operations] : [],
    files,
    ...described,
    summary: [...described.summary, ...describeFiles(files)],
    warnings: diff.warnings,
    check: { ok: report.ok, problems: report.problems.length, diagnostics: report.diagnosticCount },
    complete,
  };
}

/** What the person sees when the provider fails: the provider's own message, without stack or secrets. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|fetch failed|ENOTFOUND/i.test(message))
    return 'The model provider could not be reached. Check AI_BASE_URL and that the server is running.';
  if (/401|unauthori[sz]ed|invalid api key/i.test(message))
    return 'The model provider refused the API key (AI_API_KEY).';
  return `The model provider failed: ${message.slice(0, 300)}`;
}
