'use client';

import './assistant.css';
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useEditorStore } from '@/components/editor/store/editor-context';
import { useEditorActions } from '@/components/editor/store/use-editor-actions';
import { type AssistantMessage, KEPT_MESSAGES, type Proposal } from '@/lib/agent/proposal';
import { callApi } from '@/lib/api/client';
import { ProposalCard, type ProposalDecision } from './proposal-card';
import { ToolStep } from './tool-step';

export type AssistantSetup =
  | { configured: true; model: string; messages: AssistantMessage[] }
  | { configured: false; howTo: string };

const EXAMPLES = [
  'Create a POST endpoint for user registration that validates email and password',
  'Add JWT authentication to my existing endpoints',
  'Paginate the posts list and let me filter by author',
  'Why does my orders list return 422?',
];

/** The API's `{ error: { message } }` when the request was refused before streaming, else the error text. */
function errorText(error: Error): string {
  try {
    const body = JSON.parse(error.message) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {}
  return error.message || 'The assistant failed.';
}

function labelOf(proposal: Proposal): string {
  const first = proposal.summary[0] ?? 'Change the design';
  return `Assistant: ${first.length > 60 ? `${first.slice(0, 57)}…` : first}`;
}

/**
 * The chat with the assistant. Each request carries the editor's current design and user code; the answer streams in step by
 * step, and a proposal is shown on the canvas (and in the Code view) until accepted or rejected.
 */
export function AssistantPanel({
  workspaceId,
  setup,
  onClose,
  onShowCode,
}: {
  workspaceId: string;
  setup: AssistantSetup;
  onClose: () => void;
  onShowCode: () => void;
}) {
  const store = useEditorStore();
  const actions = useEditorActions();
  const [input, setInput] = useState('');
  const [decisions, setDecisions] = useState<Record<string, ProposalDecision>>({});
  const endRef = useRef<HTMLDivElement>(null);

  const transport = useMemo(
    () =>
      new DefaultChatTransport<AssistantMessage>({
        api: `/api/workspaces/${workspaceId}/assistant`,
        // Proposals and notices travel too (the server keeps the conversation); the model never sees them.
        prepareSendMessagesRequest: ({ messages }) => ({
          body: {
            messages: messages.slice(-KEPT_MESSAGES),
            design: store.getState().design,
            userCode: store.getState().userCode,
          },
        }),
      }),
    [workspaceId, store],
  );
  const { messages, sendMessage, status, stop, error, clearError, setMessages } = useChat<AssistantMessage>({
    id: `assistant-${workspaceId}`,
    messages: setup.configured ? setup.messages : [],
    transport,
    onData: (part) => {
      if (part.type !== 'data-proposal') return;
      const proposal = part.data;
      // A proposal kept from before user code (no `files`) proposes operations only.
      const files = (proposal.files ?? []).map(({ path, after, base }) => ({ path, after, base }));
      actions.propose(proposal.id, labelOf(proposal), proposal.operations, proposal.highlight, files);
    },
  });
  const busy = status === 'submitted' || status === 'streaming';

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the conversation grows
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [messages, status]);

  // The decision shows at once, and goes into the kept conversation (so a reload still says what happened).
  const decide = (proposalId: string, decision: ProposalDecision) => {
    setDecisions((d) => ({ ...d, [proposalId]: decision }));
    const updated = messages.map((m) => ({
      ...m,
      parts: m.parts.map((p) =>
        p.type === 'data-proposal' && p.data.id === proposalId ? { ...p, data: { ...p.data, decision } } : p,
      ),
    }));
    setMessages(updated);
    void callApi(`/api/workspaces/${workspaceId}/assistant`, {
      method: 'PUT',
      body: { messages: updated.slice(-KEPT_MESSAGES) },
    });
  };

  const send = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    clearError();
    // A new request starts from the design as it is: an unreviewed proposal goes away.
    if (store.getState().proposal) actions.rejectProposal();
    void sendMessage({ text: trimmed });
    setInput('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(input);
  };

  return (
    <aside className="assistant-panel" aria-label="Assistant">
      <header className="assistant-header">
        <strong>Assistant</strong>
        {setup.configured && <span className="muted assistant-model">{setup.model}</span>}
        <span className="toolbar-spacer" />
        {setup.configured && messages.length > 0 && (
          <button
            type="button"
            className="link"
            disabled={busy}
            onClick={async () => {
              const cleared = await callApi(`/api/workspaces/${workspaceId}/assistant`, { method: 'DELETE' });
              if (cleared.ok) {
                setMessages([]);
                setDecisions({});
                clearError();
              }
            }}
          >
            New chat
          </button>
        )}
        <button type="button" className="link" onClick={onClose} aria-label="Close the assistant">
          ×
        </button>
      </header>
      {!setup.configured ? (
        <div className="assistant-setup" role="status">
          <p>
            <strong>The assistant is not configured on this server.</strong> Everything else works without it.
          </p>
          <p>{setup.howTo}</p>
        </div>
      ) : (
        <>
          <div className="assistant-log" role="log" aria-label="Conversation" aria-live="polite">
            {messages.length === 0 && (
              <div className="assistant-empty">
                <p className="muted">
                  Ask for a change or an explanation. Changes come back as a proposal you can review on the
                  canvas and in the code before accepting.
                </p>
                {EXAMPLES.map((example) => (
                  <button
                    key={example}
                    type="button"
                    className="assistant-example"
                    onClick={() => setInput(example)}
                  >
                    {example}
                  </button>
                ))}
              </div>
            )}
            {messages.map((message) => (
              <div key={message.id} className={`assistant-message from-${message.role}`}>
                {message.role === 'user' ? (
                  <p className="bubble">
                    {message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')}
                  </p>
                ) : (
                  <AssistantParts
                    message={message}
                    decisions={decisions}
                    onDecide={decide}
                    onShowCode={onShowCode}
                  />
                )}
              </div>
            ))}
            {status === 'submitted' && <p className="muted assistant-thinking">Thinking…</p>}
            {error && (
              <div className="alert error assistant-error" role="alert">
                {errorText(error)}
              </div>
            )}
            <div ref={endRef} />
          </div>
          <form className="assistant-composer" onSubmit={onSubmit}>
            <textarea
              aria-label="Message the assistant"
              placeholder="Ask for a change, e.g. “Paginate the posts list”"
              value={input}
              rows={3}
              onChange={(e) => setInput(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  send(input);
                }
              }}
            />
            {busy ? (
              <button type="button" onClick={() => void stop()}>
                Stop
              </button>
            ) : (
              <button type="submit" className="primary" disabled={!input.trim()}>
                Send
              </button>
            )}
          </form>
        </>
      )}
    </aside>
  );
}

function AssistantParts({
  message,
  decisions,
  onDecide,
  onShowCode,
}: {
  message: AssistantMessage;
  decisions: Record<string, ProposalDecision>;
  onDecide: (id: string, decision: ProposalDecision) => void;
  onShowCode: () => void;
}) {
  const steps: React.ReactNode[] = [];
  const out: React.ReactNode[] = [];
  const flush = () => {
    if (steps.length === 0) return;
    out.push(
      <ul key={`steps-${out.length}`} className="tool-steps" aria-label="Steps">
        {steps.splice(0)}
      </ul>,
    );
  };
  message.parts.forEach((part, index) => {
    const key = `${message.id}-${index}`;
    if (part.type.startsWith('tool-')) {
      steps.push(<ToolStep key={key} part={part} />);
      return;
    }
    flush();
    if (part.type === 'text' && part.text.trim())
      out.push(
        <p key={key} className="assistant-text">
          {part.text}
        </p>,
      );
    else if (part.type === 'data-notice')
      out.push(
        <p key={key} className={`assistant-notice notice-${part.data.kind}`} role="status">
          {part.data.message}
        </p>,
      );
    else if (part.type === 'data-proposal')
      out.push(
        <ProposalCard
          key={key}
          proposal={part.data}
          decision={decisions[part.data.id]}
          onDecide={(decision) => onDecide(part.data.id, decision)}
          onShowCode={onShowCode}
        />,
      );
  });
  flush();
  return <>{out}</>;
}
