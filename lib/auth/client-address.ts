/**
 * The client's address as the proxy in front reports it: the key failed sign-ins and unknown share tokens are
 * counted under. A client that sets X-Forwarded-For itself can pick its key, so per-account limits stay primary.
 */
export function clientAddress(request: { headers: Headers }): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'local';
}
