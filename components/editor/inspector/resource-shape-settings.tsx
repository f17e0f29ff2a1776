'use client';

import type { Entity, ResourceShape, UpdateVerb } from '@/lib/design';
import { resourceApiShape } from '@/lib/design/api-shape';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { Section, SelectField, TextField } from './controls';

/** This resource's overrides of the project's API shape: keys and update verb (empty: the project's). */
export function ResourceShapeSettings({ entity, index }: { entity: Entity; index: number }) {
  const api = useEditor((s) => s.design.api);
  const actions = useEditorActions();
  const problems = useElementProblems(entity.id);
  const at = (key: string) => problems.filter((p) => p.path === `entities[${index}].resource.shape.${key}`);
  const own = entity.resource.shape ?? {};
  const effective = resourceApiShape(api, entity);
  const set = (label: string, patch: Partial<Record<keyof ResourceShape, unknown>>, key?: string) => {
    const next: Record<string, unknown> = { ...own };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    actions.apply(
      label,
      {
        op: 'updateResource',
        entityId: entity.id,
        patch: { shape: Object.keys(next).length === 0 ? null : (next as ResourceShape) },
      },
      { coalesceKey: key && `shape-${key}:${entity.id}` },
    );
  };
  const text = (v: string) => (v === '' ? undefined : v);
  const list = effective.list;
  return (
    <Section title="API shape of this resource">
      <TextField
        label="Object key"
        value={own.objectKey ?? ''}
        placeholder={api.objects.key}
        problems={at('objectKey')}
        hint={`${api.objects.wrap || api.bodies.wrap ? 'Wrapped' : 'Not wrapped (project setting)'}: "${effective.key}"`}
        onChange={(v) => set('Object key', { objectKey: text(v) }, 'object')}
      />
      {api.lists.kind === 'object' && list.kind === 'object' && (
        <div className="control-pair">
          <TextField
            label="Items key"
            value={own.itemsKey ?? ''}
            placeholder={api.lists.itemsKey}
            problems={at('itemsKey')}
            hint={`"${list.itemsKey}"`}
            onChange={(v) => set('Items key', { itemsKey: text(v) }, 'items')}
          />
          <SelectField
            label="Count"
            value={own.countKey === undefined ? 'project' : own.countKey === null ? 'none' : 'own'}
            options={[
              { value: 'project', label: `Project's (${api.lists.countKey ?? 'none'})` },
              { value: 'none', label: 'No count' },
              { value: 'own', label: 'Own key' },
            ]}
            onChange={(v) =>
              set('Count key', {
                countKey: v === 'project' ? undefined : v === 'none' ? null : '{names}Count',
              })
            }
          />
        </div>
      )}
      {typeof own.countKey === 'string' && (
        <TextField
          label="Count key"
          value={own.countKey}
          problems={at('countKey')}
          onChange={(v) => set('Count key', { countKey: v }, 'count')}
        />
      )}
      <SelectField<'project' | UpdateVerb>
        label="Update verb"
        value={own.update ?? 'project'}
        options={[
          { value: 'project', label: `Project's (${api.update.toUpperCase()})` },
          { value: 'patch', label: 'PATCH (partial)' },
          { value: 'put', label: 'PUT (whole object)' },
          { value: 'both', label: 'Both' },
        ]}
        onChange={(v) => set('Update verb', { update: v === 'project' ? undefined : v })}
      />
    </Section>
  );
}
