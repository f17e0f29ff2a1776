'use client';

import { type Entity, type EntityView, type OperationOf, uniqueName } from '@/lib/design';
import { newId } from '../model/ids';
import { useElementProblems } from '../problems/problems-context';
import { useEditorActions } from '../store/use-editor-actions';
import { CheckboxField, Section, SelectField, TextField } from './controls';

/**
 * Named views of an entity (a public `Profile` of a user without its e-mail): a name, the fields shown, and
 * the view the entity is embedded with in others' responses. Problems of `views[...]` / `embedViewId` inline.
 */
export function ViewsEditor({ entity, index }: { entity: Entity; index: number }) {
  const actions = useEditorActions();
  const problems = useElementProblems(entity.id);
  const at = (path: string) => problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
  const views = entity.views ?? [];
  const update = (label: string, patch: OperationOf<'updateEntity'>['patch'], key?: string) =>
    actions.apply(label, { op: 'updateEntity', entityId: entity.id, patch }, { coalesceKey: key });
  const setViews = (label: string, next: EntityView[], key?: string) => update(label, { views: next }, key);
  const change = (id: string, patch: Partial<EntityView>) =>
    views.map((v) => (v.id === id ? { ...v, ...patch } : v));
  // Computed fields are members of views like fields, listed after them with their mark.
  const shown = [
    ...entity.fields
      .filter((f) => f.type !== 'password' && !f.writeOnly)
      .map((f) => ({ id: f.id, label: f.name || '(unnamed)' })),
    ...(entity.computed ?? []).map((c) => ({ id: c.id, label: `Σ ${c.name || '(unnamed)'}` })),
  ];
  const addView = () => {
    const name = uniqueName('Summary', new Set(views.map((v) => v.name)));
    setViews('Add view', [...views, { id: newId('view'), name, fieldIds: [] }]);
  };
  return (
    <Section
      title="Views"
      actions={
        <button type="button" className="small" onClick={addView}>
          Add view
        </button>
      }
    >
      {views.length === 0 && <p className="muted">Named field subsets for embeds and public reads.</p>}
      {views.map((view, k) => (
        <fieldset key={view.id} className="embeds" aria-label={`View ${view.name}`}>
          <legend>
            {entity.name}
            {view.name}
          </legend>
          <TextField
            label="View name"
            value={view.name}
            hint="PascalCase; the schema is the entity name plus this."
            problems={at(`entities[${index}].views[${k}].name`)}
            onChange={(name) => setViews('Rename view', change(view.id, { name }), `view-name:${view.id}`)}
          />
          {shown.map((f) => (
            <CheckboxField
              key={f.id}
              label={f.label}
              checked={view.fieldIds.includes(f.id)}
              onChange={(on) =>
                setViews(
                  'View fields',
                  change(view.id, {
                    fieldIds: on
                      ? [...entity.fields, ...(entity.computed ?? [])]
                          .filter((x) => x.id === f.id || view.fieldIds.includes(x.id))
                          .map((x) => x.id)
                      : view.fieldIds.filter((id) => id !== f.id),
                  }),
                )
              }
            />
          ))}
          {at(`entities[${index}].views[${k}].fieldIds`).map((p) => (
            <span key={p.path} className="field-error">
              {p.message}
            </span>
          ))}
          <button
            type="button"
            className="small danger"
            onClick={() => {
              const next = views.filter((v) => v.id !== view.id);
              update('Delete view', {
                views: next,
                ...(entity.embedViewId === view.id ? { embedViewId: null } : {}),
              });
            }}
          >
            Delete view
          </button>
        </fieldset>
      ))}
      {views.length > 0 && (
        <SelectField
          label="Embedded as"
          value={entity.embedViewId ?? ''}
          options={[
            { value: '', label: 'Its public fields' },
            ...views.map((v) => ({ value: v.id, label: `${entity.name}${v.name}` })),
          ]}
          problems={at(`entities[${index}].embedViewId`)}
          hint="The view other entities' responses embed this one with."
          onChange={(v) => update('Embed view', { embedViewId: v === '' ? null : v })}
        />
      )}
    </Section>
  );
}
