'use client';

import type { CustomRouteView } from '../model/routes';
import { useEditorActions } from '../store/use-editor-actions';
import { LockIcon } from './lock-icon';

/** The custom endpoints of a box, each selectable (the inspector then edits it). */
export function CustomRoutes({
  label,
  routes,
  selectedKey,
}: {
  label: string;
  routes: readonly CustomRouteView[];
  selectedKey: string | undefined;
}) {
  const actions = useEditorActions();
  if (routes.length === 0) return null;
  return (
    <ul className="entity-routes custom-routes" aria-label={label}>
      {routes.map((route) => (
        <li key={route.id}>
          <button
            type="button"
            className={`route-row${selectedKey === `custom:${route.id}` ? ' is-selected' : ''}`}
            title={[route.summary, route.access].filter(Boolean).join(' · ')}
            aria-label={`Custom endpoint ${route.method} ${route.path}`}
            aria-pressed={selectedKey === `custom:${route.id}`}
            onClick={(event) => {
              event.stopPropagation();
              actions.select({ kind: 'element', id: route.id });
            }}
          >
            <span className={`method method-${route.method.toLowerCase()}`}>{route.method}</span>
            <span className="route-path">{route.path}</span>
            {route.locked && <LockIcon title={route.access} />}
          </button>
        </li>
      ))}
    </ul>
  );
}
