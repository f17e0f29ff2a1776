'use client';

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { tomlConfiguration, tomlLanguage } from './toml-language';

// Monaco comes from our own bundle, never from a CDN; its workers too.
self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'json'
      ? new Worker(new URL('./json.worker.ts', import.meta.url), { type: 'module' })
      : new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' }),
};
loader.config({ monaco });

if (!monaco.languages.getLanguages().some((l) => l.id === 'toml')) {
  monaco.languages.register({ id: 'toml', extensions: ['.toml'] });
  monaco.languages.setMonarchTokensProvider('toml', tomlLanguage);
  monaco.languages.setLanguageConfiguration('toml', tomlConfiguration);
}

export { monaco };
