import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ImportError } from '../types';
import { importValid } from './test-helpers';

/**
 * Real documents broken at random places (keys dropped, values swapped for other types, refs redirected, lists
 * emptied): every import is a valid design without problems or an ImportError, never anything else.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK: Json[] = [
  null,
  0,
  -1,
  1e308,
  '',
  'x',
  true,
  [],
  {},
  { $ref: '#/components/schemas/Nope' },
  { $ref: '#' },
  { type: 'array' },
  { type: ['null'] },
  { enum: [] },
  '{id}',
];

function containers(value: Json, out: Array<{ [key: string]: Json } | Json[]> = []): typeof out {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) containers(v, out);
  }
  return out;
}

function mutate(doc: Json, random: () => number, times: number): void {
  for (let i = 0; i < times; i++) {
    const all = containers(doc);
    const target = all[Math.floor(random() * all.length)];
    if (!target) return;
    const keys = Array.isArray(target) ? target.map((_, k) => k) : Object.keys(target);
    if (keys.length === 0) continue;
    const key = keys[Math.floor(random() * keys.length)] as string & number;
    const junk = JSON.parse(JSON.stringify(JUNK[Math.floor(random() * JUNK.length)])) as Json;
    const r = random();
    if (r < 0.3 && !Array.isArray(target)) delete target[key];
    else if (r < 0.8) (target as Record<string, Json>)[key] = junk;
    else
      (target as Record<string, Json>)[key] = JSON.parse(
        JSON.stringify(all[Math.floor(random() * all.length)] ?? null),
      );
  }
}

describe('importOpenApi: mutated real documents', () => {
  for (const file of ['conduit.yaml', 'swagger-petstore.yaml']) {
    it(`${file}: 300 mutants import into valid designs or fail with an ImportError`, async () => {
      const source = parse(readFileSync(`lib/import/corpus/openapi/${file}`, 'utf8')) as Json;
      const random = rng(file.length * 7919);
      let imported = 0;
      for (let i = 0; i < 300; i++) {
        const doc = JSON.parse(JSON.stringify(source)) as Json;
        mutate(doc, random, 1 + Math.floor(random() * 12));
        try {
          await importValid(JSON.stringify(doc));
          imported++;
        } catch (error) {
          if (!(error instanceof ImportError)) throw new Error(`mutant ${i}: ${String(error)}`);
        }
      }
      expect(imported).toBeGreaterThan(150);
    }, 120_000);
  }
});
