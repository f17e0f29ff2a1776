import { defaultApiShape } from '@/lib/design/factories';
import { type Design, PRIMARY_KEY_REF } from '@/lib/design/schema';
import { type Problem, validateDesign } from '@/lib/design/validate';
import type { Reporter } from './report';

/**
 * The last step of an import: whatever the design still cannot say without a problem is taken out again
 * (in growing steps: a field's constraints, then the field; a resource's list settings, then its operations;
 * a custom endpoint; a relation; the auth settings), each with the problem as the report's reason. An import
 * never hands out a design with problems.
 */
const MAX_ROUNDS = 8;

const publicEverywhere = (design: Design) => {
  for (const e of design.entities)
    for (const op of Object.values(e.resource.operations)) op.access = { kind: 'public' };
  for (const c of design.customEndpoints) c.access = { kind: 'public' };
};

function dropRelation(design: Design, id: string): void {
  design.relations = design.relations.filter((r) => r.id !== id);
  for (const e of design.entities) {
    const r = e.resource;
    if (r.parentRelationId === id) delete r.parentRelationId;
    if (r.ownerRelationId === id) delete r.ownerRelationId;
    r.embed = r.embed.filter((x) => x !== id);
    r.operations.list.filters = r.operations.list.filters.filter((f) => f.relationId !== id);
    r.operations.list.sortable = r.operations.list.sortable.filter((f) => f.relationId !== id);
  }
}

function dropField(design: Design, id: string): void {
  for (const e of design.entities) {
    e.fields = e.fields.filter((f) => f.id !== id);
    const r = e.resource;
    if (r.lookupFieldId === id) r.lookupFieldId = PRIMARY_KEY_REF;
    r.operations.list.filters = r.operations.list.filters.filter((f) => f.fieldId !== id);
    r.operations.list.sortable = r.operations.list.sortable.filter((f) => f.fieldId !== id);
  }
  if (
    design.auth &&
    [design.auth.loginFieldId, design.auth.passwordFieldId, design.auth.roleFieldId].includes(id)
  ) {
    design.auth = null;
    publicEverywhere(design);
  }
}

export function repairDesign(design: Design, report: Reporter): Design {
  const strikes = new Map<string, number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const problems = validateDesign(design);
    if (problems.length === 0) return design;
    const handled = new Set<string>();
    for (const p of problems) {
      const key = `${p.elementId ?? ''}|${p.path}`;
      if (handled.has(key)) continue;
      handled.add(key);
      const n = (strikes.get(key) ?? 0) + 1;
      strikes.set(key, n);
      fix(design, p, n, report);
    }
  }
  const left = validateDesign(design);
  if (left.length > 0) {
    // Still not valid: keep the entities, give up on every behaviour around them.
    for (const p of left) report.element(p.elementId, p.path, 'skipped', p.message);
    design.customEndpoints = [];
    design.auth = null;
    design.api = defaultApiShape();
    for (const e of design.entities) {
      e.fields = e.fields.map((f) => ({ ...f, constraints: {}, default: undefined, apiName: undefined }));
      for (const f of e.fields) {
        delete f.default;
        delete f.apiName;
      }
      e.resource.lookupFieldId = PRIMARY_KEY_REF;
      delete e.resource.parentRelationId;
      delete e.resource.path;
      e.resource.operations.list.filters = [];
      e.resource.operations.list.sortable = [];
      for (const op of Object.values(e.resource.operations)) op.access = { kind: 'public' };
    }
    const stillBad = new Set(validateDesign(design).map((p) => p.elementId));
    design.relations = design.relations.filter((r) => !stillBad.has(r.id));
    design.entities = design.entities.filter(
      (e) => !stillBad.has(e.id) && !e.fields.some((f) => stillBad.has(f.id)),
    );
    const ids = new Set(design.entities.map((e) => e.id));
    design.relations = design.relations.filter((r) => ids.has(r.fromEntityId) && ids.has(r.toEntityId));
  }
  return design;
}

function fix(design: Design, p: Problem, strike: number, report: Reporter): void {
  const id = p.elementId;
  if (p.path.startsWith('auth')) {
    report.skipped('authentication', undefined, `Left out: ${p.message}`);
    design.auth = null;
    publicEverywhere(design);
    return;
  }
  if (p.path.startsWith('api.')) {
    const key = p.path.split('.')[1] as keyof Design['api'];
    report.approximated(`API shape (${key})`, undefined, `The default is used instead: ${p.message}`);
    (design.api as Record<string, unknown>)[key] = defaultApiShape()[key];
    return;
  }
  const endpoint = design.customEndpoints.find((c) => c.id === id);
  if (endpoint) {
    report.element(endpoint.id, `${endpoint.method} ${endpoint.path}`, 'skipped', p.message);
    design.customEndpoints = design.customEndpoints.filter((c) => c.id !== id);
    return;
  }
  const relation = design.relations.find((r) => r.id === id);
  if (relation) {
    report.element(relation.id, `relation ${relation.fieldName}`, 'skipped', p.message);
    dropRelation(design, relation.id);
    return;
  }
  for (const e of design.entities) {
    const field = e.fields.find((f) => f.id === id);
    if (field) {
      if (strike === 1) {
        field.constraints = {};
        delete field.default;
        delete field.example;
        delete field.apiName;
        report.element(
          field.id,
          `${e.name}.${field.name}`,
          'approximated',
          `Constraints and default left out: ${p.message}`,
        );
      } else {
        report.element(field.id, `${e.name}.${field.name}`, 'skipped', p.message);
        dropField(design, field.id);
      }
      return;
    }
    if (e.id !== id) continue;
    const r = e.resource;
    if (strike === 1 && p.path.includes('.resource')) {
      report.element(e.id, `schema ${e.name}`, 'approximated', `List settings left out: ${p.message}`);
      r.operations.list.filters = [];
      r.operations.list.sortable = [];
      delete r.operations.list.defaultOrder;
      if (p.path.includes('lookup')) r.lookupFieldId = PRIMARY_KEY_REF;
      if (p.path.includes('parentRelationId')) delete r.parentRelationId;
      if (p.path.includes('.path')) delete r.path;
      return;
    }
    if (strike <= 2) {
      report.element(e.id, `schema ${e.name}`, 'approximated', `Its operations are turned off: ${p.message}`);
      for (const op of Object.values(r.operations)) op.enabled = false;
      delete r.parentRelationId;
      return;
    }
    report.element(e.id, `schema ${e.name}`, 'skipped', p.message);
    design.entities = design.entities.filter((x) => x.id !== e.id);
    for (const rel of design.relations.filter((x) => x.fromEntityId === e.id || x.toEntityId === e.id))
      dropRelation(design, rel.id);
    design.customEndpoints = design.customEndpoints.filter(
      (c) => c.entityId !== e.id && c.request?.entityId !== e.id && c.response?.entityId !== e.id,
    );
    if (design.auth?.userEntityId === e.id) {
      design.auth = null;
      publicEverywhere(design);
    }
    return;
  }
  // An enum or something without an element: the first fix that applies.
  const item = design.enums.find((x) => x.id === id);
  if (item) {
    report.approximated(`enum ${item.name}`, undefined, p.message);
    if (item.values.length === 0) item.values = ['value'];
  }
}
