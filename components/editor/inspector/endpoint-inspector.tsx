'use client';

import {
  type AccessRule,
  CRUD_OPERATIONS,
  type CrudOperationName,
  type Entity,
  type ResourcePatch,
  resourcePathFor,
} from '@/lib/design';
import { entityRoutes } from '../model/routes';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { AccessControl } from './access-control';
import { AccessShape } from './access-shape';
import { CheckboxField, ProblemList, Section, SelectField, TextField } from './controls';
import { EmbedSettings } from './embed-settings';
import { ListSettings } from './list-settings';
import { LookupSettings } from './lookup-settings';
import { NestingSettings } from './nesting-settings';
import { OperationView } from './operation-view';
import { ownerChoices, ownerPatch, ownerValue } from './owner-choices';
import { ResourceActions } from './resource-actions';
import { ResourceShapeSettings } from './resource-shape-settings';
import { ValueLists } from './value-lists';
import { ViewerLists } from './viewer-lists';

const TITLES: Record<CrudOperationName, string> = {
  list: 'List',
  get: 'Get one',
  create: 'Create',
  update: 'Update (partial)',
  delete: 'Delete',
};

export function EndpointInspector({
  entity,
  index,
  operation,
}: {
  entity: Entity;
  index: number;
  operation: CrudOperationName;
}) {
  const actions = useEditorActions();
  const relations = useEditor((s) => s.design.relations);
  const entities = useEditor((s) => s.design.entities);
  const userEntityId = useEditor((s) => s.design.auth?.userEntityId);
  const prefix = `entities[${index}].resource`;
  const problems = useElementProblems(entity.id).filter((p) => p.path.startsWith(prefix));
  const resource = entity.resource;
  const update = (label: string, patch: ResourcePatch, key?: string) =>
    actions.apply(
      label,
      { op: 'updateResource', entityId: entity.id, patch },
      { coalesceKey: key && `${key}:${entity.id}` },
    );
  const setOp = (op: CrudOperationName, patch: { enabled?: boolean; access?: AccessRule }, key?: string) =>
    update(`${TITLES[op]} endpoint`, { operations: { [op]: patch } }, key);
  const route = entityRoutes(entity, { entities, relations }).find((r) => r.operation === operation);
  const ownerOptions = ownerChoices(entity.id, relations, userEntityId);

  const isUser = entity.id === userEntityId;
  const flags = entity.fields.filter((f) => f.type === 'boolean');
  return (
    <>
      <p className="inspector-context">
        Endpoints of{' '}
        <button
          type="button"
          className="list-link"
          onClick={() => actions.select({ kind: 'element', id: entity.id })}
        >
          {entity.name || '(unnamed)'}
        </button>
        {route && (
          <code className="route-code">
            {route.method} {route.path}
          </code>
        )}
      </p>
      <ProblemList problems={problems} />
      <Section title={`${TITLES[operation]} endpoint`}>
        <CheckboxField
          label="Enabled"
          checked={resource.operations[operation].enabled}
          onChange={(enabled) => setOp(operation, { enabled })}
        />
        <AccessControl
          label="Who can call it"
          value={resource.operations[operation].access}
          onChange={(access, coalesce) =>
            setOp(operation, { access }, coalesce ? `roles-${operation}` : undefined)
          }
        />
        <AccessShape
          value={resource.operations[operation].access}
          nested={resource.parentRelationId !== undefined}
          onChange={(access) => setOp(operation, { access })}
        />
        <OperationView
          entity={entity}
          index={index}
          operation={operation}
          onChange={(viewId) => update('Response view', { operations: { [operation]: { viewId } } })}
        />
        {operation === 'list' && (
          <ListSettings
            entity={entity}
            list={resource.operations.list}
            onChange={(label, list, key) => update(label, { operations: { list } }, key)}
          />
        )}
      </Section>
      <Section title="Resource">
        <TextField
          label="Path"
          value={resource.path ?? ''}
          placeholder={resourcePathFor(entity.name)}
          onChange={(v) => update('Resource path', { path: v === '' ? null : v }, 'path')}
        />
        <LookupSettings entity={entity} index={index} onChange={update} />
        <NestingSettings entity={entity} index={index} onChange={update} />
        {isUser ? (
          <p className="hint">Owner rules on the user entity mean the user themself.</p>
        ) : (
          <SelectField
            label="Owner"
            value={ownerValue(resource)}
            options={[{ value: '', label: 'None' }, ...ownerOptions]}
            hint="Through a parent: rows belong to whoever owns their parent (item → list → owner)."
            onChange={(v) => update('Owner', ownerPatch(v))}
          />
        )}
        {flags.length > 0 && (
          <SelectField
            label="Public rows"
            value={resource.publicRowsFieldId ?? ''}
            options={[
              { value: '', label: 'All rows' },
              ...flags.map((f) => ({ value: f.id, label: `Only where ${f.name} is true` })),
            ]}
            hint="Reads open to others see only these rows; the owner sees all of theirs (drafts)."
            onChange={(v) => update('Public rows', { publicRowsFieldId: v === '' ? null : v })}
          />
        )}
        <EmbedSettings entity={entity} index={index} onChange={update} />
      </Section>
      <ResourceActions entity={entity} index={index} onChange={update} />
      <ViewerLists entity={entity} index={index} onChange={update} />
      <ValueLists entity={entity} index={index} onChange={update} />
      <ResourceShapeSettings entity={entity} index={index} />
      <Section title="All operations">
        <ul className="inspector-list">
          {CRUD_OPERATIONS.map((op) => (
            <li key={op} className={op === operation ? 'is-current' : undefined}>
              <button
                type="button"
                className="list-link"
                onClick={() => actions.select({ kind: 'endpoint', entityId: entity.id, operation: op })}
              >
                {TITLES[op]}
              </button>
              <span className="muted">
                {resource.operations[op].enabled ? resource.operations[op].access.kind : 'disabled'}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
