/**
 * The seccomp program, run by a small classic-BPF interpreter on both architectures' tables (the sandbox test runs
 * the real filter on this machine's kernel).
 */
import { describe, expect, it } from 'vitest';
import { ARCHES, CLONE_NAMESPACE_FLAGS, seccompProgram } from './seccomp';

const ALLOW = 0x7fff0000;
const EPERM = 0x00050001;
const ENOSYS = 0x00050026;

/** Runs the filter on `{ nr, arch, args[0] }` as the kernel would (only the instructions the filter uses). */
function decide(program: Buffer, data: { nr: number; arch: number; arg0?: number }): number {
  const word = (offset: number) =>
    offset === 0
      ? data.nr >>> 0
      : offset === 4
        ? data.arch >>> 0
        : offset === 16
          ? (data.arg0 ?? 0) >>> 0
          : 0;
  let acc = 0;
  for (let pc = 0; pc < program.length / 8; ) {
    const code = program.readUInt16LE(pc * 8);
    const jt = program.readUInt8(pc * 8 + 2);
    const jf = program.readUInt8(pc * 8 + 3);
    const k = program.readUInt32LE(pc * 8 + 4);
    if (code === 0x20) {
      acc = word(k);
      pc += 1;
    } else if (code === 0x15) pc += 1 + (acc === k ? jt : jf);
    else if (code === 0x35) pc += 1 + (acc >= k ? jt : jf);
    else if (code === 0x45) pc += 1 + ((acc & k) !== 0 ? jt : jf);
    else if (code === 0x06) return k;
    else throw new Error(`unexpected instruction ${code.toString(16)}`);
  }
  throw new Error('fell off the end');
}

describe.each(Object.entries(ARCHES))('seccomp filter on %s', (name, arch) => {
  const program = seccompProgram(name) as Buffer;

  it('denies every listed syscall with EPERM and allows the rest', () => {
    for (const [call, nr] of Object.entries(arch.denied))
      expect(decide(program, { nr, arch: arch.audit }), call).toBe(EPERM);
    const denied = new Set(Object.values(arch.denied));
    for (let nr = 0; nr < 450; nr++) {
      if (denied.has(nr) || nr === arch.clone || nr === arch.clone3) continue;
      expect(decide(program, { nr, arch: arch.audit }), String(nr)).toBe(ALLOW);
    }
  });

  it('answers ENOSYS to clone3 and EPERM to clone with namespace flags', () => {
    expect(decide(program, { nr: arch.clone3, arch: arch.audit })).toBe(ENOSYS);
    // A thread (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD ...) and a fork are fine.
    expect(decide(program, { nr: arch.clone, arch: arch.audit, arg0: 0x003d0f00 })).toBe(ALLOW);
    expect(decide(program, { nr: arch.clone, arch: arch.audit, arg0: 0x11 })).toBe(ALLOW);
    for (let bit = 0; bit < 32; bit++) {
      const flag = 2 ** bit;
      if (!(CLONE_NAMESPACE_FLAGS & flag)) continue;
      expect(
        decide(program, { nr: arch.clone, arch: arch.audit, arg0: flag | 0x11 }),
        flag.toString(16),
      ).toBe(EPERM);
    }
  });

  it('denies other ABIs (x32 numbers, another arch value)', () => {
    if (arch.x32) expect(decide(program, { nr: 0x40000000 | 39, arch: arch.audit })).toBe(EPERM);
    for (const other of [0x40000003 /* i386 */, 0x40000028 /* arm */, 0xdeadbeef])
      expect(decide(program, { nr: 39, arch: other })).toBe(EPERM);
  });
});

it('has no filter for an architecture without a table', () => {
  expect(seccompProgram('riscv64')).toBeNull();
});
