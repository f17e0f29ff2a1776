'use client';

import { createContext, useContext } from 'react';

/** Opens the Code view on a file (from the canvas: "Write the handler"); null outside an editor. */
export const CodeNavigationContext = createContext<((path: string) => void) | null>(null);

export const useOpenInCode = () => useContext(CodeNavigationContext);
