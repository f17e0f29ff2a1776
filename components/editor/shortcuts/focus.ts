/** Where keyboard focus is, for shortcuts that must leave form fields, the code editor and dialogs alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.monaco-editor') !== null
  );
}

/** Typing, or inside an open dialog (the dialog's own keys win). */
export function keysBelongElsewhere(target: EventTarget | null): boolean {
  return isTyping(target) || (target instanceof Element && target.closest('dialog[open]') !== null);
}
