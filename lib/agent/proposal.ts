/**
 * What the assistant hands the person at the end of a request: the operations that turn the design it started
 * from into the draft, the user files it wrote (with what they held, for the diff), what they change (for highlighting on the canvas), the data-loss warnings of those changes
 * and the result of the final check. Types and pure helpers only, shared by the server and the chat panel.
 */
import type { UIMessage } from 'ai';
import type { Design, Operation } from '@/lib/design';
import type { DesignDiff } from '@/lib/generator/migrations/diff';

/** A user file the proposal writes: `before` null for a new file, the scaffold for a handler not written yet. */
export type ProposedFile = { path: string; before: string | null; after: string; base: string };

export type Proposal = {
  id: string;
  operations: Operation[];
  /** User files written (accepted together with the operations, as one step). */
  files: ProposedFile[];
  /** Ids of entities, enums and relations added or changed (what the canvas highlights). */
  highlight: string[];
  summary: string[];
  warnings: DesignDiff['warnings'];
  check: { ok: boolean; problems: number; diagnostics: number };
  /** False when the request stopped early (step, token or time limit): the change may be unfinished. */
  complete: boolean;
  /** What the person decided, recorded in the kept conversation. */
  decision?: 'accepted' | 'rejected';
};

/** How much of a conversation the panel sends with a request, and the server keeps. */
export const KEPT_MESSAGES = 40;

export type AssistantData = {
  proposal: Proposal;
  notice: { kind: 'limit' | 'error' | 'check'; message: string };
};
export type AssistantMessage = UIMessage<never, AssistantData>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Highlighted node and edge ids and one line per kind of change. */
export function describeDiff(before: Design, after: Design, diff: DesignDiff) {
  const entityOfField = new Map(after.entities.flatMap((e) => e.fields.map((f) => [f.id, e.id] as const)));
  const highlight = new Set<string>();
  for (const item of [...diff.entities.added, ...diff.entities.changed]) highlight.add(item.id);
  for (const item of [...diff.fields.added, ...diff.fields.changed, ...diff.fields.removed]) {
    const owner =
      entityOfField.get(item.id) ?? before.entities.find((e) => e.fields.some((f) => f.id === item.id))?.id;
    if (owner && after.entities.some((e) => e.id === owner)) highlight.add(owner);
  }
  for (const item of [...diff.relations.added, ...diff.relations.changed]) highlight.add(item.id);
  for (const item of [...diff.endpoints.added, ...diff.endpoints.changed]) {
    const endpoint = after.customEndpoints.find((c) => c.id === item.id);
    if (endpoint?.entityId) highlight.add(endpoint.entityId);
  }
  const beforeEnums = new Map(before.enums.map((e) => [e.id, JSON.stringify(e)]));
  for (const en of after.enums) if (beforeEnums.get(en.id) !== JSON.stringify(en)) highlight.add(en.id);
  // An entity whose endpoints changed is already among diff.entities.changed (its resource is part of it).
  const authChanged = JSON.stringify(before.auth) !== JSON.stringify(after.auth);
  if (authChanged && after.auth) highlight.add(after.auth.userEntityId);

  const summary: string[] = [];
  const line = (group: DesignDiff['entities'], what: string) => {
    const names = (items: { name: string; entity?: string }[]) =>
      items.map((i) => (i.entity ? `${i.entity}.${i.name}` : i.name)).join(', ');
    if (group.added.length) summary.push(`Adds ${plural(group.added.length, what)}: ${names(group.added)}`);
    if (group.changed.length)
      summary.push(`Changes ${plural(group.changed.length, what)}: ${names(group.changed)}`);
    if (group.removed.length)
      summary.push(`Removes ${plural(group.removed.length, what)}: ${names(group.removed)}`);
  };
  line(diff.entities, 'entity');
  line(diff.fields, 'field');
  line(diff.relations, 'relation');
  line(diff.endpoints, 'custom endpoint');
  const changedResources = after.entities.filter((e) => {
    const old = before.entities.find((o) => o.id === e.id);
    return old && JSON.stringify(old.resource) !== JSON.stringify(e.resource);
  });
  if (changedResources.length)
    summary.push(`Changes the endpoints of ${changedResources.map((e) => e.name).join(', ')}`);
  if (authChanged)
    summary.push(after.auth ? 'Sets up authentication (register, login, me)' : 'Turns authentication off');
  return { highlight: [...highlight].sort(), summary };
}

const lines = (text: string | null) => (text ? text.split('\n').length : 0);

/** One line per written file: new or changed, and its size. */
export function describeFiles(files: readonly ProposedFile[]): string[] {
  return files.map((f) =>
    f.before === null
      ? `Writes ${f.path} (new, ${plural(lines(f.after), 'line')})`
      : `Writes ${f.path} (${plural(lines(f.after), 'line')}, was ${plural(lines(f.before), 'line')})`,
  );
}
