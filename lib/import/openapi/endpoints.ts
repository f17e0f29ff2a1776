import { LIMITS } from '@/lib/design/limits';
import {
  type AccessRule,
  type CustomEndpoint,
  type CustomQueryParam,
  HTTP_METHODS,
  type HttpMethod,
  type QueryParamType,
} from '@/lib/design/schema';
import { idOf, paramName } from './names';
import type { ApiOperation, Param } from './operations';
import type { Reporter } from './report';

/** Operations that are not CRUD of a resource nor the auth API: custom endpoints (stubs the user writes). */

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

function queryType(p: Param): QueryParamType | undefined {
  const s = p.schema;
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'integer') return 'integer';
  if (t === 'number') return 'float';
  if (t === 'boolean') return 'boolean';
  if (t === 'string' || t === undefined) {
    if (s.format === 'date') return 'date';
    if (s.format === 'date-time') return 'datetime';
    if (s.format === 'uuid') return 'uuid';
    return 'string';
  }
  return undefined;
}

export function buildEndpoints(
  ops: ApiOperation[],
  entityOfSchema: (name: string | undefined) => string | undefined,
  access: (op: ApiOperation) => AccessRule,
  report: Reporter,
  isMainSchema: (name: string) => boolean = () => true,
): CustomEndpoint[] {
  const out: CustomEndpoint[] = [];
  const ids = new Set<string>();
  for (const op of ops) {
    const subject = `${op.method} ${op.path}`;
    if (!(HTTP_METHODS as readonly string[]).includes(op.method)) {
      report.skipped(
        subject,
        op.pointer,
        `${op.method} operations are not supported (only ${HTTP_METHODS.join(', ')}).`,
      );
      continue;
    }
    if (out.length >= LIMITS.customEndpoints) {
      report.skipped(subject, op.pointer, `More than ${LIMITS.customEndpoints} custom endpoints.`);
      continue;
    }
    const notes: string[] = [];
    const bodyNotes: string[] = [];
    const answerNotes: string[] = [];
    // Entries of the operation's parts, after the operation's own.
    const later: Array<() => void> = [];
    const renamed = new Set<string>();
    let ok = true;
    const segments = op.path
      .split('/')
      .filter(Boolean)
      .map((seg) => {
        const m = /^\{([^{}]+)\}$/.exec(seg);
        if (m) {
          const n = paramName(m[1] as string, renamed);
          renamed.add(n.name);
          if (n.name !== m[1]) notes.push(`The path parameter {${m[1]}} is named {${n.name}}.`);
          return `{${n.name}}`;
        }
        if (!SEGMENT.test(seg)) ok = false;
        return seg;
      });
    const path = `/${segments.join('/')}`;
    if (!ok || segments.length === 0 || path.length > LIMITS.pathLength) {
      report.skipped(
        subject,
        op.pointer,
        'The path cannot be a route of the app (segments of letters, digits and ._~- or {parameters}).',
      );
      continue;
    }
    const query: CustomQueryParam[] = [];
    const qnames = new Set<string>();
    for (const p of op.params) {
      const paramSubject = `parameter ${p.name} of ${subject}`;
      if (p.in === 'header' || p.in === 'cookie') {
        later.push(() =>
          report.skipped(paramSubject, p.pointer, `The ${p.in} parameter ${p.name} is left out.`),
        );
        continue;
      }
      if (p.in !== 'query') continue;
      const type = queryType(p);
      if (!type) {
        later.push(() =>
          report.skipped(
            paramSubject,
            p.pointer,
            `The query parameter ${p.name} is not a single value and is left out.`,
          ),
        );
        continue;
      }
      if (query.length >= LIMITS.listItems) break;
      const n = paramName(p.name, new Set([...qnames, ...renamed]));
      qnames.add(n.name);
      if (n.name !== p.name)
        later.push(() =>
          report.approximated(paramSubject, p.pointer, `The query parameter ${p.name} is named ${n.name}.`),
        );
      else later.push(() => report.imported(paramSubject, p.pointer));
      query.push({
        name: n.name,
        type,
        required: p.required,
        ...(p.description ? { description: p.description.slice(0, LIMITS.descriptionLength) } : {}),
      });
    }
    const method = op.method as HttpMethod;
    const requestEntity = method === 'GET' || method === 'DELETE' ? undefined : entityOfSchema(op.body?.item);
    if (op.body && !requestEntity)
      bodyNotes.push('The request body is not an entity: the handler reads no body.');
    const responseEntity = entityOfSchema(op.success?.item);
    const answers = op.success?.mediaType !== undefined;
    if (!answers && !responseEntity && op.success && op.success.status !== 204)
      answerNotes.push(
        `Without an answer entity the stub answers 204 No Content (the document says ${op.success.status}).`,
      );
    if (answers && !responseEntity)
      answerNotes.push(
        'The answer is not an entity: the stub answers 204 No Content until its handler is written.',
      );
    if (responseEntity && (op.success?.envelopeKey || op.success?.itemsKey))
      answerNotes.push(
        'The answer is the entity (or a list of it) without the envelope: custom endpoints answer bare.',
      );
    if (responseEntity && op.success?.item && !isMainSchema(op.success.item))
      answerNotes.push(`The answer is the entity's full schema, not ${op.success.item}.`);
    if (answers && responseEntity && op.success && op.success.status !== 200)
      answerNotes.push(`The answer's status ${op.success.status} becomes 200.`);
    const summaryRaw =
      typeof op.op.summary === 'string'
        ? op.op.summary
        : typeof op.op.description === 'string'
          ? op.op.description
          : '';
    let id = idOf('ce', method.toLowerCase(), path);
    while (ids.has(id)) id = `${id}_`;
    ids.add(id);
    out.push({
      id,
      method,
      path,
      summary: summaryRaw.slice(0, LIMITS.descriptionLength),
      access: access(op),
      ...(requestEntity ? { request: { entityId: requestEntity } } : {}),
      ...(responseEntity ? { response: { entityId: responseEntity, list: op.success?.list === true } } : {}),
      ...(query.length > 0 ? { query } : {}),
    });
    report.origin(id, subject, op.pointer);
    if (notes.length > 0) report.approximated(subject, op.pointer, `A custom endpoint. ${notes.join(' ')}`);
    else report.imported(subject, op.pointer);
    for (const f of later) f();
    if (op.body) {
      const at = `${op.pointer}/requestBody`;
      if (bodyNotes.length > 0) report.approximated(`body of ${subject}`, at, bodyNotes.join(' '));
      else report.imported(`body of ${subject}`, at);
    }
    if (op.success) {
      const at = `${op.pointer}/responses/${op.success.status}`;
      if (answerNotes.length > 0) report.approximated(`answer of ${subject}`, at, answerNotes.join(' '));
      else report.imported(`answer of ${subject}`, at);
    }
  }
  return out;
}
