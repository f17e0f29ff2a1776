'use client';

import { type ReactNode, useRef, useState } from 'react';

/**
 * A button that opens a modal dialog; the dialog's content mounts only while it is open, so it loads fresh
 * each time. `children` receives a function that closes the dialog.
 */
export function DialogButton({
  label,
  title,
  className,
  labelledBy,
  children,
}: {
  label: string;
  /** The button's tooltip, when its short label needs saying more. */
  title?: string;
  className: string;
  labelledBy: string;
  children: (close: () => void) => ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        title={title}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className={className} aria-labelledby={labelledBy} onClose={() => setOpen(false)}>
        {open && children(() => dialog.current?.close())}
      </dialog>
    </>
  );
}
