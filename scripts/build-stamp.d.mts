/** Types of build-stamp.mjs (plain JavaScript: `npm start` runs it before any TypeScript tooling). */
export declare const BUILD_INPUTS: string[];
export declare const STAMP_FILE: string;
export declare function buildStamp(root: string): string;
export declare function buildIsCurrent(distDir: string, stamp: string): boolean;
