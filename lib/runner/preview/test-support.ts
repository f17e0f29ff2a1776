/**
 * For the sandbox and runner tests: the runtime, or why these tests are skipped here. In CI (`CI` set) a missing
 * toolchain or bubblewrap fails instead of skipping.
 */
import { type Availability, checkAvailability, unavailableMessage } from './availability';

export async function sandboxAvailability(): Promise<Availability> {
  const available = await checkAvailability();
  if (!available.ok && process.env.CI) throw new Error(unavailableMessage(available));
  return available;
}

export function skipNote(available: Availability): string {
  return available.ok ? '' : ` (skipped: ${unavailableMessage(available)})`;
}
