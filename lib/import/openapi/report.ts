import type { ReportEntry, ReportStatus } from '../types';

const RANK: Record<ReportStatus, number> = { imported: 0, approximated: 1, skipped: 2 };

/**
 * The import report as it is built: one entry per construct of the document (subject and pointer), in document
 * order. A construct reported again keeps its first place, takes the worse status and adds the reason.
 * Design elements remember the construct they came from, so the final repair can report against it.
 */
export class Reporter {
  readonly entries: ReportEntry[] = [];
  private readonly byKey = new Map<string, ReportEntry>();
  private readonly bySubject = new Map<string, ReportEntry>();
  private readonly origins = new Map<string, { subject: string; pointer: string | undefined }>();

  add(status: ReportStatus, subject: string, pointer: string | undefined, message?: string): void {
    const existing =
      pointer === undefined ? this.bySubject.get(subject) : this.byKey.get(`${subject}\u0000${pointer}`);
    if (existing) {
      if (RANK[status] > RANK[existing.status]) existing.status = status;
      if (message !== undefined && !existing.message?.includes(message))
        existing.message = existing.message ? `${existing.message} ${message}` : message;
      return;
    }
    const entry: ReportEntry = { status, subject };
    if (message !== undefined) entry.message = message;
    if (pointer !== undefined) entry.at = { pointer };
    this.entries.push(entry);
    this.byKey.set(`${subject}\u0000${pointer ?? ''}`, entry);
    if (!this.bySubject.has(subject)) this.bySubject.set(subject, entry);
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

  /** Remembers which construct a design element (entity, field, relation, endpoint) came from. */
  origin(elementId: string, subject: string, pointer: string | undefined): void {
    this.origins.set(elementId, { subject, pointer });
  }
  /** Reports against the construct a design element came from (or `fallback` when it has none). */
  element(elementId: string | undefined, fallback: string, status: ReportStatus, message: string): void {
    const o = elementId === undefined ? undefined : this.origins.get(elementId);
    this.add(status, o?.subject ?? fallback, o?.pointer, message);
  }
}
