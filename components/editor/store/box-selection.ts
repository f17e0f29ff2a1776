import { boxSelection, type Selection } from './editor-state';

/**
 * The selection after React Flow's select changes (a click, Ctrl+click, a Shift-drag rectangle), given the
 * boxes shown selected now. Undefined leaves the selection alone: deselecting boxes that were not selected
 * as boxes (a field's entity, say) must not clear a field or relation the person just picked.
 */
export function selectionAfterChanges(
  selectedBoxes: readonly string[],
  changes: readonly { id: string; selected: boolean }[],
): Selection | undefined {
  if (changes.length === 0) return undefined;
  const next = [...selectedBoxes];
  for (const change of changes) {
    const at = next.indexOf(change.id);
    if (change.selected && at < 0) next.push(change.id);
    else if (!change.selected && at >= 0) next.splice(at, 1);
  }
  if (next.length > 0) return boxSelection(next);
  return selectedBoxes.length > 0 ? null : undefined;
}
