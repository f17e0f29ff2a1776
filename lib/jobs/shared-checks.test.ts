/**
 * Checks spread over threads give exactly the sequential diagnostics: the job thread's merge of helpers'
 * chunks (with a stand-in main thread, so who checks what is fixed), a helper whose ruff instance throws, and
 * the real pool (job thread + helper threads) against `checkProject` on one thread.
 */
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { checkProject, type Diagnostic, generateProject } from '@/lib/generator';
import { clearContentCaches } from '@/lib/generator/content-cache';
import { withRuff } from '@/lib/generator/format/ruff';
import { userCodeDesigns } from '@/lib/generator/testing/user-code-designs';
import { HELPER_THREADS, helperStats } from './helpers';
import { activeJobs, runJob } from './pool';
import {
  CHUNK_FILES,
  checkShare,
  checkWithHelpers,
  type HelpMessage,
  type HelpRequest,
  packFiles,
  unpackChunk,
} from './shared-checks';

/** A generated project (renamed per test: new text for every thread's caches) with broken files among it. */
function projectWithFindings(tag: string, entities = 12): Record<string, string> {
  const design = syntheticDesign(entities);
  const result = generateProject({
    ...design,
    entities: design.entities.map((e) => ({ ...e, name: `${e.name}${tag}` })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return {
    ...result.files,
    [`app/a_${tag}_unformatted.py`]: 'x  =  1\n',
    [`app/models/m_${tag}_lint.py`]: 'import os\n',
    [`app/schemas/s_${tag}_syntax.py`]: 'def f(:\n    pass\n',
    [`tests/t_${tag}_both.py`]: 'import sys\nif True :\n  y=(\n',
    'openapi.json': '{"openapi": "3.0.0", "info": {}}',
    'broken.json': '{',
  };
}

/**
 * A stand-in for the main thread and one helper: on the help request it claims the first two chunks at once
 * (before the job thread can), answers the first with a marker, never answers the second (a failed helper),
 * then says the helpers are done.
 */
function fakeMain(marker: Diagnostic) {
  const events = new EventEmitter();
  const port = {
    on: (event: string, listener: (message: HelpMessage) => void) => events.on(event, listener),
    off: (event: string, listener: (message: HelpMessage) => void) => events.off(event, listener),
    postMessage(request: HelpRequest) {
      const claims = new Int32Array(request.claims);
      const first = Atomics.add(claims, 0, 1);
      Atomics.add(claims, 0, 1);
      const { file: _, ...found } = marker;
      const answer: HelpMessage = {
        kind: 'checked',
        id: request.id,
        chunks: [[first, { diagnostics: Array.from({ length: CHUNK_FILES }, () => [found]) }]],
      };
      setImmediate(() => {
        // A late answer to an earlier request on the same port is not taken for this one's.
        const stale = [{ ...found, message: 'a late answer to an earlier request' }];
        events.emit('message', {
          kind: 'checked',
          id: request.id - 1,
          chunks: [[first + 1, { diagnostics: Array.from({ length: CHUNK_FILES }, () => stale) }]],
        } satisfies HelpMessage);
        events.emit('message', answer);
      });
      port.request = request;
    },
    request: undefined as HelpRequest | undefined,
  };
  return port;
}

describe('checks spread over threads', () => {
  it('packs texts for helpers losslessly (lone surrogates and astral characters included)', () => {
    const files = ['a = "\uD800"\n', 'b = "😀 é"\n', '', 'c = 1\n'].map((source, i) => ({
      file: `f${i}.py`,
      source,
      formatted: i % 2 === 0,
    }));
    const many = Array.from({ length: 3 }, () => files).flat();
    const packed = packFiles(many);
    expect(unpackChunk(packed, 0)).toEqual(many.slice(0, CHUNK_FILES));
    expect(unpackChunk(packed, 1)).toEqual(many.slice(CHUNK_FILES));
  });

  it('puts helpers’ chunks in file order and checks a chunk left unanswered itself', async () => {
    clearContentCaches();
    const files = projectWithFindings('Merge');
    const marker: Diagnostic = {
      file: '',
      line: 9,
      column: 9,
      rule: 'marker',
      message: 'from the helper',
      severity: 'error',
    };
    const main = fakeMain(marker);
    const spread = await checkWithHelpers(files, main as unknown as MessagePort);
    const request = main.request as HelpRequest;
    expect(request.chunks).toBeGreaterThan(3);
    const helped = new Set(request.files.names.slice(0, CHUNK_FILES));

    clearContentCaches();
    const sequential = await checkProject(files);
    expect(sequential.length).toBeGreaterThan(4);
    // Chunk 0 carries the helper's answer; everything else, chunk 1 included, is what one thread finds.
    expect(spread.filter((d) => !helped.has(d.file))).toEqual(sequential.filter((d) => !helped.has(d.file)));
    expect(spread.filter((d) => helped.has(d.file))).toEqual(
      [...helped].sort().map((file) => ({ ...marker, file })),
    );
    expect(spread.map((d) => d.file)).toEqual([...spread.map((d) => d.file)].sort());
  });

  it('stops a helper at a file that makes ruff throw, with a fresh ruff instance for the next one', async () => {
    const clean = Array.from({ length: CHUNK_FILES }, (_, i) => ({
      file: `ok${i}.py`,
      source: `VALUE_${i} = ${i}  # throw test\n`,
      formatted: true,
    }));
    const deep = `x = ${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}\n`;
    const poisoned = withRuff((ws) => ws);
    const claims = new SharedArrayBuffer(4);
    const result = await checkShare({
      files: packFiles([...clean, { file: 'deep.py', source: deep, formatted: false }]),
      claims,
    });
    expect(result.failed).toBe(1);
    expect(result.chunks).toEqual([[0, { diagnostics: clean.map(() => []) }]]);
    expect(withRuff((ws) => ws)).not.toBe(poisoned);
    expect(withRuff((ws) => ws.check('import os\n')).length).toBe(1);
  });

  it('gives the sequential diagnostics through the pool, helpers included', async () => {
    const files = projectWithFindings('Pool', 40);
    const posted = helperStats().posted;
    const spread = await runJob('check', { files }, { owner: 'shared-checks' });
    expect(helperStats().posted).toBeGreaterThan(posted);
    clearContentCaches();
    expect(spread).toEqual(await checkProject(files));
    // Known now to this thread's caches: the same answer again.
    expect(await runJob('check', { files }, { owner: 'shared-checks' })).toEqual(spread);
  }, 120_000);

  it('generates through the pool with formatting spread too: the bytes and diagnostics of one thread', async () => {
    const entry = userCodeDesigns['blog-user-code'];
    if (!entry) throw new Error('blog-user-code');
    const userCode = entry.userCode();
    const broken = userCode.files['app/handlers/get_me.py'];
    if (!broken) throw new Error('get_me.py');
    broken.content += '\n\ndef broken(:\n    return 1\n';
    const synthetic = syntheticDesign(30);
    const cases = [
      { design: entry.design(), userCode },
      {
        design: {
          ...synthetic,
          entities: synthetic.entities.map((e) => ({ ...e, name: `${e.name}Spread` })),
        },
      },
    ];
    for (const input of cases) {
      // The last case's helper may still be starting; once it is back, this job is lent one.
      await expect.poll(() => helperStats().lent, { timeout: 60_000 }).toBe(0);
      const posted = helperStats().posted;
      const bytes = await runJob('generate', input, { owner: 'shared-format' });
      const body = JSON.parse(new TextDecoder().decode(bytes as Uint8Array));
      expect(helperStats().posted).toBeGreaterThan(posted);
      clearContentCaches();
      const alone = generateProject(input.design, input.userCode ? { userCode: input.userCode } : {});
      if (!alone.ok) throw new Error(JSON.stringify(alone.problems));
      expect(body.files).toEqual(alone.files);
      expect(body.owners).toEqual(alone.owners);
      clearContentCaches();
      expect(body.diagnostics).toEqual(await checkProject(alone.files));
    }
  }, 180_000);

  it('fails a job whose file makes ruff throw, as one thread does, and checks the next one', async () => {
    const files = projectWithFindings('Throw', 20);
    const deep = `x = ${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}\n`;
    await expect(
      runJob('check', { files: { ...files, 'app/zz_deep.py': deep } }, { owner: 'shared-checks' }),
    ).rejects.toThrow(); // a stack overflow, or out-of-bounds memory with a worker thread's smaller stack
    const next = projectWithFindings('AfterThrow', 20);
    const spread = await runJob('check', { files: next }, { owner: 'shared-checks' });
    clearContentCaches();
    expect(spread).toEqual(await checkProject(next));
  }, 120_000);

  it('lends helpers outside the person’s job limit; jobs beside a busy helper still finish alike', async () => {
    const [a, b, c] = ['BusyA', 'BusyB', 'BusyC'].map((tag) => projectWithFindings(tag, 40));
    const first = runJob('check', { files: a as Record<string, string> }, { owner: 'carol' });
    await expect.poll(() => helperStats().lent, { timeout: 60_000 }).toBe(HELPER_THREADS);
    expect(activeJobs('carol')).toBe(1);
    // The helper is no job of carol's: she may start a second job, and a third is refused as before.
    const second = runJob('check', { files: b as Record<string, string> }, { owner: 'carol' });
    await expect(
      runJob('check', { files: c as Record<string, string> }, { owner: 'carol' }),
    ).rejects.toMatchObject({ status: 429 });
    // Another person's job meanwhile: admitted as ever; it gets a helper only if one is idle when it asks.
    const third = runJob('check', { files: c as Record<string, string> }, { owner: 'dave' });
    const results = await Promise.all([first, second, third]);
    clearContentCaches();
    for (const [i, files] of [a, b, c].entries())
      expect(results[i]).toEqual(await checkProject(files as Record<string, string>));
    expect(helperStats().lent).toBe(0);
  }, 180_000);
});
