'use client';

import type { FieldDerive as Derive, Entity, Field } from '@/lib/design';
import { useEditorActions } from '../store/use-editor-actions';
import { CheckboxField, Section, SelectField } from './controls';
import { TEXT_TYPES } from './field-default';
import { problemsAt, useProblemsAt } from './path-problems';

type Kind = 'none' | Derive['kind'];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'none', label: 'Not derived' },
  { value: 'slug', label: 'Slug of another field' },
  { value: 'lower', label: 'Lower-case copy of another field' },
  { value: 'now', label: 'Time when another field changes' },
];

/** Fields a value of `kind` can be derived from: text for slugs and lower-case copies, any other for `now`. */
export function deriveSources(entity: Entity, field: Field, kind: Derive['kind']): Field[] {
  return entity.fields.filter(
    (f) =>
      f.id !== field.id &&
      f.type !== 'password' &&
      (kind === 'now' || (TEXT_TYPES.has(f.type) && f.derive === undefined)),
  );
}

/** "Derived from": the server computes the field from another one of the row (a slug of the title). */
export function FieldDerive({ entity, field, path }: { entity: Entity; field: Field; path: string }) {
  const actions = useEditorActions();
  const problems = useProblemsAt(`${path}.derive`);
  const derive = field.derive;
  const update = (label: string, next: Derive | null) =>
    actions.apply(label, { op: 'updateField', fieldId: field.id, patch: { derive: next } });
  const setKind = (kind: Kind) => {
    if (kind === 'none') return update('Not derived', null);
    const sources = deriveSources(entity, field, kind);
    const keep = sources.find((f) => f.id === derive?.fromFieldId);
    // `now` follows a flag most often (published -> published_at); a slug follows the first text field.
    const source =
      keep ?? (kind === 'now' ? sources.find((f) => f.type === 'boolean') : undefined) ?? sources[0];
    // Without a field to derive from there is nothing to store (the kind stays as it was).
    if (!source) return;
    update('Derived from', { kind, fromFieldId: source.id, onUpdate: derive?.onUpdate ?? kind === 'now' });
  };
  const sources = derive ? deriveSources(entity, field, derive.kind) : [];
  return (
    <Section title="Derived value">
      <SelectField<Kind>
        label="Derived from"
        value={derive?.kind ?? 'none'}
        options={KINDS}
        problems={problemsAt(problems, `${path}.derive.kind`)}
        hint={derive ? 'Set by the server; never accepted in request bodies.' : undefined}
        onChange={setKind}
      />
      {derive && (
        <>
          <SelectField
            label="Source field"
            value={sources.some((f) => f.id === derive.fromFieldId) ? derive.fromFieldId : ''}
            options={[
              ...(sources.some((f) => f.id === derive.fromFieldId)
                ? []
                : [{ value: '', label: 'Choose a field…' }]),
              ...sources.map((f) => ({ value: f.id, label: f.name || '(unnamed)' })),
            ]}
            problems={problemsAt(problems, `${path}.derive.fromFieldId`)}
            hint={
              derive.kind === 'slug'
                ? 'Lower-case words joined by -, with a number added when another row has it.'
                : undefined
            }
            onChange={(fromFieldId) => fromFieldId && update('Derive source', { ...derive, fromFieldId })}
          />
          <CheckboxField
            label={derive.kind === 'now' ? 'Also when it changes on update' : 'Recompute on update'}
            checked={derive.onUpdate}
            problems={problemsAt(problems, `${path}.derive.onUpdate`)}
            onChange={(onUpdate) => update('Derive on update', { ...derive, onUpdate })}
          />
        </>
      )}
      {problems
        .filter((p) => p.path === `${path}.derive`)
        .map((p) => (
          <span key={p.message} className="field-error">
            {p.message}
          </span>
        ))}
    </Section>
  );
}
