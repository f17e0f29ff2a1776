/**
 * Copied boxes go to the system clipboard (navigator.clipboard) and to an in-memory copy of this tab. The
 * memory copy is pasted when the clipboard could not be written (no permission, insecure page) or offers no
 * text; it lives as long as the page, so it also serves another workspace opened in the same tab.
 */
let memory: { text: string; systemFailed: boolean } | null = null;

export function writeCopiedText(text: string): void {
  memory = { text, systemFailed: false };
  const remembered = memory;
  const failed = () => {
    remembered.systemFailed = true;
  };
  try {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard?.writeText) clipboard.writeText(text).catch(failed);
    else failed();
  } catch {
    failed();
  }
}

/** What a paste should read: the pasted text, unless only the memory copy holds what the person copied. */
export function textToPaste(pasted: string | null | undefined): string | null {
  if (memory && (memory.systemFailed || !pasted)) return memory.text;
  return pasted ?? null;
}
