'use client';

import {
  CRUD_OPERATIONS,
  type Entity,
  type OperationOf,
  PRIMARY_KEY_REF,
  tableNameFor,
  uniqueName,
} from '@/lib/design';
import { behaviourRoutes } from '../model/behaviour-routes';
import { newId } from '../model/ids';
import { entityRoutes } from '../model/routes';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { ComputedFields } from './computed-fields';
import { CheckboxField, ProblemList, Section, SelectField, TextField } from './controls';
import { CustomEndpointsSection } from './custom-endpoints-section';
import { splitProblems } from './problem-split';
import { UniqueTogether } from './unique-together';
import { ViewsEditor } from './views-editor';

const PROPS = ['name', 'tableName', 'description', 'primaryKey', 'timestamps'];

export function EntityInspector({ entity, index }: { entity: Entity; index: number }) {
  const actions = useEditorActions();
  const relations = useEditor((s) => s.design.relations);
  const entities = useEditor((s) => s.design.entities);
  const auth = useEditor((s) => s.design.auth);
  const design = { entities, relations, auth };
  const { byProp, rest } = splitProblems(useElementProblems(entity.id), `entities[${index}]`, PROPS);
  const update = (label: string, patch: OperationOf<'updateEntity'>['patch'], key?: string) =>
    actions.apply(label, { op: 'updateEntity', entityId: entity.id, patch }, { coalesceKey: key });
  const addField = () => {
    const id = newId('fld');
    const name = uniqueName('field', new Set(entity.fields.map((f) => f.name)));
    actions.apply(
      'Add field',
      { op: 'addField', entityId: entity.id, field: { id, name, type: 'string' } },
      { select: { kind: 'element', id } },
    );
  };
  const touching = relations.filter((r) => r.fromEntityId === entity.id || r.toEntityId === entity.id);
  const nameOf = (id: string) => entities.find((e) => e.id === id)?.name ?? '?';
  const routes = entityRoutes(entity, { entities, relations });
  return (
    <>
      <ProblemList problems={rest} />
      <Section title="Entity">
        <TextField
          label="Name"
          value={entity.name}
          problems={byProp.get('name')}
          hint="PascalCase class name, e.g. BlogPost"
          onChange={(name) =>
            actions.apply(
              'Rename entity',
              { op: 'renameEntity', entityId: entity.id, name },
              { coalesceKey: `name:${entity.id}` },
            )
          }
        />
        <TextField
          label="Table name"
          value={entity.tableName ?? ''}
          placeholder={tableNameFor(entity.name)}
          problems={byProp.get('tableName')}
          onChange={(v) => update('Table name', { tableName: v === '' ? null : v }, `table:${entity.id}`)}
        />
        <TextField
          label="Description"
          multiline
          value={entity.description}
          problems={byProp.get('description')}
          onChange={(description) => update('Description', { description }, `desc:${entity.id}`)}
        />
        <SelectField
          label="Primary key"
          value={entity.primaryKey}
          options={[
            { value: 'int', label: 'Integer (auto increment)' },
            { value: 'uuid', label: 'UUID' },
          ]}
          onChange={(primaryKey) => update('Primary key', { primaryKey })}
        />
        <CheckboxField
          label="Timestamps (created_at, updated_at)"
          checked={entity.timestamps}
          onChange={(timestamps) => update('Timestamps', { timestamps })}
        />
      </Section>
      <Section
        title="Fields"
        actions={
          <button type="button" className="small" onClick={addField}>
            Add field
          </button>
        }
      >
        <ul className="inspector-list">
          {entity.fields.length === 0 && <li className="muted">No fields yet.</li>}
          {entity.fields.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="list-link"
                onClick={() => actions.select({ kind: 'element', id: f.id })}
              >
                {f.name || '(unnamed)'} <span className="muted">{f.type}</span>
              </button>
            </li>
          ))}
        </ul>
      </Section>
      <ComputedFields entity={entity} index={index} />
      <UniqueTogether entity={entity} index={index} />
      <ViewsEditor entity={entity} index={index} />
      <Section title="Relations">
        <ul className="inspector-list">
          {touching.length === 0 && (
            <li className="muted">Drag from the right handle of a box to another box.</li>
          )}
          {touching.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="list-link"
                onClick={() => actions.select({ kind: 'element', id: r.id })}
              >
                {nameOf(r.fromEntityId)}.{r.fieldName} → {nameOf(r.toEntityId)}{' '}
                <span className="muted">{r.kind}</span>
              </button>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Endpoints">
        <ul className="inspector-list">
          {routes.map((route) => (
            <li key={route.operation}>
              <button
                type="button"
                className="list-link"
                onClick={() =>
                  actions.select({ kind: 'endpoint', entityId: entity.id, operation: route.operation })
                }
              >
                <span className={`method method-${route.method.toLowerCase()}`}>{route.method}</span>{' '}
                {route.path}
              </button>
            </li>
          ))}
          {behaviourRoutes(entity, design).map((route) => (
            <li key={route.id}>
              <button
                type="button"
                className="list-link"
                onClick={() =>
                  actions.select({
                    kind: 'endpoint',
                    entityId: entity.id,
                    operation: route.kind === 'viewer-list' ? 'list' : 'get',
                  })
                }
              >
                <span className={`method method-${(route.methods[0] ?? 'GET').toLowerCase()}`}>
                  {route.methods.join('/')}
                </span>{' '}
                {route.path}{' '}
                <span className="muted">{route.kind === 'viewer-list' ? 'viewer list' : 'action'}</span>
              </button>
            </li>
          ))}
          {routes.length < CRUD_OPERATIONS.length && (
            <li>
              <button
                type="button"
                className="list-link muted"
                onClick={() => actions.select({ kind: 'endpoint', entityId: entity.id, operation: 'list' })}
              >
                {CRUD_OPERATIONS.length - routes.length} disabled — edit endpoint settings
              </button>
            </li>
          )}
        </ul>
        <p className="hint">
          Lookup: {entity.resource.lookupFieldId === PRIMARY_KEY_REF ? 'id' : 'a unique field'}
        </p>
      </Section>
      <CustomEndpointsSection entity={entity} />
      <div className="inspector-actions">
        <button
          type="button"
          onClick={() => {
            const id = newId('ent');
            actions.apply(
              'Duplicate entity',
              { op: 'duplicateEntity', entityId: entity.id, newId: id },
              { select: { kind: 'element', id } },
            );
          }}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="danger"
          onClick={() =>
            actions.apply('Delete entity', { op: 'deleteEntity', entityId: entity.id }, { select: null })
          }
        >
          Delete entity
        </button>
      </div>
    </>
  );
}
