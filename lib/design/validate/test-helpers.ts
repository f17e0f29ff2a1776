import { newEntity, newField } from '../factories';
import type { Design, Field } from '../schema';
import { templates } from '../templates';
import { validateDesign } from './index';

/** A deep copy of a template to edit freely in a test. */
export function blog(): Design {
  return structuredClone(templates.blog());
}

/** A blank design with one entity `Thing` (id `t`) holding the given fields. */
export function withFields(...fields: Field[]): Design {
  const design = templates.blank();
  design.entities.push(newEntity('t', 'Thing', { fields }));
  return design;
}

export const field = newField;

export function problemsOf(design: Design, code?: string) {
  const problems = validateDesign(design);
  return code === undefined ? problems : problems.filter((p) => p.code === code);
}

export function entity(design: Design, id: string) {
  const found = design.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
}
