import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addField, applyOperations, templates } from '@/lib/design';
import { PreviewManager } from '@/lib/runner/preview/manager';
import { checkAvailability } from '@/lib/runner/preview/availability';
const available = await checkAvailability();
const manager = new PreviewManager({ previewsDir: mkdtempSync(path.join(os.tmpdir(), 'ps-prof-')), check: false, availability: async () => available });
const id = '00000000-0000-4000-8000-00000000f00d';
let design = templates.blog();
const t = (label: string, events: any[], t0: number) => console.log(label, Math.round(performance.now() - t0), events.filter(e => e.status !== 'running').map(e => `${e.step}:${e.ms}`).join(' '));
for (let i = 0; i < 6; i++) {
  const events: any[] = [];
  if (i % 2 === 1) { const tag = design.entities.find(e => e.name === 'Tag')!; tag.fields.push({ ...tag.fields[0]!, id: `f_x${i}`, name: `extra_${i}`, unique: false, nullable: true, type: 'string', constraints: {}, indexed: false } as any); }
  else design.entities[1]!.description = `edit ${i}`;
  const t0 = performance.now();
  const end = await manager.start(id, structuredClone(design), { userId: 'u', onStep: (e) => events.push(e) });
  t(`${i} ${end.ok}`, events, t0);
  if (!end.ok) console.log(end.error);
}
await manager.stopAll();
