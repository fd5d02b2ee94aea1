// The walk's shortcut against what it stands in for: the snake_case transaction query
// against the camelCase one the SDK takes (the same URL is fetched).
import type { TransactionStatus } from "@paddle/paddle-node-sdk";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPaddleClient } from "../src/client";
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
