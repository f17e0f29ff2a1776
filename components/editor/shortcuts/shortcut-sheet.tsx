'use client';

import { Fragment } from 'react';
import { ModalDialog } from './modal-dialog';
import { SHORTCUT_GROUPS } from './shortcut-list';

/** The `?` sheet: every shortcut of the editor (Cmd stands in for Ctrl on a Mac). */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog label="Keyboard shortcuts" className="shortcut-sheet" onClose={onClose}>
      <header className="dialog-header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <p className="hint">On a Mac, use Cmd where this says Ctrl.</p>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.shortcuts.map((shortcut) => (
              <Fragment key={`${shortcut.keys.join('+')}:${shortcut.action}`}>
                <dt>
                  {shortcut.keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 && ' + '}
                      <kbd>{key}</kbd>
                    </Fragment>
                  ))}
                </dt>
                <dd>{shortcut.action}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </ModalDialog>
  );
}
