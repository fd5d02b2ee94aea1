import { request } from "node:http";
import { connect } from "node:net";

export interface StreamResult {
  /** The status the server answered, if it answered before the connection closed. */
  status?: number;
  body: string;
  /** Body bytes the client managed to hand to the socket. */
  sent: number;
  /** The highest resident set size of this process seen while streaming. */
  peakRss: number;
}

/**
 * POSTs `total` bytes, chunked, generated from one reused 64 KiB buffer (never held in
 * memory), and stops sending as soon as the server answers or closes the connection.
 */
export function streamBody(
  origin: string,
  path: string,
  total: number,
  headers: Record<string, string> = {},
): Promise<StreamResult> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  const result: StreamResult = { body: "", sent: 0, peakRss: process.memoryUsage().rss };
  return new Promise((resolve) => {
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      result.peakRss = Math.max(result.peakRss, process.memoryUsage().rss);
      resolve(result);
    };
    const url = new URL(path, origin);
    const req = request(url, { method: "POST", headers: { "transfer-encoding": "chunked", ...headers } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      result.status = res.statusCode;
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        result.body += text;
      });
      res.on("end", done);
      res.on("error", done);
    });
    req.on("error", done);
    req.on("close", () => {
      if (!answered) done();
    });
    const pump = () => {
      while (!answered && !finished && !req.destroyed && result.sent < total) {
        result.peakRss = Math.max(result.peakRss, process.memoryUsage().rss);
        const ok = req.write(chunk);
        result.sent += chunk.length;
        if (!ok) {
          req.once("drain", pump);
          return;
        }
      }
      if (result.sent >= total && !req.destroyed) req.end();
    };
    pump();
  });
}

/**
 * Sends `bytes` of a body at `everyMs` intervals, one small piece at a time (a slow client),
 * and resolves with the status the server answered, or undefined when it closed first.
 */
export function tricklingBody(
  origin: string,
  path: string,
  pieces: number,
  pieceBytes: number,
  headers: Record<string, string> = {},
): Promise<{ status?: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(new URL(path, origin), {
      method: "POST",
      headers: { "transfer-encoding": "chunked", ...headers },
    });
    let answer: { status?: number; body: string } = { body: "" };
    let sent = 0;
    const timer = setInterval(() => {
      if (req.destroyed || sent >= pieces) {
        clearInterval(timer);
        if (!req.destroyed) req.end();
        return;
      }
      req.write(Buffer.alloc(pieceBytes, " "));
      sent += 1;
    }, 1);
    req.on("response", (res) => {
      clearInterval(timer);
      answer = { status: res.statusCode, body: "" };
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        answer.body += text;
      });
      res.on("end", () => resolve(answer));
    });
    req.on("error", () => {
      clearInterval(timer);
      resolve(answer);
    });
  });
}

/** Sends raw bytes on a TCP connection and resolves with what came back before it closed. */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (data: string) => {
      received += data;
      // One answer is enough: the probes do not pipeline.
      if (/\r\n\r\n/.test(received)) {
        const length = /content-length: (\d+)/i.exec(received)?.[1];
        const bodyStart = received.indexOf("\r\n\r\n") + 4;
        if (length !== undefined && received.length - bodyStart >= Number(length)) socket.end();
      }
    });
    socket.on("end", () => resolve(received));
    socket.on("error", () => resolve(received));
    socket.on("close", () => resolve(received));
    socket.write(text);
  });
}

/** Status line and body of a raw HTTP answer. */
export function parseRaw(answer: string): { status: number; headers: string; body: string } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
  const split = answer.indexOf("\r\n\r\n");
  return { status, headers: answer.slice(0, split), body: split === -1 ? "" : answer.slice(split + 4) };
}
