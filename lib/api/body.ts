import { ApiError } from './errors';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const tooLarge = (limit: number) =>
  new ApiError('payload_too_large', `The request body is larger than ${limit / 1024 / 1024} MB.`);

/**
 * The body as UTF-8 text, read chunk by chunk and abandoned as soon as it passes `limit` bytes: a chunked or
 * lying `Content-Length` body never costs more than the limit in memory. Invalid UTF-8 is refused, not replaced.
 */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid UTF-8.');
  }
}
