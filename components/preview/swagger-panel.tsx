'use client';

import 'swagger-ui-react/swagger-ui.css';
import './swagger-theme.css';
// Turbopack drops the refractor registration of ApiDOM's OpenAPI 3.1 namespace (vercel/next.js#86507,
// swagger-api/swagger-ui#10599): every OpenAPI 3.1 document, which is what FastAPI serves, then stays on a
// spinner ("OpenApi3_1Element.refract is not a function"). The package's exports do not offer the module, so
// it is imported by path (swagger-client, a dependency of swagger-ui-react, installs it at the top level).
import '../../node_modules/@swagger-api/apidom-ns-openapi-3-1/src/refractor/registration.mjs';
import { OpenApi3_1Element } from '@swagger-api/apidom-ns-openapi-3-1';
import { useEffect, useMemo, useRef, useState } from 'react';
import SwaggerUI from 'swagger-ui-react';
import { type OpenApiDocument, rewriteSpec } from './openapi-spec';
import { type AuthSystem, authPersistence, forgetAuth, restoreAuth, SHARED_KEY } from './swagger-auth';

/** Whether the registration above took (it says so in the console when a bundler change breaks it again). */
const registered = typeof OpenApi3_1Element.refract === 'function';

/**
 * Swagger UI on the running preview's own OpenAPI document. It stays mounted across restarts (the document is
 * fetched again after each one), so an authorization given with Authorize survives a design change; it is kept
 * for this workspace only (`swagger-auth.ts`) and forgotten when the preview's data is reset.
 */
export default function SwaggerPanel({
  baseUrl,
  starts,
  staleNote,
  authKey,
  resets,
  onServerError,
}: {
  baseUrl: string;
  /** Changes at every successful start: the document is fetched again. */
  starts: number;
  /** Set while the API shown is not the current design's (restarting, or the restart failed). */
  staleNote: string | null;
  /** Where this workspace's authorization is kept (`authStorageKey`). */
  authKey: string;
  /** Counts the starts that reset data: each one forgets the authorization. */
  resets: number;
  /** Called for every answer of 500 or more, so the panel can show what the app raised. */
  onServerError?: () => void;
}) {
  const [spec, setSpec] = useState<OpenApiDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const system = useRef<AuthSystem | null>(null);
  // Plugins are read once, on mount (the panel is keyed by workspace).
  const plugins = useMemo(() => [authPersistence(authKey)], [authKey]);

  // The origin-wide key of Swagger UI's own persistence held one workspace's token for all: gone.
  useEffect(() => {
    try {
      window.localStorage.removeItem(SHARED_KEY);
    } catch {
      // No storage.
    }
  }, []);

  useEffect(() => {
    if (resets > 0) forgetAuth(system.current, authKey);
  }, [resets, authKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `starts` is the trigger to fetch again.
  useEffect(() => {
    let cancelled = false;
    setError(null);
    fetch(`${baseUrl}/openapi.json`, { cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`openapi.json answered ${response.status}`);
        return (await response.json()) as OpenApiDocument;
      })
      .then((document) => {
        if (!cancelled) setSpec(rewriteSpec(document, baseUrl));
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [baseUrl, starts]);

  if (!registered) console.error('Swagger UI cannot read OpenAPI 3.1 documents: ApiDOM is not registered.');
  return (
    <div className={`swagger-panel${staleNote ? ' is-stale' : ''}`}>
      {error && (
        <p className="preview-error" role="alert">
          Could not load the API description: {error}
        </p>
      )}
      {staleNote && spec && <p className="swagger-stale-note muted">{staleNote}</p>}
      {spec ? (
        <SwaggerUI
          spec={spec}
          plugins={plugins}
          onComplete={(loaded: AuthSystem) => {
            if (system.current === loaded) return;
            system.current = loaded;
            restoreAuth(loaded, authKey);
          }}
          tryItOutEnabled
          docExpansion="list"
          defaultModelsExpandDepth={-1}
          displayRequestDuration
          responseInterceptor={(response) => {
            if (response.status >= 500) onServerError?.();
            return response;
          }}
          deepLinking={false}
        />
      ) : (
        !error && <p className="muted preview-note">Loading the API description…</p>
      )}
    </div>
  );
}
