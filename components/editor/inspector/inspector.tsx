'use client';

import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { ApiShapeInspector } from './api-shape-inspector';
import { AuthInspector } from './auth-inspector';
import { Section, TextField } from './controls';
import { EndpointInspector } from './endpoint-inspector';
import { EntityInspector } from './entity-inspector';
import { EnumInspector } from './enum-inspector';
import { FieldInspector } from './field-inspector';
import { RelationInspector } from './relation-inspector';

function InspectorBody() {
  const design = useEditor((s) => s.design);
  const selection = useEditor((s) => s.selection);
  const actions = useEditorActions();
  if (selection?.kind === 'auth') return <AuthInspector />;
  if (selection?.kind === 'endpoint') {
    const index = design.entities.findIndex((e) => e.id === selection.entityId);
    const entity = design.entities[index];
    if (entity) return <EndpointInspector entity={entity} index={index} operation={selection.operation} />;
  }
  if (selection?.kind === 'element') {
    const id = selection.id;
    for (const [index, entity] of design.entities.entries()) {
      if (entity.id === id) return <EntityInspector entity={entity} index={index} />;
      const fieldIndex = entity.fields.findIndex((f) => f.id === id);
      const field = entity.fields[fieldIndex];
      if (field)
        return (
          <FieldInspector entity={entity} field={field} path={`entities[${index}].fields[${fieldIndex}]`} />
        );
    }
    const relationIndex = design.relations.findIndex((r) => r.id === id);
    const relation = design.relations[relationIndex];
    if (relation) return <RelationInspector relation={relation} index={relationIndex} />;
    const enumIndex = design.enums.findIndex((e) => e.id === id);
    const designEnum = design.enums[enumIndex];
    if (designEnum) return <EnumInspector designEnum={designEnum} index={enumIndex} />;
  }
  return (
    <>
      <Section title="Design">
        <TextField
          label="Design name"
          value={design.name}
          onChange={(name) =>
            actions.apply('Rename design', { op: 'renameDesign', name }, { coalesceKey: 'design-name' })
          }
        />
      </Section>
      <ApiShapeInspector />
      <p className="hint inspector-empty">
        {design.entities.length} entities, {design.relations.length} relations, {design.enums.length} enums.
        Select a box, a field, a relation or a route to edit it; drag from a box&apos;s right handle to
        another box to relate them.
      </p>
    </>
  );
}

const TITLE = { auth: 'Auth settings', endpoint: 'Endpoint', element: 'Inspector' } as const;

export function Inspector() {
  const kind = useEditor((s) => s.selection?.kind);
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2 className="panel-title">{kind ? TITLE[kind] : 'Inspector'}</h2>
      <div className="inspector-body">
        <InspectorBody />
      </div>
    </aside>
  );
}
