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
 * (a web stream is cancelled; a Node stream is destroyed, which closes its socket) and the
 * call rejects with `tooLarge()`. A stream that errors rejects with its own error, and a
 * Node stream that closes before its end rejects too.
 */
export async function readBounded(source: ByteSource, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (isWebStream(source)) return readWebStream(source, maxBytes, tooLarge);
  if (isFreshNodeStream(source)) return readNodeStream(source, maxBytes, tooLarge);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return concat(chunks, size);
}

async function readWebStream(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // Read to its end, the stream is closed: the lock no longer holds anything back.
      if (done) return concat(chunks, size);
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.releaseLock();
    throw error;
  }
}

/** The part of a Node Readable (an IncomingMessage) read here. */
interface NodeReadable extends AsyncIterable<Uint8Array> {
  on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: unknown) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  destroy(): unknown;
  readonly readableEnded: boolean;
  readonly destroyed: boolean;
  readonly readableFlowing: boolean | null;
  readonly readableEncoding?: string | null;
}

/**
 * A Node Readable nobody has read, ended or given an encoding: read with its own events,
 * as stream consumers such as the vendors' SDKs do, which costs far less per response than
 * its async iterator. Any other stream is iterated.
 */
function isFreshNodeStream(source: ByteSource): source is NodeReadable {
  const stream = source as Partial<NodeReadable>;
  return (
    typeof stream.on === "function" &&
    typeof stream.off === "function" &&
    typeof stream.destroy === "function" &&
    stream.readableEnded === false &&
    stream.destroyed === false &&
    stream.readableFlowing === null &&
    !stream.readableEncoding
  );
}

function readNodeStream(stream: NodeReadable, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stop = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    const onData = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        stop();
        // An error listener stays: a destroyed socket may still report its reset.
        stream.on("error", () => undefined);
        stream.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(concat(chunks, size));
    };
    const onError = (error: unknown) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(Object.assign(new Error("The stream closed before its end"), { code: "ERR_STREAM_PREMATURE_CLOSE" }));
    };
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
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
