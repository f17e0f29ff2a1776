/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Route handlers cannot see the socket's address otherwise (lib/auth/client-address.ts).
    const { recordPeerAddresses } = await import('./lib/auth/peer-address');
    recordPeerAddresses();
  }
}
