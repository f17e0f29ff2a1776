import { applyOperations, type Design, templates } from '@/lib/design';
import { type ImportSource, importSource } from './index';
import { layoutImport } from './layout';
import { type ImportPlan, planImport } from './plan';
import type { ImportReport } from './types';

/**
 * A source read into the design a new workspace would get (the dashboard's import, accepted): the plan on a
 * blank design named after the source, applied. For the CLI and the benchmark. Throws ImportError.
 */
export async function importAsDesign(
  source: ImportSource,
): Promise<{ design: Design; report: ImportReport; plan: ImportPlan }> {
  const { design: imported, report } = await importSource(source);
  const blank = { ...templates.blank(), name: imported.name };
  const plan = planImport(imported, blank, 'new', await layoutImport(imported));
  return { design: applyOperations(blank, plan.operations), report, plan };
}
