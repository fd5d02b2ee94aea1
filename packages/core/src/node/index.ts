import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface NodeListenerOptions {
  /**
   * The most request body bytes read, counted while reading. Past it the answer is 413, the
   * body is no longer passed on, and the connection closes once the client has had a second
   * to read the answer (what it still sends meanwhile is dropped). Default 1 MiB.
   */
  maxBodyBytes?: number;
}

/** The default request body limit of `toNodeListener`: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

// Methods that fetch's Request refuses (and that no portal route serves).
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
// A Host header: a DNS name, an IPv4 address or a bracketed IPv6 address, and an optional port.
// Underscores are not DNS, but container and compose service names use them.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?::\d{1,5})?$/;
// How long a client that sent too much gets to read the 413 before the socket is closed,
// and how much more of its body is read (and dropped) meanwhile.
const CLOSE_GRACE_MS = 1_000;
const CLOSE_GRACE_BYTES = 16 * 1024 * 1024;

/**
 * Mounts a fetch-standard handler (a portal handler, a simulator) on node:http:
 * `createServer(toNodeListener(handler))`, or `app.use(toNodeListener(handler))` in Express.
 * The body is streamed into the Request and bounded while it is read (`maxBodyBytes`).
 */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): RequestListener {
  return (req, res) => {
    handleNodeRequest(handler, req, res, "127.0.0.1", options).catch(() => {
      if (!res.headersSent) plain(res, 500, "Internal server error");
      else res.destroy();
    });
  };
}

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(`${message}\n`);
}

/**
 * Closes the connection once the answer is out, without keeping the rest of the body. Until
 * it closes, what the client still sends is read and dropped (a lingering close): a socket
 * closed with unread bytes in its buffer sends a reset, which can destroy the answer before
 * the client has read it. The client gets CLOSE_GRACE_MS, or CLOSE_GRACE_BYTES, whichever
 * runs out first. Call it before the answer is written.
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  // node:http destroys a `Connection: close` socket as soon as the answer is flushed; with
  // the body still arriving, that is the reset above. Only the write side is ended here.
  const destroySoon = socket.destroySoon;
  socket.destroySoon = () => (req.complete ? destroySoon.call(socket) : socket.end());
  res.once("finish", () => {
    if (req.complete) return;
    let dropped = 0;
    const close = () => socket.destroy();
    setTimeout(close, CLOSE_GRACE_MS).unref();
    // A body read through its async iterator holds a "readable" listener, under which
    // "data" never flows.
    req.removeAllListeners("readable");
    req.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > CLOSE_GRACE_BYTES) close();
    });
    req.resume();
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  closeAfterAnswer(req, res);
  if (!res.headersSent) plain(res, 413, "The request body is too large", { connection: "close" });
  else res.destroy();
}

/**
 * The Node request body as a web stream that errors, and stops reading, past `limit` bytes.
 * Reading is pulled by the handler, so a body nobody reads is never buffered.
 */
function boundedBody(req: IncomingMessage, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  const iterator = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) {
        controller.close();
        return;
      }
      received += value.length;
      if (received > limit) {
        onTooLarge();
        controller.error(new RangeError("The request body is too large"));
        return;
      }
      controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    cancel() {
      req.pause();
    },
  });
}

/** Adapts one node:http request to a fetch handler (also used to mount @portalkit/server). */
export async function handleNodeRequest(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  host = "127.0.0.1",
  options: NodeListenerOptions = {},
): Promise<void> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const method = (req.method ?? "GET").toUpperCase();
  const target = req.url ?? "/";
  const hostHeader = req.headers.host ?? host;
  if (FORBIDDEN_METHODS.has(method)) {
    closeAfterAnswer(req, res);
    plain(res, 405, `Method ${method} is not allowed`, { allow: "GET, HEAD, POST" });
    return;
  }
  if (!target.startsWith("/")) {
    // Absolute-form (`GET http://other.example/ HTTP/1.1`) is for proxies; this is not one.
    closeAfterAnswer(req, res);
    plain(res, 400, "The request target must be a path");
    return;
  }
  if (!HOST.test(hostHeader)) {
    closeAfterAnswer(req, res);
    plain(res, 400, "The Host header is not valid");
    return;
  }
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    tooLarge(req, res);
    return;
  }
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}${target}`);
  } catch {
    closeAfterAnswer(req, res);
    plain(res, 400, "The request target is not valid");
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  let exceeded = false;
  const hasBody =
    method !== "GET" &&
    method !== "HEAD" &&
    (req.headers["transfer-encoding"] !== undefined || (declared !== undefined && Number(declared) > 0));
  let request: Request;
  try {
    request = new Request(url, {
      method,
      headers,
      ...(hasBody
        ? {
            body: boundedBody(req, limit, () => {
              exceeded = true;
            }),
            duplex: "half",
          }
        : {}),
    } as RequestInit);
  } catch {
    closeAfterAnswer(req, res);
    plain(res, 400, "The request is not valid");
    return;
  }
  let response: Response;
  try {
    response = await handler(request);
  } catch (error) {
    if (exceeded) return tooLarge(req, res);
    throw error;
  }
  // A handler that read past the limit answers whatever it made of the error: the client
  // gets the 413 instead.
  if (exceeded) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge(req, res);
  }
  if (response.type === "error") {
    req.socket.destroy();
    return;
  }
  closeAfterAnswer(req, res);
  const outHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    outHeaders[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outHeaders["set-cookie"] = cookies;
  res.writeHead(response.status, outHeaders);
  if (response.body && method !== "HEAD") {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } else {
    await response.body?.cancel().catch(() => undefined);
  }
  res.end();
}
