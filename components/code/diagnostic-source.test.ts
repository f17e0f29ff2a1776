import { describe, expect, it } from 'vitest';
import { checkerOf } from './diagnostic-source';

describe('checkerOf', () => {
  it.each([
    ['F401', 'ruff'],
    ['UP006', 'ruff'],
    ['format', 'ruff'],
    ['invalid-syntax', 'ruff'],
    ['parse-error', 'tree-sitter'],
    ['parse-missing', 'tree-sitter'],
    ['openapi', 'openapi'],
    ['json', 'json'],
  ])('%s comes from %s', (rule, checker) => {
    expect(checkerOf(rule)).toBe(checker);
  });
});
