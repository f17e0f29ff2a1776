'use client';

import { useEffect, useState } from 'react';
import { readPreference, setPreference, type ThemePreference } from './theme';

/** System / Light / Dark, remembered in this browser (see THEME_SCRIPT for how it is applied on load). */
export function ThemeToggle() {
  // The stored choice is only known in the browser: render "system" on the server, then the real value.
  const [preference, setState] = useState<ThemePreference>('system');
  useEffect(() => setState(readPreference()), []);
  return (
    <select
      className="theme-toggle"
      aria-label="Theme"
      value={preference}
      onChange={(event) => {
        const next = event.target.value as ThemePreference;
        setState(next);
        setPreference(next);
      }}
    >
      <option value="system">System theme</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  );
}
