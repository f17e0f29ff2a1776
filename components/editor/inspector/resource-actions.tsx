'use client';

import type { Entity, ResourceAction, ResourcePatch } from '@/lib/design';
import { actionRoute } from '../model/behaviour-routes';
import { newId } from '../model/ids';
import { useEditor, useEditorStore } from '../store/editor-context';
import { AccessControl } from './access-control';
import { AccessShape } from './access-shape';
import { ActionSets } from './action-sets';
import { hopValue, linkActionDraft, manyToManyHops, setActionDraft } from './behaviour-choices';
import { ProblemList, Section, SelectField, TextField } from './controls';
import { problemsAt, useProblemsAt } from './path-problems';
import { ResponseViewSelect } from './response-view-select';

type Method = Extract<ResourceAction, { kind: 'set' }>['method'];

/**
 * Endpoints acting on one row: `link` adds (POST) or removes (DELETE) a many-to-many link between the row and the
 * viewer or another row; `set` writes fields (publish). Problems of `resource.actions[...]` show inline.
 */
export function ResourceActions({
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
  const prefix = `entities[${index}].resource.actions`;
  const problems = useProblemsAt(prefix);
  const actions = entity.resource.actions ?? [];
  const hops = manyToManyHops(design, entity.id);
  const save = (label: string, next: ResourceAction[], key?: string) =>
    onChange(label, { actions: next }, key);
  const change = (id: string, update: (a: ResourceAction) => ResourceAction, label: string, key?: string) =>
    save(
      label,
      actions.map((a) => (a.id === id ? update(a) : a)),
      key,
    );
  const addLink = () => {
    const draft = linkActionDraft(store.getState().design, entity, newId('act'));
    if (draft) save('Add link action', [...actions, draft]);
  };
  return (
    <Section
      title="Actions"
      actions={
        <span className="section-buttons">
          <button type="button" className="small" onClick={addLink} disabled={hops.length === 0}>
            Add link action
          </button>
          <button
            type="button"
            className="small"
            onClick={() => save('Add set action', [...actions, setActionDraft(entity, newId('act'))])}
          >
            Add set action
          </button>
        </span>
      }
    >
      {actions.length === 0 && (
        <p className="muted">
          Endpoints on one row: follow / favorite (a link of a many-to-many relation), publish (set fields).
        </p>
      )}
      {actions.map((action, k) => {
        const at = (prop: string) => problemsAt(problems, `${prefix}[${k}].${prop}`);
        const route = actionRoute(action, entity, design);
        const { id } = action;
        return (
          <fieldset key={id} className="embeds block" aria-label={`Action ${action.name}`}>
            <legend>
              <span className="method-inline">{route.methods.join(' · ')}</span> {route.path}
            </legend>
            <TextField
              label="Action name"
              value={action.name}
              hint="The path segment after the item path: follow, favorite, publish"
              problems={at('name')}
              onChange={(name) => change(id, (a) => ({ ...a, name }), 'Action name', `action-name:${id}`)}
            />
            {action.kind === 'link' ? (
              <>
                <SelectField
                  label="Links through"
                  value={hopValue(action, design, entity.id)}
                  options={[
                    ...(hops.some((h) => h.value === hopValue(action, design, entity.id))
                      ? []
                      : [{ value: '', label: 'Choose a many-to-many relation…' }]),
                    ...hops.map((h) => ({ value: h.value, label: h.label })),
                  ]}
                  problems={[...at('relationId'), ...at('side')]}
                  onChange={(v) => {
                    const hop = hops.find((h) => h.value === v);
                    if (!hop) return;
                    change(
                      id,
                      (a) => {
                        const { side: _s, ...rest } = a as Extract<ResourceAction, { kind: 'link' }>;
                        return { ...rest, ...hop.hop };
                      },
                      'Action relation',
                    );
                  }}
                />
                <SelectField<'viewer' | 'row'>
                  label="Links"
                  value={action.target}
                  options={[
                    { value: 'viewer', label: 'The caller (favorite, follow)' },
                    { value: 'row', label: 'A row named in the path' },
                  ]}
                  problems={at('target')}
                  onChange={(target) =>
                    change(id, (a) => ({ ...a, target }) as ResourceAction, 'Action target')
                  }
                />
              </>
            ) : (
              <>
                <SelectField<Method>
                  label="Method"
                  value={action.method}
                  options={[
                    { value: 'POST', label: 'POST' },
                    { value: 'PUT', label: 'PUT' },
                    { value: 'PATCH', label: 'PATCH' },
                  ]}
                  problems={at('method')}
                  onChange={(method) =>
                    change(id, (a) => ({ ...a, method }) as ResourceAction, 'Action method')
                  }
                />
                <ActionSets
                  entity={entity}
                  sets={action.sets}
                  path={`${prefix}[${k}].sets`}
                  problems={problems}
                  onChange={(label, sets, key) =>
                    change(id, (a) => ({ ...a, sets }) as ResourceAction, label, key && `action-sets:${key}`)
                  }
                />
              </>
            )}
            <AccessControl
              label="Who can call the action"
              value={action.access}
              onChange={(access, coalesce) =>
                change(
                  id,
                  (a) => ({ ...a, access }),
                  'Action access',
                  coalesce ? `action-roles:${id}` : undefined,
                )
              }
            />
            <AccessShape
              value={action.access}
              nested={entity.resource.parentRelationId !== undefined}
              onChange={(access) => change(id, (a) => ({ ...a, access }), 'Action access')}
            />
            <ResponseViewSelect
              entity={entity}
              value={action.viewId}
              problems={at('viewId')}
              onChange={(viewId) =>
                change(
                  id,
                  (a) => {
                    const { viewId: _v, ...rest } = a;
                    return (viewId ? { ...rest, viewId } : rest) as ResourceAction;
                  },
                  'Action view',
                )
              }
            />
            <TextField
              label="Summary"
              value={action.summary ?? ''}
              onChange={(summary) =>
                change(
                  id,
                  (a) => {
                    const { summary: _s, ...rest } = a;
                    return (summary ? { ...rest, summary } : rest) as ResourceAction;
                  },
                  'Action summary',
                  `action-summary:${id}`,
                )
              }
            />
            <ProblemList problems={problems.filter((p) => p.path === `${prefix}[${k}]`)} />
            <button
              type="button"
              className="small danger"
              onClick={() =>
                save(
                  'Delete action',
                  actions.filter((a) => a.id !== id),
                )
              }
            >
              Delete action
            </button>
          </fieldset>
        );
      })}
    </Section>
  );
}
