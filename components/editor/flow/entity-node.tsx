'use client';

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useEditorActions } from '../store/use-editor-actions';
import { BehaviourRoutes } from './behaviour-routes';
import { CustomRoutes } from './custom-routes';
import type { EntityFlowNode, FieldRow, RowMark } from './flow-types';
import { LockIcon } from './lock-icon';
import { sameBox } from './node-size';
import { useFarZoom } from './zoom-detail';

const MARK_LABEL: Record<RowMark, { short: string; title: string }> = {
  pk: { short: 'PK', title: 'Primary key' },
  fk: { short: 'FK', title: 'Foreign key' },
  unique: { short: 'U', title: 'Unique' },
  indexed: { short: 'IX', title: 'Indexed' },
  nullable: { short: '?', title: 'Nullable' },
  owner: { short: 'OWN', title: 'Shown to the owner only' },
  readOnly: { short: 'RO', title: 'Read-only: set by the server' },
  derived: { short: 'ƒ', title: 'Derived by the server from another field' },
  computed: { short: 'Σ', title: 'Computed in SQL for each response (read-only)' },
};

function Row({
  row,
  selected,
  onSelect,
}: {
  row: FieldRow;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const content = (
    <>
      <span className="row-marks">
        {row.marks.map((mark) => (
          <abbr key={mark} className={`mark mark-${mark}`} title={MARK_LABEL[mark].title}>
            {MARK_LABEL[mark].short}
          </abbr>
        ))}
      </span>
      <span className="row-name">{row.name || '(unnamed)'}</span>
      <span className={`type-badge type-${row.type.replace(/\W.*/, '')}`}>{row.type}</span>
    </>
  );
  const className = `entity-row row-${row.kind}${selected ? ' is-selected' : ''}`;
  const selectId = row.selectId;
  if (selectId === null) return <li className={className}>{content}</li>;
  return (
    <li>
      <button
        type="button"
        className={className}
        title={row.title}
        aria-pressed={selected}
        onClick={(event) => {
          event.stopPropagation();
          onSelect(selectId);
        }}
      >
        {content}
      </button>
    </li>
  );
}

/**
 * A box's connect handle: React Flow's `Handle` zoomed in. Far zoomed out (hidden there, see COMPACT_ZOOM) an
 * inert element of the same classes and data attributes, in the same place: React Flow measures it as the
 * handle, so relations have their ends when zooming back in, without the `Handle`'s store subscription (two per
 * box, each run on every pan and drag step).
 */
function ConnectHandle({
  compact,
  nodeId,
  type,
  name,
}: {
  compact: boolean;
  nodeId: string;
  type: 'source' | 'target';
  name: string;
}) {
  const position = type === 'source' ? Position.Right : Position.Left;
  const id = type === 'source' ? 'out' : 'in';
  if (!compact)
    return (
      <Handle
        type={type}
        position={position}
        id={id}
        aria-label={type === 'source' ? `Connect from ${name}` : `Connect to ${name}`}
      />
    );
  return (
    <div
      data-handleid={id}
      data-nodeid={nodeId}
      data-handlepos={position}
      className={`react-flow__handle react-flow__handle-${position} nodrag nopan ${type}`}
      aria-hidden
    />
  );
}

function EntityNodeView({ id, data, selected }: NodeProps<EntityFlowNode>) {
  const actions = useEditorActions();
  // Far zoomed out the box keeps its size but not its row elements (see COMPACT_ZOOM).
  const compact = useFarZoom();
  const selectElement = (elementId: string) => actions.select({ kind: 'element', id: elementId });
  return (
    <div
      className={`entity-node${selected ? ' is-selected' : ''}${data.selectedKey ? ' has-selection' : ''}${data.proposed ? ' is-proposed' : ''}`}
    >
      <ConnectHandle compact={compact} nodeId={id} type="target" name={data.name} />
      <header className="node-header">
        <span className="node-title">{data.name || '(unnamed)'}</span>
        <span className="node-subtitle">{data.tableName}</span>
        {data.problemCount > 0 && (
          <span className="problem-badge" title={`${data.problemCount} problem(s)`}>
            {data.problemCount}
          </span>
        )}
        <button
          type="button"
          className="node-collapse nodrag"
          aria-label={data.collapsed ? `Expand ${data.name}` : `Collapse ${data.name}`}
          aria-expanded={!data.collapsed}
          onClick={(event) => {
            event.stopPropagation();
            actions.apply(data.collapsed ? 'Expand' : 'Collapse', { op: 'toggleCollapsed', id });
          }}
        >
          {data.collapsed ? '▸' : '▾'}
        </button>
      </header>
      {!data.collapsed && compact && (
        // Same height as the rows and routes it stands for, so edges and the layout do not move.
        <div className="entity-rows-compact" style={{ height: compactBodyHeight(data) }} aria-hidden />
      )}
      {!data.collapsed && !compact && (
        <>
          <ul className="entity-rows" aria-label={`Fields of ${data.name}`}>
            {data.rows.map((row) => (
              <Row key={row.key} row={row} selected={data.selectedKey === row.key} onSelect={selectElement} />
            ))}
          </ul>
          {data.routes.length > 0 && (
            <ul className="entity-routes" aria-label={`Routes of ${data.name}`}>
              {data.routes.map((route) => {
                const key = `route:${route.operation}`;
                return (
                  <li key={route.operation}>
                    <button
                      type="button"
                      className={`route-row${data.selectedKey === key ? ' is-selected' : ''}`}
                      title={route.access}
                      aria-label={`${route.method} ${route.path}${route.locked ? ` (${route.access})` : ''}`}
                      onClick={(event) => {
                        event.stopPropagation();
                        actions.select({ kind: 'endpoint', entityId: id, operation: route.operation });
                      }}
                    >
                      <span className={`method method-${route.method.toLowerCase()}`}>{route.method}</span>
                      <span className="route-path">{route.path}</span>
                      {route.locked && <LockIcon title={route.access} />}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <BehaviourRoutes entityId={id} name={data.name} routes={data.behaviourRoutes} />
          <CustomRoutes
            label={`Custom endpoints of ${data.name}`}
            routes={data.customRoutes}
            selectedKey={data.selectedKey}
          />
        </>
      )}
      <ConnectHandle compact={compact} nodeId={id} type="source" name={data.name} />
    </div>
  );
}

export const EntityNode = memo(EntityNodeView, sameBox);

// Heights of .entity-rows / .entity-routes in editor.css: list padding, rows of 22 px, routes of 20 px.
function compactBodyHeight(data: EntityFlowNode['data']): number {
  const list = (n: number) => (n ? 9 + n * 20 : 0);
  return (
    6.4 +
    data.rows.length * 22 +
    list(data.routes.length) +
    list(data.behaviourRoutes.length) +
    list(data.customRoutes.length)
  );
}
