// Loaded by instrumentation.ts outside React's server environment: no `server-only` import here.
import http from 'node:http';

/**
 * Sees a request before Next.js does; true when it answered the request itself (Next.js never sees it then).
 * Runs on every request of the process's HTTP servers, so it must decide in microseconds. A hook that throws
 * must not have written to `res` nor started anything that will (the request then goes on to Next.js).
 */
export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

type State = { hooks: Map<string, RequestHook> };
const KEY = Symbol.for('fastdraft.requestHooks');
const holder = globalThis as typeof globalThis & { [KEY]?: State };

/**
 * Adds `hook` under `name` (a second call with the same name replaces it), in the order of the first calls.
 * Next.js gives no way in front of its router short of a custom server, which `next start` is not: this
 * wraps `http.Server#emit` for "request" once per process, so every server Next.js creates passes through.
 */
export function onServerRequest(name: string, hook: RequestHook): void {
  if (!holder[KEY]) {
    const state: State = { hooks: new Map() };
    holder[KEY] = state;
    const emit = http.Server.prototype.emit;
    http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        for (const [name, run] of state.hooks) {
          try {
            if (run(req, res)) return true;
          } catch (error) {
            // A hook's bug must not take the server down (this runs inside Node's HTTP parser callback):
            // Next.js answers the request as if the hook were not there.
            console.error(`[request hook ${name}] failed:`, error);
          }
        }
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
  holder[KEY].hooks.set(name, hook);
}
