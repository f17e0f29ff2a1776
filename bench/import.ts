import os from 'node:os';
import { designToFlow } from '@/components/editor/flow/design-to-flow';
import { layoutGraphOf } from '@/components/editor/flow/layout-graph';
import { layoutMetrics } from '@/components/editor/flow/layout-metrics';
import { applyOperations, templates, validateDesign } from '@/lib/design';
import { importSource } from '@/lib/import';
import { layoutImport } from '@/lib/import/layout';
import { planImport } from '@/lib/import/plan';
import { percentile } from './app-server';

const RUNS = 3;
const TABLES = 500;

/**
 * A PostgreSQL schema of `tables` tables in modules of ten: each table has a few typed columns, a unique and a
 * check constraint, an index, and foreign keys to one or two earlier tables of its module (ON DELETE CASCADE /
 * SET NULL), plus one reference to the previous module; one enum type per module. What a big real schema looks
 * like (clusters of related tables), not one chain.
 */
export function syntheticSchema(tables: number): string {
  const lines: string[] = [];
  for (let m = 0; m * 10 < tables; m++)
    lines.push(`CREATE TYPE status_${m} AS ENUM ('draft', 'active', 'archived');`);
  for (let t = 0; t < tables; t++) {
    const module = Math.floor(t / 10);
    const first = module * 10;
    const columns = [
      '  id bigserial PRIMARY KEY',
      `  code varchar(40) NOT NULL UNIQUE`,
      '  title text NOT NULL',
      '  amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0)',
      `  status status_${module} NOT NULL DEFAULT 'draft'`,
      '  created_at timestamptz NOT NULL DEFAULT now()',
    ];
    if (t > first)
      columns.push(
        `  parent_id bigint NOT NULL REFERENCES t_${first + Math.floor((t - first - 1) / 2)} (id) ON DELETE CASCADE`,
      );
    if (t > first + 2) columns.push(`  sibling_id bigint REFERENCES t_${t - 1} (id) ON DELETE SET NULL`);
    if (t === first && module > 0)
      columns.push(`  previous_id bigint REFERENCES t_${first - 10} (id) ON DELETE SET NULL`);
    lines.push(`CREATE TABLE t_${t} (\n${columns.join(',\n')}\n);`);
    lines.push(`CREATE INDEX t_${t}_title ON t_${t} (title);`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run bench import`: a 500-table PostgreSQL DDL read (`importSource`), laid out (elk) and planned into a
 * blank design, median of RUNS after a warm-up; the target is under 5 s in all. Readability of the layout with
 * the layout bench's figures (`layoutMetrics`, on the edges the canvas draws).
 */
export async function importBenchmark() {
  const text = syntheticSchema(TABLES);
  const times = { read: [] as number[], layout: [] as number[], plan: [] as number[], total: [] as number[] };
  let last: { design: ReturnType<typeof applyOperations>; entries: number } | null = null;
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now();
    const { design: imported, report } = await importSource({ text });
    const t1 = performance.now();
    const positions = await layoutImport(imported);
    const t2 = performance.now();
    const blank = templates.blank();
    const plan = planImport(imported, blank, 'new', positions);
    const t3 = performance.now();
    if (run === 0) continue; // warm-up: WASM parser instantiation and JIT
    times.read.push(t1 - t0);
    times.layout.push(t2 - t1);
    times.plan.push(t3 - t2);
    times.total.push(t3 - t0);
    last = { design: applyOperations(blank, plan.operations), entries: report.entries.length };
  }
  const design = last!.design;
  const flow = designToFlow(design);
  const drawn = layoutGraphOf(design, flow, { enumLinks: false });
  const positions = new Map(flow.nodes.map((n) => [n.id, n.position]));
  const ms = (list: number[]) => Math.round(percentile(list, 50));
  return {
    load: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
    tables: TABLES,
    ddlBytes: text.length,
    reportEntries: last!.entries,
    entities: design.entities.length,
    relations: design.relations.length,
    enums: design.enums.length,
    problems: validateDesign(design).length,
    ms: { read: ms(times.read), layout: ms(times.layout), plan: ms(times.plan), total: ms(times.total) },
    underTarget: percentile(times.total, 50) < 5000,
    layout: layoutMetrics(drawn, positions),
  };
}
