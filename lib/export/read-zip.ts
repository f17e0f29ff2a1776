import { strFromU8, type UnzipFileInfo, unzipSync } from 'fflate';
import { LIMITS } from '@/lib/design/limits';
import { USER_CODE_LIMITS, UserCodeSchema } from '@/lib/generator/user-code/schema';
import type { UserCode } from '@/lib/generator/user-code/types';
import { DESIGN_FILE, USER_CODE_FILE } from './user-code-manifest';

/** Bounds of an imported zip: an export is a few hundred small files; anything far past that is not one. */
export const ZIP_LIMITS = {
  bytes: 32 * 2 ** 20,
  entries: 5_000,
} as const;

export type ReadZip = { ok: true; design: string; userCode: UserCode } | { ok: false; message: string };

class Refused extends Error {}

/**
 * Only the named entries, each no larger than its bound as the zip declares it; fflate inflates into a buffer of
 * exactly the declared size, so an entry that lies about its size cannot grow past it (zip-bomb safe). Counting
 * entries in the filter stops a central directory that claims millions of them.
 */
function extract(
  bytes: Uint8Array,
  wanted: (name: string) => number | null,
  total: number,
): Record<string, string> {
  let seen = 0;
  let size = 0;
  const filter = (file: UnzipFileInfo) => {
    seen += 1;
    if (seen > ZIP_LIMITS.entries) throw new Refused(`The zip has more than ${ZIP_LIMITS.entries} entries.`);
    const limit = wanted(file.name);
    if (limit === null) return false;
    if (file.originalSize > limit) throw new Refused(`${file.name} is larger than ${limit} bytes.`);
    size += file.originalSize;
    if (size > total) throw new Refused(`The files to import are larger than ${total} bytes in all.`);
    return true;
  };
  const entries = unzipSync(bytes, { filter });
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(entries)) out[name] = strFromU8(data);
  return out;
}

/**
 * An exported project zip read back: `design.json` (as text, for `loadDesign`) and the user files that
 * `.fastdraft/user-code.json` names, with their merge bases. A zip without the manifest imports with no user
 * code; anything past the limits, or unreadable, is refused with a message and nothing is imported.
 */
export function readProjectZip(bytes: Uint8Array): ReadZip {
  if (bytes.byteLength > ZIP_LIMITS.bytes)
    return { ok: false, message: `The zip is larger than ${ZIP_LIMITS.bytes / 2 ** 20} MiB.` };
  try {
    const first = extract(
      bytes,
      (name) =>
        name === DESIGN_FILE
          ? LIMITS.designBytes
          : name === USER_CODE_FILE
            ? USER_CODE_LIMITS.totalBytes
            : null,
      LIMITS.designBytes + USER_CODE_LIMITS.totalBytes,
    );
    const design = first[DESIGN_FILE];
    if (design === undefined)
      return { ok: false, message: `The zip has no ${DESIGN_FILE}: it is not a Fastdraft export.` };
    const manifestText = first[USER_CODE_FILE];
    if (manifestText === undefined) return { ok: true, design, userCode: { files: {} } };
    let manifest: unknown;
    try {
      manifest = JSON.parse(manifestText);
    } catch {
      return { ok: false, message: `${USER_CODE_FILE} is not valid JSON.` };
    }
    const listed = manifestFiles(manifest);
    if (!listed) return { ok: false, message: `${USER_CODE_FILE} does not list user files.` };
    if (Object.keys(listed).length > USER_CODE_LIMITS.files)
      return { ok: false, message: `The zip has more than ${USER_CODE_LIMITS.files} user files.` };
    const contents = extract(
      bytes,
      (name) =>
        Object.hasOwn(listed, name) && listed[name]?.content === undefined
          ? USER_CODE_LIMITS.totalBytes
          : null,
      USER_CODE_LIMITS.totalBytes,
    );
    const files: UserCode['files'] = {};
    for (const path of Object.keys(listed).sort()) {
      const content = listed[path]!.content ?? contents[path];
      if (content === undefined)
        return { ok: false, message: `${path} is listed in ${USER_CODE_FILE} but missing.` };
      files[path] = { content, base: listed[path]!.base };
    }
    const parsed = UserCodeSchema.safeParse({ files });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        message: `The user code in the zip is not valid: ${issue?.message ?? 'unknown problem'}`,
      };
    }
    return { ok: true, design, userCode: parsed.data };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    return { ok: false, message: 'The file is not a readable zip archive.' };
  }
}

function manifestFiles(value: unknown): Record<string, { base: string; content?: string }> | null {
  if (!value || typeof value !== 'object') return null;
  const files = (value as { files?: unknown }).files;
  if (!files || typeof files !== 'object' || Array.isArray(files)) return null;
  const out: Record<string, { base: string; content?: string }> = Object.create(null);
  for (const [path, entry] of Object.entries(files)) {
    if (!entry || typeof entry !== 'object') return null;
    const { base, content } = entry as { base?: unknown; content?: unknown };
    if (typeof base !== 'string' || (content !== undefined && typeof content !== 'string')) return null;
    out[path] = content === undefined ? { base } : { base, content };
  }
  return out;
}
