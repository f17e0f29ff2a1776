'use client';

import type { DesignEnum } from '@/lib/design';
import { useElementProblems } from '../problems/problems-context';
import { useEditorActions } from '../store/use-editor-actions';
import { ProblemList, Section, TextField } from './controls';
import { splitProblems } from './problem-split';

export function EnumInspector({ designEnum, index }: { designEnum: DesignEnum; index: number }) {
  const actions = useEditorActions();
  const { byProp, rest } = splitProblems(useElementProblems(designEnum.id), `enums[${index}]`, [
    'name',
    'values',
  ]);
  const path = `enums[${index}]`;
  const valueProblems = [...(byProp.get('values') ?? []), ...rest.filter((p) => p.path === path)];
  return (
    <>
      <ProblemList problems={rest.filter((p) => p.path !== path)} />
      <Section title="Enum">
        <TextField
          label="Name"
          value={designEnum.name}
          problems={byProp.get('name')}
          hint="PascalCase, e.g. PostStatus"
          onChange={(name) =>
            actions.apply(
              'Rename enum',
              { op: 'renameEnum', enumId: designEnum.id, name },
              { coalesceKey: `name:${designEnum.id}` },
            )
          }
        />
        <TextField
          label="Values (one per line)"
          multiline
          value={designEnum.values.join('\n')}
          problems={valueProblems}
          onChange={(text) =>
            actions.apply(
              'Enum values',
              { op: 'updateEnumValues', enumId: designEnum.id, values: text === '' ? [] : text.split('\n') },
              { coalesceKey: `values:${designEnum.id}` },
            )
          }
        />
      </Section>
      <div className="inspector-actions">
        <button
          type="button"
          className="danger"
          onClick={() =>
            actions.apply('Delete enum', { op: 'deleteEnum', enumId: designEnum.id }, { select: null })
          }
        >
          Delete enum
        </button>
      </div>
    </>
  );
}
