'use client';

import { type Entity, otherEnd, type ResourcePatch } from '@/lib/design';
import { useEditor } from '../store/editor-context';
import { CheckboxField, SelectField } from './controls';
import { problemsAt, useProblemsAt } from './path-problems';

/** Relations embedded in list/get responses, each with the view of the related entity it is embedded with. */
export function EmbedSettings({
  entity,
  index,
  onChange,
}: {
  entity: Entity;
  index: number;
  onChange: (label: string, patch: ResourcePatch) => void;
}) {
  const relations = useEditor((s) => s.design.relations);
  const entities = useEditor((s) => s.design.entities);
  const prefix = `entities[${index}].resource`;
  const problems = useProblemsAt(prefix);
  const resource = entity.resource;
  const embedViews = resource.embedViews ?? [];
  const touching = relations.filter((r) => r.fromEntityId === entity.id || r.toEntityId === entity.id);
  if (touching.length === 0) return null;
  return (
    <fieldset className="embeds">
      <legend>Embed in responses</legend>
      {touching.map((r) => {
        const name = r.fromEntityId === entity.id ? r.fieldName : r.backrefName;
        const on = resource.embed.includes(r.id);
        const target = entities.find((e) => e.id === otherEnd(r, entity.id));
        const views = target?.views ?? [];
        const at = embedViews.findIndex((v) => v.relationId === r.id);
        const chosen = embedViews[at]?.viewId ?? '';
        const fallback = views.find((v) => v.id === target?.embedViewId);
        return (
          <div key={r.id} className="embed-row">
            <CheckboxField
              label={name || '(unnamed)'}
              checked={on}
              problems={problemsAt(problems, `${prefix}.embed[${resource.embed.indexOf(r.id)}]`)}
              onChange={(checked) =>
                onChange('Embeds', {
                  embed: checked ? [...resource.embed, r.id] : resource.embed.filter((id) => id !== r.id),
                  ...(checked || at < 0
                    ? {}
                    : { embedViews: embedViews.filter((v) => v.relationId !== r.id) }),
                })
              }
            />
            {on && target && (views.length > 0 || chosen !== '') && (
              <SelectField
                label={`View of ${name || '(unnamed)'}`}
                value={chosen}
                options={[
                  {
                    value: '',
                    label: fallback ? `${target.name}${fallback.name} (its embed view)` : 'Its public fields',
                  },
                  ...views.map((v) => ({ value: v.id, label: `${target.name}${v.name}` })),
                ]}
                problems={at < 0 ? [] : problemsAt(problems, `${prefix}.embedViews[${at}]`)}
                onChange={(viewId) =>
                  onChange('Embed view', {
                    embedViews:
                      viewId === ''
                        ? embedViews.filter((v) => v.relationId !== r.id)
                        : at < 0
                          ? [...embedViews, { relationId: r.id, viewId }]
                          : embedViews.map((v) => (v.relationId === r.id ? { ...v, viewId } : v)),
                  })
                }
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
