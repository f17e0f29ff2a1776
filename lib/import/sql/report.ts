import type { ReportEntry, ReportStatus } from '../types';
import type { SqlPos } from './model';

/**
 * The import report under construction. Each construct gets one entry; later passes (a check that could not be
 * kept, the validation repair) amend that entry through the element id it produced instead of adding another.
 */
export class Reporter {
  readonly entries: ReportEntry[] = [];
  private readonly byElement = new Map<string, ReportEntry>();
  private readonly bySubject = new Map<string, ReportEntry>();

  add(status: ReportStatus, subject: string, at: SqlPos, message?: string, elementId?: string): ReportEntry {
    const entry: ReportEntry = { status, subject, at: { line: at.line, column: at.column } };
    if (message !== undefined) entry.message = message;
    this.entries.push(entry);
    if (elementId !== undefined) this.byElement.set(elementId, entry);
    if (!this.bySubject.has(subject)) this.bySubject.set(subject, entry);
    return entry;
  }

  /** Adds an approximation to the entry of `subject` (made approximated), or a new approximated entry. */
  note(subject: string, at: SqlPos, text: string): void {
    const entry = this.bySubject.get(subject);
    if (!entry) {
      this.add('approximated', subject, at, `${capitalise(text)}.`);
      return;
    }
    amend(entry, entry.status === 'skipped' ? 'skipped' : 'approximated', text);
  }

  /** The entry of a design element (entity, field, relation, enum, unique constraint). */
  forElement(elementId: string): ReportEntry | undefined {
    return this.byElement.get(elementId);
  }
}

export function amend(entry: ReportEntry, status: ReportStatus, text: string): void {
  entry.status = status;
  const sentence = `${capitalise(text)}.`;
  entry.message = entry.message ? `${entry.message} ${sentence}` : sentence;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
