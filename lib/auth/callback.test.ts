import { describe, expect, it } from 'vitest';
import { callbackReason, safeCallback, withCallback } from './callback';

describe('safeCallback', () => {
  it('keeps paths on this site and refuses everything else', () => {
    expect(safeCallback('/s/abc')).toBe('/s/abc');
    expect(safeCallback('/w/1?x=1')).toBe('/w/1?x=1');
    expect(safeCallback('/w/1#top')).toBe('/w/1#top');
    for (const bad of [
      undefined,
      null,
      '',
      'https://evil.test',
      '//evil.test',
      '/\\evil.test',
      '\\\\evil.test',
      '/\t/evil.test',
      '/\n/evil.test',
      '/ /evil.test',
      ' /evil',
      'javascript:1',
      '/'.padEnd(3000, 'a'),
    ]) {
      expect(safeCallback(bad)).toBe('/dashboard');
    }
    // Whatever passes resolves on this site.
    expect(safeCallback('/%2F%2Fevil.test')).toBe('/%2F%2Fevil.test');
    expect(safeCallback('/a/../..//evil.test')).toBe('/dashboard');
  });

  it('says why sign-in was asked for, and carries the callback to the other page', () => {
    expect(callbackReason('/dashboard')).toBeNull();
    expect(callbackReason('/s/tok')).toBe('Sign in to open the shared workspace.');
    expect(callbackReason('/w/1')).toBe('Sign in to continue.');
    expect(withCallback('/signup', '/s/a b')).toBe('/signup?callbackUrl=%2Fs%2Fa%20b');
    expect(withCallback('/signin', '/dashboard')).toBe('/signin');
  });
});
