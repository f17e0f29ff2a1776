'use client';

import { customEndpointDraft, type Entity } from '@/lib/design';
import { newId } from '../model/ids';
import { customRoute } from '../model/routes';
import { useEditor, useEditorStore } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { Section } from './controls';

/** Adds a custom endpoint (of `entityId`, or of no entity) and selects it for editing. */
export function useAddCustomEndpoint() {
  const store = useEditorStore();
  const actions = useEditorActions();
  return (entityId?: string) => {
    const id = newId('cep');
    const endpoint = customEndpointDraft(store.getState().design, { id, ...(entityId ? { entityId } : {}) });
    actions.apply('Add endpoint', { op: 'addCustomEndpoint', endpoint }, { select: { kind: 'element', id } });
  };
}

/** The entity's hand-written endpoints, in its inspector. */
export function CustomEndpointsSection({ entity }: { entity: Entity }) {
  const actions = useEditorActions();
  const add = useAddCustomEndpoint();
  const all = useEditor((s) => s.design.customEndpoints);
  const own = all.filter((c) => c.entityId === entity.id);
  return (
    <Section
      title="Custom endpoints"
      actions={
        <button type="button" className="small" onClick={() => add(entity.id)}>
          Add endpoint
        </button>
      }
    >
      {own.length === 0 ? (
        <p className="hint">
          Hand-written endpoints (e.g. POST /{'{id}'}/publish); the generator writes their stubs.
        </p>
      ) : (
        <ul className="inspector-list">
          {own.map((endpoint) => {
            const route = customRoute(endpoint, entity);
            return (
              <li key={endpoint.id}>
                <button
                  type="button"
                  className="list-link"
                  onClick={() => actions.select({ kind: 'element', id: endpoint.id })}
                >
                  <span className={`method method-${route.method.toLowerCase()}`}>{route.method}</span>{' '}
                  {route.path}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
