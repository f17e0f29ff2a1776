import autocannon from 'autocannon';
import { templates } from '@/lib/design';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { jsonHeaders, percentile, type Session, signedIn, startAppServer } from './app-server';

/**
 * Load on a production server over loopback: EDITORS autosaving editors (`PUT /api/workspaces/{id}/design`
 * with `baseVersion`, each editor its own workspace, SAVES_PER_SECOND each, driven by autocannon) while one
 * more person generates 1,000-entity designs (`POST .../generate`, a design no earlier run generated);
 * a probe requests `GET /signin` every PROBE_MS throughout. Phases, after a warm-up: idle (probe only),
 * one generation alone, the editors alone (BASELINE_S), the editors during GENERATIONS generations.
 * Reports the editors' and the probe's latencies per phase. Target: `GET /signin` p99 under 200 ms during
 * generation. Bounded: every phase stops after MAX_GENERATION_S at the latest.
 */
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3220);
const EDITORS = Number(process.env.BENCH_LOAD_EDITORS ?? 50);
/** Editors are spread over a few accounts (sign-ups are throttled per address). */
const ACCOUNTS = 5;
const SAVES_PER_SECOND = 1;
const ENTITIES = 1_000;
const GENERATIONS = Number(process.env.BENCH_LOAD_GENERATIONS ?? 2);
const BASELINE_S = 10;
const MAX_GENERATION_S = 240;
const PROBE_MS = 250;
const TARGET_SIGNIN_P99_MS = 200;

type Editor = { id: string; cookie: string; version: number; saves: number };

async function createWorkspace(url: string, session: Session, name: string): Promise<{ id: string }> {
  const response = await fetch(`${url}/api/workspaces`, {
    method: 'POST',
    headers: jsonHeaders(url, session.cookie),
    body: JSON.stringify({ name, template: 'blog' }),
  });
  if (!response.ok) throw new Error(`creating a workspace failed: ${response.status}`);
  return (await response.json()) as { id: string };
}

/** The editors' design after their `n`th edit: a changed description, as typing in the inspector does. */
function editedDesign(n: number) {
  const design = templates.blog();
  const entity = design.entities[0];
  if (entity) entity.description = `Edited ${n} times.`;
  return design;
}

type Latencies = { requests: number; p50: number; p99: number; max: number; non2xx: number };

/** autocannon's editors: each request saves the next edit of a free editor with its current version. */
function autosave(url: string, editors: Editor[], seconds: number, errors: string[]) {
  const free = [...editors];
  const instance = autocannon({
    url,
    connections: editors.length,
    connectionRate: SAVES_PER_SECOND,
    duration: seconds,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request, context) => {
          const editor = free.shift();
          if (!editor) {
            // Every editor has a save in flight (a timed-out one is never answered): read instead.
            const any = editors[0] as Editor;
            return { ...request, method: 'GET', path: `/api/workspaces/${any.id}/design`, body: undefined };
          }
          context.editor = editor;
          editor.saves++;
          return {
            ...request,
            path: `/api/workspaces/${editor.id}/design`,
            headers: jsonHeaders(url, editor.cookie),
            body: JSON.stringify({ design: editedDesign(editor.saves), baseVersion: editor.version }),
          };
        },
        onResponse: (status, body, context) => {
          const editor = context.editor as Editor | undefined;
          if (!editor) return;
          context.editor = undefined;
          const answer = JSON.parse(body) as { version?: number; error?: { currentVersion?: number } };
          if (status === 200 && answer.version) editor.version = answer.version;
          // A save the previous phase stopped waiting for landed after all: carry on from the stored version.
          else if (status === 409 && answer.error?.currentVersion)
            editor.version = answer.error.currentVersion;
          if (status !== 200 && errors.length < 5) errors.push(`${status} ${body.slice(0, 200)}`);
          free.push(editor);
        },
      },
    ],
  });
  return instance;
}

function summary(result: autocannon.Result): Latencies {
  return {
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
  };
}

/** `GET /signin` every PROBE_MS until `done` says stop: what a person opening the app waits. */
async function probe(
  url: string,
  done: () => boolean,
): Promise<Omit<Latencies, 'non2xx'> & { failed: number }> {
  const times: number[] = [];
  let failed = 0;
  while (!done()) {
    const started = performance.now();
    const response = await fetch(`${url}/signin`).catch(() => null);
    if (!response?.ok) failed++;
    await response?.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, PROBE_MS));
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: times.length,
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    max: round(Math.max(...times)),
    failed,
  };
}

/**
 * One phase: the editors (when there are any) and the probe run for `seconds`, or until `work` settles when
 * there is work.
 */
async function phase(url: string, editors: Editor[], seconds: number, work?: () => Promise<unknown>) {
  const errors: string[] = [];
  let finished = false;
  const probed = probe(url, () => finished);
  let editorsDone: Promise<autocannon.Result | null> = Promise.resolve(null);
  let stop = () => {};
  if (editors.length > 0) {
    const instance = autosave(url, editors, seconds, errors);
    stop = () => instance.stop();
    editorsDone = new Promise((resolve, reject) => {
      instance.on('done', resolve);
      instance.on('error', reject);
    });
  }
  const worked = work
    ? await work().finally(stop)
    : await Promise.all([editorsDone, new Promise((r) => setTimeout(r, seconds * 1000))]);
  const result = await editorsDone;
  finished = true;
  return {
    ...(result ? { saves: summary(result), saveErrors: errors } : {}),
    signin: await probed,
    ...(work ? { generations: worked } : {}),
  };
}

/**
 * A 1,000-entity design no earlier run generated (entity names carry the run), so every file misses the
 * workers' content caches: the full cost, as when someone opens a big design.
 */
function bigDesign(run: number) {
  const design = syntheticDesign(ENTITIES);
  for (const entity of design.entities) entity.name = `Run${run}${entity.name}`;
  return { ...design, name: `Load run ${run}` };
}

export async function loadBenchmark() {
  const server = await startAppServer(PORT, process.env.BENCH_DATA_DIR);
  try {
    const { url } = server;
    const stamp = Date.now();
    const accounts: Session[] = [];
    for (let i = 0; i < ACCOUNTS; i++) accounts.push(await signedIn(url, `load-${stamp}-${i}@example.test`));
    const editors: Editor[] = [];
    for (let i = 0; i < EDITORS; i++) {
      const account = accounts[i % ACCOUNTS] as Session;
      const { id } = await createWorkspace(url, account, `Editor ${i}`);
      editors.push({ id, cookie: account.cookie, version: 1, saves: 0 });
    }
    const generator = await signedIn(url, `load-${stamp}-generator@example.test`);
    const big = await createWorkspace(url, generator, 'Big design');
    let runs = 0;
    const generate = async (design: unknown = bigDesign(++runs)) => {
      const started = performance.now();
      const response = await fetch(`${url}/api/workspaces/${big.id}/generate`, {
        method: 'POST',
        headers: jsonHeaders(url, generator.cookie),
        body: JSON.stringify({ design }),
      });
      const result = (await response.json()) as { ok?: boolean; files?: Record<string, string> };
      return {
        status: response.status,
        ok: result.ok === true,
        files: Object.keys(result.files ?? {}).length,
        ms: Math.round(performance.now() - started),
      };
    };
    const generations = async (count: number) => {
      const out = [];
      for (let i = 0; i < count; i++) out.push(await generate());
      return out;
    };
    // A long-running server has warm workers (WASM compiled and tiered up) and an open database.
    await generate(syntheticDesign(200));
    await phase(url, editors, 3);

    const idle = await phase(url, [], 5);
    const generationAlone = await phase(url, [], MAX_GENERATION_S, () => generations(1));
    const editorsAlone = await phase(url, editors, BASELINE_S);
    const editorsAndGeneration = await phase(url, editors, MAX_GENERATION_S, () => generations(GENERATIONS));
    return {
      load: {
        editors: EDITORS,
        accounts: ACCOUNTS,
        savesPerEditorPerSecond: SAVES_PER_SECOND,
        generatedEntities: ENTITIES,
        generationsWithEditors: GENERATIONS,
        designBytes: JSON.stringify({ design: bigDesign(0) }).length,
      },
      idle,
      generationAlone,
      editorsAlone,
      editorsAndGeneration,
      target: {
        signinP99Ms: TARGET_SIGNIN_P99_MS,
        metWithGenerationAlone: generationAlone.signin.p99 < TARGET_SIGNIN_P99_MS,
        metWithEditorsAndGeneration: editorsAndGeneration.signin.p99 < TARGET_SIGNIN_P99_MS,
      },
    };
  } finally {
    server.stop();
  }
}
