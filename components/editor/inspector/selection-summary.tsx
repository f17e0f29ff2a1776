'use client';

import { findElement } from '../model/find-element';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { Section } from './controls';

/** Several boxes selected: what they are, and what the keyboard does with them. */
export function SelectionSummary({ ids }: { ids: readonly string[] }) {
  const design = useEditor((s) => s.design);
  const actions = useEditorActions();
  return (
    <Section title={`${ids.length} boxes selected`}>
      <ul className="selection-summary">
        {ids.map((id) => {
          const found = findElement(design, id);
          const name =
            found?.kind === 'entity'
              ? `Entity ${found.entity.name || '(unnamed)'}`
              : found?.kind === 'enum'
                ? `Enum ${found.designEnum.name || '(unnamed)'}`
                : id;
          return (
            <li key={id}>
              <button type="button" className="link" onClick={() => actions.select({ kind: 'element', id })}>
                {name}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="hint">
        Drag one to move them all, nudge them with the arrow keys, copy them with Ctrl+C or remove them with
        Delete.
      </p>
    </Section>
  );
}
