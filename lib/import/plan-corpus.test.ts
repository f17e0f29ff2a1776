import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyOperations,
  type Design,
  DesignSchema,
  TEMPLATE_NAMES,
  templates,
  validateDesign,
} from '@/lib/design';
import { detectFormat, importSource } from './index';
import { layoutImport } from './layout';
import { planImport } from './plan';

/**
 * Every corpus file (real schemas and documents, lib/import/corpus/) through the whole import: detected, read,
 * laid out, planned into a new workspace and merged into every template. The result always passes the schema and
 * adds no validation problem.
 */
const corpus = path.join(import.meta.dirname, 'corpus');
const files = ['sql', 'openapi'].flatMap((kind) => {
  const dir = path.join(corpus, kind);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /\.(sql|json|ya?ml)$/.test(f))
        .map((f) => path.join(kind, f))
    : [];
});

const problems = (design: Design) => validateDesign(design).map((p) => `${p.code} ${p.path}: ${p.message}`);

describe.each(files)('%s', (file) => {
  const text = fs.readFileSync(path.join(corpus, file), 'utf8');

  it('is detected as what it is', () => {
    const expected = file.startsWith('openapi/')
      ? 'openapi'
      : /mysql|mariadb/.test(file)
        ? 'mysql'
        : /sqlite/.test(file)
          ? 'sqlite'
          : 'postgresql';
    expect(detectFormat(text)).toBe(expected);
  });

  it('plans into a new workspace and into every template without new problems', async () => {
    const { design: imported } = await importSource({ text });
    const positions = await layoutImport(imported);
    for (const name of ['blank', ...TEMPLATE_NAMES] as const) {
      const target = templates[name]();
      const mode = name === 'blank' ? 'new' : 'merge';
      const plan = planImport(imported, target, mode, positions);
      const after = DesignSchema.parse(applyOperations(target, plan.operations));
      expect(problems(after), `${mode} into ${name}`).toEqual(problems(target));
      expect(after.entities.length).toBe(target.entities.length + imported.entities.length);
    }
  }, 120_000);
});
