'use client';

import type { Entity, ResourcePatch, ViewerList } from '@/lib/design';
import { behaviourRoutes } from '../model/behaviour-routes';
import { newId } from '../model/ids';
import { useEditor, useEditorStore } from '../store/editor-context';
import { pathValue, viewerListDraft, viewerPaths } from './behaviour-choices';
import { ProblemList, Section, SelectField, TextField } from './controls';
import { problemsAt, useProblemsAt } from './path-problems';
import { ResponseViewSelect } from './response-view-select';

/**
 * Lists of the rows that reach the current user along a path of relations (a feed of the posts whose author the
 * viewer follows; my orders), under the resource or the current user's path. Always for signed-in users.
 */
export function ViewerLists({
  entity,
  index,
  onChange,
}: {
  entity: Entity;
  index: number;
  onChange: (label: string, patch: ResourcePatch, key?: string) => void;
}) {
  const store = useEditorStore();
  const design = useEditor((s) => s.design);
  const prefix = `entities[${index}].resource.viewerLists`;
  const problems = useProblemsAt(prefix);
  const lists = entity.resource.viewerLists ?? [];
  const paths = viewerPaths(design, entity.id);
  const routes = behaviourRoutes(entity, design);
  const save = (label: string, next: ViewerList[], key?: string) =>
    onChange(label, { viewerLists: next }, key);
  const change = (id: string, patch: Partial<ViewerList>, label: string, key?: string) =>
    save(
      label,
      lists.map((l) => (l.id === id ? { ...l, ...patch } : l)),
      key,
    );
  const add = () => {
    const draft = viewerListDraft(store.getState().design, entity, newId('vwl'));
    if (draft) save('Add viewer list', [...lists, draft]);
  };
  if (!design.auth && lists.length === 0) return null;
  return (
    <Section
      title="Viewer lists"
      actions={
        <button type="button" className="small" onClick={add} disabled={paths.length === 0}>
          Add viewer list
        </button>
      }
    >
      {lists.length === 0 && (
        <p className="muted">
          {paths.length > 0
            ? 'Rows that reach the current user through relations: my orders, a feed of followed authors.'
            : 'Relate this entity to the user entity to list the rows that reach the viewer.'}
        </p>
      )}
      {lists.map((list, k) => {
        const at = (prop: string) => problemsAt(problems, `${prefix}[${k}].${prop}`);
        const current = pathValue(design, entity.id, list.path);
        const known = paths.some((p) => p.value === current);
        const route = routes.find((r) => r.id === list.id);
        return (
          <fieldset key={list.id} className="embeds block" aria-label={`Viewer list ${list.name}`}>
            <legend>
              <span className="method-inline">GET</span> {route?.path}
            </legend>
            <TextField
              label="List name"
              value={list.name}
              hint="The path segment: feed, mine, orders"
              problems={at('name')}
              onChange={(name) =>
                change(list.id, { name }, 'Viewer list name', `viewer-list-name:${list.id}`)
              }
            />
            <SelectField<ViewerList['mount']>
              label="Mounted under"
              value={list.mount}
              options={[
                { value: 'resource', label: `The resource (${route?.path.replace(/\/[^/]*$/, '') || '/'})` },
                { value: 'me', label: `The current user (${design.auth?.api.mePath ?? '/me'})` },
              ]}
              problems={at('mount')}
              onChange={(mount) => change(list.id, { mount }, 'Viewer list mount')}
            />
            <SelectField
              label="Reaches the viewer through"
              value={known ? current : ''}
              options={[
                ...(known ? [] : [{ value: '', label: 'Choose a path to the user…' }]),
                ...paths.map((p) => ({ value: p.value, label: p.label })),
              ]}
              problems={at('path')}
              hint="Rows whose path ends at the current user: author (mine), author → followers (a feed)."
              onChange={(v) => {
                const chosen = paths.find((p) => p.value === v);
                if (chosen) change(list.id, { path: chosen.path }, 'Viewer list path');
              }}
            />
            <ResponseViewSelect
              entity={entity}
              value={list.viewId}
              problems={at('viewId')}
              onChange={(viewId) =>
                save(
                  'Viewer list view',
                  lists.map((l) => {
                    if (l.id !== list.id) return l;
                    const { viewId: _v, ...rest } = l;
                    return viewId ? { ...rest, viewId } : rest;
                  }),
                )
              }
            />
            <ProblemList problems={problems.filter((p) => p.path === `${prefix}[${k}]`)} />
            <button
              type="button"
              className="small danger"
              onClick={() =>
                save(
                  'Delete viewer list',
                  lists.filter((l) => l.id !== list.id),
                )
              }
            >
              Delete viewer list
            </button>
          </fieldset>
        );
      })}
    </Section>
  );
}
