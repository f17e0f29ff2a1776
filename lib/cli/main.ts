import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Design, loadDesign, TEMPLATE_NAMES, templates } from '@/lib/design';
import { projectZip } from '@/lib/export/zip';
import { checkProject, type Diagnostic, generateProject } from '@/lib/generator';
import { ImportCliError, importCommand } from './import';

const USAGE = `Usage:
  fastdraft generate (DESIGN.json | --template NAME) --out DIR      write the generated FastAPI project and
                                                                    check it (ruff, syntax, OpenAPI): exit 1
                                                                    when a check reports an error
  fastdraft export (DESIGN.json | --template NAME) --out FILE.zip   write the project as a zip (with design.json)
  fastdraft import FILE [--format F] [--out DESIGN.json]           read SQL DDL (postgresql, mysql, sqlite) or
                                                                    OpenAPI 3.x into a design (format detected
                                                                    when not given); the report on stderr, exit 1
                                                                    with the position when the file does not read
  fastdraft template NAME                                           print a template's design JSON
  fastdraft templates                                               list the templates`;

class CliError extends Error {}

/** `app/main.py:12:5 F821 error: Undefined name ...`, relative to the output folder (clickable in terminals). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.rule} ${d.severity}: ${d.message}`;
}

async function readDesign(file: string | undefined, template: string | undefined): Promise<Design> {
  if (template !== undefined) {
    if (!(TEMPLATE_NAMES as readonly string[]).includes(template)) {
      throw new CliError(`Unknown template "${template}". Templates: ${TEMPLATE_NAMES.join(', ')}.`);
    }
    return templates[template as keyof typeof templates]();
  }
  if (!file) throw new CliError('Give a design file or --template NAME.');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new CliError(`Cannot read ${file}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const loaded = loadDesign(json);
  if (!loaded.ok) {
    const lines = loaded.issues.slice(0, 10).map((i) => `  ${i.path || '(root)'}: ${i.message}`);
    throw new CliError(`${file} is not a valid design:\n${lines.join('\n')}`);
  }
  return loaded.design;
}

async function generate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { template: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.out) throw new CliError('Missing --out DIR.');
  const design = await readDesign(positionals[0], values.template);
  const result = generateProject(design);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new CliError(
      `The design has ${result.problems.length} problem(s); nothing was written:\n${lines.join('\n')}`,
    );
  }
  const out = path.resolve(values.out);
  for (const [file, contents] of Object.entries(result.files)) {
    const target = path.join(out, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, contents);
  }
  console.log(`Wrote ${Object.keys(result.files).length} files to ${out}`);
  // The files stay written either way: findings point into them.
  const findings = await checkProject(result.files);
  for (const d of findings) console.error(formatDiagnostic(d));
  const errors = findings.filter((d) => d.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) console.log('Checks passed: ruff, syntax, OpenAPI.');
  else console.error(`Checks: ${errors} error(s), ${warnings} warning(s).`);
  return errors > 0 ? 1 : 0;
}

async function exportZip(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { template: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.out) throw new CliError('Missing --out FILE.zip.');
  const design = await readDesign(positionals[0], values.template);
  const result = projectZip(design);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new CliError(
      `The design has ${result.problems.length} problem(s); nothing was written:\n${lines.join('\n')}`,
    );
  }
  const out = path.resolve(values.out);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, result.bytes);
  console.log(`Wrote ${out} (${result.bytes.byteLength} bytes)`);
}

/** Runs the CLI; returns the exit code (0 ok, 1 bad input or a check error in the project, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return await generate(rest);
      case 'export':
        await exportZip(rest);
        return 0;
      case 'template': {
        const name = rest[0];
        if (!name) throw new CliError('Missing template NAME.');
        const design = await readDesign(undefined, name);
        console.log(JSON.stringify(design, null, 2));
        return 0;
      }
      case 'import':
        return await importCommand(rest);
      case 'templates':
        for (const name of TEMPLATE_NAMES) console.log(name);
        return 0;
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (error) {
    if (
      error instanceof CliError ||
      error instanceof ImportCliError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`fastdraft: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}
