import { type Zippable, zipSync } from 'fflate';
import { type Design, kebabCase, type Problem } from '@/lib/design';
import { type GenerateOptions, generateProject } from '@/lib/generator';
import { emptyUserCode, type UserCode } from '@/lib/generator/user-code/types';
import { DESIGN_FILE, USER_CODE_FILE, userCodeManifest } from './user-code-manifest';

export { DESIGN_FILE, USER_CODE_FILE } from './user-code-manifest';

export type ProjectZip =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; name: string }
  | { ok: false; problems: Problem[] };

/**
 * Every entry's modification time: 1980-01-01 00:00, the earliest DOS date. fflate writes DOS times from the
 * local-time fields of the Date, so it is built from local fields: the bytes do not depend on the time zone.
 */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const REGULAR_FILE = 0o100000;
const FILE_MODE = 0o644;
const EXECUTABLE_MODE = 0o755;

/** Files that must stay executable once unzipped (the generated project has none today). */
const isExecutable = (file: string) => file.endsWith('.sh');

/** External attributes of a Unix entry: the st_mode (type and permissions) in the high 16 bits. */
const unixAttrs = (mode: number) => (REGULAR_FILE | mode) * 0x10000;

/** The project slug, as the generator names the project (`pyproject.toml`); the zip is `<slug>.zip`. */
export function projectSlug(design: Design): string {
  const name = design.name.trim() === '' ? 'Fastdraft API' : design.name;
  return kebabCase(name) || 'fastdraft-api';
}

/**
 * The generated project of a design as a zip, plus `design.json`. Deterministic: the same design gives the
 * same bytes (entries sorted by path, fixed timestamps, modes 0644, 0755 for scripts, no folder entries).
 * A design with problems is refused with them, like `generateProject`.
 */
export function projectZip(
  design: Design,
  options: GenerateOptions = {},
  userCode: UserCode = emptyUserCode(),
): ProjectZip {
  const generated = generateProject(design, { ...options, userCode });
  if (!generated.ok) return { ok: false, problems: generated.problems };
  return {
    ok: true,
    bytes: zipProject(design, generated.files, generated.userCode),
    name: `${projectSlug(design)}.zip`,
  };
}

/**
 * The zip of already generated files of `design` (see `projectZip`; the user's files are merged in at their
 * paths), with `USER_CODE_FILE` keeping the stored user code (merge bases, orphaned files), so an import restores
 * design and user code together.
 */
export function zipProject(
  design: Design,
  generatedFiles: Record<string, string>,
  userCode: UserCode = emptyUserCode(),
): Uint8Array<ArrayBuffer> {
  const files: Record<string, string> = {
    ...generatedFiles,
    [DESIGN_FILE]: `${JSON.stringify(design, null, 2)}\n`,
  };
  if (Object.keys(userCode.files).length > 0)
    files[USER_CODE_FILE] = userCodeManifest(userCode, generatedFiles);
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  // Insertion order is the entry order (no path is an integer-like key, which objects would hoist).
  for (const file of Object.keys(files).sort()) {
    entries[file] = [
      encoder.encode(files[file]),
      { mtime: MTIME, os: UNIX, attrs: unixAttrs(isExecutable(file) ? EXECUTABLE_MODE : FILE_MODE) },
    ];
  }
  // fflate allocates a fresh ArrayBuffer (never shared): a valid `BodyInit`.
  return zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
