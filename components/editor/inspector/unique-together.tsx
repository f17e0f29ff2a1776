'use client';

import { type Entity, holdsForeignKey, type Relation, type UniqueConstraint } from '@/lib/design';
import { newId } from '../model/ids';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { CheckboxField, ProblemList, Section } from './controls';
import { problemsAt, useProblemsAt } from './path-problems';

/** Columns a composite unique constraint may hold: the entity's fields and the FK columns of its to-one relations. */
export function uniqueMembers(
  entity: Entity,
  relations: readonly Relation[],
): { id: string; label: string }[] {
  return [
    ...entity.fields
      .filter((f) => f.type !== 'password')
      .map((f) => ({ id: f.id, label: f.name || '(unnamed)' })),
    ...relations
      .filter((r) => r.fromEntityId === entity.id && holdsForeignKey(r))
      .map((r) => ({ id: r.id, label: `${r.fieldName || '(unnamed)'} (relation)` })),
  ];
}

/** "Unique together": sets of two or more columns no two rows may share (a user favourites an article once). */
export function UniqueTogether({ entity, index }: { entity: Entity; index: number }) {
  const actions = useEditorActions();
  const relations = useEditor((s) => s.design.relations);
  const prefix = `entities[${index}].uniques`;
  const problems = useProblemsAt(prefix);
  const uniques = entity.uniques ?? [];
  const members = uniqueMembers(entity, relations);
  const save = (label: string, next: UniqueConstraint[]) =>
    actions.apply(label, { op: 'updateEntity', entityId: entity.id, patch: { uniques: next } });
  const labelOf = (id: string) => members.find((m) => m.id === id)?.label ?? '(missing)';
  return (
    <Section
      title="Unique together"
      actions={
        <button
          type="button"
          className="small"
          disabled={members.length < 2}
          onClick={() => save('Add unique constraint', [...uniques, { id: newId('uq'), members: [] }])}
        >
          Add unique constraint
        </button>
      }
    >
      {uniques.length === 0 && (
        <p className="muted">Columns no two rows may share together; a duplicate is a 409.</p>
      )}
      {uniques.map((u, k) => {
        const title = u.members.length > 0 ? u.members.map(labelOf).join(' + ') : 'no columns yet';
        return (
          <fieldset key={u.id} className="embeds block" aria-label={`Unique together ${k + 1}`}>
            <legend>Unique: {title}</legend>
            <div className="check-grid">
              {members.map((m) => (
                <CheckboxField
                  key={m.id}
                  label={m.label}
                  checked={u.members.includes(m.id)}
                  onChange={(on) =>
                    save(
                      'Unique columns',
                      uniques.map((x) =>
                        x.id !== u.id
                          ? x
                          : {
                              ...x,
                              // In the order the entity lists them, whatever order they were ticked in.
                              members: on
                                ? members
                                    .filter((c) => c.id === m.id || x.members.includes(c.id))
                                    .map((c) => c.id)
                                : x.members.filter((id) => id !== m.id),
                            },
                      ),
                    )
                  }
                />
              ))}
            </div>
            {u.members.length < 2 && <p className="hint">Pick two or more columns.</p>}
            <ProblemList problems={problemsAt(problems, `${prefix}[${k}]`)} />
            <button
              type="button"
              className="small danger"
              onClick={() =>
                save(
                  'Delete unique constraint',
                  uniques.filter((x) => x.id !== u.id),
                )
              }
            >
              Delete unique constraint
            </button>
          </fieldset>
        );
      })}
    </Section>
  );
}
