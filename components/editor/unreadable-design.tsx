import type { LoadIssue } from '@/lib/design/load';

const SHOWN = 20;

/**
 * The page of a workspace whose stored design does not load (one saved before the design limits that breaks
 * them): what is wrong and where, instead of an error page. The editor cannot open it safely.
 */
export function UnreadableDesign({ name, issues }: { name: string; issues: LoadIssue[] }) {
  return (
    <main className="page">
      <h1>{name}</h1>
      <div role="alert" className="alert error">
        <p>
          This workspace&apos;s design breaks the design limits (it was saved before they applied), so it
          cannot be opened. Its owner can replace it through the API or restore an earlier version.
        </p>
        <ul>
          {issues.slice(0, SHOWN).map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path || '(design)'}</code>: {issue.message}
            </li>
          ))}
        </ul>
        {issues.length > SHOWN ? <p>…and {issues.length - SHOWN} more.</p> : null}
      </div>
    </main>
  );
}
