/**
 * Module resolution hook for benchmarks that import server modules directly (as vitest does with its alias):
 * `server-only` throws outside React's server build, so it resolves to the package's own empty module, the
 * one React's server condition picks.
 */
export async function resolve(specifier, context, next) {
  if (specifier !== 'server-only') return next(specifier, context);
  return next('server-only/empty.js', context).catch(() =>
    next(new URL('../node_modules/server-only/empty.js', import.meta.url).href, context),
  );
}
