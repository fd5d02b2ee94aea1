import type { InvoiceStatus } from "@portalkit/core";
import { invoiceSeries, type World } from "@portalkit/core/testing";

export type Vendor = "chargebee" | "stripe" | "paddle";
const ALL_VENDORS: readonly Vendor[] = ["chargebee", "stripe", "paddle"];
/** Every vendor, or those `BENCH_VENDORS` names (`BENCH_VENDORS=paddle npm run bench`). */
export const VENDORS: readonly Vendor[] = process.env.BENCH_VENDORS
  ? ALL_VENDORS.filter((vendor) => process.env.BENCH_VENDORS?.split(",").includes(vendor))
  : ALL_VENDORS;
/** The most invoices each vendor lists in one page: a walk of N takes ceil(N / size) requests. */
export const PAGE_SIZE: Record<Vendor, number> = { chargebee: 100, stripe: 100, paddle: 30 };

/** Credentials every bench process agrees on: the simulators are local, the keys guard nothing. */
export const CHARGEBEE_SITE = "portalkit-bench";
export const CHARGEBEE_API_KEY = "test_portalkit_bench_key";
export const STRIPE_SECRET_KEY = "sk_test_portalkitbench0000000000";
export const PADDLE_API_KEY = "pdl_sdbx_apikey_portalkitbench0000000000";
export const RETURN_URL = "https://app.example/account";

const PAID: () => InvoiceStatus = () => "paid";

/** One customer with `count` invoices, newest first, one day apart. */
export function customerWorld(customerId: string, count: number): World {
  return {
    customers: [{ id: customerId, email: `${customerId}@example.com`, firstName: "Bench" }],
    subscriptions: [],
    invoices: invoiceSeries({
      customerId,
      count,
      status: PAID,
      currency: "USD",
      // 100 000 one-day steps reach back ~270 years; keep them after 1970.
      newest: "2300-01-01T00:00:00Z",
    }),
  };
}
