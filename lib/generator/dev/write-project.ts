/**
 * Dev helper: writes a template's generated project to a directory.
 * npx tsx lib/generator/dev/write-project.ts blog /tmp/out
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type TemplateName, templates } from '@/lib/design/templates';
import { generateProject } from '../generate';
import { focusedDesigns } from '../testing/designs';

const [name = 'blog', out = `/tmp/fastdraft-${name}`] = process.argv.slice(2);
const design =
  name in templates
    ? templates[name as TemplateName]()
    : focusedDesigns[name as keyof typeof focusedDesigns]?.();
if (!design) throw new Error(`unknown design ${name}`);
const result = generateProject(design);
if (!result.ok) {
  console.error(JSON.stringify(result.problems, null, 2));
  process.exit(1);
}
rmSync(path.join(out, 'app'), { recursive: true, force: true });
rmSync(path.join(out, 'tests'), { recursive: true, force: true });
rmSync(path.join(out, 'alembic'), { recursive: true, force: true });
for (const [file, content] of Object.entries(result.files)) {
  const target = path.join(out, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}
console.log(`${Object.keys(result.files).length} files -> ${out}`);
