import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Availability } from './availability';
import { PreviewManager } from './manager';

const yes: Availability = {
  ok: true,
  runtime: { python: '/usr/bin/python3', readOnly: [], description: 'test' },
};
const no: Availability = { ok: false, missing: ['bubblewrap'], howTo: 'Install it.' };

/** A manager whose availability check is answered by hand: `answer` settles the check in progress. */
function managerWith() {
  let calls = 0;
  let answer: (value: Availability) => void = () => {};
  const manager = new PreviewManager({
    previewsDir: path.join(os.tmpdir(), 'fastdraft-availability-test'),
    availability: () => {
      calls++;
      return new Promise<Availability>((resolve) => {
        answer = resolve;
      });
    },
  });
  return { manager, calls: () => calls, answer: (value: Availability) => answer(value) };
}

afterEach(() => vi.useRealTimers());

describe('preview availability', () => {
  it('checks once for callers at the same time, then answers a yes at once and re-checks it in the background', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { manager, calls, answer } = managerWith();
    const first = [manager.availability(), manager.availability()];
    expect(calls()).toBe(1);
    answer(yes);
    expect(await Promise.all(first)).toEqual([yes, yes]);
    expect(await manager.availability()).toEqual(yes);
    expect(calls()).toBe(1);
    // A minute later the yes is still answered at once while a new check runs (it never finishes here).
    vi.setSystemTime(Date.now() + 61_000);
    expect(await manager.availability()).toEqual(yes);
    expect(await manager.availability()).toEqual(yes);
    expect(calls()).toBe(2);
    // The check's answer replaces the cached one.
    answer(no);
    await vi.waitFor(async () => expect(await manager.availability()).toEqual(no));
  });

  it('keeps a no for a few seconds only, and the caller waits for the check after that', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { manager, calls, answer } = managerWith();
    const first = manager.availability();
    answer(no);
    expect(await first).toEqual(no);
    vi.setSystemTime(Date.now() + 4_000);
    expect(await manager.availability()).toEqual(no);
    expect(calls()).toBe(1);
    vi.setSystemTime(Date.now() + 2_000);
    const again = manager.availability();
    expect(calls()).toBe(2);
    answer(yes);
    expect(await again).toEqual(yes);
  });
});
