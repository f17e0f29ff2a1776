/**
 * Table-creation order: Kahn's algorithm over "holds a foreign key to" edges, ties broken by design order so
 * the result is deterministic. Self-references are no dependency. When only a cycle is left, the first
 * remaining entity (in design order) is taken and its foreign keys to tables not created yet are reported as
 * deferred (created with ALTER after the tables).
 */
export type OrderResult = { order: string[]; deferred: Set<string> };

export type DependencyEdge = { from: string; to: string; key: string };

export function dependencyOrder(ids: readonly string[], edges: readonly DependencyEdge[]): OrderResult {
  const position = new Map(ids.map((id, i) => [id, i]));
  const outgoing = new Map<string, DependencyEdge[]>();
  const waiting = new Map<string, number>();
  const dependents = new Map<string, DependencyEdge[]>();
  for (const id of ids) {
    outgoing.set(id, []);
    dependents.set(id, []);
    waiting.set(id, 0);
  }
  for (const edge of edges) {
    if (edge.from === edge.to || !position.has(edge.from) || !position.has(edge.to)) continue;
    outgoing.get(edge.from)?.push(edge);
    dependents.get(edge.to)?.push(edge);
    waiting.set(edge.from, (waiting.get(edge.from) ?? 0) + 1);
  }
  const done = new Set<string>();
  const order: string[] = [];
  const deferred = new Set<string>();
  // A small binary heap keyed by design position keeps this O((V + E) log V).
  const ready = new MinHeap();
  for (const id of ids) if (waiting.get(id) === 0) ready.push(position.get(id) ?? 0);
  let cursor = 0;
  const release = (id: string) => {
    done.add(id);
    order.push(id);
    for (const edge of dependents.get(id) ?? []) {
      const left = (waiting.get(edge.from) ?? 0) - 1;
      waiting.set(edge.from, left);
      if (left === 0 && !done.has(edge.from)) ready.push(position.get(edge.from) ?? 0);
    }
  };
  while (order.length < ids.length) {
    const next = ready.pop();
    if (next !== undefined) {
      const id = ids[next] as string;
      if (!done.has(id)) release(id);
      continue;
    }
    // Only cycles remain: break at the first entity not yet created.
    while (cursor < ids.length && done.has(ids[cursor] as string)) cursor++;
    const id = ids[cursor] as string;
    for (const edge of outgoing.get(id) ?? []) if (!done.has(edge.to)) deferred.add(edge.key);
    waiting.set(id, 0);
    release(id);
  }
  return { order, deferred };
}

class MinHeap {
  private readonly items: number[] = [];

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= value) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = value;
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && (items[right] as number) < (items[left] as number) ? right : left;
      if ((items[child] as number) >= last) break;
      items[i] = items[child] as number;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
