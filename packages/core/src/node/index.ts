import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Mounts a fetch-standard handler (a portal handler, a simulator) on node:http:
 * `createServer(toNodeListener(handler))`, or `app.use(toNodeListener(handler))` in Express.
 */
export function toNodeListener(handler: FetchHandler): RequestListener {
  return (req, res) => {
    handleNodeRequest(handler, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}

/** Adapts one node:http request to a fetch handler (also used to mount @portalkit/server). */
export async function handleNodeRequest(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  host = "127.0.0.1",
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const request = new Request(`http://${req.headers.host ?? host}${req.url ?? "/"}`, {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" || body.length === 0 ? {} : { body }),
  });
  const response = await handler(request);
  if (response.type === "error") {
    req.socket.destroy();
    return;
  }
  const outHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    outHeaders[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outHeaders["set-cookie"] = cookies;
  res.writeHead(response.status, outHeaders);
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  }
  res.end();
}
