import { API_KEY, fieldApiName } from '@/lib/design/api-shape';
import { emptyDesign } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { pluralize, snakeCase } from '@/lib/design/names';
import { type AccessRule, type Design, DesignSchema, type Relation } from '@/lib/design/schema';
import { ImportError, type ImportReport, type ImportResult } from '../types';
import { buildAuth, findAuthOperations } from './auth';
import { type Components, readComponents } from './components';
import { buildEndpoints } from './endpoints';
import { type Assignment, assignEntities } from './entities';
import { buildModel, type EntityDraft, type Model } from './fields';
import { groupPaths } from './groups';
import { idOf, memberName } from './names';
import { type ApiOperation, matchInlineItems, readOperations } from './operations';
import { parseSource } from './parse';
import { isObj, Refs } from './refs';
import { repairDesign } from './repair';
import { Reporter } from './report';
import { buildResource } from './resources';
import { readShape } from './shape';

/**
 * OpenAPI 3.0 / 3.1 (JSON or YAML) to a design: component schemas become entities, paths resources and custom
 * endpoints, security schemes the auth settings, and what the document shows of its shape the API's shape.
 * Pure and bounded; only ImportError is thrown, for documents that cannot be read at all.
 */
export async function importOpenApi(text: string): Promise<ImportResult> {
  const { result, root } = guarded(() => importDocument(text));
  await reportSchemaViolations(root, result.report);
  return result;
}

/** At most this many violations of the OpenAPI schema are reported (one wrong key repeats across a document). */
const MAX_VIOLATIONS = 50;

/**
 * Where the document breaks the OpenAPI 3.x schema (`@scalar/openapi-parser`'s validator), as report entries:
 * the importer reads such documents as far as it can instead of refusing them. Only documents whose refs are all
 * local are given to it, so nothing can ever be fetched.
 */
async function reportSchemaViolations(root: unknown, report: ImportReport): Promise<void> {
  if (/"\$ref":"(?!#)/.test(JSON.stringify(root))) return;
  let errors: Array<{ message: string; path?: string }> = [];
  try {
    // A development dependency today: where it is not installed, the import goes on without this check.
    const { validate } = await import('@scalar/openapi-parser');
    const result = await validate(root as Record<string, unknown>);
    errors = (result.errors ?? []) as typeof errors;
  } catch {
    return;
  }
  for (const error of errors.slice(0, MAX_VIOLATIONS)) {
    report.entries.push({
      status: 'approximated',
      subject: 'document',
      message: `Not valid OpenAPI here (${error.message}): read as far as it goes.`,
      ...(typeof error.path === 'string' ? { at: { pointer: error.path } } : {}),
    });
  }
}

/** `importOpenApi` without the schema validation and its promise (the Python tier builds designs synchronously). */
export function importOpenApiDocument(text: string): ImportResult {
  return guarded(() => importDocument(text)).result;
}

/** Bad input is an ImportError, never anything else (a stack overflow included). */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof RangeError) throw new ImportError('The document is nested too deeply to be read.');
    throw error;
  }
}

function versionOf(
  root: Record<string, unknown>,
  position: (p: string) => { line: number; column: number } | undefined,
) {
  const v = root.openapi;
  if (typeof root.swagger === 'string' || typeof root.swagger === 'number')
    throw new ImportError(
      `This is Swagger ${String(root.swagger)}: only OpenAPI 3.0 and 3.1 documents can be imported (convert it first, e.g. with swagger2openapi).`,
      position('/swagger') ?? { pointer: '/swagger' },
    );
  if (typeof v !== 'string')
    throw new ImportError('Not an OpenAPI document: it has no `openapi` version (3.0.x or 3.1.x).', {
      pointer: '',
    });
  if (!/^3\.[01]\.\d+/.test(v) && v !== '3.0' && v !== '3.1')
    throw new ImportError(
      `OpenAPI ${v} is not supported: only 3.0 and 3.1 documents can be imported.`,
      position('/openapi') ?? { pointer: '/openapi' },
    );
  return v.startsWith('3.1') ? '3.1' : '3.0';
}

function importDocument(text: string): { result: ImportResult; root: unknown } {
  const source = parseSource(text);
  const root = source.root;
  if (!isObj(root))
    throw new ImportError('Not an OpenAPI document: the top level is not an object.', { line: 1, column: 1 });
  versionOf(root, source.position);
  const report = new Reporter();
  const refs = new Refs(root, report);
  const ops = readOperations(root, refs, report);
  const components = readComponents(root, refs, report);
  matchInlineItems(ops, components.objects);
  const authFound = findAuthOperations(root, ops);
  const registerBody = authFound.register?.body?.item;
  const registerSchema = registerBody === undefined ? undefined : components.objects.get(registerBody);
  if (registerSchema) authFound.registerProperties = registerSchema.properties.map((p) => p.name);
  const authOps = new Set<ApiOperation>(
    [authFound.login, authFound.loginJson, authFound.register, ...authFound.me].filter(
      (o): o is ApiOperation => o !== undefined,
    ),
  );
  const groups = groupPaths(ops.filter((o) => !authOps.has(o)));
  const assignment = assignEntities(components, groups, ops, authFound);
  const model = buildModel(
    components,
    assignment,
    refs,
    report,
    authFound.scheme ? likelyUser(assignment.plans, components) : undefined,
  );
  const entityOfSchema = (name: string | undefined) => {
    if (name === undefined) return undefined;
    const key = assignment.entityOf.get(name);
    return key === undefined ? undefined : model.byKey.get(key)?.entity.id;
  };

  const authResult = buildAuth(authFound, model, entityOfSchema, report);
  const auth = authResult.auth;
  const access = (op: ApiOperation): AccessRule =>
    op.secured && auth ? { kind: 'authenticated' } : { kind: 'public' };

  // Resources: each entity's path group; nested under the parent a `/parents/{p}/children` path names.
  const used = new Set<ApiOperation>(authResult.ops);
  const itemPathOwner = new Map<string, EntityDraft>();
  for (const d of model.drafts) if (d.plan.group?.itemPath) itemPathOwner.set(d.plan.group.itemPath, d);
  const pagingVotes: Design['api']['paging'][] = [];
  const updateVotes: Array<'patch' | 'put' | 'both'> = [];
  const shapeGroups: Parameters<typeof readShape>[0]['groups'] = [];
  for (const d of model.drafts) {
    let g = d.plan.group;
    if (g && [g.list, g.create, g.get, g.delete, ...g.update].some((o) => o && used.has(o))) {
      g = { ...g, update: g.update.filter((o) => !used.has(o)) };
      for (const k of ['list', 'create', 'get', 'delete'] as const)
        if (g[k] && used.has(g[k] as ApiOperation)) delete g[k];
    }
    let parent: Relation | undefined;
    if (g?.parentItemPath) {
      const owner = itemPathOwner.get(g.parentItemPath);
      parent = owner
        ? model.relations.find(
            (r) =>
              r.kind === 'many-to-one' && r.fromEntityId === d.entity.id && r.toEntityId === owner.entity.id,
          )
        : undefined;
      if (!parent && owner && owner !== d) parent = addParentRelation(model, d, owner, report);
      if (!parent) {
        // Not expressible as nesting: its operations become custom endpoints.
        g = undefined;
      } else parent.nullable = false;
    }
    const result = buildResource(d, g, model, parent, access, report);
    d.entity.resource = result.resource;
    d.entity.resource.embed = (model.embeds.get(d.entity.id) ?? []).filter((id) =>
      model.relations.some((r) => r.id === id),
    );
    for (const o of result.used) used.add(o);
    if (result.paging) pagingVotes.push(result.paging);
    if (result.updateVerb) updateVotes.push(result.updateVerb);
    if (g)
      shapeGroups.push({
        draft: d,
        ...(g.list ? { list: g.list } : {}),
        ...(g.get ? { get: g.get } : {}),
        ...(g.create ? { create: g.create } : {}),
      });
  }

  if (auth) applyOwnership(model.drafts, model.relations, auth.userEntityId, components, report);

  const errorSchemas = [...new Set(ops.flatMap((o) => o.errorSchemas))].map((name) => ({
    name,
    properties: components.objects.get(name)?.properties.map((p) => p.name) ?? [],
  }));
  const { api, overrides } = readShape({
    drafts: model.drafts,
    ops,
    groups: shapeGroups,
    paging: pagingVotes,
    updates: updateVotes,
    errorSchemas,
  });
  for (const [d, shape] of overrides) d.entity.resource.shape = { ...d.entity.resource.shape, ...shape };
  // Per-resource update verbs that differ from the project's.
  for (const d of model.drafts) {
    const g = d.plan.group;
    if (!g || g.update.length === 0) continue;
    const verbs = new Set(g.update.filter((o) => used.has(o)).map((o) => o.method));
    const verb = verbs.has('PATCH') && verbs.has('PUT') ? 'both' : verbs.has('PUT') ? 'put' : 'patch';
    if (verbs.size > 0 && verb !== api.update)
      d.entity.resource.shape = { ...d.entity.resource.shape, update: verb };
  }
  // JSON names the naming style does not produce are kept as the fields' API names.
  for (const d of model.drafts) {
    for (const [json, fieldId] of d.fieldByJson) {
      const field = d.entity.fields.find((f) => f.id === fieldId);
      if (!field) continue;
      const styledName = fieldApiName({ name: field.name }, api.naming);
      if (styledName === json) continue;
      if (API_KEY.test(json) && json.length <= LIMITS.nameLength) field.apiName = json;
      else
        report.element(
          field.id,
          `property ${d.plan.key}.${json}`,
          'approximated',
          `${json} cannot be a JSON key of the generated app: sent as ${styledName}.`,
        );
    }
  }

  const rest = ops.filter((o) => !used.has(o));
  const mainSchemas = new Set(model.drafts.map((d) => d.plan.reads[0] ?? d.plan.key));
  const customEndpoints = buildEndpoints(rest, entityOfSchema, access, report, (name) =>
    mainSchemas.has(name),
  );

  reportOtherStatuses(ops, new Set(rest), report);
  reportRefsInBodies(
    ops.filter((o) => !authResult.ops.has(o)),
    (name) => {
      const key = assignment.entityOf.get(name);
      return key === undefined ? undefined : model.byKey.get(key);
    },
    components,
    report,
  );

  const info = isObj(root.info) ? root.info : {};
  const title =
    typeof info.title === 'string' && info.title.trim() !== '' ? info.title.trim() : 'Imported API';
  const design: Design = {
    ...emptyDesign(title.slice(0, LIMITS.nameLength)),
    entities: model.drafts.map((d) => d.entity),
    enums: model.enums,
    relations: model.relations,
    customEndpoints,
    auth,
    api,
  };
  const repaired = repairDesign(design, report);
  const parsed = DesignSchema.safeParse(repaired);
  if (!parsed.success) {
    // A bug of the importer, not of the document: say what broke rather than hand out an invalid design.
    throw new Error(
      `importOpenApi built a design the schema refuses: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`,
    );
  }
  return { result: { design: parsed.data, report: { format: 'openapi', entries: report.entries } }, root };
}

/**
 * Rows of a signed-in caller: a required relation to the user that create bodies do not send is set from the
 * caller (the resource's owner relation), and secured changes are then the owner's. The user entity's own
 * secured changes are the user themself's.
 */
function applyOwnership(
  drafts: EntityDraft[],
  relations: Relation[],
  userEntityId: string,
  components: Components,
  report: Reporter,
): void {
  for (const d of drafts) {
    const ops = d.entity.resource.operations;
    const secured = (k: 'update' | 'delete') => ops[k].enabled && ops[k].access.kind === 'authenticated';
    if (d.entity.id === userEntityId) {
      // Changing or deleting an account is its user's own (open to anyone, anyone could take it over).
      for (const k of ['update', 'delete'] as const) {
        if (!ops[k].enabled || ops[k].access.kind === 'owner' || ops[k].access.kind === 'roles') continue;
        if (ops[k].access.kind === 'public')
          report.approximated(
            `schema ${d.plan.key}`,
            d.pointer,
            `The ${k} of a user is open to everyone in the document: it is the user's own.`,
          );
        ops[k].access = { kind: 'owner' };
      }
      continue;
    }
    if (!ops.create.enabled || ops.create.access.kind !== 'authenticated') continue;
    const sent = new Set(
      d.plan.creates.flatMap(
        (n) => components.objects.get(n)?.properties.map((p) => snakeCase(p.name)) ?? [],
      ),
    );
    const owner = relations.find(
      (r) =>
        r.kind === 'many-to-one' &&
        r.fromEntityId === d.entity.id &&
        r.toEntityId === userEntityId &&
        !sent.has(r.fieldName) &&
        !sent.has(`${r.fieldName}_id`),
    );
    if (!owner || d.plan.creates.length === 0) continue;
    owner.nullable = false;
    d.entity.resource.ownerRelationId = owner.id;
    for (const k of ['update', 'delete'] as const) if (secured(k)) ops[k].access = { kind: 'owner' };
    report.approximated(
      `schema ${d.plan.key}`,
      d.pointer,
      `Create bodies do not send ${owner.fieldName}: it is set to the signed-in user, who owns the row (updates and deletes are the owner's).`,
    );
  }
}

/** The plan with a password and an e-mail or username among its properties (a name like User first). */
function likelyUser(plans: Assignment['plans'], components: Components): string | undefined {
  let best: string | undefined;
  for (const p of plans) {
    const names = new Set(
      [...p.reads, ...p.creates, ...p.updates].flatMap(
        (n) => components.objects.get(n)?.properties.map((x) => snakeCase(x.name)) ?? [],
      ),
    );
    if (!names.has('password') || !(names.has('email') || names.has('username'))) continue;
    if (!best || /user|account|member/i.test(p.key)) best = p.key;
  }
  return best;
}

/** A nested path whose items do not refer to the parent: the relation the nesting needs is added. */
function addParentRelation(
  model: Model,
  child: EntityDraft,
  parent: EntityDraft,
  report: Reporter,
): Relation | undefined {
  if (model.relations.length >= LIMITS.relations) return undefined;
  const taken = new Set([
    'id',
    ...child.entity.fields.map((f) => f.name),
    ...model.relations.filter((r) => r.fromEntityId === child.entity.id).map((r) => r.fieldName),
    ...model.relations.filter((r) => r.toEntityId === child.entity.id).map((r) => r.backrefName),
  ]);
  const fieldName = memberName(snakeCase(parent.entity.name), taken, 'relation').name;
  const backTaken = new Set([
    'id',
    ...parent.entity.fields.map((f) => f.name),
    ...model.relations.filter((r) => r.toEntityId === parent.entity.id).map((r) => r.backrefName),
    ...model.relations.filter((r) => r.fromEntityId === parent.entity.id).map((r) => r.fieldName),
  ]);
  const backrefName = memberName(pluralize(snakeCase(child.entity.name)), backTaken, 'relation').name;
  const relation: Relation = {
    id: idOf('r', child.entity.id.replace(/^e\./, ''), fieldName),
    kind: 'many-to-one',
    fromEntityId: child.entity.id,
    toEntityId: parent.entity.id,
    fieldName,
    backrefName,
    nullable: false,
    onDelete: 'cascade',
  };
  model.relations.push(relation);
  report.approximated(
    `schema ${child.plan.key}`,
    child.pointer,
    `Served under ${parent.entity.name} (a nested path): a required relation ${fieldName} to it is added.`,
  );
  return relation;
}

/**
 * Answers the generated app does not have (a 202 beside a 200, a 400 of a custom handler): each is reported
 * at its own pointer. `default` and 5xx are not answers the app documents at all.
 */
function reportOtherStatuses(ops: ApiOperation[], custom: ReadonlySet<ApiOperation>, report: Reporter): void {
  for (const op of ops) {
    const responses = isObj(op.op.responses) ? Object.keys(op.op.responses) : [];
    for (const status of responses) {
      if (status === String(op.success?.status) || status === 'default' || /^5/.test(status)) continue;
      // A custom endpoint's stub documents 401 and 422 at most; the CRUD operations all their client errors.
      const documented = custom.has(op) ? ['401', '422'] : ['401', '403', '404', '409', '422'];
      if (documented.includes(status)) continue;
      report.approximated(
        `${op.method} ${op.path} ${status}`,
        `${op.pointer}/responses/${status}`,
        `The generated app does not document ${status} here (it answers its success and its own errors: 401, 403, 404, 409, 422).`,
      );
    }
  }
}

/**
 * Create and update bodies that send a related row as an object: the design's bodies send its id
 * (`category_id`), reported at the body of each such operation.
 */
function reportRefsInBodies(
  ops: ApiOperation[],
  draftOf: (schema: string) => EntityDraft | undefined,
  components: Components,
  report: Reporter,
): void {
  for (const op of ops) {
    const item = op.body?.item;
    const d = item === undefined ? undefined : draftOf(item);
    if (!item || !d || op.method === 'GET' || op.method === 'DELETE') continue;
    const props = components.objects.get(item)?.properties.map((p) => p.name) ?? [];
    const refs = props.filter((p) => d.refProps.has(p));
    if (refs.length === 0) continue;
    report.approximated(
      `body of ${op.method} ${op.path}`,
      `${op.pointer}/requestBody`,
      `Bodies send related rows by their id (${refs.map((r) => `${r}_id`).join(', ')} in the naming style), not as objects.`,
    );
  }
}
