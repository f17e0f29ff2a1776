import { convertToModelMessages, createUIMessageStreamResponse, safeValidateUIMessages } from 'ai';
import { projectChecker } from '@/lib/agent/code-checks';
import { assistantConfig } from '@/lib/agent/config';
import { assistantStream } from '@/lib/agent/loop';
import { previewCaller } from '@/lib/agent/preview-call';
import { type AssistantMessage, KEPT_MESSAGES } from '@/lib/agent/proposal';
import { requireWorkspace } from '@/lib/api/access';
import { askAssistant, clearAssistantChat, getAssistantChat, saveAssistantChat } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { requestDesign } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { requestUserCode } from '@/lib/api/user-code';
import { clearChat, loadChat, saveChat } from '@/lib/db/queries/assistant-chats';
import { admitAssistantRequest, recordAssistantTokens } from '@/lib/db/queries/assistant-requests';
import { loadUserCode } from '@/lib/generator/user-code/schema';

export const dynamic = 'force-dynamic';
export const maxDuration = 300;

const wait = (seconds: number) =>
  seconds >= 3600 ? `${Math.ceil(seconds / 3600)} hours` : `${Math.ceil(seconds / 60)} minutes`;

/** Chat messages as the AI SDK checks them (parts, tool calls); 422 with its reason otherwise. */
async function uiMessages(messages: unknown[]): Promise<AssistantMessage[]> {
  const validated = await safeValidateUIMessages<AssistantMessage>({ messages });
  if (!validated.success)
    throw new ApiError(
      'validation_failed',
      `The messages are not valid: ${validated.error.message.slice(0, 300)}`,
    );
  return validated.data;
}

// Checks (session, access, configuration, body, limits) answer as JSON errors; then the stream starts.
export const POST = route(askAssistant, async ({ db, user, params, body, request }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  const config = assistantConfig();
  if (!config.configured)
    throw new ApiError('unavailable', `The assistant is not configured. ${config.howTo}`);
  const design = requestDesign(workspace.design, body.design);
  // The panel posts the editor's user code like its design; without it, the stored code.
  const userCode =
    body.userCode === undefined ? loadUserCode(workspace.userCode) : requestUserCode(body.userCode);
  const conversation = await uiMessages(body.messages);
  if (conversation.at(-1)?.role !== 'user')
    throw new ApiError('validation_failed', 'The last message must be the person’s request.');
  const admission = await admitAssistantRequest(db, user.id, workspace.id, config.perUser, new Date());
  if (!admission.ok) {
    const message =
      admission.reason === 'requests'
        ? `You have sent ${config.perUser.requestsPerHour} requests to the assistant in the last hour, the limit. Try again in ${wait(admission.retryAfterSeconds)}.`
        : `You have used your assistant budget of ${config.perUser.tokensPerDay} tokens for the last 24 hours. Try again in ${wait(admission.retryAfterSeconds)}.`;
    throw new ApiError('rate_limited', message, undefined, {
      retryAfterSeconds: admission.retryAfterSeconds,
    });
  }
  const messages = await convertToModelMessages(conversation, { ignoreIncompleteToolCalls: true });
  const stream = assistantStream({
    model: config.languageModel(),
    design,
    userCode,
    owner: user.id,
    messages,
    limits: {
      ...config.limits,
      requestTokenLimit: Math.min(config.limits.requestTokenLimit, admission.tokensLeft),
    },
    callPreview: previewCaller(workspace.id),
    runProjectChecks: projectChecker(),
    abortSignal: request.signal,
    onUsage: (tokens) => recordAssistantTokens(db, admission.requestId, tokens),
    originalMessages: conversation,
    onFinish: (all) => saveChat(db, workspace.id, user.id, all.slice(-KEPT_MESSAGES)),
  });
  return createUIMessageStreamResponse({ stream });
});

export const GET = route(getAssistantChat, async ({ db, user, params }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  return { messages: await loadChat(db, workspace.id, user.id) };
});

export const PUT = route(saveAssistantChat, async ({ db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  // The AI SDK's validation refuses an empty list: an empty conversation is simply none.
  if (body.messages.length === 0) return clearChat(db, workspace.id, user.id);
  await saveChat(db, workspace.id, user.id, await uiMessages(body.messages));
});

export const DELETE = route(clearAssistantChat, async ({ db, user, params }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  await clearChat(db, workspace.id, user.id);
});
