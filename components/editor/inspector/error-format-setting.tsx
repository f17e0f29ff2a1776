'use client';

import type { ErrorFormat } from '@/lib/design';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { Section, SelectField } from './controls';

const FORMATS: readonly { value: ErrorFormat; label: string }[] = [
  { value: 'fastapi', label: "FastAPI's default ({detail})" },
  { value: 'problem', label: 'RFC 9457 problem details' },
  { value: 'field-map', label: 'Field map ({errors: {field: [messages]}})' },
];

/** The body of every 4xx the generated API answers (a part of the API-shape panel). */
export function ErrorFormatSetting() {
  const actions = useEditorActions();
  const errors = useEditor((s) => s.design.api.errors);
  return (
    <Section title="Error format">
      <SelectField
        label="Error responses"
        value={errors}
        options={FORMATS}
        onChange={(next) => actions.apply('Error format', { op: 'setApiShape', api: { errors: next } })}
        hint="Validation, 401, 403, 404 and 409 alike; errors about no single field are listed under body."
      />
    </Section>
  );
}
