/** The most bytes a form post may hold: the address form is the largest, well under 1 KiB. */
export const MAX_FORM_BYTES = 16 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/**
 * Reads a form post, counting bytes while they arrive: past `maxBytes` reading stops and
 * the call rejects with BodyTooLargeError (answered 413). `request.formData()` would read
 * the whole body first, whatever its size.
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new BodyTooLargeError();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new BodyTooLargeError();
        }
        chunks.push(value);
      }
    } catch (error) {
      // The listener's own limit errors the stream: the same answer.
      if (error instanceof RangeError) throw new BodyTooLargeError();
      throw error;
    } finally {
      reader.releaseLock();
    }
  }
  const body = Buffer.concat(chunks);
  const type = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  try {
    return await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    // Not a form (another content type, a broken multipart body): an empty one.
    return new FormData();
  }
}
