'use client';

import { useId, useState } from 'react';
import { NEW_FILE_FOLDERS, type NewFileFolder, newUserFilePath } from './new-user-file';

/** "New file": a folder (custom tests or handlers) and a name; creates the file through `onCreate`. */
export function NewFileForm({
  taken,
  onCreate,
  onCancel,
}: {
  taken: ReadonlySet<string>;
  onCreate: (path: string) => void;
  onCancel: () => void;
}) {
  const [folder, setFolder] = useState<NewFileFolder>('tests/custom/');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="new-file-form"
      aria-label="New file"
      onSubmit={(event) => {
        event.preventDefault();
        const result = newUserFilePath(folder, name, taken);
        if ('problem' in result) return setProblem(result.problem);
        onCreate(result.path);
      }}
    >
      <label htmlFor={`${id}-folder`}>Folder</label>
      <select id={`${id}-folder`} value={folder} onChange={(e) => setFolder(e.target.value as NewFileFolder)}>
        {NEW_FILE_FOLDERS.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>File name</label>
      <input
        id={`${id}-name`}
        value={name}
        placeholder="test_publish.py"
        autoFocus
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      <button type="submit" className="primary">
        Create
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </form>
  );
}
