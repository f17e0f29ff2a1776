/** Why a generated file is read only, shown beside it and by Monaco on a keystroke (no Monaco import: SSR-safe). */
export const GENERATED_REASON = 'Generated from the design: edit the design or write a handler';
