import type { Edge, Node } from '@xyflow/react';
import type { RelationKind } from '@/lib/design';
import type { BehaviourRouteView } from '../model/behaviour-routes';
import type { CustomRouteView, RouteView } from '../model/routes';

export type RowMark =
  | 'pk'
  | 'fk'
  | 'unique'
  | 'nullable'
  | 'indexed'
  | 'owner'
  | 'readOnly'
  | 'derived'
  | 'computed';

/**
 * One line of an entity box: the primary key, a field, a timestamp, a foreign-key column, a computed field or a
 * composite unique constraint.
 */
export type FieldRow = {
  key: string;
  kind: 'pk' | 'field' | 'fk' | 'timestamp' | 'computed' | 'unique';
  name: string;
  type: string;
  marks: RowMark[];
  /** Element selected when the row is clicked (a field, the relation behind an FK column, the entity). */
  selectId: string | null;
  /** What the row means, when its name and type do not say it (`count of comments`, `slug of title`). */
  title?: string;
};

export type EntityNodeData = {
  name: string;
  tableName: string;
  rows: FieldRow[];
  routes: RouteView[];
  /** The resource's actions and viewer lists, after its CRUD routes. */
  behaviourRoutes: BehaviourRouteView[];
  /** Hand-written endpoints that belong to this entity. */
  customRoutes: CustomRouteView[];
  problemCount: number;
  collapsed: boolean;
  /** Row or route key highlighted by the current selection (set by `withSelection`). */
  selectedKey?: string;
  /** Added or changed by the assistant proposal under review. */
  proposed?: boolean;
};

export type EnumNodeData = { name: string; values: string[]; problemCount: number; proposed?: boolean };

/** The box of custom endpoints that belong to no entity. */
export type EndpointsNodeData = {
  routes: CustomRouteView[];
  problemCount: number;
  selectedKey?: string;
  proposed?: boolean;
};

export type EntityFlowNode = Node<EntityNodeData, 'entity'>;
export type EnumFlowNode = Node<EnumNodeData, 'enum'>;
export type EndpointsFlowNode = Node<EndpointsNodeData, 'endpoints'>;
export type FlowNode = EntityFlowNode | EnumFlowNode | EndpointsFlowNode;

export type RelationEdgeData = {
  kind: RelationKind;
  cardinality: string;
  fieldName: string;
  backrefName: string;
  proposed?: boolean;
};
export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

export type Flow = { nodes: FlowNode[]; edges: RelationFlowEdge[] };
