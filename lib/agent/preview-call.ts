import 'server-only';
import { previewManager } from '@/lib/runner/preview/manager';
import { forward } from '@/lib/runner/preview/proxy';
import type { CallPreview } from './tools';

/** The callPreview tool for one workspace: its running preview through the same proxy the Try-it view uses. */
export function previewCaller(workspaceId: string): CallPreview {
  return async ({ method, path, body, bearerToken }) => {
    const manager = previewManager();
    const socketPath = manager.socketFor(workspaceId);
    if (!socketPath)
      return { unavailable: 'The live preview is not running; the person can start it in the Try it view.' };
    const headers = new Headers({ accept: 'application/json' });
    if (bearerToken) headers.set('authorization', `Bearer ${bearerToken}`);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const request = new Request(`http://preview.local${path}`, {
      method,
      headers,
      body: body === undefined || method === 'GET' ? undefined : JSON.stringify(body),
    });
    const response = await forward(request, {
      socketPath,
      upstreamPath: path,
      prefix: `/preview/${workspaceId}`,
      timeoutMs: 15_000,
      onActivity: () => manager.touch(workspaceId),
    });
    return { status: response.status, body: await response.text() };
  };
}
