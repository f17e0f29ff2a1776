'use client';

import { useEditor } from '../store/editor-context';
import { ApiShapeInspector } from './api-shape-inspector';
import { AuthInspector } from './auth-inspector';
import { CustomEndpointInspector } from './custom-endpoint-inspector';
import { EndpointInspector } from './endpoint-inspector';
import { EntityInspector } from './entity-inspector';
import { EnumInspector } from './enum-inspector';
import { FieldInspector } from './field-inspector';
import { RelationInspector } from './relation-inspector';
import { SelectionSummary } from './selection-summary';

function InspectorBody() {
  const design = useEditor((s) => s.design);
  const selection = useEditor((s) => s.selection);
  if (selection?.kind === 'auth') return <AuthInspector />;
  if (selection?.kind === 'nodes') return <SelectionSummary ids={selection.ids} />;
  if (selection?.kind === 'endpoint') {
    const index = design.entities.findIndex((e) => e.id === selection.entityId);
    const entity = design.entities[index];
    if (entity) return <EndpointInspector entity={entity} index={index} operation={selection.operation} />;
  }
  if (selection?.kind === 'element') {
    const id = selection.id;
    for (const [index, entity] of design.entities.entries()) {
      // Computed and unique rows are edited in their entity's sections.
      if (
        entity.id === id ||
        entity.computed?.some((c) => c.id === id) ||
        entity.uniques?.some((u) => u.id === id)
      )
        return <EntityInspector entity={entity} index={index} />;
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
    const endpointIndex = design.customEndpoints.findIndex((c) => c.id === id);
    const endpoint = design.customEndpoints[endpointIndex];
    if (endpoint) return <CustomEndpointInspector endpoint={endpoint} index={endpointIndex} />;
  }
  return (
    <>
      <ApiShapeInspector />
      <p className="hint inspector-empty">
        {design.entities.length} entities, {design.relations.length} relations, {design.enums.length} enums.
        The design takes the workspace&apos;s name (rename it in the toolbar). Select a box, a field, a
        relation or a route to edit it; drag from a box&apos;s right handle to another box to relate them.
      </p>
    </>
  );
}

const TITLE = {
  auth: 'Auth settings',
  endpoint: 'Endpoint',
  element: 'Inspector',
  nodes: 'Selection',
} as const;

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
