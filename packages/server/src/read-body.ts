import { declaresMoreThan, PortalError, readBounded } from "@portalkit/core";

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
  if (declaresMoreThan(request.headers.get("content-length"), maxBytes)) throw bodyTooLarge(provider);
  if (!request.body) return new Uint8Array(0);
  try {
    return await readBounded(request.body, maxBytes, () => bodyTooLarge(provider));
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
  }
}

/** Reads a body as UTF-8 text, bounded while read (see readBodyBytes). */
export async function readBodyText(request: Request, maxBytes: number, provider: string): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes, provider));
}
