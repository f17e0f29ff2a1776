import { describe, expect, it } from 'vitest';
import { safeCallback } from './callback';

describe('safeCallback', () => {
  it('keeps paths on this site and refuses everything else', () => {
    expect(safeCallback('/s/abc')).toBe('/s/abc');
    expect(safeCallback('/w/1?x=1')).toBe('/w/1?x=1');
    for (const bad of [
      undefined,
      null,
      '',
      'https://evil.test',
      '//evil.test',
      '/\\evil.test',
      'javascript:1',
    ]) {
      expect(safeCallback(bad)).toBe('/dashboard');
    }
  });
});
