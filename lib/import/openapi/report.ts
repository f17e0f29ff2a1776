import type { ReportEntry, ReportStatus } from '../types';

/** The import report as it is built: one entry per construct of the document, in document order. */
export class Reporter {
  readonly entries: ReportEntry[] = [];
  private readonly seen = new Set<string>();

  add(status: ReportStatus, subject: string, pointer: string | undefined, message?: string): void {
    const key = `${status}\u0000${subject}\u0000${message ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const entry: ReportEntry = { status, subject };
    if (message !== undefined) entry.message = message;
    if (pointer !== undefined) entry.at = { pointer };
    this.entries.push(entry);
  }
  imported(subject: string, pointer?: string): void {
    this.add('imported', subject, pointer);
  }
  approximated(subject: string, pointer: string | undefined, message: string): void {
    this.add('approximated', subject, pointer, message);
  }
  skipped(subject: string, pointer: string | undefined, message: string): void {
    this.add('skipped', subject, pointer, message);
  }
}
