import { readComponents } from './components';
import { type ApiOperation, type Payload, readOperations } from './operations';
import { escapeToken } from './parse';
import { isObj, type Obj, Refs, refName } from './refs';
import { Reporter } from './report';

/**
 * A structural diff of two OpenAPI documents over what a design can carry: operations (method and path, with
 * parameters as `{}`), their query parameters (name, required, type), request bodies and success answers
 * (envelope, list or single, the item's properties with type and nullability) and status codes. Each difference
 * names where (`at`), what, and the expected (the source document) and actual (the served document) values,
 * with `pointer` into the source document when the construct is there, so a report entry can account for it.
 */
export type ApiDifference = {
  at: string;
  what: string;
  expected: string;
  actual: string;
  /** JSON pointer of the construct in the source document, when it has one. */
  pointer?: string;
  /**
   * Where in the source operation the difference is (`.../requestBody`, `.../responses/200`), for differences of a
   * body or an answer whose `pointer` is a component schema's property.
   */
  context?: string;
};

type Props = Map<string, { sig: string; nullable: boolean; pointer: string }>;

type OpModel = {
  op: ApiOperation;
  query: Map<string, { required: boolean; type: string; pointer: string }>;
  body?: { envelope: string; list: boolean; props?: Props; pointer: string };
  success?: { status: number; envelope: string; list: boolean; itemsKey: string; props?: Props };
  statuses: Set<string>;
};

const routeKey = (method: string, path: string) => `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;

/** `string/date-time`, `integer`, `array<string>`, `object`: a schema's JSON type (refs and decimals included). */
function signature(raw: unknown, refs: Refs, depth = 0): { sig: string; nullable: boolean } {
  if (!isObj(raw) || depth > 8) return { sig: 'any', nullable: false };
  let nullable = raw.nullable === true;
  let schema: Obj = raw;
  if (refName(schema) || typeof schema.$ref === 'string') {
    const target = refs.resolve(schema, '');
    if (!target) return { sig: 'any', nullable };
    if (isObj(target.schema.properties)) return { sig: 'object', nullable };
    schema = target.schema;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const rest = list.filter((b) => !(isObj(b) && b.type === 'null'));
    if (rest.length < list.length) nullable = true;
    if (rest.length === 1) {
      const inner = signature(rest[0], refs, depth + 1);
      return { sig: inner.sig, nullable: nullable || inner.nullable };
    }
    const sigs = [...new Set(rest.map((b) => signature(b, refs, depth + 1).sig))].sort();
    // The generator's decimal input: a number or a numeric string.
    if (sigs.join('|') === 'number|string') return { sig: 'number', nullable };
    return { sig: sigs.join('|'), nullable };
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) {
    const inner = signature(schema.allOf[0], refs, depth + 1);
    return { sig: inner.sig, nullable: nullable || inner.nullable };
  }
  let type = schema.type;
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== 'null');
    if (types.length < type.length) nullable = true;
    type = types.length === 1 ? types[0] : types.sort().join('|');
  }
  if (type === 'array' || (type === undefined && schema.items !== undefined))
    return { sig: `array<${signature(schema.items, refs, depth + 1).sig}>`, nullable };
  if (type === 'object' || isObj(schema.properties)) return { sig: 'object', nullable };
  if (type === undefined) return { sig: 'any', nullable };
  const format =
    typeof schema.format === 'string' && ['date', 'date-time', 'uuid'].includes(schema.format)
      ? `/${schema.format}`
      : '';
  // A number type is a number whatever its format; integers are integers (int32/int64 are bounds, not types).
  return { sig: `${String(type)}${type === 'string' ? format : ''}`, nullable };
}

function propsOf(
  name: string | undefined,
  components: ReturnType<typeof readComponents>,
  refs: Refs,
): Props | undefined {
  if (name === undefined) return undefined;
  const schema = components.objects.get(name);
  if (!schema) return undefined;
  const out: Props = new Map();
  for (const p of schema.properties) {
    const s = signature(p.schema, refs);
    out.set(p.name, { sig: s.sig, nullable: s.nullable || !schema.required.has(p.name), pointer: p.pointer });
  }
  return out;
}

function model(document: unknown): Map<string, OpModel> {
  const report = new Reporter();
  const root = isObj(document) ? document : {};
  const refs = new Refs(root, report);
  const components = readComponents(root, refs, report);
  const out = new Map<string, OpModel>();
  for (const op of readOperations(root, refs, report)) {
    const query = new Map<string, { required: boolean; type: string; pointer: string }>();
    for (const p of op.params) {
      if (p.in !== 'query') continue;
      query.set(p.name, { required: p.required, type: signature(p.schema, refs).sig, pointer: p.pointer });
    }
    const payload = (x: Payload | undefined) =>
      x && { envelope: x.envelopeKey ?? '', list: x.list, props: propsOf(x.item, components, refs) };
    const body = payload(op.body);
    const success = op.success && payload(op.success);
    const responses = isObj(op.op.responses) ? Object.keys(op.op.responses) : [];
    out.set(routeKey(op.method, op.path), {
      op,
      query,
      ...(body ? { body: { ...body, pointer: `${op.pointer}/requestBody` } } : {}),
      ...(success && op.success
        ? { success: { ...success, status: op.success.status, itemsKey: op.success.itemsKey ?? '' } }
        : {}),
      statuses: new Set(responses),
    });
  }
  return out;
}

function compareProps(
  at: string,
  expected: Props | undefined,
  actual: Props | undefined,
  out: ApiDifference[],
  pointer: string,
): void {
  if (!expected || !actual) {
    if (expected && !actual)
      out.push({ at, what: 'schema', expected: 'an object schema', actual: 'none', pointer });
    return;
  }
  for (const [name, e] of expected) {
    const a = actual.get(name);
    if (!a)
      out.push({
        at: `${at}.${name}`,
        what: 'property missing',
        expected: e.sig,
        actual: 'nothing',
        pointer: e.pointer,
      });
    else {
      if (a.sig !== e.sig)
        out.push({
          at: `${at}.${name}`,
          what: 'property type',
          expected: e.sig,
          actual: a.sig,
          pointer: e.pointer,
        });
      if (a.nullable !== e.nullable)
        out.push({
          at: `${at}.${name}`,
          what: 'property nullability',
          expected: e.nullable ? 'nullable' : 'required',
          actual: a.nullable ? 'nullable' : 'required',
          pointer: e.pointer,
        });
    }
  }
  for (const [name, a] of actual) {
    if (!expected.has(name))
      out.push({ at: `${at}.${name}`, what: 'property extra', expected: 'nothing', actual: a.sig, pointer });
  }
}

/** Every difference between the source document (`expected`) and the served one (`actual`). */
export function compareApis(expected: unknown, actual: unknown): ApiDifference[] {
  const e = model(expected);
  const a = model(actual);
  const out: ApiDifference[] = [];
  for (const [key, x] of e) {
    const start = out.length;
    compareOperation(key, x, a.get(key), out);
    void start;
  }
  for (const [key] of a) {
    if (!e.has(key)) out.push({ at: key, what: 'operation extra', expected: 'nothing', actual: 'served' });
  }
  return out;
}

function compareOperation(key: string, x: OpModel, y: OpModel | undefined, out: ApiDifference[]): void {
  {
    if (!y) {
      out.push({
        at: key,
        what: 'operation missing',
        expected: 'served',
        actual: 'nothing',
        pointer: x.op.pointer,
      });
      return;
    }
    for (const [name, q] of x.query) {
      const served = y.query.get(name);
      if (!served)
        out.push({
          at: `${key} ?${name}`,
          what: 'query parameter missing',
          expected: q.type,
          actual: 'nothing',
          pointer: q.pointer,
        });
      else {
        if (served.type !== q.type)
          out.push({
            at: `${key} ?${name}`,
            what: 'query parameter type',
            expected: q.type,
            actual: served.type,
            pointer: q.pointer,
          });
        if (served.required !== q.required)
          out.push({
            at: `${key} ?${name}`,
            what: 'query parameter required',
            expected: String(q.required),
            actual: String(served.required),
            pointer: q.pointer,
          });
      }
    }
    for (const [name, q] of y.query) {
      if (!x.query.has(name))
        out.push({
          at: `${key} ?${name}`,
          what: 'query parameter extra',
          expected: 'nothing',
          actual: q.type,
          pointer: x.op.pointer,
        });
    }
    const bodyStart = out.length;
    if (x.body && !y.body)
      out.push({
        at: `${key} body`,
        what: 'request body missing',
        expected: 'a body',
        actual: 'nothing',
        pointer: x.body.pointer,
      });
    else if (!x.body && y.body)
      out.push({
        at: `${key} body`,
        what: 'request body extra',
        expected: 'nothing',
        actual: 'a body',
        pointer: x.op.pointer,
      });
    else if (x.body && y.body) {
      if (x.body.envelope !== y.body.envelope)
        out.push({
          at: `${key} body`,
          what: 'request envelope',
          expected: x.body.envelope || 'bare',
          actual: y.body.envelope || 'bare',
          pointer: x.body.pointer,
        });
      compareProps(`${key} body`, x.body.props, y.body.props, out, x.body.pointer);
    }
    for (const d of out.slice(bodyStart)) d.context = `${x.op.pointer}/requestBody`;
    const answerStart = out.length;
    const xs = x.success;
    const ys = y.success;
    const successPointer = `${x.op.pointer}/responses`;
    if (xs && ys) {
      if (xs.status !== ys.status)
        out.push({
          at: `${key} answer`,
          what: 'success status',
          expected: String(xs.status),
          actual: String(ys.status),
          pointer: `${successPointer}/${xs.status}`,
        });
      if (xs.list !== ys.list)
        out.push({
          at: `${key} answer`,
          what: 'list or single',
          expected: xs.list ? 'list' : 'single',
          actual: ys.list ? 'list' : 'single',
          pointer: `${successPointer}/${xs.status}`,
        });
      if (xs.envelope !== ys.envelope || xs.itemsKey !== ys.itemsKey)
        out.push({
          at: `${key} answer`,
          what: 'answer envelope',
          expected: `${xs.envelope}/${xs.itemsKey}`,
          actual: `${ys.envelope}/${ys.itemsKey}`,
          pointer: `${successPointer}/${xs.status}`,
        });
      compareProps(
        `${key} answer`,
        xs.props,
        ys.props,
        out,
        `${successPointer}/${escapeToken(String(xs.status))}`,
      );
    } else if (xs && !ys)
      out.push({
        at: `${key} answer`,
        what: 'success answer missing',
        expected: String(xs.status),
        actual: 'nothing',
        pointer: successPointer,
      });
    for (const d of out.slice(answerStart))
      d.context = `${x.op.pointer}/responses/${escapeToken(String(xs?.status ?? ''))}`;
    for (const status of x.statuses) {
      if (!y.statuses.has(status))
        out.push({
          at: `${key} ${status}`,
          what: 'status missing',
          expected: status,
          actual: 'nothing',
          pointer: `${successPointer}/${escapeToken(status)}`,
        });
    }
    for (const status of y.statuses) {
      if (!x.statuses.has(status))
        out.push({
          at: `${key} ${status}`,
          what: 'status extra',
          expected: 'nothing',
          actual: status,
          // Beside the document's success answer (a 201 where it says 200).
          context: `${successPointer}/${escapeToken(String(xs?.status ?? ''))}`,
        });
    }
  }
}

export function describeApiDifference(d: ApiDifference): string {
  return `${d.at}: ${d.what} (source: ${d.expected}; served: ${d.actual})`;
}
