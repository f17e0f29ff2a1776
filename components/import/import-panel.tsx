'use client';

import './import.css';
import { type ReactNode, useId, useState } from 'react';
import { callApi } from '@/lib/api/client';
import type { ImportFormat, ReportEntry, ReportStatus, SourceLocation } from '@/lib/import/types';
import { FORMAT_LABELS, type ImportAnswer, locationText } from './import-types';

/** The largest file the dialog reads (the server's cap too). */
const MAX_FILE_BYTES = 5 * 2 ** 20;
const STATUS_TEXT: Record<ReportStatus, string> = {
  imported: 'Imported',
  approximated: 'Approximated',
  skipped: 'Skipped',
};
const SHOWN_PER_STATUS = 200;

type Failure = { message: string; at?: SourceLocation };

/** The source line an error points at, with a caret under its column (long lines cut around it). */
function excerpt(text: string, at: SourceLocation | undefined): { line: string; caret: string } | null {
  if (!at || 'pointer' in at) return null;
  const line = text.split('\n')[at.line - 1];
  if (line === undefined) return null;
  const start = Math.max(0, at.column - 60);
  const shown = line.slice(start, start + 120).replaceAll('\t', ' ');
  return { line: shown, caret: `${' '.repeat(Math.max(0, at.column - 1 - start))}^` };
}

/** Source order (line, then column) for SQL; a document's report keeps the importer's order. */
function bySource(a: ReportEntry, b: ReportEntry): number {
  if (!a.at || !b.at || 'pointer' in a.at || 'pointer' in b.at) return 0;
  return a.at.line - b.at.line || a.at.column - b.at.column;
}

/**
 * Paste or choose a SQL schema or an OpenAPI document, read it on the server (`endpoint`), and show the
 * report: what was imported, approximated and skipped, each with its line or JSON pointer, the clashes with
 * the current design, or the error with its position. `children` renders the next step with the answer.
 */
export function ImportPanel({
  title,
  titleId,
  endpoint,
  extraBody,
  onClose,
  children,
}: {
  title: string;
  titleId: string;
  endpoint: string;
  /** Sent with the source (the editor's in-memory design). */
  extraBody?: () => Record<string, unknown>;
  onClose: () => void;
  children: (answer: ImportAnswer) => ReactNode;
}) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const ids = { text: useId(), format: useId(), file: useId() };

  async function readFile(file: File) {
    setAnswer(null);
    if (file.size > MAX_FILE_BYTES) {
      setFailure({ message: `${file.name} is larger than 5 MiB: import a smaller schema or document.` });
      return;
    }
    setFailure(null);
    setFileName(file.name);
    setText(await file.text());
  }

  async function read() {
    setPending(true);
    setFailure(null);
    setAnswer(null);
    const result = await callApi<ImportAnswer>(endpoint, {
      method: 'POST',
      body: { text, ...(format === 'auto' ? {} : { format }), ...extraBody?.() },
    });
    setPending(false);
    if (result.ok) setAnswer(result.data);
    else setFailure({ message: result.error.message, ...(result.error.at ? { at: result.error.at } : {}) });
  }

  return (
    <div className="import-panel">
      <div className="import-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <form
        className="import-source"
        aria-label="Source to import"
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
      >
        <div className="import-row">
          <label htmlFor={ids.file}>
            File
            <input
              id={ids.file}
              type="file"
              accept=".sql,.ddl,.json,.yaml,.yml,text/plain,application/json,application/yaml,application/sql"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readFile(file);
              }}
            />
          </label>
          <label htmlFor={ids.format}>
            Format
            <select
              id={ids.format}
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as ImportFormat | 'auto');
                setAnswer(null);
              }}
            >
              <option value="auto">Detect from the text</option>
              {(Object.keys(FORMAT_LABELS) as ImportFormat[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label htmlFor={ids.text}>
          {fileName ? `Text of ${fileName}` : 'Or paste SQL DDL or an OpenAPI document (JSON or YAML)'}
          <textarea
            id={ids.text}
            className="import-text"
            value={text}
            spellCheck={false}
            rows={10}
            placeholder={'CREATE TABLE users (\n  id serial PRIMARY KEY,\n  email text NOT NULL UNIQUE\n);'}
            onChange={(e) => {
              setText(e.target.value);
              setAnswer(null);
            }}
          />
        </label>
        <div className="import-actions">
          <button type="submit" className="primary" disabled={pending || text.trim() === ''}>
            {pending ? 'Reading…' : 'Read'}
          </button>
        </div>
      </form>
      {failure && <FailureView failure={failure} text={text} />}
      {answer && (
        <>
          <ImportReportView answer={answer} />
          {children(answer)}
        </>
      )}
    </div>
  );
}

function FailureView({ failure, text }: { failure: Failure; text: string }) {
  const shown = excerpt(text, failure.at);
  return (
    <div role="alert" className="alert error">
      <strong>{failure.message}</strong>
      {failure.at && 'pointer' in failure.at && (
        <div>
          At <code>{failure.at.pointer || '/'}</code>
        </div>
      )}
      {shown && failure.at && 'line' in failure.at && (
        <figure className="import-excerpt" aria-label={`Line ${failure.at.line}`}>
          <pre>
            {`${failure.at.line} | ${shown.line}\n${' '.repeat(String(failure.at.line).length)} | ${shown.caret}`}
          </pre>
        </figure>
      )}
      <div className="muted">Nothing was imported.</div>
    </div>
  );
}

function ImportReportView({ answer }: { answer: ImportAnswer }) {
  const { entries } = answer.report;
  const by = (status: ReportStatus) => entries.filter((e) => e.status === status).sort(bySource);
  const groups = (['skipped', 'approximated', 'imported'] as const).map((s) => [s, by(s)] as const);
  return (
    <section className="import-report" aria-label="Import report">
      <p role="status" className="import-summary">
        {FORMAT_LABELS[answer.format]}: {by('imported').length} imported, {by('approximated').length}{' '}
        approximated, {by('skipped').length} skipped.
      </p>
      {answer.clashes.length > 0 && (
        <div className="import-clashes">
          <h3>Clashes with this design</h3>
          <ul aria-label="Clashes">
            {answer.clashes.map((c) => (
              <li key={`${c.kind}:${c.name}`}>{c.message}</li>
            ))}
          </ul>
        </div>
      )}
      {groups.map(([status, list]) =>
        list.length === 0 ? null : (
          <details key={status} className={`import-group is-${status}`} open={status !== 'imported'}>
            <summary>
              {STATUS_TEXT[status]} ({list.length})
            </summary>
            <ul aria-label={STATUS_TEXT[status]}>
              {list.slice(0, SHOWN_PER_STATUS).map((entry, i) => (
                <ReportLine key={`${entry.subject}:${i}`} entry={entry} />
              ))}
              {list.length > SHOWN_PER_STATUS && <li>…and {list.length - SHOWN_PER_STATUS} more.</li>}
            </ul>
          </details>
        ),
      )}
    </section>
  );
}

function ReportLine({ entry }: { entry: ReportEntry }) {
  const where = locationText(entry.at);
  return (
    <li>
      <span className="import-subject">{entry.subject}</span>
      {where && <code className="import-at">{where}</code>}
      {entry.message && <span className="import-reason">{entry.message}</span>}
    </li>
  );
}
