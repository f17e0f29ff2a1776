import 'server-only';
import type { Design } from '@/lib/design';
import { runJob, THREADS, untilNoPersonJobs, warmHelperThreads } from './pool';
import type { JobInputs, JobName, JobResults } from './types';

/** Python files per check piece after the first: enough that the job lends its helper threads (shared-checks). */
const CHECK_PIECE_FILES = 24;

/**
 * Warms every generation thread with a small design, and the helper threads beside them, in pieces a person's
 * job overtakes: each chain posts its next piece only when the last one ended and no person's job is running or
 * queued (`untilNoPersonJobs`), so a person's job waits for the piece running when it came, never for a whole
 * generation, and a person's jobs in a row (a preview's steps) are not interleaved with pieces. The pieces are
 * what a first real job needs anyway: the thread and its bundle (validate), tree-sitter and ruff's checker on
 * one module, ruff's formatter (files), the design's checks in slices, then the whole generate path once. What a
 * person's job still pays on a cold thread is that first use itself (docs/benchmarks.md, "Preview"). One chain
 * per thread, each its own owner (a person has two jobs at once): while they run, each holds a thread.
 * Returns the pieces run; a failure stops that chain and is thrown after the others have ended.
 */
export async function warmThreads(
  design: Design,
  {
    threads = THREADS,
    onPiece,
    helpersAfter,
  }: {
    threads?: number;
    onPiece?: (name: JobName) => void;
    /** Start the helper threads' warm-up only once this settles (the warm-up: the database's open). */
    helpersAfter?: Promise<unknown>;
  } = {},
): Promise<number> {
  const chains = Array.from({ length: threads }, (_, i) => warmChain(design, `warm-up:${i}`, onPiece));
  // The helper threads at the same time, on code of the generated project's kind: they are lent to a job's
  // checks only when idle, so their warm-up never holds a person's job; a cold one would (the job waits for the
  // chunks a helper claimed while it compiles its WASM).
  const helpers = (helpersAfter ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => warmHelperThreads(HELPER_WARM_UP));
  const settled = await Promise.allSettled([...chains, helpers.then(() => 0)]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.reduce((sum, s) => sum + (s.status === 'fulfilled' ? s.value : 0), 0);
}

/**
 * A router module like the generated ones (unformatted: the helpers format it, then check the output; a job
 * thread checks it before it has generated anything).
 */
const HELPER_WARM_UP = [
  {
    file: 'app/routers/items.py',
    formatted: false,
    source: [
      'from fastapi import APIRouter, HTTPException',
      'from pydantic import BaseModel, Field',
      '',
      'router = APIRouter(prefix="/items", tags=["items"])',
      'class Item(BaseModel):',
      '    id: int',
      '    name: str = Field(min_length=1, max_length=200)',
      '@router.get("/{item_id}", response_model=Item)',
      'async def read_item(item_id: int) -> Item:',
      '    if item_id < 0 :',
      '        raise HTTPException(status_code=404, detail="Item not found")',
      '    return Item(id=item_id, name="item")',
      '',
    ].join('\n'),
  },
];

async function warmChain(design: Design, owner: string, onPiece?: (name: JobName) => void): Promise<number> {
  let pieces = 0;
  // Each piece waits until no person's job is running or queued: theirs go first, and a person's jobs in a row
  // (a preview's steps) find the thread free between them instead of behind the next piece.
  const piece = async <N extends JobName>(name: N, input: JobInputs[N]): Promise<JobResults[N]> => {
    await untilNoPersonJobs();
    const result = await runJob(name, input, { owner, background: true });
    pieces++;
    onPiece?.(name);
    return result;
  };
  await piece('validate', { design });
  // The checker before the formatter: a cold thread's first check (tree-sitter's grammar, ruff's linter) is the
  // longest first use, and a preview's check step the one a person's jobs in a row leave to it last.
  const module = HELPER_WARM_UP[0]!;
  await piece('check', { files: { [module.file]: module.source } });
  const generated = await piece('files', { design });
  if ('refused' in generated || !generated.ok) throw new Error('the warm-up design does not generate');
  const python = Object.entries(generated.files).filter(([name]) => name.endsWith('.py'));
  const slices = [python.slice(0, 1)];
  for (let at = 1; at < python.length; at += CHECK_PIECE_FILES)
    slices.push(python.slice(at, at + CHECK_PIECE_FILES));
  for (const slice of slices) await piece('check', { files: Object.fromEntries(slice) });
  await piece('generate', { design });
  return pieces;
}
