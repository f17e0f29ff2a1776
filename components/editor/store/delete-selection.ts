import type { Design, Operation } from '@/lib/design';
import { findElement } from '../model/find-element';
import type { Selection } from './editor-state';

/** The operation the Delete key runs for the current selection (null when nothing deletable is selected). */
export function deleteOperationFor(
  design: Design,
  selection: Selection,
): { label: string; operation: Operation } | null {
  if (selection?.kind !== 'element') return null;
  const found = findElement(design, selection.id);
  switch (found?.kind) {
    case 'entity':
      return { label: 'Delete entity', operation: { op: 'deleteEntity', entityId: found.entity.id } };
    case 'field':
      return { label: 'Delete field', operation: { op: 'deleteField', fieldId: found.field.id } };
    case 'relation':
      return { label: 'Delete relation', operation: { op: 'deleteRelation', relationId: found.relation.id } };
    case 'enum':
      return { label: 'Delete enum', operation: { op: 'deleteEnum', enumId: found.designEnum.id } };
    case 'customEndpoint':
      return {
        label: 'Delete endpoint',
        operation: { op: 'deleteCustomEndpoint', endpointId: found.endpoint.id },
      };
    default:
      return null;
  }
}
