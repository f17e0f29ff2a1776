'use client';

import type { OnDelete, OperationOf, Relation, RelationKind } from '@/lib/design';
import { CARDINALITY } from '../flow/design-to-flow';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { CheckboxField, ProblemList, Section, SelectField, TextField } from './controls';
import { splitProblems } from './problem-split';

const PROPS = [
  'kind',
  'fieldName',
  'backrefName',
  'nullable',
  'onDelete',
  'associationTable',
  'throughEntityId',
];

export function RelationInspector({ relation, index }: { relation: Relation; index: number }) {
  const actions = useEditorActions();
  const entities = useEditor((s) => s.design.entities);
  const { byProp, rest } = splitProblems(useElementProblems(relation.id), `relations[${index}]`, PROPS);
  type Patch = OperationOf<'updateRelation'>['patch'];
  const update = (label: string, patch: Patch, key?: string) =>
    actions.apply(
      label,
      { op: 'updateRelation', relationId: relation.id, patch },
      { coalesceKey: key && `${key}:${relation.id}` },
    );
  const entityOptions = entities.map((e) => ({ value: e.id, label: e.name || '(unnamed)' }));
  const nameOf = (id: string) => entities.find((e) => e.id === id)?.name ?? '?';
  const many = relation.kind === 'many-to-many';
  return (
    <>
      <p className="inspector-context">
        {nameOf(relation.fromEntityId)}.{relation.fieldName} → {nameOf(relation.toEntityId)}{' '}
        <span className="pill">{CARDINALITY[relation.kind]}</span>
      </p>
      <ProblemList problems={rest} />
      <Section title="Relation">
        <SelectField<RelationKind>
          label="Kind"
          value={relation.kind}
          problems={byProp.get('kind')}
          options={[
            {
              value: 'many-to-one',
              label: `Many-to-one (each ${nameOf(relation.fromEntityId)} has one ${nameOf(relation.toEntityId)})`,
            },
            { value: 'one-to-one', label: 'One-to-one' },
            { value: 'many-to-many', label: 'Many-to-many' },
          ]}
          onChange={(kind) => update('Relation kind', { kind })}
        />
        <div className="control-pair">
          <SelectField
            label="From"
            value={relation.fromEntityId}
            options={entityOptions}
            onChange={(fromEntityId) => update('Relation from', { fromEntityId })}
          />
          <SelectField
            label="To"
            value={relation.toEntityId}
            options={entityOptions}
            onChange={(toEntityId) => update('Relation to', { toEntityId })}
          />
        </div>
        <TextField
          label={`Attribute on ${nameOf(relation.fromEntityId)}`}
          value={relation.fieldName}
          problems={byProp.get('fieldName')}
          hint={many ? undefined : `FK column ${relation.fieldName}_id`}
          onChange={(fieldName) => update('Relation name', { fieldName }, 'field')}
        />
        <TextField
          label={`Back-reference on ${nameOf(relation.toEntityId)}`}
          value={relation.backrefName}
          problems={byProp.get('backrefName')}
          onChange={(backrefName) => update('Back-reference', { backrefName }, 'backref')}
        />
        {!many && (
          <CheckboxField
            label="Nullable (optional link)"
            checked={relation.nullable}
            problems={byProp.get('nullable')}
            onChange={(nullable) => update('Nullable', { nullable })}
          />
        )}
        <SelectField<OnDelete>
          label={`When the ${nameOf(relation.toEntityId)} is deleted`}
          value={relation.onDelete}
          problems={byProp.get('onDelete')}
          options={[
            { value: 'restrict', label: 'Restrict (refuse)' },
            { value: 'cascade', label: 'Cascade (delete these too)' },
            { value: 'set-null', label: 'Set null' },
          ]}
          onChange={(onDelete) => update('On delete', { onDelete })}
        />
        {many && (
          <>
            <SelectField
              label="Through entity"
              value={relation.throughEntityId ?? ''}
              problems={byProp.get('throughEntityId')}
              options={[{ value: '', label: 'None (plain association table)' }, ...entityOptions]}
              onChange={(v) => update('Through entity', { throughEntityId: v === '' ? null : v })}
            />
            {relation.throughEntityId === undefined && (
              <TextField
                label="Association table"
                value={relation.associationTable ?? ''}
                problems={byProp.get('associationTable')}
                placeholder="derived from the names"
                onChange={(v) =>
                  update('Association table', { associationTable: v === '' ? null : v }, 'assoc')
                }
              />
            )}
          </>
        )}
      </Section>
      <div className="inspector-actions">
        <button
          type="button"
          className="danger"
          onClick={() =>
            actions.apply(
              'Delete relation',
              { op: 'deleteRelation', relationId: relation.id },
              { select: null },
            )
          }
        >
          Delete relation
        </button>
      </div>
    </>
  );
}
