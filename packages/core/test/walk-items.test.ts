import { describe, expect, it } from "vitest";
import {
  allInvoices,
  allSubscriptions,
  type Invoice,
  invoicePages,
  type Page,
  PortalError,
  type Subscription,
} from "../src/index";
import { invoice } from "./fake-provider";

/** A provider of `total` invoices, `size` a page, whose pages wait for `release()` when held. */
function pagedInvoices(total: number, size = 100) {
  const all = Array.from({ length: total }, (_, i) => invoice(`in_${i}`, "c1", i));
  const requests: Array<string | undefined> = [];
  let gate: Promise<void> | undefined;
  let release: () => void = () => undefined;
  return {
    requests,
    hold() {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
    provider: {
      id: "paged",
      async listInvoices(input: { cursor?: string; limit?: number }): Promise<Page<Invoice>> {
        requests.push(input.cursor);
        if (gate) await gate;
        const start = input.cursor === undefined ? 0 : Number(input.cursor);
        const data = all.slice(start, start + size);
        return start + size < total ? { data, nextCursor: String(start + size) } : { data };
      },
    },
  };
}

describe("walking items", () => {
  it("throw() ends the walk with the error given and requests nothing more", async () => {
    const paged = pagedInvoices(250);
    const walk = allInvoices(paged.provider, { customerId: "c1" });
    expect((await walk.next()).value?.id).toBe("in_0");
    const reason = new Error("the caller gave up");
    await expect(walk.throw(reason)).rejects.toBe(reason);
    expect(await walk.next()).toEqual({ value: undefined, done: true });
    expect(paged.requests).toEqual([undefined]);
  });

  it("return() answers done, waits for the value given, and stops a walk with items in hand", async () => {
    const paged = pagedInvoices(50);
    const walk = allInvoices(paged.provider, { customerId: "c1" });
    await walk.next();
    let awaited = false;
    const value = new Promise<void>((resolve) =>
      setTimeout(() => {
        awaited = true;
        resolve();
      }, 5),
    );
    expect(await walk.return(value)).toEqual({ value: undefined, done: true });
    expect(awaited).toBe(true);
    expect(await walk.next()).toEqual({ value: undefined, done: true });
  });

  it("is disposed with `await using`: Symbol.asyncDispose stops requesting", async () => {
    const dispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
    expect(dispose, "the runtime has Symbol.asyncDispose").toBeTypeOf("symbol");
    const paged = pagedInvoices(250);
    const walk = allInvoices(paged.provider, { customerId: "c1" });
    await walk.next();
    const disposer = (walk as unknown as Record<symbol, () => Promise<unknown>>)[dispose as symbol];
    expect(await disposer?.call(walk)).toBeUndefined();
    expect(await walk.next()).toEqual({ value: undefined, done: true });
    expect(paged.requests).toEqual([undefined]);
  });

  it("a next() made while a page is on its way waits for it, in order, with no second request", async () => {
    const paged = pagedInvoices(3, 2);
    paged.hold();
    const walk = allInvoices(paged.provider, { customerId: "c1" });
    const first = walk.next();
    const second = walk.next();
    const third = walk.next();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(paged.requests).toEqual([undefined]);
    paged.release();
    expect([(await first).value?.id, (await second).value?.id]).toEqual(["in_0", "in_1"]);
    expect((await third).value?.id).toBe("in_2");
    expect(await walk.next()).toEqual({ value: undefined, done: true });
    expect(paged.requests).toEqual([undefined, "2"]);
  });

  it("return() made while a page is on its way ends the walk once the page came, with nothing handed out", async () => {
    const paged = pagedInvoices(10, 2);
    paged.hold();
    const walk = allInvoices(paged.provider, { customerId: "c1" });
    const first = walk.next();
    const ended = walk.return(undefined);
    const after = walk.next();
    paged.release();
    expect((await first).value?.id).toBe("in_0");
    expect(await ended).toEqual({ value: undefined, done: true });
    expect(await after).toEqual({ value: undefined, done: true });
    expect(paged.requests).toEqual([undefined]);
  });

  it("names the provider, or portalkit, in the repeated-cursor error, which is not retryable", async () => {
    const subscription: Subscription = {
      id: "sub_1",
      provider: "p",
      customerId: "c1",
      status: "active",
      items: [],
      raw: {},
    };
    for (const id of ["loop", undefined]) {
      const provider = {
        ...(id === undefined ? {} : { id }),
        listSubscriptions: async () => ({ data: [subscription], nextCursor: "same" }),
      };
      const seen: string[] = [];
      const error = await (async () => {
        for await (const s of allSubscriptions(provider, { customerId: "c1" })) seen.push(s.id);
      })().catch((e: unknown) => e);
      expect(seen).toEqual(["sub_1", "sub_1"]);
      expect(PortalError.isInstance(error) && [error.code, error.provider, error.retryable]).toEqual([
        "unavailable",
        id ?? "portalkit",
        false,
      ]);
      expect((error as Error).message).toMatch(/same cursor again/);
    }
    const bare = await allSubscriptions({}, { customerId: "c1" })
      .next()
      .catch((e: unknown) => e);
    expect(PortalError.isInstance(bare) && [bare.code, bare.provider]).toEqual(["unsupported", "portalkit"]);
  });

  it("passes the caller's filters and limit on, the cursor only after the first page", async () => {
    const inputs: unknown[] = [];
    const provider = {
      async listSubscriptions(input: unknown): Promise<Page<Subscription>> {
        inputs.push(input);
        return inputs.length === 1 ? { data: [], nextCursor: "c_2" } : { data: [] };
      },
    };
    for await (const _ of allSubscriptions(provider, { customerId: "c1", status: ["active"], limit: 7 })) void _;
    expect(inputs).toStrictEqual([
      { customerId: "c1", status: ["active"], limit: 7 },
      { customerId: "c1", status: ["active"], limit: 7, cursor: "c_2" },
    ]);
  });

  it("invoicePages asks with no cursor key at first, then the last page's cursor", async () => {
    const inputs: unknown[] = [];
    const provider = {
      async listInvoices(input: unknown): Promise<Page<Invoice>> {
        inputs.push(input);
        return inputs.length === 1 ? { data: [], nextCursor: "c_2" } : { data: [] };
      },
    };
    for await (const _ of invoicePages(provider, { customerId: "c1" })) void _;
    expect(inputs).toStrictEqual([
      { limit: 100, customerId: "c1" },
      { limit: 100, customerId: "c1", cursor: "c_2" },
    ]);
  });

  it("a next() made right after return(), with items still in hand, is done", async () => {
    const paged = pagedInvoices(50);
    const walk = allInvoices(paged.provider, { customerId: "c1" });
    await walk.next();
    const ended = walk.return(undefined);
    const after = walk.next();
    expect(await ended).toEqual({ value: undefined, done: true });
    expect(await after).toEqual({ value: undefined, done: true });
    const thrown = allInvoices(paged.provider, { customerId: "c1" });
    await thrown.next();
    const failed = thrown.throw(new Error("stop"));
    const next = thrown.next();
    await expect(failed).rejects.toThrow("stop");
    expect(await next).toEqual({ value: undefined, done: true });
  });

  it("says why a provider without listSubscriptions cannot be walked", async () => {
    const error = await allSubscriptions({ id: "bare" }, { customerId: "c1" })
      .next()
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe("This provider cannot list subscriptions");
  });
});
