'use client';

import { useOpenInCode } from '@/components/code/code-navigation';
import { type CustomEndpoint, HTTP_METHODS, type HttpMethod, type OperationOf } from '@/lib/design';
import { handlerModulePath } from '@/lib/generator/user-code/handler-paths';
import { customRoute } from '../model/routes';
import { useElementProblems } from '../problems/problems-context';
import { useEditor } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { AccessControl } from './access-control';
import { CheckboxField, ProblemList, Section, SelectField, TextField } from './controls';
import { CustomQueryParams } from './custom-query-params';
import { splitProblems } from './problem-split';

const PROPS = ['entityId', 'method', 'path', 'summary', 'access', 'request', 'response', 'query'];
type Patch = OperationOf<'updateCustomEndpoint'>['patch'];

/** A hand-written endpoint: where it lives, what it takes and returns, who may call it. */
export function CustomEndpointInspector({ endpoint, index }: { endpoint: CustomEndpoint; index: number }) {
  const actions = useEditorActions();
  const entities = useEditor((s) => s.design.entities);
  const { byProp, rest } = splitProblems(useElementProblems(endpoint.id), `customEndpoints[${index}]`, PROPS);
  const owner = entities.find((e) => e.id === endpoint.entityId);
  const route = customRoute(endpoint, owner);
  const update = (label: string, patch: Patch, key?: string) =>
    actions.apply(
      label,
      { op: 'updateCustomEndpoint', endpointId: endpoint.id, patch },
      { coalesceKey: key && `${key}:${endpoint.id}` },
    );
  const entityOptions = [
    { value: '', label: 'None' },
    ...entities.map((e) => ({ value: e.id, label: e.name || '(unnamed)' })),
  ];
  return (
    <>
      <p className="inspector-context">
        {owner ? (
          <>
            Custom endpoint of{' '}
            <button
              type="button"
              className="list-link"
              onClick={() => actions.select({ kind: 'element', id: owner.id })}
            >
              {owner.name || '(unnamed)'}
            </button>
          </>
        ) : (
          'Custom endpoint'
        )}
        <code className="route-code">
          {route.method} {route.path}
        </code>
      </p>
      <ProblemList problems={rest} />
      <Section title="Custom endpoint">
        <SelectField<HttpMethod>
          label="Method"
          value={endpoint.method}
          problems={byProp.get('method')}
          options={HTTP_METHODS.map((m) => ({ value: m, label: m }))}
          onChange={(method) => update('Endpoint method', { method })}
        />
        <TextField
          label="Path"
          value={endpoint.path}
          problems={byProp.get('path')}
          hint={
            owner
              ? `After ${route.path.slice(0, route.path.length - endpoint.path.length)}, e.g. /{id}/publish`
              : 'From the root, e.g. /stats'
          }
          onChange={(path) => update('Endpoint path', { path }, 'path')}
        />
        <TextField
          label="Summary"
          value={endpoint.summary}
          problems={byProp.get('summary')}
          onChange={(summary) => update('Endpoint summary', { summary }, 'summary')}
        />
        <SelectField
          label="Belongs to"
          value={endpoint.entityId ?? ''}
          problems={byProp.get('entityId')}
          hint="Its path then follows the entity's resource path."
          options={entityOptions}
          onChange={(v) => update('Endpoint entity', { entityId: v === '' ? null : v })}
        />
        <AccessControl
          label="Who can call it"
          value={endpoint.access}
          onChange={(access, coalesce) =>
            update('Endpoint access', { access }, coalesce ? 'roles' : undefined)
          }
        />
        {byProp.get('access') && <ProblemList problems={byProp.get('access') ?? []} />}
      </Section>
      <Section title="Request and response">
        <SelectField
          label="Request body"
          value={endpoint.request?.entityId ?? ''}
          problems={byProp.get('request')}
          hint="The fields a client may set of this entity."
          options={entityOptions}
          onChange={(v) => update('Endpoint request', { request: v === '' ? null : { entityId: v } })}
        />
        <SelectField
          label="Response"
          value={endpoint.response?.entityId ?? ''}
          problems={byProp.get('response')}
          options={entityOptions}
          onChange={(v) =>
            update('Endpoint response', {
              response: v === '' ? null : { entityId: v, list: endpoint.response?.list ?? false },
            })
          }
        />
        {endpoint.response && (
          <CheckboxField
            label="Returns a list"
            checked={endpoint.response.list}
            onChange={(list) =>
              endpoint.response && update('Endpoint response', { response: { ...endpoint.response, list } })
            }
          />
        )}
      </Section>
      <CustomQueryParams
        endpoint={endpoint}
        prefix={`customEndpoints[${index}]`}
        problems={byProp.get('query') ?? []}
        onChange={(label, query, key) => update(label, { query }, key)}
      />
      <HandlerSection endpoint={endpoint} />
      <div className="inspector-actions">
        <button
          type="button"
          className="danger"
          onClick={() =>
            actions.apply(
              'Delete endpoint',
              { op: 'deleteCustomEndpoint', endpointId: endpoint.id },
              { select: owner ? { kind: 'element', id: owner.id } : null },
            )
          }
        >
          Delete endpoint
        </button>
      </div>
    </>
  );
}

/**
 * Where the endpoint's body is written: its handler module, a user file scaffolded by the generator (it answers
 * 501 until written). "Write the handler" opens it in the Code view; what is typed there is kept across
 * regeneration (design changes are merged into it).
 */
function HandlerSection({ endpoint }: { endpoint: CustomEndpoint }) {
  const openInCode = useOpenInCode();
  const path = useEditor((s) => handlerModulePath(s.design, endpoint));
  const written = useEditor((s) => path !== null && s.userCode.files[path] !== undefined);
  if (path === null)
    return (
      <Section title="Handler">
        <p className="hint">The handler module is named once the design has no problems.</p>
      </Section>
    );
  return (
    <Section title="Handler">
      <p className="hint">
        The endpoint runs your code in <code>{path}</code>
        {written ? '.' : '; until you write it, it answers 501.'}
      </p>
      {openInCode && (
        <button type="button" onClick={() => openInCode(path)}>
          Write the handler
        </button>
      )}
    </Section>
  );
}
