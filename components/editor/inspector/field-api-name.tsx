'use client';

import type { Field, Problem } from '@/lib/design';
import { styled } from '@/lib/design/api-shape';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { TextField } from './controls';

/** The field's name in JSON bodies, answers and query parameters; empty: its name in the project's style. */
export function FieldApiName({ field, problems }: { field: Field; problems?: readonly Problem[] }) {
  const naming = useEditor((s) => s.design.api.naming);
  const actions = useEditorActions();
  return (
    <TextField
      label="API name"
      value={field.apiName ?? ''}
      placeholder={styled(field.name, naming)}
      problems={problems}
      hint="The JSON key; the column keeps the name"
      onChange={(v) =>
        actions.apply(
          'API name',
          { op: 'updateField', fieldId: field.id, patch: { apiName: v === '' ? null : v } },
          { coalesceKey: `api-name:${field.id}` },
        )
      }
    />
  );
}
