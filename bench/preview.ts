import { RESTART_DELAY_MS } from '@/components/preview/preview-state';
import type { Design } from '@/lib/design';
import { percentile, startAppServer } from './app-server';

/**
 * Edit-to-live through the real HTTP API of a production server, the way Try it does it: save the design
 * (`PUT .../design` with its base version), `POST .../preview` with it and read the step events, then ask the
 * changed endpoint through the proxy (`/preview/{id}/openapi.json`) until it shows the edit. Measured: the cold
 * start of a new preview (first POST to the first answer), then EDITS edits alternating a design-only change (a
 * description) and a schema change (a new column: `GET` of its list through the proxy must answer 200 too).
 * Each step's `running` event's arrival is recorded against its `done`, so a step that is not streamed shows.
 * Then a second workspace's first preview once the server's warm-up is over (`coldStartOnRunningServerMs`), and
 * the server restarted on the same folder with a third workspace's first preview as soon as it answers
 * (`afterRestart`: the database exists, as after a deploy).
 * The UI waits `RESTART_DELAY_MS` (components/preview/preview-state.ts) after the last edit before it posts: added
 * separately to the figures. Targets (issue 20): edit-to-live p50 < 1 s, cold start < 1.5 s.
 * BENCH_PREVIEW_PORT picks the port (default 3240), BENCH_DATA_DIR the server's data folder (default
 * `.data/bench-<port>`); FASTDRAFT_PYTHON_CACHE (or FASTDRAFT_PYTHON) finds Python.
 */
const PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 3240);
const EDITS = Number(process.env.BENCH_PREVIEW_EDITS ?? 12);
const EDIT_TARGET_MS = 1_000;
const COLD_TARGET_MS = 1_500;
const LIVE_TIMEOUT_MS = 60_000;

type Session = { cookie: string };

const jsonHeaders = (url: string, cookie: string) => ({
  'content-type': 'application/json',
  origin: url,
  cookie,
});

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function signedIn(url: string, email: string): Promise<Session> {
  const password = 'preview bench 1234';
  const created = await fetch(`${url}/api/accounts`, {
    method: 'POST',
    headers: jsonHeaders(url, ''),
    body: JSON.stringify({ email, password }),
  });
  if (!created.ok) throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signin = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/` }),
  });
  const cookie = cookiesOf(signin);
  if (!cookie.includes('session-token')) throw new Error(`sign-in failed: ${signin.status}`);
  return { cookie };
}

type StepTimes = Record<string, { running?: number; done?: number; ms?: number }>;

/** Posts the design to the preview and reads its events to the end: when each step's events arrived. */
async function startPreview(url: string, session: Session, id: string, design: Design, t0: number) {
  const response = await fetch(`${url}/api/workspaces/${id}/preview`, {
    method: 'POST',
    headers: { ...jsonHeaders(url, session.cookie), accept: 'text/event-stream' },
    body: JSON.stringify({ design }),
  });
  if (!response.ok || !response.body)
    throw new Error(`preview POST: ${response.status} ${await response.text()}`);
  const steps: StepTimes = {};
  let end: { ok: boolean; error?: string } | null = null;
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    const at = Math.round(performance.now() - t0);
    buffer += decoder.decode(chunk, { stream: true });
    let cut = buffer.indexOf('\n\n');
    while (cut !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      cut = buffer.indexOf('\n\n');
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      if (event === 'end') end = data;
      if (event !== 'step') continue;
      const entry = steps[data.step] ?? {};
      steps[data.step] = entry;
      if (data.status === 'running') entry.running = at;
      else {
        entry.done = at;
        entry.ms = data.ms;
        if (data.status === 'failed') throw new Error(`step ${data.step} failed: ${data.message}`);
      }
    }
  }
  if (!end?.ok) throw new Error(`the preview did not start: ${end?.error}`);
  return steps;
}

/** Asks the proxy until `ready` says the answer shows the edit; the time it first did. */
async function untilLive(url: string, session: Session, path: string, ready: (body: string) => boolean) {
  const deadline = performance.now() + LIVE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(`${url}${path}`, { headers: { cookie: session.cookie } }).catch(() => null);
    const body = response ? await response.text() : '';
    if (response?.ok && ready(body)) return;
  }
  throw new Error(`${path} did not show the edit within ${LIVE_TIMEOUT_MS / 1000} s`);
}

function edited(base: Design, n: number): { design: Design; kind: 'design' | 'schema'; marker: string } {
  const design = structuredClone(base);
  const post = design.entities.find((e) => e.name === 'Post');
  const tag = design.entities.find((e) => e.name === 'Tag');
  if (!post || !tag) throw new Error('the blog template has no Post or Tag');
  const kind = n % 2 === 0 ? 'design' : 'schema';
  const marker = `bench_edit_${n}`;
  post.description = `Posts, edited ${marker}.`;
  // Schema edits add a column each (kept in later designs): a new pending revision every other edit.
  for (let i = 1; i <= n; i += 2) {
    const name = `bench_edit_${i}`;
    if (tag.fields.some((f) => f.name === name)) continue;
    tag.fields.push({
      id: `f_tag_${name}`,
      name,
      type: 'string',
      nullable: true,
      unique: false,
      indexed: false,
      readOnly: false,
      writeOnly: false,
      visibility: 'public',
      description: '',
      constraints: {},
    } as (typeof tag.fields)[number]);
  }
  return { design, kind, marker };
}

const round = (n: number) => Math.round(n);
const summary = (values: number[]) => ({
  n: values.length,
  p50: round(percentile(values, 50)),
  p90: round(percentile(values, 90)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

export async function previewBenchmark() {
  const dataDir = process.env.BENCH_DATA_DIR || `.data/bench-${PORT}`;
  const server = await startAppServer(PORT, dataDir);
  let result: Awaited<ReturnType<typeof measure>>;
  try {
    result = await measure(server);
  } finally {
    server.stop();
  }
  await server.exited;
  return { ...result, afterRestart: await firstPreviewAfterRestart(dataDir) };
}

/** A new workspace from the blog template: its id and stored design. */
async function blogWorkspace(url: string, session: Session, name: string) {
  const created = await fetch(`${url}/api/workspaces`, {
    method: 'POST',
    headers: jsonHeaders(url, session.cookie),
    body: JSON.stringify({ name, template: 'blog' }),
  });
  if (!created.ok) throw new Error(`creating a workspace failed: ${created.status}`);
  const { id } = (await created.json()) as { id: string };
  const stored = await fetch(`${url}/api/workspaces/${id}/design`, { headers: { cookie: session.cookie } });
  const { design, version } = (await stored.json()) as { design: Design; version: number };
  return { id, design, version };
}

/**
 * The same server started again on its folder (the database exists, as after a deploy or a restart): a new
 * workspace's first preview, asked for as soon as the server answers and a new account is signed in.
 */
async function firstPreviewAfterRestart(dataDir: string) {
  const server = await startAppServer(PORT, dataDir, { keepData: true });
  try {
    const session = await signedIn(server.url, `preview-bench-restart-${Date.now()}@example.com`);
    const { id, design } = await blogWorkspace(server.url, session, 'Preview bench 3');
    await fetch(`${server.url}/api/workspaces/${id}/preview`, { headers: { cookie: session.cookie } });
    const started = performance.now();
    const postedAfterSpawnMs = round(started - server.spawnedAt);
    const steps = await startPreview(server.url, session, id, design, started);
    await untilLive(server.url, session, `/preview/${id}/openapi.json`, (body) => body.includes('"openapi"'));
    const coldStartMs = round(performance.now() - started);
    return {
      coldStartMs,
      postedAfterSpawnMs,
      steps,
      warmUpLog: await server.warmUpLog,
      target: `< ${COLD_TARGET_MS} ms: ${coldStartMs < COLD_TARGET_MS ? 'met' : 'missed'}`,
    };
  } finally {
    server.stop();
    await server.exited;
  }
}

async function measure(server: Awaited<ReturnType<typeof startAppServer>>) {
  const session = await signedIn(server.url, `preview-bench-${Date.now()}@example.com`);
  const {
    id,
    design: base,
    version: firstVersion,
  } = await blogWorkspace(server.url, session, 'Preview bench');
  let version = firstVersion;
  const openapi = `/preview/${id}/openapi.json`;

  // The server checks once whether previews can run here (Try it asks first): done before the clock starts.
  const status = await fetch(`${server.url}/api/workspaces/${id}/preview`, {
    headers: { cookie: session.cookie },
  });
  if (!status.ok) throw new Error(`preview status: ${status.status}`);
  // Cold: a new preview (no process, no folder) of the stored design.
  const coldStarted = performance.now();
  const coldPostedAfterSpawnMs = round(coldStarted - server.spawnedAt);
  const coldSteps = await startPreview(server.url, session, id, base, coldStarted);
  await untilLive(server.url, session, openapi, (body) => body.includes('"openapi"'));
  const cold = round(performance.now() - coldStarted);

  const runs: { kind: string; ms: number; saveMs: number; steps: StepTimes }[] = [];
  for (let n = 1; n <= EDITS; n++) {
    const { design, kind, marker } = edited(base, n);
    const started = performance.now();
    const saved = await fetch(`${server.url}/api/workspaces/${id}/design`, {
      method: 'PUT',
      headers: jsonHeaders(server.url, session.cookie),
      body: JSON.stringify({ design, baseVersion: version }),
    });
    if (!saved.ok) throw new Error(`save: ${saved.status} ${await saved.text()}`);
    version = ((await saved.json()) as { version: number }).version;
    const saveMs = round(performance.now() - started);
    const steps = await startPreview(server.url, session, id, design, started);
    await untilLive(server.url, session, openapi, (body) => body.includes(marker));
    if (kind === 'schema') {
      const spec = await fetch(`${server.url}${openapi}`, { headers: { cookie: session.cookie } });
      const paths = Object.keys(((await spec.json()) as { paths: Record<string, unknown> }).paths);
      const list = paths.find((p) => /\/tags\/?$/.test(p));
      if (!list) throw new Error('no list path of tags in the OpenAPI');
      const answer = await fetch(`${server.url}/preview/${id}${list}`, {
        headers: { cookie: session.cookie },
      });
      if (answer.status !== 200) throw new Error(`GET ${list} after a schema change: ${answer.status}`);
    }
    runs.push({ kind, ms: round(performance.now() - started), saveMs, steps });
  }
  const all = runs.map((r) => r.ms);
  const p50 = round(percentile(all, 50));
  const stepSummary = Object.fromEntries(
    Object.keys(runs[0]?.steps ?? {}).map((step) => [step, summary(runs.map((r) => r.steps[step]?.ms ?? 0))]),
  );
  // A step's running event that arrived only with its done event (a step longer than 50 ms): not streamed.
  const lateRunning = runs.flatMap((r) =>
    Object.entries(r.steps)
      .filter(
        ([, s]) =>
          (s.ms ?? 0) > 50 && s.running !== undefined && s.done !== undefined && s.done - s.running < 10,
      )
      .map(([step]) => step),
  );
  await fetch(`${server.url}/api/workspaces/${id}/preview`, {
    method: 'DELETE',
    headers: jsonHeaders(server.url, session.cookie),
  });
  // Cold on a running server: a second workspace's first preview once the server's warm-up has finished (the
  // first cold start above raced the warm-up of a server started a moment before).
  await server.warmedUp;
  const { id: secondId } = await blogWorkspace(server.url, session, 'Preview bench 2');
  const warmStarted = performance.now();
  const warmServerSteps = await startPreview(server.url, session, secondId, base, warmStarted);
  await untilLive(server.url, session, `/preview/${secondId}/openapi.json`, (body) =>
    body.includes('"openapi"'),
  );
  const coldWarm = round(performance.now() - warmStarted);
  await fetch(`${server.url}/api/workspaces/${secondId}/preview`, {
    method: 'DELETE',
    headers: jsonHeaders(server.url, session.cookie),
  });
  return {
    coldStartMs: cold,
    coldSteps,
    // How far the server's warm-up (lib/warm-up.ts) was when the cold start began, and what it logged.
    coldPostedAfterSpawnMs,
    warmUpLog: await server.warmUpLog,
    coldStartOnRunningServerMs: coldWarm,
    coldOnRunningServerSteps: warmServerSteps,
    editToLive: summary(all),
    designEdits: summary(runs.filter((r) => r.kind === 'design').map((r) => r.ms)),
    schemaEdits: summary(runs.filter((r) => r.kind === 'schema').map((r) => r.ms)),
    saveMs: summary(runs.map((r) => r.saveMs)),
    firstEventMs: summary(runs.map((r) => r.steps.validate?.running ?? 0)),
    stepsMs: stepSummary,
    lastEdit: runs.at(-1),
    runningEventsNotStreamed: [...new Set(lateRunning)],
    uiDebounceMs: RESTART_DELAY_MS,
    editToLiveWithDebounceP50: p50 + RESTART_DELAY_MS,
    targets: {
      editP50: `< ${EDIT_TARGET_MS} ms: ${p50 < EDIT_TARGET_MS ? 'met' : 'missed'}`,
      cold: `< ${COLD_TARGET_MS} ms: ${cold < COLD_TARGET_MS ? 'met' : 'missed'} (fresh server)`,
      coldOnRunningServer: `< ${COLD_TARGET_MS} ms: ${coldWarm < COLD_TARGET_MS ? 'met' : 'missed'}`,
    },
  };
}
