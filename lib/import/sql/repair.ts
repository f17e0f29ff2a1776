import type { Design } from '@/lib/design/schema';
import { validateDesign } from '@/lib/design/validate';
import { amend, type Reporter } from './report';

/** Enough rounds for the repairs to settle: each one removes or relaxes at least one element. */
const MAX_ROUNDS = 50;

/**
 * The net under the builder: whatever validateDesign still finds (a required foreign-key cycle, a derived
 * constraint name past 63 characters...) is relaxed or removed, and the construct's report entry says so. An
 * import never hands back a design with problems.
 */
export function repairDesign(design: Design, report: Reporter): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const problems = validateDesign(design);
    if (problems.length === 0) return;
    const done = new Set<string>();
    for (const problem of problems) {
      const id = problem.elementId;
      if (id === undefined || done.has(id)) continue;
      done.add(id);
      const entry = report.forElement(id);
      const note = (status: 'approximated' | 'skipped', text: string) => {
        if (entry) amend(entry, status, text);
      };
      const relation = design.relations.find((r) => r.id === id);
      if (problem.code === 'required-fk-cycle' && relation) {
        relation.nullable = true;
        note(
          'approximated',
          'the relation is optional: required relations formed a cycle, so no row could be created first',
        );
        continue;
      }
      if (relation) {
        removeRelation(design, id);
        note('skipped', `dropped: ${problem.message}`);
        continue;
      }
      if (removeField(design, id, problem.message, note)) continue;
      const entityIndex = design.entities.findIndex((e) => e.id === id);
      if (entityIndex >= 0) {
        const entity = design.entities[entityIndex];
        if (entity?.uniques?.length && problem.code === 'invalid-unique') {
          entity.uniques = [];
          note('approximated', `its unique constraints over several columns are dropped: ${problem.message}`);
          continue;
        }
        if (entity) {
          design.entities.splice(entityIndex, 1);
          for (const r of design.relations.filter((r) => r.fromEntityId === id || r.toEntityId === id))
            removeRelation(design, r.id);
          note('skipped', `dropped: ${problem.message}`);
        }
        continue;
      }
      const enumIndex = design.enums.findIndex((e) => e.id === id);
      if (enumIndex >= 0) {
        design.enums.splice(enumIndex, 1);
        for (const entity of design.entities)
          for (const field of entity.fields)
            if (field.enumId === id) {
              field.type = 'text';
              delete field.enumId;
              delete field.default;
            }
        note('skipped', `dropped: ${problem.message}`);
      }
    }
  }
}

function removeRelation(design: Design, id: string): void {
  design.relations = design.relations.filter((r) => r.id !== id);
  for (const entity of design.entities) {
    if (entity.uniques) entity.uniques = entity.uniques.filter((u) => !u.members.includes(id));
  }
}

/** Drops an index or unique flag when its derived name is the problem, else the field. */
function removeField(
  design: Design,
  id: string,
  message: string,
  note: (status: 'approximated' | 'skipped', text: string) => void,
): boolean {
  for (const entity of design.entities) {
    const index = entity.fields.findIndex((f) => f.id === id);
    if (index < 0) continue;
    const field = entity.fields[index];
    if (field && (field.indexed || field.unique) && /index name|unique constraint name/.test(message)) {
      field.indexed = false;
      field.unique = false;
      note('approximated', `its index and unique flags are dropped: ${message}`);
      return true;
    }
    if (field?.default) {
      delete field.default;
      if (/default/i.test(message)) {
        note('approximated', `its default is dropped: ${message}`);
        return true;
      }
    }
    entity.fields.splice(index, 1);
    if (entity.uniques) entity.uniques = entity.uniques.filter((u) => !u.members.includes(id));
    note('skipped', `dropped: ${message}`);
    return true;
  }
  return false;
}
