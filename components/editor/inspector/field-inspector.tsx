'use client';

import {
  type Constraints,
  type Entity,
  FIELD_TYPES,
  type Field,
  type FieldPatch,
  type FieldType,
} from '@/lib/design';
import { PATTERN_SYNTAX } from '@/lib/design/pattern';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { CheckboxField, NumberField, ProblemList, Section, SelectField, TextField } from './controls';
import { FieldApiName } from './field-api-name';
import {
  type BooleanDefault,
  booleanDefault,
  booleanDefaultOf,
  type DefaultKind,
  literalText,
  NUMBER_TYPES,
  parseLiteral,
  TEXT_TYPES,
} from './field-default';
import { FieldDerive } from './field-derive';
import { splitProblems } from './problem-split';

const PROPS = [
  'name',
  'type',
  'enumId',
  'precision',
  'scale',
  'constraints',
  'default',
  'readOnly',
  'writeOnly',
  'visibility',
  'copyFrom',
  'derive',
  'description',
  'apiName',
];

/** Who sees the field in responses: one choice over `visibility` and `writeOnly`. */
type Shown = 'public' | 'owner' | 'never';
const SHOWN: { value: Shown; label: string }[] = [
  { value: 'public', label: 'Everyone who can read the row' },
  { value: 'owner', label: 'The owner only' },
  { value: 'never', label: 'Never (write-only)' },
];
const SHOWN_PATCH: Record<Shown, FieldPatch> = {
  public: { visibility: 'public', writeOnly: false },
  owner: { visibility: 'owner', writeOnly: false },
  never: { writeOnly: true },
};
function shownOf(field: Field): Shown {
  if (field.writeOnly || field.type === 'password') return 'never';
  return field.visibility;
}

export function FieldInspector({ entity, field, path }: { entity: Entity; field: Field; path: string }) {
  const actions = useEditorActions();
  const enums = useEditor((s) => s.design.enums);
  const relations = useEditor((s) => s.design.relations);
  const entities = useEditor((s) => s.design.entities);
  // Fields of the same type on rows a to-one relation of this entity points at.
  const copyOptions = relations
    .filter((r) => r.fromEntityId === entity.id && r.kind !== 'many-to-many')
    .flatMap((r) =>
      (entities.find((e) => e.id === r.toEntityId)?.fields ?? [])
        .filter((f) => f.type === field.type && f.type !== 'password' && f.id !== field.id)
        .map((f) => ({ value: `${r.id}:${f.id}`, label: `${r.fieldName || '(unnamed)'}.${f.name}` })),
    );
  const { byProp, rest } = splitProblems(useElementProblems(field.id), path, PROPS);
  const update = (label: string, patch: FieldPatch, key?: string) =>
    actions.apply(
      label,
      { op: 'updateField', fieldId: field.id, patch },
      { coalesceKey: key && `${key}:${field.id}` },
    );
  const setConstraint = (key: keyof Constraints, value: number | string | undefined) => {
    const constraints: Constraints = { ...field.constraints, [key]: value === '' ? undefined : value };
    for (const k of Object.keys(constraints) as (keyof Constraints)[])
      if (constraints[k] === undefined) delete constraints[k];
    update('Constraints', { constraints }, `c-${key}`);
  };
  const defaultKind: DefaultKind = field.default?.kind ?? 'none';
  const index = entity.fields.findIndex((f) => f.id === field.id);
  return (
    <>
      <p className="inspector-context">
        Field of{' '}
        <button
          type="button"
          className="list-link"
          onClick={() => actions.select({ kind: 'element', id: entity.id })}
        >
          {entity.name || '(unnamed)'}
        </button>
      </p>
      <ProblemList problems={rest} />
      <Section title="Field">
        <TextField
          label="Name"
          value={field.name}
          problems={byProp.get('name')}
          hint="snake_case, e.g. published_at"
          onChange={(name) =>
            actions.apply(
              'Rename field',
              { op: 'renameField', fieldId: field.id, name },
              { coalesceKey: `name:${field.id}` },
            )
          }
        />
        <FieldApiName field={field} problems={byProp.get('apiName')} />
        <SelectField<FieldType>
          label="Type"
          value={field.type}
          problems={byProp.get('type')}
          options={FIELD_TYPES.map((t) => ({ value: t, label: t }))}
          onChange={(type) =>
            // With exactly one enum there is nothing to choose: pick it.
            update(
              'Field type',
              type === 'enum' && !field.enumId && enums.length === 1 && enums[0]
                ? { type, enumId: enums[0].id }
                : { type },
            )
          }
        />
        {field.type === 'enum' && (
          <SelectField
            label="Enum"
            value={field.enumId ?? ''}
            problems={byProp.get('enumId')}
            options={[
              { value: '', label: 'Choose an enum…' },
              ...enums.map((e) => ({ value: e.id, label: e.name || e.id })),
            ]}
            onChange={(enumId) => update('Field enum', { enumId: enumId === '' ? null : enumId })}
          />
        )}
        {field.type === 'decimal' && (
          <div className="control-pair">
            <NumberField
              label="Precision"
              min={1}
              value={field.precision}
              problems={byProp.get('precision')}
              onChange={(v) => update('Precision', { precision: v ?? null }, 'precision')}
            />
            <NumberField
              label="Scale"
              min={0}
              value={field.scale}
              problems={byProp.get('scale')}
              onChange={(v) => update('Scale', { scale: v ?? null }, 'scale')}
            />
          </div>
        )}
        <div className="check-grid">
          <CheckboxField
            label="Nullable"
            checked={field.nullable}
            onChange={(nullable) => update('Nullable', { nullable })}
          />
          <CheckboxField
            label="Unique"
            checked={field.unique}
            onChange={(unique) => update('Unique', { unique })}
          />
          <CheckboxField
            label="Indexed"
            checked={field.indexed}
            onChange={(indexed) => update('Indexed', { indexed })}
          />
          <CheckboxField
            label="Read-only"
            checked={field.readOnly}
            problems={byProp.get('readOnly')}
            onChange={(readOnly) => update('Read-only', { readOnly })}
          />
        </div>
        <SelectField<Shown>
          label="Returned to"
          value={shownOf(field)}
          problems={[...(byProp.get('writeOnly') ?? []), ...(byProp.get('visibility') ?? [])]}
          hint="Owner-only fields are left out of embeds and of reads open to others (the user themself for the user entity)."
          options={field.type === 'password' ? SHOWN.filter((o) => o.value === 'never') : SHOWN}
          onChange={(shown) => update('Returned to', SHOWN_PATCH[shown])}
        />
      </Section>
      <Section title="Default">
        {field.type === 'boolean' ? (
          <SelectField<BooleanDefault>
            label="Default value"
            value={booleanDefaultOf(field.default)}
            problems={byProp.get('default')}
            options={[
              { value: 'none', label: 'None' },
              { value: 'true', label: 'true' },
              { value: 'false', label: 'false' },
            ]}
            onChange={(v) => update('Default', { default: booleanDefault(v) })}
          />
        ) : (
          <>
            <SelectField<DefaultKind>
              label="Default value"
              value={defaultKind}
              problems={byProp.get('default')}
              options={[
                { value: 'none', label: 'None' },
                { value: 'literal', label: 'Fixed value' },
                { value: 'now', label: 'Current time' },
                { value: 'uuid', label: 'Generated UUID' },
              ]}
              onChange={(kind) =>
                update('Default', {
                  default: kind === 'none' ? null : kind === 'literal' ? parseLiteral(field, '') : { kind },
                })
              }
            />
            {defaultKind === 'literal' && (
              <TextField
                label="Value"
                value={literalText(field.default)}
                onChange={(text) =>
                  update('Default value', { default: parseLiteral(field, text) }, 'default')
                }
              />
            )}
          </>
        )}
        {copyOptions.length > 0 && (
          <SelectField
            label="Copied from"
            value={field.copyFrom ? `${field.copyFrom.relationId}:${field.copyFrom.fieldId}` : ''}
            problems={byProp.get('copyFrom')}
            hint="Set by the server from the row the relation points at (read-only fields), on create and when the relation changes."
            options={[{ value: '', label: 'Nothing' }, ...copyOptions]}
            onChange={(v) => {
              const [relationId = '', fieldId = ''] = v.split(':');
              update('Copied from', { copyFrom: v === '' ? null : { relationId, fieldId } });
            }}
          />
        )}
      </Section>
      <FieldDerive entity={entity} field={field} path={path} />
      <Section title="Constraints">
        {TEXT_TYPES.has(field.type) && (
          <div className="control-pair">
            <NumberField
              label="Min length"
              min={0}
              value={field.constraints.minLength}
              onChange={(v) => setConstraint('minLength', v)}
            />
            <NumberField
              label="Max length"
              min={0}
              value={field.constraints.maxLength}
              onChange={(v) => setConstraint('maxLength', v)}
            />
          </div>
        )}
        {NUMBER_TYPES.has(field.type) && (
          <div className="control-pair">
            <NumberField
              label="Minimum"
              step={0.01}
              value={field.constraints.min}
              onChange={(v) => setConstraint('min', v)}
            />
            <NumberField
              label="Maximum"
              step={0.01}
              value={field.constraints.max}
              onChange={(v) => setConstraint('max', v)}
            />
          </div>
        )}
        {TEXT_TYPES.has(field.type) && (
          <TextField
            label="Pattern (regex)"
            hint={`Matched anywhere in the text; ${PATTERN_SYNTAX}.`}
            value={field.constraints.pattern ?? ''}
            onChange={(v) => setConstraint('pattern', v)}
          />
        )}
        {byProp.get('constraints') && <ProblemList problems={byProp.get('constraints') ?? []} />}
      </Section>
      <Section title="Documentation">
        <TextField
          label="Description"
          multiline
          value={field.description}
          onChange={(description) => update('Description', { description }, 'desc')}
        />
      </Section>
      <div className="inspector-actions">
        <button
          type="button"
          disabled={index <= 0}
          onClick={() =>
            actions.apply('Move field', { op: 'moveField', fieldId: field.id, toIndex: index - 1 })
          }
        >
          Move up
        </button>
        <button
          type="button"
          disabled={index >= entity.fields.length - 1}
          onClick={() =>
            actions.apply('Move field', { op: 'moveField', fieldId: field.id, toIndex: index + 1 })
          }
        >
          Move down
        </button>
        <button
          type="button"
          className="danger"
          onClick={() =>
            actions.apply(
              'Delete field',
              { op: 'deleteField', fieldId: field.id },
              { select: { kind: 'element', id: entity.id } },
            )
          }
        >
          Delete field
        </button>
      </div>
    </>
  );
}
