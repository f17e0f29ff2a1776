import { templates } from '@/lib/design/templates';
import { generateProject } from '@/lib/generator';

const name = process.argv[2] as keyof typeof templates;
const file = process.argv[3] as string;
const r = generateProject(templates[name]());
if (!r.ok) {
  console.log(JSON.stringify(r.problems, null, 1));
  process.exit(1);
}
console.log(r.files[file]);
