/**
 * `checkProject` spread over threads (worker side; lib/jobs/helpers.ts is the main thread's part). The thread
 * that runs a job checks its own files and, through the job's port, asks the main thread to lend it helper
 * threads for the rest: Python files the content caches do not know are cut into chunks that every thread
 * claims from one shared counter (Atomics), so whoever is free does the next chunk. The job's own thread
 * claims chunks too and never waits for a helper to start: when no helper can be scheduled (the helper pool
 * is busy), it simply checks everything itself, and once its claims are done it redoes any chunk a helper
 * claimed but has not answered yet, rather than wait for it (the first answer counts). A chunk whose helper
 * failed is checked again here too, so an error surfaces exactly as on the sequential path.
 * Diagnostics are put together in file order: the same list, in the same order, as `checkProject`.
 * `formatWithHelpers` shares formatting the same way: each thread formats a chunk and checks the output, so
 * the checks that follow find every generated file known.
 */
import type { MessagePort } from 'node:worker_threads';
import {
  checkedFiles,
  type Diagnostic,
  type FileDiagnostics,
  jsonDiagnostics,
  knownPythonDiagnostics,
  parserFor,
  pythonDiagnostics,
  rememberPythonDiagnostics,
} from '@/lib/generator/checks';
import {
  formatPython,
  formatSource,
  isKnownFormatted,
  knownFormatOutput,
  markFormatted,
  rememberFormatted,
} from '@/lib/generator/format/ruff';

/** Files per claim: large enough that claiming is free, small enough that threads finish together. */
export const CHUNK_FILES = 8;

/** One Python file to check; `formatted`: the asking thread knows it is ruff-formatted (its own output). */
export type SharedFile = { file: string; source: string; formatted: boolean };

/** Job thread -> main thread: lend helpers for these files (`claims[0]` is the next unclaimed chunk). */
export type HelpRequest = {
  kind: 'help';
  /** Tells this request's answers from a late answer to an earlier one on the same port. */
  id: number;
  files: PackedFiles;
  chunks: number;
  claims: SharedArrayBuffer;
};

/**
 * Files as they travel to helpers: the texts in one SharedArrayBuffer (UTF-16 code units: lossless, lone
 * surrogates included) that every thread reads in place, so the main thread passes it on without copying or
 * decoding 3 MB; only names, flags and offsets are copied. A helper decodes just the chunks it claims.
 */
export type PackedFiles = {
  /** The texts are unformatted: format each, then check the output (`formatWithHelpers`). */
  format: boolean;
  names: string[];
  formatted: boolean[];
  /** Code-unit offsets of each text in `text`, and its end. */
  offsets: number[];
  text: SharedArrayBuffer;
};

export function packFiles(files: readonly SharedFile[], format = false): PackedFiles {
  const offsets = [0];
  for (const { source } of files) offsets.push((offsets.at(-1) as number) + source.length);
  const text = new SharedArrayBuffer((offsets.at(-1) as number) * 2);
  const bytes = Buffer.from(text);
  files.forEach(({ source }, i) => {
    bytes.write(source, (offsets[i] as number) * 2, 'utf16le');
  });
  return {
    format,
    names: files.map((f) => f.file),
    formatted: files.map((f) => f.formatted),
    offsets,
    text,
  };
}

/** The files of one chunk, decoded from the shared buffer. */
export function unpackChunk(packed: PackedFiles, chunk: number): SharedFile[] {
  const bytes = Buffer.from(packed.text);
  const end = Math.min(packed.names.length, (chunk + 1) * CHUNK_FILES);
  const out: SharedFile[] = [];
  for (let i = chunk * CHUNK_FILES; i < end; i++) {
    out.push({
      file: packed.names[i] as string,
      source: bytes.toString(
        'utf16le',
        (packed.offsets[i] as number) * 2,
        (packed.offsets[i + 1] as number) * 2,
      ),
      formatted: packed.formatted[i] === true,
    });
  }
  return out;
}

/** One chunk's findings: diagnostics per file, in order, and the formatted texts when it was formatted. */
export type ChunkResult = { diagnostics: FileDiagnostics[]; formatted?: string[] };

/** Main thread -> job thread: what one helper checked (chunk index -> its findings). */
export type HelpMessage = { kind: 'checked'; id: number; chunks: [number, ChunkResult][] };

/** What a helper task gets (lib/jobs/helpers.ts posts it; `checkShare` runs it). */
export type ShareTask = { files: PackedFiles; claims: SharedArrayBuffer };
export type ShareResult = { chunks: [number, ChunkResult][]; failed?: number };

const chunkCount = (files: number) => Math.ceil(files / CHUNK_FILES);

const chunkOf = (files: readonly SharedFile[], chunk: number) =>
  files.slice(chunk * CHUNK_FILES, (chunk + 1) * CHUNK_FILES);

type Parser = Awaited<ReturnType<typeof parserFor>>;

/**
 * tree-sitter for these files, if one of them needs it: formatting outputs formatter output, and a file the
 * asking thread knows formatted is (`SharedFile.formatted`), so only the others are looked at.
 */
function parserOf(files: readonly SharedFile[], format: boolean): Promise<Parser> {
  return format
    ? Promise.resolve(undefined)
    : parserFor(files.flatMap((f) => (f.formatted ? [] : [f.source])));
}

const unnamed = (found: readonly Diagnostic[]): FileDiagnostics => found.map(({ file: _, ...d }) => d);

/**
 * Checks a chunk, or formats it and checks the output (throws as `formatSource` does on invalid Python);
 * `parser` as `parserOf` gives it for these files (or more).
 */
function checkChunk(parser: Parser, files: readonly SharedFile[], format: boolean): ChunkResult {
  if (format) {
    const formatted = files.map(({ source }) => formatSource(source));
    return {
      formatted,
      diagnostics: files.map(({ file }, i) =>
        unnamed(pythonDiagnostics(parser, file, formatted[i] as string)),
      ),
    };
  }
  return {
    diagnostics: files.map(({ file, source, formatted }) => {
      if (formatted) markFormatted(source);
      return unnamed(pythonDiagnostics(parser, file, source));
    }),
  };
}

/** A helper's share: claims chunks until none is left; stops at the first chunk that throws. */
export async function checkShare({ files, claims }: ShareTask): Promise<ShareResult> {
  const next = new Int32Array(claims);
  const chunks: [number, ChunkResult][] = [];
  for (;;) {
    const chunk = Atomics.add(next, 0, 1);
    if (chunk >= chunkCount(files.names.length)) return { chunks };
    try {
      const claimed = unpackChunk(files, chunk);
      chunks.push([chunk, checkChunk(await parserOf(claimed, files.format), claimed, files.format)]);
    } catch {
      // The job's thread checks this chunk again and reports the error as `checkProject` would.
      return { chunks, failed: chunk };
    }
  }
}

/** One request's answers on the port, taken as they arrived (read only after the thread's own share). */
function inbox(port: MessagePort, id: number) {
  let waiting: HelpMessage[] = [];
  const listener = (message: HelpMessage) => {
    if (message.id === id) waiting.push(message);
  };
  port.on('message', listener);
  return {
    close: () => port.off('message', listener),
    drain(): HelpMessage[] {
      const arrived = waiting;
      waiting = [];
      return arrived;
    },
  };
}

let requests = 0;

/** Below this many unknown Python files, asking for help costs more than it saves. */
const MIN_SHARED_FILES = 2 * CHUNK_FILES;

/**
 * Every chunk of `shared`, checked (or formatted and checked) by this thread and whatever helpers `port` can
 * lend (see the module comment), in chunk order. Throws what this thread's own chunks throw.
 */
async function spread(
  parser: Parser,
  shared: readonly SharedFile[],
  format: boolean,
  port: MessagePort,
): Promise<ChunkResult[]> {
  const claims = new SharedArrayBuffer(4);
  const total = chunkCount(shared.length);
  const id = ++requests;
  const messages = inbox(port, id);
  port.postMessage({
    kind: 'help',
    id,
    files: packFiles(shared, format),
    chunks: total,
    claims,
  } satisfies HelpRequest);
  const results = new Map<number, ChunkResult>();
  const next = new Int32Array(claims);
  try {
    for (let chunk = Atomics.add(next, 0, 1); chunk < total; chunk = Atomics.add(next, 0, 1))
      results.set(chunk, checkChunk(parser, chunkOf(shared, chunk), format));
  } catch (error) {
    Atomics.store(next, 0, total); // The job fails: helpers stop after the chunk they are on.
    messages.close();
    throw error;
  }
  // Every chunk is claimed now. This thread does not wait for a helper's answer (a helper thread's first task
  // starts its bundle and WASM, slower than this thread's whole share): it redoes each chunk no answer has come
  // for, taking the answers that arrived in between, so a job never ends more than a chunk later than alone.
  const take = (message: HelpMessage) => {
    for (const [chunk, result] of message.chunks) {
      if (results.has(chunk)) continue;
      results.set(chunk, result);
      result.diagnostics.forEach((d, j) => {
        const file = shared[chunk * CHUNK_FILES + j] as SharedFile;
        const output = result.formatted?.[j];
        if (output !== undefined) rememberFormatted(file.source, output);
        rememberPythonDiagnostics(output ?? file.source, d);
      });
    }
  };
  try {
    for (let chunk = 0; chunk < total; chunk++) {
      if (results.has(chunk)) continue;
      // One turn of the event loop lets the helpers' answers in.
      await new Promise<void>((resolve) => setImmediate(resolve));
      messages.drain().forEach(take);
      if (!results.has(chunk)) results.set(chunk, checkChunk(parser, chunkOf(shared, chunk), format));
    }
  } finally {
    messages.close();
  }
  return Array.from({ length: total }, (_, chunk) => results.get(chunk) as ChunkResult);
}

/**
 * `checkProject(files)`, with helper threads when `port` can lend them (see the module comment). Without a
 * port (or with little to check) it is the sequential path itself.
 */
export async function checkWithHelpers(
  files: Record<string, string>,
  port: MessagePort | undefined,
): Promise<Diagnostic[]> {
  const paths = checkedFiles(files);
  const found: (readonly Diagnostic[] | undefined)[] = paths.map((file) =>
    file.endsWith('.py') ? knownPythonDiagnostics(file, files[file] as string) : undefined,
  );
  const unknown = paths.flatMap((file, i) => (file.endsWith('.py') && !found[i] ? [i] : []));
  const shared: SharedFile[] = unknown.map((i) => {
    const file = paths[i] as string;
    const source = files[file] as string;
    return { file, source, formatted: isKnownFormatted(source) };
  });
  // Every Python file left to check here is one of `shared`.
  const parser = await parserOf(shared, false);
  if (port && unknown.length >= MIN_SHARED_FILES) {
    const results = await spread(parser, shared, false, port);
    unknown.forEach((i, k) => {
      const diagnostics = results[Math.floor(k / CHUNK_FILES)]?.diagnostics[k % CHUNK_FILES] ?? [];
      found[i] = diagnostics.map((d) => ({ file: paths[i] as string, ...d }));
    });
  }
  const out: Diagnostic[] = [];
  paths.forEach((file, i) => {
    const source = files[file] as string;
    out.push(
      ...(found[i] ??
        (file.endsWith('.py') ? pythonDiagnostics(parser, file, source) : jsonDiagnostics(file, source))),
    );
  });
  return out;
}

/**
 * `formatPython(files)`, with the Python files the format cache does not know formatted (and their output
 * checked, so `checkWithHelpers` then finds them known) over this thread and lent helpers. Any failure is
 * left to `formatPython`, which then formats what is left here and throws its own error.
 */
export async function formatWithHelpers(
  files: Record<string, string>,
  port: MessagePort | undefined,
): Promise<Record<string, string>> {
  const unknown: SharedFile[] = Object.keys(files)
    .sort()
    .filter((file) => file.endsWith('.py') && knownFormatOutput(files[file] as string) === undefined)
    .map((file) => ({ file, source: files[file] as string, formatted: false }));
  if (port && unknown.length >= MIN_SHARED_FILES) {
    try {
      await spread(undefined, unknown, true, port);
    } catch {
      // A file is not valid Python (a generator bug): formatPython reports it with its path.
    }
  }
  return formatPython(files);
}
