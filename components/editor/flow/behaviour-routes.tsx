'use client';

import { type BehaviourRouteView, behaviourRouteLabel } from '../model/behaviour-routes';
import { useEditorActions } from '../store/use-editor-actions';
import { LockIcon } from './lock-icon';

const KIND_BADGE: Record<BehaviourRouteView['kind'], { text: string; title: string }> = {
  link: { text: 'link', title: 'Adds (POST) or removes (DELETE) a link, idempotently' },
  set: { text: 'set', title: 'Sets fields of the row' },
  'viewer-list': { text: 'viewer', title: 'Rows that reach the current user' },
};

/**
 * The resource's actions and viewer lists, with its routes: one row each (a link action is POST and DELETE).
 * Clicking one opens the endpoint settings, where the Actions and Viewer lists sections edit them.
 */
export function BehaviourRoutes({
  entityId,
  name,
  routes,
}: {
  entityId: string;
  name: string;
  routes: readonly BehaviourRouteView[];
}) {
  const actions = useEditorActions();
  if (routes.length === 0) return null;
  return (
    <ul className="entity-routes behaviour-routes" aria-label={`Actions and viewer lists of ${name}`}>
      {routes.map((route) => {
        const label = behaviourRouteLabel(route);
        const method = route.methods[0] ?? 'GET';
        return (
          <li key={route.id}>
            <button
              type="button"
              className="route-row"
              title={`${label} · ${KIND_BADGE[route.kind].title} · ${route.access}`}
              aria-label={`${route.kind === 'viewer-list' ? 'Viewer list' : 'Action'} ${label}`}
              onClick={(event) => {
                event.stopPropagation();
                actions.select({
                  kind: 'endpoint',
                  entityId,
                  operation: route.kind === 'viewer-list' ? 'list' : 'get',
                });
              }}
            >
              <span className={`method method-${method.toLowerCase()}`}>{method}</span>
              <span className="route-path">{route.path}</span>
              <span className={`route-kind route-kind-${route.kind}`}>{KIND_BADGE[route.kind].text}</span>
              {route.locked && <LockIcon title={route.access} />}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
