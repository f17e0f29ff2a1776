/**
 * The seccomp filter of the preview sandbox, as the classic-BPF program `bwrap --seccomp FD` loads
 * (an array of `struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }`, native little-endian).
 *
 * Everything is allowed except what a web app never needs and a sandbox escape or a host attack does: mounting,
 * namespaces (unshare, setns, clone with CLONE_NEW* flags), tracing other processes, kernel modules and kexec,
 * eBPF, perf, the kernel keyring, swap, reboot, userfaultfd and file handles. Those answer EPERM. `clone3` answers
 * ENOSYS: its flags are in memory a filter cannot read, and glibc then falls back to `clone`, whose flags it can.
 * Syscalls of another ABI (x32 on x86-64, i386 or arm32 compat) answer EPERM, so the table cannot be sidestepped.
 */

const BPF_LD_W_ABS = 0x20;
const BPF_JMP_JEQ_K = 0x15;
const BPF_JMP_JGE_K = 0x35;
const BPF_JMP_JSET_K = 0x45;
const BPF_RET_K = 0x06;

const SECCOMP_RET_ALLOW = 0x7fff0000;
const SECCOMP_RET_ERRNO = 0x00050000;
const EPERM = 1;
const ENOSYS = 38;

/** Offsets in `struct seccomp_data { int nr; u32 arch; u64 ip; u64 args[6]; }`. */
const NR = 0;
const ARCH = 4;
/** The low 32 bits of args[0] (little-endian), where clone's flags are. */
const ARG0_LOW = 16;

const X32_SYSCALL_BIT = 0x40000000;
/** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET | NEWTIME. */
export const CLONE_NAMESPACE_FLAGS =
  0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x00000080;

type Arch = {
  audit: number;
  /** Whether the x32 ABI shares this arch value (x86-64): its numbers carry X32_SYSCALL_BIT. */
  x32: boolean;
  clone: number;
  clone3: number;
  denied: Record<string, number>;
};

/** The same on every architecture (the new mount API was numbered once for all). */
const COMMON = {
  open_tree: 428,
  move_mount: 429,
  fsopen: 430,
  fsconfig: 431,
  fsmount: 432,
  fspick: 433,
  mount_setattr: 442,
};

export const ARCHES: Record<'x64' | 'arm64', Arch> = {
  x64: {
    audit: 0xc000003e, // AUDIT_ARCH_X86_64
    x32: true,
    clone: 56,
    clone3: 435,
    denied: {
      mount: 165,
      umount2: 166,
      ptrace: 101,
      kexec_load: 246,
      kexec_file_load: 320,
      init_module: 175,
      finit_module: 313,
      delete_module: 176,
      bpf: 321,
      perf_event_open: 298,
      keyctl: 250,
      add_key: 248,
      request_key: 249,
      unshare: 272,
      setns: 308,
      pivot_root: 155,
      chroot: 161,
      swapon: 167,
      swapoff: 168,
      reboot: 169,
      userfaultfd: 323,
      open_by_handle_at: 304,
      name_to_handle_at: 303,
      process_vm_readv: 310,
      process_vm_writev: 311,
      acct: 163,
      quotactl: 179,
      ...COMMON,
    },
  },
  arm64: {
    audit: 0xc00000b7, // AUDIT_ARCH_AARCH64
    x32: false,
    clone: 220,
    clone3: 435,
    denied: {
      mount: 40,
      umount2: 39,
      ptrace: 117,
      kexec_load: 104,
      kexec_file_load: 294,
      init_module: 105,
      finit_module: 273,
      delete_module: 106,
      bpf: 280,
      perf_event_open: 241,
      keyctl: 219,
      add_key: 217,
      request_key: 218,
      unshare: 97,
      setns: 268,
      pivot_root: 41,
      chroot: 51,
      swapon: 224,
      swapoff: 225,
      reboot: 142,
      userfaultfd: 282,
      open_by_handle_at: 265,
      name_to_handle_at: 264,
      process_vm_readv: 270,
      process_vm_writev: 271,
      acct: 89,
      quotactl: 60,
      ...COMMON,
    },
  },
};

type Instruction = [code: number, jt: number, jf: number, k: number];

/** The filter for `arch` (the server's own by default), or null on an architecture we have no table for. */
export function seccompProgram(arch: string = process.arch): Buffer | null {
  const table = ARCHES[arch as keyof typeof ARCHES];
  if (!table) return null;
  const deny = SECCOMP_RET_ERRNO | EPERM;
  const numbers = [...new Set(Object.values(table.denied))].sort((a, b) => a - b);
  // Jump offsets count instructions after the current one; the last three are the returns.
  const body: Instruction[] = [];
  body.push([BPF_LD_W_ABS, 0, 0, ARCH]);
  const code: Instruction[] = [];
  code.push([BPF_LD_W_ABS, 0, 0, NR]);
  if (table.x32) code.push([BPF_JMP_JGE_K, 0xff, 0, X32_SYSCALL_BIT]); // patched below: to DENY
  for (const nr of numbers) code.push([BPF_JMP_JEQ_K, 0xff, 0, nr]); // to DENY
  code.push([BPF_JMP_JEQ_K, 0xfe, 0, table.clone3]); // to NOSYS
  code.push([BPF_JMP_JEQ_K, 0, 2, table.clone]); // not clone: to ALLOW (skip the two below)
  code.push([BPF_LD_W_ABS, 0, 0, ARG0_LOW]);
  code.push([BPF_JMP_JSET_K, 0xff, 0, CLONE_NAMESPACE_FLAGS]); // to DENY
  const returns: Instruction[] = [
    [BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW],
    [BPF_RET_K, 0, 0, deny],
    [BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | ENOSYS],
  ];
  // Another ABI: straight to DENY.
  body.push([BPF_JMP_JEQ_K, 0, code.length + 1, table.audit]);
  const program = [...body, ...code, ...returns];
  const allowAt = body.length + code.length;
  const target = { 255: allowAt + 1, 254: allowAt + 2 } as Record<number, number>;
  program.forEach((ins, i) => {
    const [, jt, jf] = ins;
    const to = (j: number) => (j in target ? (target[j] as number) - i - 1 : j);
    if (ins[0] !== BPF_RET_K && ins[0] !== BPF_LD_W_ABS) {
      ins[1] = to(jt);
      ins[2] = to(jf);
    }
    if (ins[1] > 255 || ins[2] > 255) throw new Error('seccomp program too long for 8-bit jumps');
  });
  const out = Buffer.alloc(program.length * 8);
  program.forEach(([c, jt, jf, k], i) => {
    out.writeUInt16LE(c, i * 8);
    out.writeUInt8(jt, i * 8 + 2);
    out.writeUInt8(jf, i * 8 + 3);
    out.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return out;
}
