/** Browser-side caller of the app's API: every failure comes back as the API's `{ error }` shape. */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
  currentVersion?: number;
  /** Where a source that does not import goes wrong (the import routes). */
  at?: { line: number; column: number } | { pointer: string };
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

export async function callApi<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return {
      ok: false,
      error: { status: 0, code: 'network', message: 'Could not reach the server. Check your connection.' },
    };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const json = (await response.json().catch(() => null)) as { error?: ApiFailure } | null;
  if (response.ok) return { ok: true, data: json as T };
  return {
    ok: false,
    error: {
      status: response.status,
      code: json?.error?.code ?? 'unknown',
      message: json?.error?.message ?? `The server answered ${response.status}.`,
      issues: json?.error?.issues,
      currentVersion: json?.error?.currentVersion,
      at: json?.error?.at,
    },
  };
}
