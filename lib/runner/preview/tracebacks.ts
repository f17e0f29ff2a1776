import { projectPath } from '../python-output';
import { INNER_ROOT } from './sandbox';

/** One frame of a Python traceback; `file` is project-relative when the frame is the project's own code. */
export type TracebackFrame = {
  file: string;
  line: number;
  function: string;
  inProject: boolean;
  code?: string;
};
export type Traceback = {
  /** The last line: `ValueError: bad slug`. */
  exception: string;
  frames: TracebackFrame[];
  /** The frame to open first: the innermost one in the project (a user handler, most often). */
  focus: TracebackFrame | null;
};

/** Where the project sits inside the sandbox (`cwd` of every preview process). */
const PROJECT_DIR = `${INNER_ROOT}/app`;
const FRAME = /^\s*File "([^"]+)", line (\d+), in (.+)$/;
const MAX_TRACEBACKS = 5;
const MAX_FRAMES = 60;

/**
 * The last tracebacks in a preview's server output (uvicorn logs each unhandled exception with its traceback),
 * newest last. Only paths inside the project are shown as paths; the rest keep their module file name, since the
 * interpreter's paths mean nothing to the person reading them. Pure: the output is untrusted text, so every
 * line is matched by a linear pattern and counts are bounded.
 */
export function parseTracebacks(output: string): Traceback[] {
  const lines = output.split('\n');
  const found: Traceback[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith('Traceback (most recent call last):')) continue;
    const frames: TracebackFrame[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const frame = FRAME.exec(line);
      if (frame) {
        if (frames.length < MAX_FRAMES) frames.push(frameOf(frame[1] ?? '', frame[2] ?? '0', frame[3] ?? ''));
        continue;
      }
      if (/^\s/.test(line)) {
        const last = frames.at(-1);
        const code = line.trim();
        // The source line under a frame (and Python 3.11+'s `^^^^` markers, which are dropped).
        if (last && last.code === undefined && code && !/^[~^]+$/.test(code)) last.code = code.slice(0, 200);
        continue;
      }
      break;
    }
    const exception = (lines[j] ?? '').trim().slice(0, 500);
    if (frames.length > 0 && exception) {
      const focus = [...frames].reverse().find((f) => f.inProject) ?? null;
      found.push({ exception, frames, focus });
    }
    i = j;
  }
  return found.slice(-MAX_TRACEBACKS);
}

function frameOf(path: string, line: string, fn: string): TracebackFrame {
  const relative = path.startsWith('/') ? projectPath(path, PROJECT_DIR) : null;
  const inProject = relative !== null && !path.includes('/.venv/') && !path.includes('/site-packages/');
  const file = inProject ? relative : path.split('/').slice(-2).join('/');
  return { file, line: Number(line), function: fn.trim().slice(0, 200), inProject };
}
