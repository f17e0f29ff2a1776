/** Every keyboard shortcut of the design editor, as the shortcut sheet (`?`) and the README list them. */
export type Shortcut = { keys: string[]; action: string };
export type ShortcutGroup = { title: string; shortcuts: Shortcut[] };

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Find and view',
    shortcuts: [
      { keys: ['Ctrl', 'K'], action: 'Search entities, fields, enums, relations and endpoints' },
      { keys: ['Ctrl', 'F'], action: 'Search (while the canvas has focus)' },
      { keys: ['Ctrl', '+'], action: 'Zoom in' },
      { keys: ['Ctrl', '-'], action: 'Zoom out' },
      { keys: ['Ctrl', '0'], action: 'Fit the whole design in view' },
      { keys: ['?'], action: 'Show this list of shortcuts' },
    ],
  },
  {
    title: 'Select and move',
    shortcuts: [
      { keys: ['Shift', 'drag'], action: 'Select the boxes inside a rectangle' },
      { keys: ['Ctrl', 'click'], action: 'Add a box to the selection, or take it out' },
      { keys: ['Arrow keys'], action: 'Nudge the selected boxes one grid step' },
      { keys: ['Shift', 'Arrow keys'], action: 'Nudge the selected boxes ten grid steps' },
      { keys: ['Esc'], action: 'Clear the selection' },
    ],
  },
  {
    title: 'Edit',
    shortcuts: [
      {
        keys: ['Ctrl', 'C'],
        action: 'Copy the selected boxes (with their enums and the relations among them)',
      },
      { keys: ['Ctrl', 'V'], action: 'Paste copied boxes, here or in another workspace' },
      { keys: ['Ctrl', 'D'], action: 'Duplicate the selected entity' },
      { keys: ['Delete'], action: 'Delete the selection' },
      { keys: ['Ctrl', 'Z'], action: 'Undo (also after reloading the tab)' },
      { keys: ['Ctrl', 'Shift', 'Z'], action: 'Redo' },
      { keys: ['Ctrl', 'Y'], action: 'Redo' },
    ],
  },
];
