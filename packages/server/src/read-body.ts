import { PortalError } from "@portalkit/core";

/** The default limit of a portal route's JSON body: 64 KiB. */
export const DEFAULT_MAX_JSON_BYTES = 64 * 1024;

const tooLargeErrors = new WeakSet<PortalError>();

/** The error a body past its limit rejects with; answered 413. */
export function bodyTooLarge(provider: string): PortalError {
  const error = new PortalError({ code: "invalid_request", provider, message: "The request body is too large" });
  tooLargeErrors.add(error);
  return error;
}

/** True for the error of a body past its limit. */
export function isBodyTooLarge(error: unknown): boolean {
  return PortalError.isInstance(error) && tooLargeErrors.has(error);
}

/**
 * Reads a request body, counting bytes as they arrive: past `maxBytes` reading stops (the
 * stream is cancelled) and the call rejects with a PortalError answered 413. A declared
 * Content-Length over the limit is refused before anything is read.
 */
export async function readBodyBytes(request: Request, maxBytes: number, provider: string): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw bodyTooLarge(provider);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw bodyTooLarge(provider);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (PortalError.isInstance(error)) throw error;
    // A stream that errors while read: the Node listener's own limit, or a client gone.
    if (error instanceof RangeError) throw bodyTooLarge(provider);
    throw new PortalError({
      code: "invalid_request",
      provider,
      message: "The request body could not be read",
      cause: error,
    });
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads a body as UTF-8 text, bounded while read (see readBodyBytes). */
export async function readBodyText(request: Request, maxBytes: number, provider: string): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes, provider));
}
