/**
 * The OpenAPI round trip: each document of `lib/import/corpus/openapi` is imported, generated and run; the app's
 * `/openapi.json` must be equivalent to the document for every construct the design supports (the structural
 * diff of `lib/import/openapi/equivalence.ts`), apart from the accepted differences of
 * `lib/import/openapi/round-trip.ts` (listed with their reasons in docs/import.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { importOpenApiDocument } from '@/lib/import/openapi';
import { compareApis, describeApiDifference } from '@/lib/import/openapi/equivalence';
import { acceptedFor } from '@/lib/import/openapi/round-trip';
import type { TierDesign } from './designs';
import { fetchServedOpenApi, type Project, type StepResult } from './steps';

const CORPUS = path.join(process.cwd(), 'lib/import/corpus/openapi');
const PREFIX = 'openapi-';

function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
}

const sourceOf = (design: string) => {
  const file = corpusFiles().find((f) => `${PREFIX}${f.replace(/\.[^.]+$/, '')}` === design);
  return file === undefined ? undefined : readFileSync(path.join(CORPUS, file), 'utf8');
};

/** One tier design per corpus document: the imported design, checked and run through the round trip. */
export function openApiRoundTripDesigns(): TierDesign[] {
  return corpusFiles().map((file) => ({
    name: `${PREFIX}${file.replace(/\.[^.]+$/, '')}`,
    design: () => importOpenApiDocument(readFileSync(path.join(CORPUS, file), 'utf8')).design,
    // Small projects: also lint, type-check and test them (imports found generator bugs that way).
    steps: ['ruff-check', 'mypy', 'pytest:sqlite', 'roundtrip:openapi'],
  }));
}

/** Boots the app of an imported design and compares its `/openapi.json` with the source document. */
export async function roundTripOpenApiStep(project: Project): Promise<StepResult | null> {
  const text = sourceOf(project.design);
  if (text === undefined) return null;
  const started = Date.now();
  const step = 'roundtrip:openapi' as const;
  const served = await fetchServedOpenApi(project);
  const base = { design: project.design, step, ms: 0 };
  if (!served.ok) return { ...base, ok: false, failures: served.failures, ms: Date.now() - started };
  const { report } = importOpenApiDocument(text);
  const differences = compareApis(parse(text), served.document);
  const failures = differences
    .filter((d) => acceptedFor(d, report) === undefined)
    .map((d) => ({
      file: `lib/import/corpus/openapi (${project.design})`,
      line: 0,
      message: describeApiDifference(d),
    }));
  const accepted = differences.length - failures.length;
  return {
    ...base,
    ok: failures.length === 0,
    failures,
    note: `${differences.length} differences, ${accepted} accepted`,
    ms: Date.now() - started,
  };
}
