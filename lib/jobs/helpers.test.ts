/**
 * The main thread's side of shared checks with real helper threads: requests wait for a helper that comes
 * free, answers come chunk by chunk, a job's end withdraws what is left, and early formatting (started while a
 * project renders) fills the job thread's caches with exactly what it would have found alone.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { checkProject, formatPython, renderProject } from '@/lib/generator';
import { knownPythonDiagnostics } from '@/lib/generator/checks';
import { clearContentCaches } from '@/lib/generator/content-cache';
import { formatSource, knowsFormatOutput } from '@/lib/generator/format/ruff';
import { helperStats, lendHelpers } from './helpers';
import { workerFile } from './pool';
import {
  CHUNK_FILES,
  EARLY_FILES,
  earlyFormatting,
  type HelpMessage,
  type HelpRequest,
  packFiles,
  type SharedFile,
} from './shared-checks';

/** Unformatted Python files of a synthetic project no earlier test rendered (renamed by `tag`). */
function pythonFiles(tag: string, entities: number): Record<string, string> {
  const design = syntheticDesign(entities);
  const rendered = renderProject({
    ...design,
    entities: design.entities.map((e) => ({ ...e, name: `${e.name}${tag}` })),
  });
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  return Object.fromEntries(Object.entries(rendered.files).filter(([file]) => file.endsWith('.py')));
}

const shared = (files: Record<string, string>): SharedFile[] =>
  Object.entries(files).map(([file, source]) => ({ file, source, formatted: false }));

function request(id: number, files: SharedFile[]): HelpRequest {
  const chunks = Math.ceil(files.length / CHUNK_FILES);
  return { kind: 'help', id, files: packFiles(files, true), chunks, claims: new SharedArrayBuffer(4) };
}

/** A job's side of the line: the answers that reached it, by request. */
function jobSide(port: MessagePort) {
  const answers = new Map<number, HelpMessage[]>();
  port.on('message', (message: HelpMessage) => {
    answers.set(message.id, [...(answers.get(message.id) ?? []), message]);
  });
  const chunksOf = (id: number) => new Set((answers.get(id) ?? []).flatMap((m) => m.chunks.map(([c]) => c)));
  return { answers, chunksOf };
}

const lines: MessageChannel[] = [];
afterEach(() => {
  for (const { port1, port2 } of lines.splice(0)) {
    port1.close();
    port2.close();
  }
});

function line() {
  const channel = new MessageChannel();
  lines.push(channel);
  return channel;
}

describe('helpers lent to a job', () => {
  it('serve a request that came while they were busy once they are free, answering chunk by chunk', async () => {
    const { port1, port2 } = line();
    const release = lendHelpers(port1, workerFile, new AbortController().signal);
    const job = jobSide(port2);
    const a = shared(pythonFiles('QueueA', 12));
    const b = shared(pythonFiles('QueueB', 12));
    const first = request(1, a);
    const second = request(2, b);
    // Nobody on the job's side claims: every chunk of both is a helper's, though there may be one helper only.
    port2.postMessage(first);
    port2.postMessage(second);
    await expect
      .poll(() => job.chunksOf(1).size + job.chunksOf(2).size, { timeout: 90_000 })
      .toBe(first.chunks + second.chunks);
    // One chunk per answer: the job can take each while the helper goes on.
    for (const id of [1, 2])
      for (const message of job.answers.get(id) ?? []) expect(message.chunks).toHaveLength(1);
    const [chunk, result] = job.answers.get(2)?.find((m) => m.chunks[0]?.[0] === 0)?.chunks[0] ?? [];
    expect(chunk).toBe(0);
    expect(result?.formatted).toEqual(b.slice(0, CHUNK_FILES).map((f) => formatSource(f.source)));
    release();
    await expect.poll(() => helperStats().lent, { timeout: 30_000 }).toBe(0);
  }, 120_000);

  it('take nothing more of a job that has ended, a request still on its way included', async () => {
    const { port1, port2 } = line();
    const release = lendHelpers(port1, workerFile, new AbortController().signal);
    const job = jobSide(port2);
    const late = request(3, shared(pythonFiles('Late', 12)));
    port2.postMessage(late);
    release(); // before the request reaches the main thread's side
    await expect.poll(() => Atomics.load(new Int32Array(late.claims), 0)).toBe(late.chunks);
    await expect.poll(() => helperStats().lent, { timeout: 30_000 }).toBe(0);
    expect(job.chunksOf(3).size).toBe(0);
  }, 60_000);

  it('format early: the caches then hold what one thread finds, with a helper’s share among it', async () => {
    const { port1, port2 } = line();
    const release = lendHelpers(port1, workerFile, new AbortController().signal);
    const files = pythonFiles('Early', 30);
    const entries = Object.entries(files);
    expect(entries.length).toBeGreaterThan(4 * EARLY_FILES);
    clearContentCaches();
    const early = earlyFormatting(port2);
    const chunks = helperStats().chunks;
    for (const [file, source] of entries.slice(0, EARLY_FILES)) early.add(file, source);
    // The emitters go on while a helper formats the first files (here: until it has answered one chunk).
    await expect.poll(() => helperStats().chunks, { timeout: 90_000 }).toBeGreaterThan(chunks);
    for (const [file, source] of entries.slice(EARLY_FILES)) early.add(file, source);
    await early.settle();
    for (const source of Object.values(files)) expect(knowsFormatOutput(source)).toBe(true);
    const spread = formatPython(files);
    const known = Object.entries(spread).map(([file, text]) => knownPythonDiagnostics(file, text));
    expect(known.every((d) => d !== undefined)).toBe(true);
    clearContentCaches();
    expect(spread).toEqual(formatPython(files));
    expect(known.flat()).toEqual(await checkProject(formatPython(files)));
    release();
  }, 120_000);

  it('format early past a file that is not Python: formatPython still reports it with its path', async () => {
    const { port1, port2 } = line();
    const release = lendHelpers(port1, workerFile, new AbortController().signal);
    const files = { ...pythonFiles('EarlyBroken', 8), 'app/models/zz_broken.py': 'def f(:\n    pass\n' };
    const early = earlyFormatting(port2);
    for (const [file, source] of Object.entries(files)) early.add(file, source);
    await expect(early.settle()).resolves.toBeUndefined();
    expect(() => formatPython(files)).toThrow(/app\/models\/zz_broken\.py/);
    release();
  }, 60_000);
});
