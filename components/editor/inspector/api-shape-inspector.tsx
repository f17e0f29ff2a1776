'use client';

import { useMemo } from 'react';
import type { ApiShape, Problem } from '@/lib/design';
import { expandKeyTemplate } from '@/lib/design/api-shape';
import { useProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { CheckboxField, Section, SelectField, TextField } from './controls';
import { ErrorFormatSetting } from './error-format-setting';

type Paging = ApiShape['paging'];

const PAGING_DEFAULTS: Record<Paging['style'], Paging> = {
  offset: { style: 'offset', limitParam: 'limit', offsetParam: 'offset' },
  page: { style: 'page', pageParam: 'page', sizeParam: 'size' },
  none: { style: 'none' },
};

/** The timestamps' names with one set, or cleared back to the naming style's when empty. */
function stamps(api: ApiShape, which: 'created' | 'updated', value: string): ApiShape['timestamps'] {
  const next = { ...api.timestamps };
  if (value === '') delete next[which];
  else next[which] = value;
  return next;
}

/** Problems of the project's `api` settings, by the path after `api.` (`objects.key`, `paging.pageParam`). */
function useApiProblems(): (path: string) => Problem[] {
  const problems = useProblems();
  const byPath = useMemo(() => {
    const map = new Map<string, Problem[]>();
    for (const p of problems) {
      if (!p.path.startsWith('api.')) continue;
      const key = p.path.slice(4);
      map.set(key, [...(map.get(key) ?? []), p]);
    }
    return map;
  }, [problems]);
  return (path) => byPath.get(path) ?? [];
}

/**
 * The project's API shape (shown when nothing is selected): JSON naming, envelopes of answers and bodies, the
 * shape of lists, paging, the update verb and the timestamps' names. Every change is one `setApiShape`.
 */
export function ApiShapeInspector() {
  const api = useEditor((s) => s.design.api);
  const example = useEditor((s) => s.design.entities[0]?.name ?? 'BlogPost');
  const actions = useEditorActions();
  const problemsAt = useApiProblems();
  const set = (label: string, patch: Partial<ApiShape>, key?: string) =>
    actions.apply(label, { op: 'setApiShape', api: patch }, { coalesceKey: key && `api-${key}` });
  const expanded = (template: string) => {
    const key = expandKeyTemplate(template, example, api.naming);
    return key === template ? undefined : `${example}: "${key}"`;
  };
  const lists = api.lists;
  const paging = api.paging;
  return (
    <Section title="API shape">
      <SelectField
        label="JSON names"
        value={api.naming}
        options={[
          { value: 'snake_case', label: 'snake_case (published_at)' },
          { value: 'camelCase', label: 'camelCase (publishedAt)' },
        ]}
        hint="Bodies, answers and query parameters; the database keeps snake_case."
        onChange={(naming) => set('JSON names', { naming })}
      />
      <CheckboxField
        label="Wrap single objects in a key"
        checked={api.objects.wrap}
        onChange={(wrap) => set('Wrap objects', { objects: { ...api.objects, wrap } })}
      />
      <TextField
        label="Object key"
        value={api.objects.key}
        problems={problemsAt('objects.key')}
        hint={expanded(api.objects.key) ?? '{name} and {names}: the entity name, singular and plural'}
        onChange={(key) => set('Object key', { objects: { ...api.objects, key } }, 'object-key')}
      />
      <CheckboxField
        label="Wrap request bodies in the object key"
        checked={api.bodies.wrap}
        onChange={(wrap) => set('Wrap bodies', { bodies: { wrap } })}
      />
      <SelectField
        label="Lists"
        value={lists.kind}
        options={[
          { value: 'object', label: 'Object with items and count' },
          { value: 'array', label: 'Bare JSON array' },
        ]}
        onChange={(kind) =>
          set('List shape', {
            lists:
              kind === 'array'
                ? { kind: 'array' }
                : { kind: 'object', itemsKey: 'items', countKey: 'total', echoPaging: true },
          })
        }
      />
      {lists.kind === 'object' && (
        <>
          <div className="control-pair">
            <TextField
              label="Items key"
              value={lists.itemsKey}
              problems={problemsAt('lists.itemsKey')}
              hint={expanded(lists.itemsKey)}
              onChange={(itemsKey) => set('Items key', { lists: { ...lists, itemsKey } }, 'items-key')}
            />
            <TextField
              label="Count key"
              value={lists.countKey ?? ''}
              placeholder="no count"
              problems={problemsAt('lists.countKey')}
              hint={lists.countKey === null ? undefined : expanded(lists.countKey)}
              onChange={(v) =>
                set('Count key', { lists: { ...lists, countKey: v === '' ? null : v } }, 'count-key')
              }
            />
          </div>
          <CheckboxField
            label="Echo the paging parameters"
            checked={lists.echoPaging}
            disabled={paging.style === 'none'}
            onChange={(echoPaging) => set('Echo paging', { lists: { ...lists, echoPaging } })}
          />
        </>
      )}
      <SelectField
        label="Paging"
        value={paging.style}
        options={[
          { value: 'offset', label: 'limit / offset' },
          { value: 'page', label: 'page / size (from 1)' },
          { value: 'none', label: 'None: the whole list' },
        ]}
        onChange={(style) => set('Paging', { paging: PAGING_DEFAULTS[style] })}
      />
      {paging.style === 'offset' && (
        <div className="control-pair">
          <TextField
            label="Limit parameter"
            value={paging.limitParam}
            problems={problemsAt('paging.limitParam')}
            onChange={(limitParam) => set('Limit parameter', { paging: { ...paging, limitParam } }, 'limit')}
          />
          <TextField
            label="Offset parameter"
            value={paging.offsetParam}
            problems={problemsAt('paging.offsetParam')}
            onChange={(offsetParam) =>
              set('Offset parameter', { paging: { ...paging, offsetParam } }, 'offset')
            }
          />
        </div>
      )}
      {paging.style === 'page' && (
        <div className="control-pair">
          <TextField
            label="Page parameter"
            value={paging.pageParam}
            problems={problemsAt('paging.pageParam')}
            onChange={(pageParam) => set('Page parameter', { paging: { ...paging, pageParam } }, 'page')}
          />
          <TextField
            label="Size parameter"
            value={paging.sizeParam}
            problems={problemsAt('paging.sizeParam')}
            onChange={(sizeParam) => set('Size parameter', { paging: { ...paging, sizeParam } }, 'size')}
          />
        </div>
      )}
      <p className="hint">Page sizes (default and maximum) are set on each list endpoint.</p>
      <SelectField
        label="Update verb"
        value={api.update}
        options={[
          { value: 'patch', label: 'PATCH (partial)' },
          { value: 'put', label: 'PUT (whole object)' },
          { value: 'both', label: 'Both' },
        ]}
        onChange={(update) => set('Update verb', { update })}
      />
      <div className="control-pair">
        <TextField
          label="Created timestamp"
          value={api.timestamps.created ?? ''}
          placeholder={api.naming === 'camelCase' ? 'createdAt' : 'created_at'}
          problems={problemsAt('timestamps.created')}
          hint="ISO 8601 in UTC with microseconds, on SQLite and PostgreSQL"
          onChange={(v) => set('Created name', { timestamps: stamps(api, 'created', v) }, 'created')}
        />
        <TextField
          label="Updated timestamp"
          value={api.timestamps.updated ?? ''}
          placeholder={api.naming === 'camelCase' ? 'updatedAt' : 'updated_at'}
          problems={problemsAt('timestamps.updated')}
          onChange={(v) => set('Updated name', { timestamps: stamps(api, 'updated', v) }, 'updated')}
        />
      </div>
      <ErrorFormatSetting />
    </Section>
  );
}
