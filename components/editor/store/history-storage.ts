import { z } from 'zod';
import {
  applyOperations,
  type Design,
  DesignSchema,
  FORMAT_VERSION,
  type Operation,
  OperationSchema,
} from '@/lib/design';
import { UserCodeSchema } from '@/lib/generator/user-code/schema';
import { HISTORY_LIMIT, type History, type HistoryEntry } from './editor-state';

/**
 * The undo history of one tab, kept in sessionStorage so a reload of the tab can still undo. Stored compactly:
 * the design before the oldest entry once, then each entry's operations (a whole design only for replacements
 * such as an import); restoring replays them. A stored history is used only when the loaded design is one of
 * its states, so a change made elsewhere (another tab, a collaborator, a restore) discards it.
 */

export const HISTORY_STORAGE_PREFIX = 'fastdraft:history:';
/** Bound of the stored text (sessionStorage holds about 5 MB per origin, shared by every workspace). */
export const HISTORY_STORAGE_BYTES = 2 * 2 ** 20;

const StoredEntrySchema = z.object({
  label: z.string().max(200),
  at: z.number(),
  coalesceKey: z.string().max(300).optional(),
  operations: z.array(OperationSchema).max(5_000).optional(),
  /** The design after a whole-document replacement (no operations). */
  design: DesignSchema.optional(),
  /** The user code on either side of a step that changed it (an accepted proposal with files). */
  userCode: z.object({ before: UserCodeSchema, after: UserCodeSchema }).optional(),
});
type StoredEntry = z.infer<typeof StoredEntrySchema>;

const StoredHistorySchema = z.object({
  fastdraft: z.literal('editor-history'),
  formatVersion: z.literal(FORMAT_VERSION),
  base: DesignSchema,
  past: z.array(StoredEntrySchema).max(HISTORY_LIMIT),
  future: z.array(StoredEntrySchema).max(HISTORY_LIMIT),
});

function stored(entry: HistoryEntry): StoredEntry {
  const { label, at, coalesceKey } = entry;
  const base = coalesceKey === undefined ? { label, at } : { label, at, coalesceKey };
  const kept = entry.userCode ? { ...base, userCode: entry.userCode } : base;
  return entry.operations ? { ...kept, operations: entry.operations } : { ...kept, design: entry.after };
}

// Serialized sizes, kept across saves: entries and designs are immutable, and a save runs after every edit.
const entrySizes = new WeakMap<HistoryEntry, number>();
const designSizes = new WeakMap<Design, number>();

function entrySize(entry: HistoryEntry): number {
  let size = entrySizes.get(entry);
  if (size === undefined) {
    size = JSON.stringify(stored(entry)).length;
    entrySizes.set(entry, size);
  }
  return size;
}

function designSize(design: Design): number {
  let size = designSizes.get(design);
  if (size === undefined) {
    size = JSON.stringify(design).length;
    designSizes.set(design, size);
  }
  return size;
}

function estimate(past: readonly HistoryEntry[], future: readonly HistoryEntry[]): number {
  const base = past[0]?.before ?? future[0]?.before;
  if (!base) return 0;
  let total = designSize(base) + 100;
  for (const entry of past) total += entrySize(entry) + 1;
  for (const entry of future) total += entrySize(entry) + 1;
  return total;
}

/**
 * The history as storage text within `maxBytes` (the oldest entries go first, then the farthest redo steps),
 * or null when there is nothing to keep or not even one step fits.
 */
export function serializeHistory(history: History, maxBytes = HISTORY_STORAGE_BYTES): string | null {
  const past = history.past.slice(-HISTORY_LIMIT);
  let future = history.future.slice(0, HISTORY_LIMIT);
  // Fewest old steps to drop, by bisection (dropping changes the base design too, so sizes are not additive).
  let keepFrom = 0;
  if (estimate(past, future) > maxBytes) {
    let low = 1;
    let high = past.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (estimate(past.slice(middle), future) <= maxBytes) high = middle;
      else low = middle + 1;
    }
    keepFrom = low;
  }
  let kept = past.slice(keepFrom);
  while (kept.length === 0 && future.length > 0 && estimate(kept, future) > maxBytes)
    future = future.slice(0, -1);
  while (kept.length + future.length > 0) {
    const base = kept[0]?.before ?? future[0]?.before;
    if (!base) return null;
    const text = JSON.stringify({
      fastdraft: 'editor-history',
      formatVersion: FORMAT_VERSION,
      base,
      past: kept.map(stored),
      future: future.map(stored),
    });
    if (text.length <= maxBytes) return text;
    if (kept.length > 0) kept = kept.slice(1);
    else future = future.slice(0, -1);
  }
  return null;
}

/** JSON with sorted keys: designs rebuilt by operations may order their keys unlike the loaded one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The stored history around `design` (the one just loaded), or null when the text is not a stored history,
 * does not replay, or never reached `design`. A change lost by the reload (not saved yet) comes back as redo.
 */
export function restoreHistory(text: string, design: Design): History | null {
  if (text.length > HISTORY_STORAGE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StoredHistorySchema.safeParse(value);
  if (!parsed.success) return null;
  const entries = [...parsed.data.past, ...parsed.data.future];
  const states: Design[] = [parsed.data.base];
  try {
    for (const entry of entries) {
      const before = states.at(-1) as Design;
      if (entry.design) states.push(entry.design);
      else if (entry.operations) states.push(applyOperations(before, entry.operations as Operation[]));
      else return null;
    }
  } catch {
    return null; // an operation that no longer applies: the history does not belong to this design
  }
  const target = canonical(design);
  const expected = parsed.data.past.length;
  let at = -1;
  // The expected point first, then outwards (a reload before the autosave lost the last steps).
  for (let distance = 0; distance < states.length && at < 0; distance++) {
    for (const index of [expected - distance, expected + distance]) {
      const state = states[index];
      if (state && canonical(state) === target) {
        at = index;
        break;
      }
    }
  }
  if (at < 0) return null;
  states[at] = design; // the loaded object itself, so the editor sees the restored point as saved
  const rebuilt: HistoryEntry[] = entries.map((entry, i) => ({
    label: entry.label,
    operations: (entry.operations as Operation[] | undefined) ?? null,
    before: states[i] as Design,
    after: states[i + 1] as Design,
    at: entry.at,
    ...(entry.coalesceKey === undefined ? {} : { coalesceKey: entry.coalesceKey }),
    ...(entry.userCode ? { userCode: entry.userCode } : {}),
  }));
  return { past: rebuilt.slice(0, at), future: rebuilt.slice(at) };
}

/** sessionStorage, or null where it is missing or refused (private modes, sandboxed frames). */
function sessionStore(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadStoredHistory(key: string, design: Design): History | null {
  try {
    const text = sessionStore()?.getItem(HISTORY_STORAGE_PREFIX + key);
    return text ? restoreHistory(text, design) : null;
  } catch {
    return null;
  }
}

export function saveStoredHistory(key: string, history: History): void {
  const storage = sessionStore();
  if (!storage) return;
  const name = HISTORY_STORAGE_PREFIX + key;
  try {
    const text = serializeHistory(history);
    if (text === null) storage.removeItem(name);
    else storage.setItem(name, text);
  } catch {
    // Over the quota: this workspace's history is not kept rather than left stale.
    try {
      storage.removeItem(name);
    } catch {}
  }
}
