// The walk's shortcuts against what they stand in for: the snake_case transaction query
// against the camelCase one the SDK takes (the same URL is fetched), and the cursors the
// adapter remembers against core's encodeCursor/decodeCursor (the same answers and errors).
import type { TransactionStatus } from "@paddle/paddle-node-sdk";
import { decodeCursor, encodeCursor } from "@portalkit/core";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPaddleClient } from "../src/client";
import { issueCursor, readCursor } from "../src/issued-cursors";
import { transactionQuery } from "../src/transaction-query";

const RUNS = process.env.CI === "true" ? 2_000 : 300;

const STATUSES: TransactionStatus[] = ["draft", "ready", "billed", "paid", "completed", "canceled", "past_due"];

/** The URL the SDK fetches for a `transactions.list` query's first page. */
async function fetchedUrl(query: Parameters<ReturnType<typeof createPaddleClient>["transactions"]["list"]>[0]) {
  const urls: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    urls.push(url);
    return Response.json({ data: [], meta: { pagination: { per_page: 30, next: "", has_more: false } } });
  });
  await createPaddleClient({ apiKey: "pdl_test_key", environment: "http://127.0.0.1:9" })
    .transactions.list(query)
    .next();
  expect(urls).toHaveLength(1);
  return urls[0];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("transactionQuery", () => {
  it("makes the SDK fetch the URL of the camelCase query it stands in for", async () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[a-z]{3}_[0-9a-z]{1,26}$/), fc.string({ unit: "grapheme" }));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.integer({ min: 1, max: 30 }),
        fc.option(text, { nil: undefined }),
        fc.option(fc.subarray(STATUSES), { nil: undefined }),
        fc.option(text, { nil: undefined }),
        async (customerId, perPage, after, status, subscriptionId) => {
          // The query listInvoices built before, key by key.
          const camel = {
            customerId: [customerId],
            perPage,
            ...(after !== undefined ? { after } : {}),
            ...(status !== undefined ? { status } : {}),
            ...(subscriptionId !== undefined ? { subscriptionId: [subscriptionId] } : {}),
          };
          const snake = transactionQuery({ customerId, perPage, after, status, subscriptionId });
          expect(await fetchedUrl(snake)).toBe(await fetchedUrl(camel));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("writes Paddle's parameter names", async () => {
    const url = await fetchedUrl(
      transactionQuery({
        customerId: "ctm_1",
        perPage: 30,
        after: "txn_9",
        status: ["billed", "past_due"],
        subscriptionId: "sub_2",
      }),
    );
    expect(url).toBe(
      "http://127.0.0.1:9/transactions?customer_id=ctm_1&per_page=30&after=txn_9&status=billed%2Cpast_due&subscription_id=sub_2",
    );
  });
});

/** What a call answers: its value, or the error's code, field and message. */
function outcome(read: () => string): unknown {
  try {
    return { value: read() };
  } catch (error) {
    const { code, field, message, provider } = error as Record<string, unknown>;
    return { code, field, message, provider };
  }
}

describe("issued cursors", () => {
  // Any UTF-16 code unit, lone surrogates included.
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
  const id = fc.oneof(
    fc.constantFrom("paddle", "paddle-eu", "ctm_a", "ctm_b"),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: codeUnit }),
  );

  it("issue the cursors encodeCursor writes", () => {
    fc.assert(
      fc.property(id, id, id, (provider, customerId, position) => {
        expect(issueCursor(provider, customerId, position)).toBe(encodeCursor(provider, customerId, position));
      }),
      { numRuns: RUNS },
    );
  });

  it("read every cursor as decodeCursor does, for its own provider and customer or another's", () => {
    fc.assert(
      fc.property(
        id,
        id,
        id,
        id,
        id,
        fc.boolean(),
        (provider, customerId, position, askProvider, askCustomer, same) => {
          const cursor = issueCursor(provider, customerId, position);
          const asker = same ? { provider, customerId } : { provider: askProvider, customerId: askCustomer };
          expect(outcome(() => readCursor(asker.provider, asker.customerId, cursor))).toEqual(
            outcome(() => decodeCursor(asker.provider, asker.customerId, cursor)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("read cursors they never issued, and any other text, as decodeCursor does", () => {
    const text = fc.oneof(
      fc.string(),
      fc.base64String(),
      fc.tuple(id, id, id).map(([p, c, v]) => encodeCursor(p, c, v)),
      fc.tuple(id, id, id).map(([p, c, v]) => `${encodeCursor(p, c, v)}A`),
    );
    fc.assert(
      fc.property(id, id, text, (provider, customerId, cursor) => {
        expect(outcome(() => readCursor(provider, customerId, cursor))).toEqual(
          outcome(() => decodeCursor(provider, customerId, cursor)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("still read a cursor once it has been forgotten", () => {
    const first = issueCursor("paddle", "ctm_old", "txn_first");
    for (let i = 0; i < 1_000; i++) issueCursor("paddle", "ctm_many", `txn_${i}`);
    expect(readCursor("paddle", "ctm_old", first)).toBe("txn_first");
    expect(outcome(() => readCursor("paddle", "ctm_other", first))).toEqual(
      outcome(() => decodeCursor("paddle", "ctm_other", first)),
    );
  });
});
