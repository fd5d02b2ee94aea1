import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { declaresMoreThan, PortalError, readBounded, responseTooLarge } from "../src/index";

const tooLarge = () => new RangeError("too large");

/** A web stream of `count` chunks of `size` bytes that records how many were pulled and whether it was cancelled. */
function countingStream(count: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === count) return controller.close();
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(seen.pulled));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe("readBounded", () => {
  it("reads a web stream under the limit whole, in order", async () => {
    const { stream } = countingStream(3, 4);
    const bytes = await readBounded(stream, 12, tooLarge);
    expect([...bytes]).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
  });

  it("stops pulling a web stream past the limit and cancels it", async () => {
    const { stream, seen } = countingStream(1_000, 4);
    await expect(readBounded(stream, 10, tooLarge)).rejects.toThrow(RangeError);
    expect(seen.pulled).toBeLessThan(10);
    expect(seen.cancelled).toBe(true);
  });

  it("destroys a Node stream past the limit", async () => {
    let produced = 0;
    const source = new Readable({
      read() {
        produced += 1;
        this.push(produced > 1_000 ? null : Buffer.alloc(4, produced));
      },
    });
    await expect(readBounded(source, 10, tooLarge)).rejects.toThrow(RangeError);
    expect(source.destroyed).toBe(true);
    expect(produced).toBeLessThan(1_000);
  });

  it("reads a Node stream under the limit whole, in order", async () => {
    const source = Readable.from([Buffer.from([1, 1]), Buffer.from([2]), Buffer.from([3, 3, 3])], {
      objectMode: false,
    });
    const bytes = await readBounded(source, 6, tooLarge);
    expect([...bytes]).toEqual([1, 1, 2, 3, 3, 3]);
  });

  it("reads an empty Node stream as no bytes", async () => {
    const source = new Readable({
      read() {
        this.push(null);
      },
    });
    expect((await readBounded(source, 10, tooLarge)).byteLength).toBe(0);
  });

  it("reads a paused Node stream whole too", async () => {
    const source = Readable.from([Buffer.from([7]), Buffer.from([8])], { objectMode: false });
    source.pause();
    expect([...(await readBounded(source, 10, tooLarge))]).toEqual([7, 8]);
  });

  it("rejects with a Node stream's own error, and when it closes before its end", async () => {
    const failing = new Readable({
      read() {
        this.destroy(new TypeError("reset"));
      },
    });
    await expect(readBounded(failing, 10, tooLarge)).rejects.toThrow(TypeError);
    let pushed = false;
    const cut = new Readable({
      read() {
        if (pushed) return;
        pushed = true;
        this.push(Buffer.from([1]));
        setImmediate(() => this.destroy());
      },
    });
    await expect(readBounded(cut, 10, tooLarge)).rejects.toMatchObject({ code: "ERR_STREAM_PREMATURE_CLOSE" });
  });

  it("rejects with the stream's own error", async () => {
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError("reset"));
      },
    });
    await expect(readBounded(source, 10, tooLarge)).rejects.toThrow(TypeError);
  });

  it("reads an empty stream as no bytes", async () => {
    const { stream } = countingStream(0, 4);
    expect((await readBounded(stream, 10, tooLarge)).byteLength).toBe(0);
  });
});

describe("declaresMoreThan", () => {
  it("is true only for a Content-Length over the limit", () => {
    expect(declaresMoreThan("11", 10)).toBe(true);
    expect(declaresMoreThan("10", 10)).toBe(false);
    expect(declaresMoreThan(null, 10)).toBe(false);
    expect(declaresMoreThan(undefined, 10)).toBe(false);
    expect(declaresMoreThan("", 10)).toBe(false);
  });
});

describe("responseTooLarge", () => {
  it("is an unavailable PortalError, not retried, that names the limit", () => {
    const error = responseTooLarge("acme", 1024);
    expect(PortalError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "unavailable", retryable: false, provider: "acme" });
    expect(error.message).toContain("1024-byte limit");
  });
});
