import { describe, expect, it } from 'vitest';
import { ACCESS_TTL_MS, accessKey, cachedAccess, forgetAccess } from './access-cache';

const ws = '7c4f4c4e-8a52-4d5e-9b5c-1f0e0e3c2a11';

describe('accessKey', () => {
  it('keys on the session cookie (every chunk) and the workspace, not on other cookies', () => {
    const key = accessKey('authjs.session-token=abc; theirs=1', ws);
    expect(key).not.toBeNull();
    expect(key).toBe(accessKey('theirs=2;authjs.session-token=abc', ws));
    expect(key).not.toBe(accessKey('authjs.session-token=abd', ws));
    expect(key).not.toBe(accessKey('authjs.session-token=abc', '00000000-0000-4000-8000-000000000000'));
    const chunked = accessKey('authjs.session-token.0=ab; authjs.session-token.1=c', ws);
    expect(chunked).not.toBeNull();
    expect(chunked).not.toBe(accessKey('authjs.session-token.0=ab', ws));
    expect(accessKey('__Secure-authjs.session-token=abc', ws)).not.toBe(key);
    // The raw token is not kept as the key.
    expect(key).not.toContain('abc');
  });

  it('is null without a session cookie', () => {
    expect(accessKey(null, ws)).toBeNull();
    expect(accessKey('', ws)).toBeNull();
    expect(accessKey('theirs=1; authjs.csrf-token=x; xauthjs.session-token=y', ws)).toBeNull();
  });
});

describe('cachedAccess', () => {
  const counting = (answer: () => boolean) => {
    const decide = async () => {
      decide.calls += 1;
      return answer();
    };
    decide.calls = 0;
    return decide;
  };

  it('remembers a yes for ACCESS_TTL_MS (injected clock), then asks again', async () => {
    forgetAccess();
    let now = 1_000_000;
    const clock = () => now;
    let allowed = true;
    const decide = counting(() => allowed);
    const key = accessKey('authjs.session-token=ttl', ws);
    expect(await cachedAccess(key, decide, clock)).toBe(true);
    now += ACCESS_TTL_MS - 1;
    expect(await cachedAccess(key, decide, clock)).toBe(true);
    expect(decide.calls).toBe(1);
    // Access was taken away elsewhere (no forgetAccess here): seen once the remembered yes is a TTL old.
    allowed = false;
    now += 1;
    expect(await cachedAccess(key, decide, clock)).toBe(false);
    expect(decide.calls).toBe(2);
  });

  it('never remembers a no, nor anything without a key', async () => {
    forgetAccess();
    const no = counting(() => false);
    const key = accessKey('authjs.session-token=no', ws);
    expect(await cachedAccess(key, no)).toBe(false);
    expect(await cachedAccess(key, no)).toBe(false);
    expect(no.calls).toBe(2);
    const yes = counting(() => true);
    await cachedAccess(null, yes);
    await cachedAccess(null, yes);
    expect(yes.calls).toBe(2);
  });

  it('forgetAccess takes effect at once', async () => {
    forgetAccess();
    const yes = counting(() => true);
    const key = accessKey('authjs.session-token=forget', ws);
    await cachedAccess(key, yes);
    await cachedAccess(key, yes);
    expect(yes.calls).toBe(1);
    forgetAccess();
    await cachedAccess(key, yes);
    expect(yes.calls).toBe(2);
  });

  it('does not remember a yes decided while a revocation happened (it may have read the old state)', async () => {
    forgetAccess();
    const key = accessKey('authjs.session-token=race', ws);
    const racing = counting(() => {
      forgetAccess();
      return true;
    });
    expect(await cachedAccess(key, racing)).toBe(true);
    const after = counting(() => false);
    expect(await cachedAccess(key, after)).toBe(false);
    expect(after.calls).toBe(1);
  });
});
