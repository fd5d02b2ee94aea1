import { PortalError } from "./errors";

/** The default limit of a vendor response body an adapter reads: 8 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** A byte stream: a web stream (a fetch body) or a Node stream (an IncomingMessage). */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** True when a Content-Length header declares more than `maxBytes`. */
export function declaresMoreThan(contentLength: string | null | undefined, maxBytes: number): boolean {
  if (contentLength === null || contentLength === undefined || contentLength === "") return false;
  return Number(contentLength) > maxBytes;
}

/**
 * Reads a byte stream whole, counting bytes as they arrive. Past `maxBytes` reading stops
 * (a web stream is cancelled; a Node stream is destroyed by leaving its iteration, which
 * closes its socket) and the call rejects with `tooLarge()`. A stream that errors rejects
 * with its own error.
 */
export async function readBounded(source: ByteSource, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (isWebStream(source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The error of a vendor response body over its limit. Not retryable: a vendor that answers
 * too much answers the same again.
 */
export function responseTooLarge(provider: string, maxBytes: number): PortalError {
  return new PortalError({
    code: "unavailable",
    provider,
    retryable: false,
    message: `The ${provider} API answered a body over the ${maxBytes}-byte limit`,
  });
}

function isWebStream(source: ByteSource): source is ReadableStream<Uint8Array> {
  return typeof (source as { getReader?: unknown }).getReader === "function";
}
