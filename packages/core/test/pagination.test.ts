import { describe, expect, it } from "vitest";
import {
  allInvoices,
  decodeCursor,
  encodeCursor,
  type Invoice,
  invoicePages,
  type ListInvoicesInput,
  type Page,
  PortalError,
} from "../src/index";

function fakeProvider(total: number) {
  const calls: ListInvoicesInput[] = [];
  const invoices: Invoice[] = Array.from({ length: total }, (_, i) => ({
    id: `in_${i}`,
    provider: "fake",
    customerId: "c1",
    status: "paid",
    total: { amount: i, currency: "USD" },
    amountDue: { amount: 0, currency: "USD" },
    amountPaid: { amount: i, currency: "USD" },
    issuedAt: new Date(Date.UTC(2026, 0, 1) - i * 1000).toISOString(),
    raw: {},
  }));
  return {
    calls,
    async listInvoices(input: ListInvoicesInput): Promise<Page<Invoice>> {
      calls.push(input);
      const start = input.cursor ? Number(decodeCursor("fake", input.customerId, input.cursor)) : 0;
      const end = start + (input.limit ?? 100);
      const page: Page<Invoice> = { data: invoices.slice(start, end) };
      if (end < invoices.length) page.nextCursor = encodeCursor("fake", input.customerId, String(end));
      return page;
    },
  };
}

describe("allInvoices", () => {
  it.each([0, 1, 100, 101, 250])("walks %i invoices in ceil(N/100) requests, each once", async (n) => {
    const provider = fakeProvider(n);
    const seen: string[] = [];
    for await (const invoice of allInvoices(provider, { customerId: "c1" })) seen.push(invoice.id);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(provider.calls).toHaveLength(Math.max(1, Math.ceil(n / 100)));
    expect(provider.calls.every((call) => call.limit === 100)).toBe(true);
  });

  it("stops with a typed error when a provider answers the same cursor again", async () => {
    const stuck = {
      id: "stuck",
      listInvoices: async () => ({ data: [], nextCursor: encodeCursor("stuck", "c1", "same") }),
    };
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const invoice of allInvoices(stuck, { customerId: "c1" })) seen.push(invoice);
    })().catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && [error.code, error.provider]).toEqual(["unavailable", "stuck"]);
  });
});

describe("allInvoices as an iterator", () => {
  it("requests nothing before the first next(), and nothing after return()", async () => {
    const provider = fakeProvider(250);
    const walk = allInvoices(provider, { customerId: "c1" });
    expect(provider.calls).toHaveLength(0);
    expect((await walk.next()).value?.id).toBe("in_0");
    expect(provider.calls).toHaveLength(1);
    expect(await walk.return(undefined)).toEqual({ value: undefined, done: true });
    expect(await walk.next()).toEqual({ value: undefined, done: true });
    expect(provider.calls).toHaveLength(1);
  });

  it("answers next() calls made at once in order, each invoice once", async () => {
    const provider = fakeProvider(205);
    const walk = allInvoices(provider, { customerId: "c1" });
    const results = await Promise.all(Array.from({ length: 210 }, () => walk.next()));
    expect(results.slice(0, 205).map((r) => r.value?.id)).toEqual(Array.from({ length: 205 }, (_, i) => `in_${i}`));
    expect(results.slice(205).every((r) => r.done)).toBe(true);
    expect(provider.calls).toHaveLength(3);
  });

  it("passes a provider's error on and is then done; break stops the walk", async () => {
    let calls = 0;
    const failing = {
      async listInvoices(): Promise<Page<Invoice>> {
        calls++;
        throw new PortalError({ code: "unavailable", provider: "f", message: "down" });
      },
    };
    const walk = allInvoices(failing, { customerId: "c1" });
    await expect(walk.next()).rejects.toMatchObject({ code: "unavailable" });
    expect(await walk.next()).toEqual({ value: undefined, done: true });
    expect(calls).toBe(1);

    const provider = fakeProvider(300);
    for await (const invoice of allInvoices(provider, { customerId: "c1" })) {
      if (invoice.id === "in_150") break;
    }
    expect(provider.calls).toHaveLength(2);
  });

  it("yields the repeating page's invoices before it stops", async () => {
    const provider = fakeProvider(3);
    const repeating = {
      id: "repeating",
      async listInvoices(input: ListInvoicesInput): Promise<Page<Invoice>> {
        const page = await provider.listInvoices({ ...input, cursor: undefined, limit: 3 });
        return { data: page.data, nextCursor: "same" };
      },
    };
    const seen: string[] = [];
    const error = await (async () => {
      for await (const invoice of allInvoices(repeating, { customerId: "c1" })) seen.push(invoice.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["in_0", "in_1", "in_2", "in_0", "in_1", "in_2"]);
    expect(PortalError.isInstance(error) && error.provider).toBe("repeating");
  });
});

describe("cursors", () => {
  it("round-trip and are bound to their provider and customer", () => {
    const cursor = encodeCursor("stripe", "cus_1", "in_42");
    expect(decodeCursor("stripe", "cus_1", cursor)).toBe("in_42");
    for (const [provider, customer, value] of [
      ["stripe", "cus_2", cursor],
      ["chargebee", "cus_1", cursor],
      ["stripe", "cus_1", "not a cursor"],
      ["stripe", "cus_1", "e30"],
    ] as const) {
      try {
        decodeCursor(provider, customer, value);
        expect.unreachable();
      } catch (error) {
        expect(PortalError.isInstance(error) && error.code === "invalid_input" && error.field === "cursor").toBe(true);
      }
    }
  });
});

describe("cursor encoding", () => {
  // The format before Buffer was used, written out: base64url of the JSON envelope, unpadded.
  const portableEncode = (provider: string, customer: string, position: string) => {
    const bytes = new TextEncoder().encode(JSON.stringify({ p: provider, c: customer, v: position }));
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };

  it("writes the same cursors as the portable encoding, non-ASCII and lone surrogates included", () => {
    for (const position of ["", "in_42", "offset[1]=é✓", "\uD800 lone", "😀".repeat(9), "a".repeat(1000)]) {
      expect(encodeCursor("chargebee", "cus_ü", position)).toBe(portableEncode("chargebee", "cus_ü", position));
    }
  });

  it("refuses tampered cursors: bad characters, impossible lengths, bytes that are not UTF-8, a changed customer", () => {
    const cursor = encodeCursor("stripe", "cus_1", "in_42");
    const notUtf8 = btoa(String.fromCharCode(0xff, 0xfe, 0x7b)).replace(/=+$/, "");
    for (const value of [`${cursor}=`, `${cursor}a`, `${cursor.slice(0, -1)}!`, notUtf8, "", "a", "bnVsbA"]) {
      let error: unknown;
      try {
        decodeCursor("stripe", "cus_1", value);
      } catch (caught) {
        error = caught;
      }
      expect(PortalError.isInstance(error) && error.code === "invalid_input" && error.field === "cursor").toBe(true);
    }
    const swapped = encodeCursor("stripe", "cus_2", "in_42");
    expect(() => decodeCursor("stripe", "cus_1", swapped)).toThrow(PortalError);
  });
});

describe("invoicePages", () => {
  it("yields each page once, asking 100 at a time and passing the last page's cursor on", async () => {
    const provider = fakeProvider(250);
    const sizes: number[] = [];
    for await (const page of invoicePages(provider, { customerId: "c1" })) sizes.push(page.data.length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(provider.calls.map((call) => [call.limit, call.cursor === undefined])).toEqual([
      [100, true],
      [100, false],
      [100, false],
    ]);
    expect(provider.calls[2]!.cursor).not.toBe(provider.calls[1]!.cursor);
  });

  it("keeps the caller's limit, and one request answers an empty listing", async () => {
    const provider = fakeProvider(5);
    const sizes: number[] = [];
    for await (const page of invoicePages(provider, { customerId: "c1", limit: 2 })) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);
    const empty = fakeProvider(0);
    for await (const page of invoicePages(empty, { customerId: "c1" })) expect(page.data).toEqual([]);
    expect(empty.calls).toHaveLength(1);
  });

  it("names the provider in a repeated-cursor error, or portalkit when it has no id", async () => {
    const anonymous = { listInvoices: async () => ({ data: [], nextCursor: "same" }) };
    const error = await (async () => {
      for await (const _ of invoicePages(anonymous, { customerId: "c1" })) void _;
    })().catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && [error.provider, error.message.length > 0]).toEqual(["portalkit", true]);
  });
});

describe("cursors refused", () => {
  const raw = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");

  it("refuses a cursor one character longer than a whole one, which Buffer alone would read as the original", () => {
    const whole = ["in_1", "in_12", "in_123", "in_1234"]
      .map((position) => encodeCursor("stripe", "cus_1", position))
      .find((cursor) => cursor.length % 4 === 0);
    expect(whole).toBeDefined();
    expect(() => decodeCursor("stripe", "cus_1", `${whole}A`)).toThrow(
      "Invalid input at cursor: not a cursor this provider issued for this customer",
    );
  });

  it("refuses an envelope whose position is not a string, and one whose text is not UTF-8", () => {
    for (const v of [5, null, ["in_1"], { id: "in_1" }]) {
      const cursor = raw(JSON.stringify({ p: "stripe", c: "cus_1", v }));
      expect(() => decodeCursor("stripe", "cus_1", cursor), JSON.stringify(v)).toThrow(PortalError);
    }
    const prefix = new TextEncoder().encode('{"p":"stripe","c":"cus_1","v":"');
    const bytes = new Uint8Array([...prefix, 0xff, 0x22, 0x7d]);
    expect(() => decodeCursor("stripe", "cus_1", raw(bytes))).toThrow(PortalError);
    expect(decodeCursor("stripe", "cus_1", raw(JSON.stringify({ p: "stripe", c: "cus_1", v: "ok" })))).toBe("ok");
  });
});
