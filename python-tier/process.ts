/** Runs a toolchain command in its own process group, with a timeout that stops the whole group. */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Command } from '@/lib/runner/toolchain';

export type Ran = { code: number | null; output: string; timedOut: boolean; ms: number };

/**
 * Environment for the project's processes: no inherited database URLs (the tier's TEST_DATABASE_URL is an
 * admin URL, never a project's), no inherited ENVIRONMENT or SECRET_KEY, no colours, unbuffered output.
 */
export function projectEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' };
  // Some tools take FORCE_COLOR=<anything> as "colour on".
  delete env.FORCE_COLOR;
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.ENVIRONMENT;
  delete env.SECRET_KEY;
  delete env.VIRTUAL_ENV;
  delete env.PYTHONPATH;
  return { ...env, ...extra };
}

export function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function start(
  command: Command,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string } {
  const child = spawn(command.cmd, command.args, {
    cwd: command.cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  return { child, output: () => text };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
export const stripAnsi = (text: string) => text.replace(ANSI, '');

/** Runs to completion (stdout and stderr interleaved as they come). */
export function run(command: Command, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    const { child, output } = start(command, env);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: `${output()}\n${error.message}`, timedOut, ms: Date.now() - started });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: timedOut ? null : code,
        output: stripAnsi(output()),
        timedOut,
        ms: Date.now() - started,
      });
    });
  });
}
