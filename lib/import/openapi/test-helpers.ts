import { DesignSchema, validateDesign } from '@/lib/design';
import type { ImportResult } from '../types';
import { importOpenApi } from '.';

/** Imports and checks what every import must be: a schema-valid design without problems. */
export async function importValid(text: string): Promise<ImportResult> {
  const result = await importOpenApi(text);
  DesignSchema.parse(result.design);
  const problems = validateDesign(result.design);
  if (problems.length > 0) throw new Error(`validateDesign: ${JSON.stringify(problems, null, 1)}`);
  return result;
}

export const entity = (r: ImportResult, name: string) => {
  const e = r.design.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name}: ${r.design.entities.map((x) => x.name).join(', ')}`);
  return e;
};

export const field = (r: ImportResult, entityName: string, name: string) => {
  const f = entity(r, entityName).fields.find((x) => x.name === name);
  if (!f)
    throw new Error(
      `no field ${entityName}.${name}: ${entity(r, entityName)
        .fields.map((x) => x.name)
        .join(', ')}`,
    );
  return f;
};

export const entryFor = (r: ImportResult, subject: string) =>
  r.report.entries.find((e) => e.subject === subject);

/** A minimal OpenAPI document around some component schemas and paths. */
export function doc(parts: {
  schemas?: object;
  paths?: object;
  version?: string;
  securitySchemes?: object;
  security?: object[];
}): string {
  return JSON.stringify({
    openapi: parts.version ?? '3.1.0',
    info: { title: 'Test', version: '1' },
    paths: parts.paths ?? {},
    components: {
      schemas: parts.schemas ?? {},
      ...(parts.securitySchemes ? { securitySchemes: parts.securitySchemes } : {}),
    },
    ...(parts.security ? { security: parts.security } : {}),
  });
}

export const json = (ref: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
export const jsonList = (ref: string) => ({
  content: {
    'application/json': { schema: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } } },
  },
});
