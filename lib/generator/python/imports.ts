/**
 * Collects a module's imports and renders them in ruff's isort order (sections stdlib / third-party /
 * first-party, `import x` before `from x import y`, members ordered constants, classes, then the rest).
 * A name that would be shadowed by something the module defines (a field called `func`, say) is imported
 * under an alias instead, so user-chosen names never break generated code.
 */

const STDLIB = new Set([
  '__future__',
  'asyncio',
  'collections',
  'contextlib',
  'datetime',
  'decimal',
  'enum',
  'functools',
  'itertools',
  'logging',
  'os',
  'pathlib',
  're',
  'subprocess',
  'sys',
  'tempfile',
  'time',
  'urllib',
  'typing',
  'uuid',
]);
export const FIRST_PARTY = ['app', 'tests'] as const;

type Section = 0 | 1 | 2 | 3;

function sectionOf(module: string): Section {
  const root = module.split('.')[0] ?? module;
  if (root === '__future__') return 0;
  if (STDLIB.has(root)) return 1;
  if ((FIRST_PARTY as readonly string[]).includes(root)) return 3;
  return 2;
}

type Chunk = { text: string; number: number | null };

/**
 * What ordering a name needs, worked out once per name (sorting compares the same few names over and over):
 * ruff's `order-by-type` rank and the digit and non-digit runs of its lowercase form.
 */
type SortKey = { rank: number; chunks: Chunk[] };

const keyCache = new Map<string, SortKey>();

function keyOf(name: string): SortKey {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = { rank: memberRank(name), chunks: chunksOf(name.toLowerCase()) };
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

/** ruff's `order-by-type`: CONSTANT (len > 1), then CamelCase, then lowercase; case-insensitive inside. */
function memberRank(name: string): number {
  if (name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name)) return 0;
  if (/^[A-Z]/.test(name)) return 1;
  return 2;
}

export function compareMembers(a: string, b: string): number {
  const rank = keyOf(a).rank - keyOf(b).rank;
  if (rank !== 0) return rank;
  return compareText(a, b);
}

/** ruff's natural, case-insensitive order: `entity2` before `entity10`; case breaks ties. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const natural = compareNatural(keyOf(a).chunks, keyOf(b).chunks);
  if (natural !== 0) return natural;
  return a < b ? -1 : 1;
}

function chunksOf(s: string): Chunk[] {
  return (s.match(/\d+|\D+/g) ?? []).map((text) => ({
    text,
    number: /^\d/.test(text) ? Number(text) : null,
  }));
}

function compareNatural(ca: Chunk[], cb: Chunk[]): number {
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] as Chunk;
    const y = cb[i] as Chunk;
    if (x.text === y.text) continue;
    if (x.number !== null && y.number !== null && x.number !== y.number) return x.number < y.number ? -1 : 1;
    return x.text < y.text ? -1 : 1;
  }
  return ca.length - cb.length;
}

export class Imports {
  private readonly fromImports = new Map<string, Map<string, string>>();
  private readonly plainImports = new Map<string, string>();
  private readonly taken: Set<string>;

  /** `taken`: names the module itself defines or uses as attributes in class bodies. */
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  /**
   * `from module import name` (or `name as alias` when `name` is taken, or `as` the wanted local name);
   * returns the local name.
   */
  from(module: string, name: string, as?: string): string {
    let members = this.fromImports.get(module);
    if (!members) {
      members = new Map();
      this.fromImports.set(module, members);
    }
    const existing = members.get(name);
    if (existing !== undefined) return existing;
    const local = this.localName(as ?? name);
    members.set(name, local);
    return local;
  }

  /** `import module` (or `import module as alias`); returns the local name. */
  module(module: string, alias?: string): string {
    const existing = this.plainImports.get(module);
    if (existing !== undefined) return existing;
    const wanted = alias ?? module;
    const local = module.includes('.') && alias === undefined ? module : this.localName(wanted);
    this.plainImports.set(module, local);
    return local;
  }

  private localName(name: string): string {
    let local = name;
    while (this.taken.has(local)) local = `${local}_`;
    this.taken.add(local);
    return local;
  }

  render(): string {
    const blocks: string[][] = [[], [], [], []];
    const plain = [...this.plainImports].sort(([a], [b]) => compareText(a, b));
    for (const [module, local] of plain) {
      const line = local === module ? `import ${module}` : `import ${module} as ${local}`;
      blocks[sectionOf(module)]?.push(line);
    }
    const froms = [...this.fromImports].sort(([a], [b]) => compareText(a, b));
    for (const [module, members] of froms) {
      const entries = [...members].sort(([a], [b]) => compareMembers(a, b));
      const direct = entries.filter(([name, local]) => name === local).map(([name]) => name);
      const aliased = entries.filter(([name, local]) => name !== local);
      const lines: string[] = [];
      if (direct.length > 0) lines.push(`from ${module} import ${direct.join(', ')}`);
      for (const [name, local] of aliased) lines.push(`from ${module} import ${name} as ${local}`);
      blocks[sectionOf(module)]?.push(...lines);
    }
    return blocks
      .filter((b) => b.length > 0)
      .map((b) => b.join('\n'))
      .join('\n\n');
  }
}
