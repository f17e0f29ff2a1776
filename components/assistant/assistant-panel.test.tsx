import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EditorStoreProvider } from '@/components/editor/store/editor-context';
import { emptyDesign } from '@/lib/design';
import { AssistantPanel } from './assistant-panel';

const render = (setup: Parameters<typeof AssistantPanel>[0]['setup']) =>
  renderToStaticMarkup(
    <EditorStoreProvider design={emptyDesign('t')} version={1}>
      <AssistantPanel workspaceId="w" setup={setup} onClose={() => {}} onShowCode={() => {}} />
    </EditorStoreProvider>,
  );

describe('AssistantPanel', () => {
  it('without a provider says how to configure one and offers no chat', () => {
    const html = render({ configured: false, howTo: 'Set AI_BASE_URL and AI_MODEL.' });
    expect(html).toContain('The assistant is not configured on this server.');
    expect(html).toContain('Set AI_BASE_URL and AI_MODEL.');
    expect(html).not.toContain('Message the assistant');
  });

  it('with a provider shows the model, examples and the composer', () => {
    const html = render({ configured: true, model: 'qwen2.5-coder', messages: [] });
    expect(html).toContain('qwen2.5-coder');
    expect(html).toContain('Create a POST endpoint for user registration');
    expect(html).toContain('aria-label="Message the assistant"');
  });
});
