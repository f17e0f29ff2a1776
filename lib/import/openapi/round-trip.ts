import type { ImportReport } from '../types';
import type { ApiDifference } from './equivalence';

/**
 * The differences the OpenAPI round trip accepts (document -> import -> generate -> the app's `/openapi.json`),
 * each with its reason: `docs/import.md` `## OpenAPI round trip` lists the same (a test keeps them in step).
 * Anything else is a failure of the round trip.
 */
export type AcceptedDifference = {
  id: string;
  reason: string;
  matches: (d: ApiDifference, report: ImportReport) => boolean;
};

const PAGING = new Set(['limit', 'offset', 'page', 'size', 'sort']);
const ERRORS_DOCUMENTED = new Set(['400', '401', '403', '404', '409', '413', '415', '422']);

/** The report entry that accounts for a difference: at its pointer or an enclosing one, not imported as is. */
export function reportedFor(d: ApiDifference, report: ImportReport) {
  const pointers = [d.pointer, d.context].filter((p): p is string => p !== undefined);
  return report.entries.find((e) => {
    if (e.status === 'imported' || !e.at || !('pointer' in e.at)) return false;
    const p = e.at.pointer;
    return pointers.some((pointer) => pointer === p || pointer.startsWith(`${p}/`));
  });
}

export const ACCEPTED_DIFFERENCES: readonly AcceptedDifference[] = [
  {
    id: 'reported',
    reason:
      'The import report lists the construct as approximated or skipped, with its reason (the design cannot say it as the document does).',
    matches: (d, report) => reportedFor(d, report) !== undefined,
  },
  {
    id: 'app-routes',
    reason:
      'The generated app adds its health check (`GET /health`) and the auth API routes the document does not list (the second sign-in route, for the OAuth2 form or JSON).',
    matches: (d) =>
      d.what === 'operation extra' &&
      (/ \/health$/.test(d.at) || / \/auth\//.test(d.at) || /\/login\/(json|form)$/.test(d.at)),
  },
  {
    id: 'errors-documented',
    reason:
      'The generated app documents every client error it can answer (400, 401, 403, 404, 409, 413, 415, 422), also those the document leaves out.',
    matches: (d) => d.what === 'status extra' && ERRORS_DOCUMENTED.has(d.actual),
  },
  {
    id: 'stubs-501',
    reason:
      'Custom endpoints are stubs: they answer 501 Not Implemented until their handler is written, and say so.',
    matches: (d) => d.what === 'status extra' && d.actual === '501',
  },
  {
    id: 'errors-not-answerable',
    reason:
      'The app documents 401 only where a token is required and 422 only where it validates input: the document also lists them where the app cannot answer them (optional sign-in, nothing to validate).',
    matches: (d) => d.what === 'status missing' && (d.expected === '401' || d.expected === '422'),
  },
  {
    id: 'current-password',
    reason: "Updating one's own account asks for the current password (`current_password`) beside a new one.",
    matches: (d) => d.what === 'property extra' && / body\.(current_password|currentPassword)$/.test(d.at),
  },
  {
    id: 'catch-all-responses',
    reason:
      'A `default` or 5xx response has no counterpart: the app documents the statuses it answers, and answers no 5xx on purpose.',
    matches: (d) => d.what === 'status missing' && (d.expected === 'default' || /^5/.test(d.expected)),
  },
  {
    id: 'paging-added',
    reason:
      "Lists always page in the design's paging style and sort by `sort`: the paging parameters the document lacks are added.",
    matches: (d) => d.what === 'query parameter extra' && PAGING.has(d.at.replace(/^.* \?/, '')),
  },
  {
    id: 'keys-in-answers',
    reason:
      'Answers carry what every row has: its `id`, the foreign key beside an embedded object (`author_id`), `created_at`/`updated_at`.',
    matches: (d) =>
      d.what === 'property extra' &&
      / answer\./.test(d.at) &&
      /\.(id|[A-Za-z0-9]+(_id|Id)|created_?[aA]t|updated_?[aA]t)$/.test(d.at),
  },
];

/** The accepted difference a difference falls under, or undefined (a failure). */
export function acceptedFor(d: ApiDifference, report: ImportReport): AcceptedDifference | undefined {
  return ACCEPTED_DIFFERENCES.find((rule) => rule.matches(d, report));
}
