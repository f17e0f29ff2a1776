'use client';

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CustomRoutes } from './custom-routes';
import type { EndpointsFlowNode } from './flow-types';
import { sameBox } from './node-size';

/** Custom endpoints that belong to no entity (their paths are absolute). */
function EndpointsNodeView({ data, selected }: NodeProps<EndpointsFlowNode>) {
  return (
    <div
      className={`endpoints-node${selected ? ' is-selected' : ''}${data.selectedKey ? ' has-selection' : ''}${data.proposed ? ' is-proposed' : ''}`}
    >
      <header className="node-header">
        <span className="node-kind">api</span>
        <span className="node-title">Custom endpoints</span>
        {data.problemCount > 0 && (
          <span className="problem-badge" title={`${data.problemCount} problem(s)`}>
            {data.problemCount}
          </span>
        )}
      </header>
      <CustomRoutes
        label="Custom endpoints without an entity"
        routes={data.routes}
        selectedKey={data.selectedKey}
      />
    </div>
  );
}

export const EndpointsNode = memo(EndpointsNodeView, sameBox);
