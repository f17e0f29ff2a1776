'use client';

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EnumFlowNode } from './flow-types';
import { sameBox } from './node-size';

function EnumNodeView({ data, selected }: NodeProps<EnumFlowNode>) {
  return (
    <div className={`enum-node${selected ? ' is-selected' : ''}${data.proposed ? ' is-proposed' : ''}`}>
      <header className="node-header">
        <span className="node-kind">enum</span>
        <span className="node-title">{data.name || '(unnamed)'}</span>
        {data.problemCount > 0 && <span className="problem-badge">{data.problemCount}</span>}
      </header>
      <ul className="enum-values" aria-label={`Values of ${data.name}`}>
        {data.values.length === 0 && <li className="muted">No values yet</li>}
        {data.values.map((value, index) => (
          <li key={index}>{value}</li>
        ))}
      </ul>
    </div>
  );
}

export const EnumNode = memo(EnumNodeView, sameBox);
