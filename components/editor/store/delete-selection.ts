import type { Design, Operation } from '@/lib/design';
import { findElement } from '../model/find-element';
import type { Selection } from './editor-state';

function deleteOne(design: Design, id: string): { label: string; operation: Operation } | null {
  const found = findElement(design, id);
  switch (found?.kind) {
    case 'entity':
      return { label: 'Delete entity', operation: { op: 'deleteEntity', entityId: found.entity.id } };
    case 'field':
      return { label: 'Delete field', operation: { op: 'deleteField', fieldId: found.field.id } };
    case 'computed':
      return {
        label: 'Delete computed field',
        operation: { op: 'deleteComputedField', entityId: found.entity.id, computedId: found.computed.id },
      };
    case 'unique': {
      const uniques = (found.entity.uniques ?? []).filter((u) => u.id !== found.unique.id);
      return {
        label: 'Delete unique constraint',
        operation: { op: 'updateEntity', entityId: found.entity.id, patch: { uniques } },
      };
    }
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

/**
 * The operations the Delete key runs for the current selection (null when nothing deletable is selected);
 * several boxes go in one step.
 */
export function deleteOperationsFor(
  design: Design,
  selection: Selection,
): { label: string; operations: Operation[] } | null {
  if (selection?.kind === 'element') {
    const one = deleteOne(design, selection.id);
    return one && { label: one.label, operations: [one.operation] };
  }
  if (selection?.kind !== 'nodes') return null;
  const operations = selection.ids.flatMap((id) => deleteOne(design, id)?.operation ?? []);
  return operations.length > 0 ? { label: `Delete ${operations.length} boxes`, operations } : null;
}
