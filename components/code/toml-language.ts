import type * as Monaco from 'monaco-editor';

/** Monaco ships no TOML grammar: a small Monarch one for pyproject.toml (tables, keys, strings, numbers). */
export const tomlLanguage: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      [/^\s*\[\[?[^\]]*\]\]?/, 'metatag'],
      [/[A-Za-z0-9_.-]+(?=\s*=)/, 'key'],
      [/"""/, 'string', '@multiString'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'[^']*'/, 'string'],
      [/\b(true|false)\b/, 'keyword'],
      [/[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?/, 'number'],
      [/[=,[\]{}]/, 'delimiter'],
    ],
    multiString: [
      [/"""/, 'string', '@pop'],
      [/./, 'string'],
    ],
  },
};

export const tomlConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['[', ']'],
    ['{', '}'],
  ],
  autoClosingPairs: [
    { open: '[', close: ']' },
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
};
