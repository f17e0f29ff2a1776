import { newField } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { pluralize, snakeCase } from '@/lib/design/names';
import type { DesignEnum, Entity, Field, FieldDefault, PrimaryKey, Relation } from '@/lib/design/schema';
import type { Components, ObjectSchema } from './components';
import type { Assignment, EntityPlan } from './entities';
import { className, idOf, memberName } from './names';
import { describeProperty, type PropertyInfo } from './property';
import type { Refs } from './refs';
import type { Reporter } from './report';

/** Entities with their fields, enums and relations, from the entity plans. */

type Seen = {
  info: PropertyInfo;
  pointer: string;
  schema: string;
  role: 'read' | 'create' | 'update';
  required: boolean;
};

export type EntityDraft = {
  plan: EntityPlan;
  entity: Entity;
  /** JSON name -> field id, for lookups, filters and the shape. */
  fieldByJson: Map<string, string>;
  /** JSON names seen (naming style). */
  jsonNames: string[];
  /** JSON names of properties that are refs (or arrays of refs) to entities: relations, sent by id in bodies. */
  refProps: Set<string>;
  pointer: string;
};

export type Model = {
  drafts: EntityDraft[];
  byKey: Map<string, EntityDraft>;
  enums: DesignEnum[];
  relations: Relation[];
  /** Relations shown as nested objects in an entity's responses (the resource's `embed`), by entity id. */
  embeds: Map<string, string[]>;
  /** The required properties of a component schema (undefined when it is not an object schema). */
  requiredOf: (schema: string) => ReadonlySet<string> | undefined;
};

const TIMESTAMPS = [
  ['created_at', 'updated_at'],
  ['createdAt', 'updatedAt'],
];

/**
 * `userKey`: the plan of the likely user entity when the document is secured; a read-only `<x>_id` naming no
 * entity then refers to the user (an `owner_id` set from the caller).
 */
export function buildModel(
  components: Components,
  assignment: Assignment,
  refs: Refs,
  report: Reporter,
  userKey?: string,
): Model {
  const { objects } = components;
  const enums: DesignEnum[] = [];
  const enumByKey = new Map<string, DesignEnum>();
  const enumNames = new Set<string>();
  const entityNames = new Set<string>();
  const drafts: EntityDraft[] = [];
  const byKey = new Map<string, EntityDraft>();

  const enumFor = (key: string, values: string[], pointer: string, label: string): DesignEnum | undefined => {
    const known = enumByKey.get(key);
    if (known) return known;
    if (enums.length >= LIMITS.enums) {
      report.approximated(label, pointer, `More than ${LIMITS.enums} enums: stored as a string.`);
      return undefined;
    }
    const unique = [
      ...new Set(values.map((v) => v.slice(0, LIMITS.enumValueLength)).filter((v) => v !== '')),
    ];
    if (unique.length === 0) return undefined;
    if (unique.length > LIMITS.valuesPerEnum)
      report.approximated(
        label,
        pointer,
        `Only the first ${LIMITS.valuesPerEnum} of ${unique.length} values are kept.`,
      );
    const name = className(key, new Set([...enumNames, ...entityNames]));
    enumNames.add(name.name);
    const item: DesignEnum = {
      id: idOf('enum', name.name),
      name: name.name,
      values: unique.slice(0, LIMITS.valuesPerEnum),
    };
    enums.push(item);
    enumByKey.set(key, item);
    return item;
  };

  // Entity names first (enums must not take them).
  const plans = assignment.plans.slice(0, LIMITS.entities);
  for (const p of assignment.plans.slice(LIMITS.entities)) {
    report.skipped(
      `schema ${p.key}`,
      objects.get(p.reads[0] ?? p.key)?.pointer,
      `More than ${LIMITS.entities} entities.`,
    );
  }
  const named = plans.map((plan) => {
    const name = className(plan.key, entityNames);
    entityNames.add(name.name);
    return { plan, name };
  });
  for (const [key, e] of components.enums) {
    enumFor(key, e.values, e.pointer, `schema ${key}`);
    report.imported(`schema ${key}`, e.pointer);
  }

  // Properties of every variant, by JSON name: the read schemas say what is returned, the inputs what is sent.
  type Collected = { plan: EntityPlan; props: Map<string, Seen[]>; order: string[] };
  const collected: Collected[] = named.map(({ plan }) => {
    const props = new Map<string, Seen[]>();
    const order: string[] = [];
    const roles: Array<[string[], Seen['role']]> = [
      [plan.reads, 'read'],
      [plan.creates, 'create'],
      [plan.updates, 'update'],
    ];
    for (const [names, role] of roles) {
      for (const schemaName of names) {
        const s = objects.get(schemaName) as ObjectSchema;
        for (const p of s.properties) {
          const info = describeProperty(p.schema, p.pointer, p.name, refs);
          let list = props.get(p.name);
          if (!list) {
            list = [];
            props.set(p.name, list);
            order.push(p.name);
          }
          list.push({ info, pointer: p.pointer, schema: schemaName, role, required: s.required.has(p.name) });
        }
      }
    }
    return { plan, props, order };
  });
  const entityKeyOf = (schemaName: string) => {
    const key = assignment.entityOf.get(schemaName);
    return key !== undefined && named.some((n) => n.plan.key === key) ? key : undefined;
  };

  for (const [i, { plan, name }] of named.entries()) {
    const c = collected[i] as Collected;
    const main = objects.get(plan.reads[0] ?? plan.creates[0] ?? plan.updates[0] ?? '') as
      | ObjectSchema
      | undefined;
    const pointer = main?.pointer ?? '';
    const id = idOf('e', name.name);
    if (name.changed)
      report.approximated(
        `schema ${plan.key}`,
        pointer,
        `Renamed to ${name.name} (entity names are PascalCase).`,
      );
    else report.imported(`schema ${plan.key}`, pointer);
    for (const variant of [...plan.reads, ...plan.creates, ...plan.updates]) {
      if (variant !== plan.key && variant !== main?.name)
        report.imported(`schema ${variant}`, objects.get(variant)?.pointer);
    }
    let primaryKey: PrimaryKey = 'int';
    const idSeen = c.props.get('id')?.[0];
    if (idSeen && idSeen.info.kind === 'scalar') {
      if (idSeen.info.type === 'uuid') primaryKey = 'uuid';
      else if (idSeen.info.type !== 'integer' && idSeen.info.type !== 'bigint')
        report.approximated(
          `property ${plan.key}.id`,
          idSeen.pointer,
          `An id of type ${idSeen.info.type} becomes an integer primary key.`,
        );
      const sent = new Set([...(plan.group?.inputs.create ?? []), ...(plan.group?.inputs.update ?? [])]);
      for (const x of c.props.get('id') ?? []) {
        if (x.role === 'read' && !sent.has(x.schema)) report.imported(`property ${plan.key}.id`, x.pointer);
        else
          report.approximated(
            `property ${plan.key}.id`,
            x.pointer,
            'The id is the primary key the server assigns: bodies do not send it.',
          );
      }
    } else if (!idSeen) {
      report.approximated(
        `schema ${plan.key}`,
        pointer,
        'It has no `id` property: the entity gets an integer primary key.',
      );
    }
    const isDate = (n: string) => {
      const s = c.props.get(n)?.[0]?.info;
      return s?.kind === 'scalar' && s.type === 'datetime';
    };
    const stamps = TIMESTAMPS.find(
      ([a, b]) =>
        isDate(a as string) &&
        isDate(b as string) &&
        !(c.props.get(a as string) ?? []).some((s) => s.role !== 'read'),
    );
    const draft: EntityDraft = {
      plan,
      entity: {
        id,
        name: name.name,
        description: (main?.description ?? '').slice(0, LIMITS.descriptionLength),
        primaryKey,
        timestamps: stamps !== undefined,
        fields: [],
        resource: undefined as unknown as Entity['resource'],
      },
      fieldByJson: new Map(),
      jsonNames: [...c.order],
      refProps: new Set(),
      pointer,
    };
    drafts.push(draft);
    byKey.set(plan.key, draft);
    report.origin(id, `schema ${plan.key}`, pointer);
  }

  // Relations: refs to entities, arrays of refs, and `<name>_id` keys beside them.
  const relations: Relation[] = [];
  type ToOne = {
    embedded?: boolean;
    from: EntityDraft;
    json: string;
    to: EntityDraft;
    nullable: boolean;
    pointer: string;
    fkJson?: string;
    claimed?: boolean;
  };
  type ToMany = {
    embedded?: boolean;
    from: EntityDraft;
    json: string;
    to: EntityDraft;
    pointer: string;
    linkIds: boolean;
    claimed?: boolean;
  };
  const toOne: ToOne[] = [];
  const toMany: ToMany[] = [];
  const relationJson = new Map<EntityDraft, Set<string>>();
  const markRelationJson = (d: EntityDraft, json: string) => {
    const set = relationJson.get(d) ?? new Set<string>();
    relationJson.set(d, set);
    set.add(json);
  };
  const nullableOf = (seen: Seen[]) => {
    const reads = seen.filter((s) => s.role === 'read');
    const creates = seen.filter((s) => s.role === 'create');
    if (seen.some((s) => s.role !== 'update' && s.info.nullable)) return true;
    if (reads.length + creates.length === 0) return true;
    return (
      !reads.some((s) => s.required) &&
      !creates.some((s) => s.required || (s.info.kind === 'scalar' && s.info.default !== undefined))
    );
  };
  for (const [i, draft] of drafts.entries()) {
    const c = collected[i] as Collected;
    for (const json of c.order) {
      const seen = c.props.get(json) as Seen[];
      const ref = seen.find((s) => s.info.kind === 'ref' || s.info.kind === 'refs');
      if (!ref) continue;
      const info = ref.info as Extract<PropertyInfo, { kind: 'ref' | 'refs' }>;
      const key = entityKeyOf(info.target);
      const target = key ? byKey.get(key) : undefined;
      if (!target) continue;
      markRelationJson(draft, json);
      draft.refProps.add(json);
      if (info.kind === 'ref') {
        const fkJson = [`${json}_id`, `${json}Id`].find((k) => c.props.has(k));
        if (fkJson) markRelationJson(draft, fkJson);
        const fkSeen = fkJson ? (c.props.get(fkJson) as Seen[]) : [];
        toOne.push({
          from: draft,
          json,
          to: target,
          nullable: nullableOf(fkSeen.length > 0 ? fkSeen : seen),
          pointer: ref.pointer,
          ...(fkJson ? { fkJson } : {}),
          embedded: shownIn(seen),
        });
      } else {
        // Our own documents write a many-to-many as a list of the other side's ids in the bodies.
        const linkIds = seen.some(
          (s) => s.role !== 'read' && s.info.kind === 'scalar' && s.info.type === 'json',
        );
        toMany.push({
          from: draft,
          json,
          to: target,
          pointer: ref.pointer,
          linkIds,
          embedded: shownIn(seen),
        });
      }
    }
    // `<x>_id` keys with no ref beside them: a relation to the entity named `x`, if there is one.
    for (const json of c.order) {
      const m = /^(.+?)(_id|Id)$/.exec(json);
      if (!m || relationJson.get(draft)?.has(json)) continue;
      const seen = c.props.get(json) as Seen[];
      const info = seen[0]?.info;
      if (info?.kind !== 'scalar' || !['integer', 'bigint', 'uuid'].includes(info.type)) continue;
      const stem = m[1] as string;
      const sentInBodies = seen.some((x) => x.role !== 'read');
      const target =
        drafts.find((d) => snakeCase(d.entity.name) === snakeCase(stem)) ??
        (userKey !== undefined && !sentInBodies && draft.plan.creates.length > 0
          ? byKey.get(userKey)
          : undefined);
      if (!target) continue;
      markRelationJson(draft, json);
      toOne.push({
        from: draft,
        json: stem,
        to: target,
        nullable: nullableOf(seen),
        pointer: seen[0]?.pointer ?? '',
        fkJson: json,
      });
    }
  }

  const membersOf = new Map<EntityDraft, Set<string>>();
  const members = (d: EntityDraft) => {
    const s =
      membersOf.get(d) ?? new Set(['id', ...(d.entity.timestamps ? ['created_at', 'updated_at'] : [])]);
    membersOf.set(d, s);
    return s;
  };
  const takeMember = (d: EntityDraft, source: string) => {
    const n = memberName(source, members(d), 'relation');
    members(d).add(n.name);
    // A relation's FK column (`author_id`) is a member too.
    members(d).add(`${n.name}_id`);
    return n.name;
  };
  const relationIds = new Set<string>();
  const push = (r: Omit<Relation, 'id' | 'onDelete'>, subject: string, pointer: string, message?: string) => {
    if (relations.length >= LIMITS.relations) {
      report.skipped(subject, pointer, `More than ${LIMITS.relations} relations.`);
      return undefined;
    }
    let id = idOf('r', r.fromEntityId.replace(/^e\./, ''), r.fieldName);
    while (relationIds.has(id)) id = `${id}_`;
    relationIds.add(id);
    relations.push({
      id,
      ...r,
      onDelete: r.kind === 'many-to-many' ? 'cascade' : r.nullable ? 'set-null' : 'restrict',
    });
    if (message) report.approximated(subject, pointer, message);
    else report.imported(subject, pointer);
    return id;
  };
  const embeds = new Map<string, string[]>();
  const embed = (d: EntityDraft, id: string | undefined) => {
    if (id === undefined) return;
    const list = embeds.get(d.entity.id) ?? [];
    if (!list.includes(id) && list.length < LIMITS.listItems) list.push(id);
    embeds.set(d.entity.id, list);
  };
  const subjectOf = (d: EntityDraft, json: string) => `property ${d.plan.key}.${json}`;

  for (const one of toOne) {
    if (one.claimed) continue;
    one.claimed = true;
    // Both sides hold a single ref to each other: one-to-one, held by the side with the `_id` key.
    const back = toOne.find(
      (o) => !o.claimed && o.from === one.to && o.to === one.from && one.from !== one.to,
    );
    let from = one;
    let other: ToOne | undefined;
    if (back) {
      back.claimed = true;
      [from, other] = !one.fkJson && back.fkJson ? [back, one] : [one, back];
    }
    const backMany = other
      ? undefined
      : toMany.find((m) => !m.claimed && m.from === from.to && m.to === from.from && !m.linkIds);
    if (backMany) backMany.claimed = true;
    const fieldName = takeMember(from.from, from.json);
    const backSource = other?.json ?? backMany?.json ?? pluralize(snakeCase(from.from.entity.name));
    const backrefName = takeMember(from.to, backSource);
    const oneId = push(
      {
        kind: other ? 'one-to-one' : 'many-to-one',
        fromEntityId: from.from.entity.id,
        toEntityId: from.to.entity.id,
        fieldName,
        backrefName,
        nullable: from.nullable,
      },
      subjectOf(from.from, from.json),
      from.pointer,
    );
    if (other) report.imported(subjectOf(other.from, other.json), other.pointer);
    if (backMany) report.imported(subjectOf(backMany.from, backMany.json), backMany.pointer);
    if (from.embedded) embed(from.from, oneId);
    if (other?.embedded || backMany?.embedded) embed(from.to, oneId);
  }
  for (const many of toMany) {
    if (many.claimed) continue;
    many.claimed = true;
    const back = toMany.find((m) => !m.claimed && m.from === many.to && m.to === many.from && m !== many);
    if (back) back.claimed = true;
    if (back || many.linkIds) {
      const manyId = push(
        {
          kind: 'many-to-many',
          fromEntityId: many.from.entity.id,
          toEntityId: many.to.entity.id,
          fieldName: takeMember(many.from, many.json),
          backrefName: takeMember(many.to, back?.json ?? pluralize(snakeCase(many.from.entity.name))),
          nullable: false,
        },
        subjectOf(many.from, many.json),
        many.pointer,
      );
      if (back) report.imported(subjectOf(back.from, back.json), back.pointer);
      if (many.embedded) embed(many.from, manyId);
      if (back?.embedded) embed(many.to, manyId);
      continue;
    }
    // An array of refs with nothing pointing back: the items belong to this row (one-to-many).
    const fieldName = takeMember(many.to, snakeCase(many.from.entity.name));
    const backId = push(
      {
        kind: 'many-to-one',
        fromEntityId: many.to.entity.id,
        toEntityId: many.from.entity.id,
        fieldName,
        backrefName: takeMember(many.from, many.json),
        nullable: true,
      },
      subjectOf(many.from, many.json),
      many.pointer,
      `One-to-many: each ${many.to.entity.name} gets an optional reference \`${fieldName}\` to its ${many.from.entity.name}.`,
    );
    if (many.embedded) embed(many.from, backId);
  }

  // Fields: every other property.
  for (const [i, draft] of drafts.entries()) {
    const c = collected[i] as Collected;
    const skip = relationJson.get(draft) ?? new Set();
    const stamps = draft.entity.timestamps ? (TIMESTAMPS.find(([a]) => c.props.has(a as string)) ?? []) : [];
    const hasInputs = draft.plan.creates.length + draft.plan.updates.length > 0;
    const hasReads = draft.plan.reads.length > 0;
    for (const json of c.order) {
      const seen = c.props.get(json) as Seen[];
      const first = seen[0] as Seen;
      const subject = subjectOf(draft, json);
      if (json === 'id' || skip.has(json)) continue;
      if (seen.every((x) => draft.plan.views?.includes(x.schema))) {
        for (const x of seen)
          report.skipped(
            subject,
            x.pointer,
            `Only in ${x.schema}, a public view of ${draft.entity.name}: a value per viewer the design cannot compute from a field.`,
          );
        continue;
      }
      if (isReauthentication(json, seen, c)) {
        report.imported(subject, first.pointer);
        continue;
      }
      if (stamps.includes(json)) {
        report.imported(subject, first.pointer);
        continue;
      }
      if (draft.entity.fields.length >= LIMITS.fieldsPerEntity) {
        report.skipped(subject, first.pointer, `More than ${LIMITS.fieldsPerEntity} fields in one entity.`);
        continue;
      }
      const main = seen.find((s) => s.role === 'read') ?? first;
      let info = main.info;
      const input = seen.find((s) => s.role === 'create') ?? seen.find((s) => s.role === 'update');
      if (info.kind !== 'scalar') {
        // A ref to something that is not an entity (or an array of them): kept as JSON.
        report.approximated(
          subject,
          first.pointer,
          'A reference to a schema that is not an entity is stored as JSON.',
        );
        info = { ...info, kind: 'scalar', type: 'json', constraints: {} };
      }
      const scalarInfo = info as Extract<PropertyInfo, { kind: 'scalar' }>;
      const inputInfo = input?.info.kind === 'scalar' ? input.info : undefined;
      const constraints = {
        ...(inputInfo?.type === scalarInfo.type ? inputInfo.constraints : {}),
        ...scalarInfo.constraints,
      };
      const name = memberName(json, members(draft));
      members(draft).add(name.name);
      const fieldId = idOf('f', draft.entity.id.replace(/^e\./, ''), name.name);
      let type = scalarInfo.type;
      // Outputs do not say what inputs do (a text's length, a password): the input's type wins when they differ.
      if (inputInfo && inputInfo.type !== type && (type === 'string' || type === 'json'))
        type = inputInfo.type;
      let enumId: string | undefined;
      if (type === 'enum') {
        const key =
          scalarInfo.enumRef ??
          inputInfo?.enumRef ??
          `${draft.entity.name}${json.charAt(0).toUpperCase()}${json.slice(1)}`;
        const values =
          scalarInfo.enumValues ?? inputInfo?.enumValues ?? components.enums.get(key)?.values ?? [];
        const e = enumFor(key, values, first.pointer, subject);
        if (e) enumId = e.id;
        else type = 'string';
      }
      const readOnly =
        (scalarInfo.readOnly || (hasInputs && !seen.some((s) => s.role !== 'read'))) && type !== 'password';
      const writeOnly =
        type === 'password' ||
        inputInfo?.writeOnly === true ||
        scalarInfo.writeOnly ||
        (hasReads && !seen.some((s) => s.role === 'read'));
      const defaultValue = scalarInfo.default ?? inputInfo?.default;
      let dflt: FieldDefault | undefined;
      const notes = [...new Set([...scalarInfo.notes, ...(inputInfo?.notes ?? [])])];
      if (defaultValue !== undefined) {
        if (
          fitsType(
            defaultValue,
            type,
            enums.find((e) => e.id === enumId),
          )
        )
          dflt = { kind: 'literal', value: defaultValue as string };
        else
          notes.push(
            `The default ${JSON.stringify(defaultValue)} does not fit a ${type} field and is left out.`,
          );
      }
      if (
        constraints.min !== undefined &&
        constraints.max !== undefined &&
        constraints.min > constraints.max
      ) {
        delete constraints.min;
        delete constraints.max;
        notes.push('minimum is above maximum: both are left out.');
      }
      if (
        constraints.minLength !== undefined &&
        constraints.maxLength !== undefined &&
        constraints.minLength > constraints.maxLength
      ) {
        delete constraints.minLength;
        notes.push('minLength is above maxLength: it is left out.');
      }
      let nullable = nullableOf(seen);
      if (readOnly && !nullable && dflt === undefined) {
        // The server sets it (a count, a status): the design cannot say how, so rows start without it.
        nullable = true;
        notes.push(
          'Read-only and never sent: nullable, so rows can be created without it (the server sets it).',
        );
      }
      const digits = type === 'decimal' ? decimalDigits(seen) : undefined;
      if (type === 'decimal' && !digits)
        notes.push('Precision and scale are not in the document: NUMERIC(10, 2).');
      const field: Field = newField(fieldId, name.name, type, {
        nullable,
        ...(type === 'decimal' ? { precision: digits?.precision ?? 10, scale: digits?.scale ?? 2 } : {}),
        readOnly,
        writeOnly: writeOnly && !readOnly,
        description: scalarInfo.description || inputInfo?.description || '',
        constraints,
        ...(dflt ? { default: dflt } : {}),
        ...(scalarInfo.example !== undefined
          ? { example: scalarInfo.example as string }
          : inputInfo?.example !== undefined
            ? { example: inputInfo.example as string }
            : {}),
        ...(enumId ? { enumId } : {}),
      });
      draft.entity.fields.push(field);
      report.origin(fieldId, subject, first.pointer);
      draft.fieldByJson.set(json, fieldId);
      if (name.changed && name.name !== snakeCase(json)) notes.push(`Renamed to ${name.name}.`);
      // Every schema the property appears in is a construct of its own in the report.
      for (const x of uniquePointers(seen)) {
        if (notes.length > 0) report.approximated(subject, x, notes.join(' '));
        else report.imported(subject, x);
      }
    }
  }
  return { drafts, byKey, enums, relations, embeds, requiredOf: (name) => objects.get(name)?.required };
}

function fitsType(value: unknown, type: string, e: DesignEnum | undefined): boolean {
  switch (type) {
    case 'integer':
    case 'bigint':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
    case 'decimal':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (e?.values.includes(value) ?? false);
    case 'json':
      return true;
    case 'password':
      return false;
    case 'uuid':
    case 'date':
    case 'datetime':
      return false;
    default:
      return typeof value === 'string';
  }
}

/** The generator's `current_password` of user updates (asked before a password change): not a stored field. */
function isReauthentication(json: string, seen: Seen[], c: { props: Map<string, Seen[]> }): boolean {
  if (snakeCase(json) !== 'current_password' || seen.some((s) => s.role !== 'update')) return false;
  return [...c.props.entries()].some(
    ([name, list]) => /password/i.test(name) && name !== json && list.some((s) => s.role === 'create'),
  );
}

/** Digits of a decimal from a pattern like the generator's (`\d{0,8}` whole and `\d{0,2}` after the point). */
function decimalDigits(seen: Seen[]): { precision: number; scale: number } | undefined {
  for (const s of seen) {
    const raw = s.info as { decimalPattern?: string };
    const m = raw.decimalPattern ? /\\d\{0,(\d+)\}\\\.\\d\{0,(\d+)\}/.exec(raw.decimalPattern) : null;
    if (m) {
      const whole = Number(m[1]);
      const scale = Number(m[2]);
      if (whole + scale >= 1 && whole + scale <= 1000) return { precision: whole + scale, scale };
    }
  }
  return undefined;
}

/** A ref shown in a response schema (not only sent in bodies): the relation is embedded in answers. */
const shownIn = (seen: Seen[]) =>
  seen.some((s) => s.role === 'read' && (s.info.kind === 'ref' || s.info.kind === 'refs'));

const uniquePointers = (seen: Seen[]) => [...new Set(seen.map((s) => s.pointer))];
