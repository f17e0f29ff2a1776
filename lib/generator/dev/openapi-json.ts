/** Dev helper: prints openApiFor(design) as JSON. npx tsx lib/generator/dev/openapi-json.ts blog */
import { type TemplateName, templates } from '@/lib/design/templates';
import { openApiFor } from '../openapi/document';
import { focusedDesigns } from '../testing/designs';

const name = process.argv[2] ?? 'blog';
const design = name in templates ? templates[name as TemplateName]() : focusedDesigns[name]?.();
if (!design) throw new Error(`unknown design ${name}`);
console.log(JSON.stringify(openApiFor(design), null, 1));
