/** The Monaco language id that highlights a generated file (`plaintext` when none fits). */
export function languageOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'Dockerfile' || name.endsWith('.dockerfile')) return 'dockerfile';
  if (name.startsWith('.env')) return 'ini';
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return LANGUAGES[ext] ?? 'plaintext';
}

const LANGUAGES: Record<string, string> = {
  py: 'python',
  mako: 'python',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  md: 'markdown',
  json: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  sql: 'sql',
  txt: 'plaintext',
};
