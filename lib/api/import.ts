import 'server-only';
import type { ImportFormat } from '@/lib/import/types';
import { runJob } from '@/lib/jobs/pool';
import { ApiError } from './errors';
import { assertDesignSize, notADesign, storedDesignRefused } from './generate';

export type ImportRequest = {
  text: string;
  format?: ImportFormat;
  /** The design to merge into (the workspace's posted or stored one); absent: a new workspace's blank design. */
  target?: { stored: unknown; posted?: unknown };
  owner: string;
  signal?: AbortSignal;
};

/**
 * Reads and plans an import in the worker pool (parsing a large schema and laying it out is seconds of CPU, and
 * a hostile source must never stall the server's requests; the pool bounds it in time and per person). Nothing
 * is stored: the answer is operations for the editor to propose. A source that does not read is a 422 with the
 * importer's message and position; a target design that does not load is the 413/422 every design route gives.
 */
export async function importPlan(request: ImportRequest) {
  const { target } = request;
  const design = target ? (target.posted ?? target.stored) : undefined;
  if (target?.posted !== undefined) assertDesignSize(target.posted);
  const result = await runJob(
    'import',
    {
      text: request.text,
      mode: target ? 'merge' : 'new',
      ...(request.format ? { format: request.format } : {}),
      ...(design !== undefined ? { target: design } : {}),
    },
    { owner: request.owner, signal: request.signal },
  );
  if ('refused' in result) {
    throw target?.posted === undefined ? storedDesignRefused(result.issues) : notADesign(result.issues);
  }
  if (!result.ok) {
    const place = result.at
      ? 'pointer' in result.at
        ? `at ${result.at.pointer || '/'}`
        : `line ${result.at.line}, column ${result.at.column}`
      : '';
    // The position once: importers often say it in their message already.
    const where = place && !result.message.includes(place) ? ` (${place})` : '';
    throw new ApiError(
      'validation_failed',
      `The file could not be imported: ${result.message}`,
      [{ path: 'text', message: `${result.message}${where}` }],
      result.at ? { at: result.at } : undefined,
    );
  }
  const { plan, ...rest } = result;
  return { ...rest, ...plan };
}
