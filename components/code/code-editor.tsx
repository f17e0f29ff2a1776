'use client';

import { DiffEditor, Editor, type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useTheme } from '@/components/ui/theme';
import { checkerOf } from './diagnostic-source';
import { languageOf } from './file-language';
import { GENERATED_REASON } from './file-owner';
import type { Diagnostic } from './generation-state';
import { monaco } from './monaco-setup';

type CodeEditor = Parameters<OnMount>[0];

/** Where to put the cursor; `nonce` makes a repeated click on the same line jump again. */
export type RevealTarget = { path: string; line: number; column: number; nonce: number };

export type CodeEditorProps = {
  path: string;
  value: string;
  /** The file in the previous generation (null: it did not exist). */
  original: string | null;
  diff: boolean;
  diagnostics: readonly Diagnostic[];
  reveal: RevealTarget | null;
  /** A user file: typing changes it (`onChange`); generated files stay read only and say why. */
  editable?: boolean;
  onChange?: (value: string) => void;
  /** Why a read-only file cannot be typed into (Monaco shows it on a keystroke). */
  readOnlyReason?: string;
};

const OPTIONS = {
  readOnly: true,
  domReadOnly: true,
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  renderWhitespace: 'none',
  // Read-only editors hide squiggles by default ('editable').
  renderValidationDecorations: 'on',
  fixedOverflowWidgets: true,
} as const;

const EDITABLE = { ...OPTIONS, readOnly: false, domReadOnly: false } as const;

const MARKER_OWNER = 'fastdraft-checks';

function setMarkers(editor: CodeEditor, diagnostics: readonly Diagnostic[]) {
  const model = editor.getModel();
  if (!model) return;
  const lines = model.getLineCount();
  const markers = diagnostics.map((d) => {
    const line = Math.min(Math.max(d.line, 1), lines);
    const column = Math.min(Math.max(d.column, 1), model.getLineMaxColumn(line));
    const word = model.getWordAtPosition({ lineNumber: line, column });
    return {
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      code: d.rule,
      source: checkerOf(d.rule),
      startLineNumber: line,
      startColumn: word?.startColumn ?? column,
      endLineNumber: line,
      endColumn: word?.endColumn ?? model.getLineMaxColumn(line),
    };
  });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}

function revealIn(editor: CodeEditor, target: RevealTarget) {
  const position = { lineNumber: target.line, column: target.column };
  editor.setPosition(position);
  editor.revealPositionInCenter(position);
  editor.focus();
}

/** Monaco view of one file (read only when generated, editable when the user's), or its diff against the previous generation. */
export default function CodeEditorView({
  path,
  value,
  original,
  diff,
  diagnostics,
  reveal,
  editable = false,
  onChange,
  readOnlyReason = GENERATED_REASON,
}: CodeEditorProps) {
  const theme = useTheme() === 'dark' ? 'vs-dark' : 'light';
  const editorRef = useRef<CodeEditor | null>(null);
  const language = languageOf(path);

  // The library swaps the model's value and language in its own (child) effects, before these run;
  // a new value or file means new markers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: value, path and diff are the triggers.
  useEffect(() => {
    if (editorRef.current && !diff) setMarkers(editorRef.current, diagnostics);
  }, [diagnostics, value, path, diff]);

  useEffect(() => {
    if (editorRef.current && reveal && reveal.path === path && !diff) revealIn(editorRef.current, reveal);
  }, [reveal, path, diff]);

  if (diff) {
    return (
      <DiffEditor
        original={original ?? ''}
        modified={value}
        language={language}
        originalModelPath={`previous:///${path}`}
        modifiedModelPath={`current:///${path}`}
        options={{ ...OPTIONS, renderSideBySide: true, originalEditable: false }}
        theme={theme}
        loading="Loading diff…"
      />
    );
  }
  return (
    <Editor
      // One editor per file: a value swapped into a live editor reports a change, which must never reach
      // the file being left (the library's change callback lags a render behind).
      key={path}
      value={value}
      language={language}
      options={editable ? EDITABLE : { ...OPTIONS, readOnlyMessage: { value: readOnlyReason } }}
      onChange={editable && onChange ? (next) => onChange(next ?? '') : undefined}
      theme={theme}
      loading="Loading editor…"
      onMount={(editor) => {
        editorRef.current = editor;
        setMarkers(editor, diagnostics);
        if (reveal && reveal.path === path) revealIn(editor, reveal);
      }}
    />
  );
}
