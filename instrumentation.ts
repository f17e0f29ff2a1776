/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Route handlers cannot see the socket's address otherwise (lib/auth/client-address.ts).
    const { recordPeerAddresses } = await import('./lib/auth/peer-address');
    recordPeerAddresses();
    // A preview's reads whose access was just checked go to its app before Next.js's router does anything.
    const { installPreviewFastPath } = await import('./lib/runner/preview/fast-path');
    installPreviewFastPath();
    // A production server opens its database and warms its workers as it starts, not on a person's first
    // request (`next dev` compiles routes on demand anyway; `next build` must open nothing). Not awaited:
    // the server listens meanwhile, and a request that needs the database waits only for what is left of
    // the open (lib/db/client.ts shares the one handle). FASTDRAFT_WARM_UP=0 turns it off.
    const serving =
      process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build';
    if (serving && process.env.FASTDRAFT_WARM_UP !== '0') {
      const { warmUp } = await import('./lib/warm-up');
      void warmUp();
    }
  }
}
