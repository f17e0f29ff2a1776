import { defaultResource, emptyDesign, newEntity, newField } from '@/lib/design/factories';
import type { Design, DesignEnum, Entity, Relation } from '@/lib/design/schema';

/** Deterministic 32-bit PRNG (mulberry32): the same seed gives the same design on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A design shaped like real ones, for layout tests and the layout benchmark: modules of 2-24 entities (each a
 * tree under a hub, plus a few extra references inside the module), a few references between modules, some
 * stand-alone entities and enums used by fields. Every box starts at the origin, so nothing about the input
 * positions helps the layout.
 */
export function layoutSampleDesign(entityCount: number, seed = 1): Design {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const enums: DesignEnum[] = [];
  const modules: number[][] = [];
  const refCount = new Map<number, number>();
  const relate = (from: number, to: number) => {
    const k = (refCount.get(from) ?? 0) + 1;
    refCount.set(from, k);
    relations.push({
      id: `rel${relations.length}`,
      kind: 'many-to-one',
      fromEntityId: `ent${from}`,
      toEntityId: `ent${to}`,
      fieldName: `ref${k}`,
      backrefName: `from${from}_${k}`,
      nullable: true,
      onDelete: 'set-null',
    });
  };
  let i = 0;
  while (i < entityCount) {
    const size = next() < 0.15 ? 1 : Math.min(entityCount - i, 2 + pick(23));
    const members = Array.from({ length: size }, (_, k) => i + k);
    for (const [k, member] of members.entries()) {
      if (k === 0) continue;
      // Mostly the hub or a recent member: bushy trees like orders -> lines -> products.
      relate(member, members[next() < 0.4 ? 0 : pick(k)] ?? members[0]!);
      if (k > 2 && next() < 0.15) relate(member, members[pick(k)]!);
    }
    modules.push(members);
    i += size;
  }
  for (let m = 1; m < modules.length; m++) {
    const module = modules[m]!;
    if (module.length > 1 && next() < 0.25) relate(module[pick(module.length)]!, modules[pick(m)]![0]!);
  }
  const enumCount = Math.max(1, Math.round(entityCount / 15));
  for (let e = 0; e < enumCount; e++) {
    enums.push({ id: `enum${e}`, name: `Status${e}`, values: ['draft', 'active', 'archived'] });
  }
  for (let n = 0; n < entityCount; n++) {
    const id = `ent${n}`;
    const fieldCount = 2 + pick(6);
    const fields = Array.from({ length: fieldCount }, (_, f) =>
      newField(`${id}.f${f}`, `field${f}`, 'string', { constraints: { maxLength: 80 } }),
    );
    if (next() < 0.2) {
      fields.push(newField(`${id}.status`, 'status', 'enum', { enumId: `enum${pick(enumCount)}` }));
    }
    entities.push(newEntity(id, `Entity${n}`, { fields, resource: defaultResource() }));
  }
  const nodes: Design['layout']['nodes'] = {};
  for (const entity of entities) nodes[entity.id] = { x: 0, y: 0 };
  for (const designEnum of enums) nodes[designEnum.id] = { x: 0, y: 0 };
  return { ...emptyDesign(`Layout sample ${entityCount}`), entities, relations, enums, layout: { nodes } };
}
