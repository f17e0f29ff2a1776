'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A native modal `<dialog>` (focus stays inside, Escape closes, the page behind is inert), opened on mount.
 * Clicking the backdrop closes it too.
 */
export function ModalDialog({
  label,
  className,
  onClose,
  children,
}: {
  label: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // No close() on cleanup: its close event would arrive after a re-mount (Strict Mode) and shut it again;
    // a dialog removed from the page leaves the top layer anyway.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes it natively (the cancel event)
    <dialog
      ref={ref}
      aria-label={label}
      className={`modal-dialog ${className ?? ''}`}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself, outside its box.
        const box = ref.current?.getBoundingClientRect();
        const outside =
          box &&
          (event.clientX < box.left ||
            event.clientX > box.right ||
            event.clientY < box.top ||
            event.clientY > box.bottom);
        if (event.target === ref.current && outside) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
