/** Stopping a child started with `detached: true`, together with everything in its process group. */
import type { ChildProcess } from 'node:child_process';

/** Sends a signal to the child's whole process group; a group that is already gone is not an error. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* gone */
  }
}

/** Asks the group to stop with `signal`, SIGKILLs it after `graceMs`, and resolves once the child has exited. */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs = 5000): Promise<void> {
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  signalGroup(child, signal);
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
