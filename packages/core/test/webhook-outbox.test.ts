import { describe, expect, it } from "vitest";
import { BillingEventSchema, CAPABILITY_FLAGS, ParseWebhookInputSchema } from "../src/index";
import {
  createSortedCollection,
  createWebhookOutbox,
  ObservedMap,
  observeCollection,
  type SignOptions,
} from "../src/testing/index";

interface Note {
  id: string;
}

function outbox(now = () => 1_000) {
  const received: Array<{ body: string; signature: string | null }> = [];
  const box = createWebhookOutbox<Note>({
    id: (note) => note.id,
    now,
    sign: (note, options: SignOptions) => ({
      body: JSON.stringify(note),
      headers: { "x-signature": `${options.badSignature ? "bad" : "good"}:${options.timestamp}` },
    }),
  });
  box.target = {
    url: "https://hooks.test/endpoint",
    fetch: async (request) => {
      received.push({ body: await request.text(), signature: request.headers.get("x-signature") });
      return new Response(null, { status: 204 });
    },
  };
  const ids = () => received.map((r) => (JSON.parse(r.body) as Note).id);
  return { box, received, ids };
}

describe("the webhook outbox", () => {
  it("delivers each event once, in order, and records the endpoint's answer", async () => {
    const { box, ids } = outbox();
    box.emit({ id: "a" });
    box.emit({ id: "b" });
    await box.settled();
    expect(ids()).toEqual(["a", "b"]);
    expect(box.deliveries.map((d) => [d.eventId, d.status])).toEqual([
      ["a", 204],
      ["b", 204],
    ]);
  });

  it("sends nothing without a target", async () => {
    const { box, ids } = outbox();
    box.target = undefined;
    box.emit({ id: "a" });
    await box.settled();
    expect(ids()).toEqual([]);
  });

  it("injects a duplicate, a reordering, a bad signature and a stale timestamp", async () => {
    const { box, ids, received } = outbox();
    box.inject({ type: "duplicate" });
    box.emit({ id: "a" });
    box.inject({ type: "reorder" });
    box.emit({ id: "b" });
    box.emit({ id: "c" });
    box.inject({ type: "bad-signature" });
    box.emit({ id: "d" });
    box.inject({ type: "stale", seconds: 600 });
    box.emit({ id: "e" });
    await box.settled();
    expect(ids()).toEqual(["a", "a", "c", "b", "d", "e"]);
    expect(received.map((r) => r.signature)).toEqual([
      "good:1000",
      "good:1000",
      "good:1000",
      "good:1000",
      "bad:1000",
      "good:400",
    ]);
  });

  it("a held event with no event after it is delivered when settled", async () => {
    const { box, ids } = outbox();
    box.inject({ type: "reorder" });
    box.emit({ id: "a" });
    await box.settled();
    expect(ids()).toEqual(["a"]);
  });

  it("a delayed event does not hold up the ones after it", async () => {
    const { box, ids } = outbox();
    box.inject({ type: "delay", ms: 30 });
    box.emit({ id: "late" });
    box.emit({ id: "b" });
    await box.settled();
    expect(ids()).toEqual(["b", "late"]);
  });

  it("records an endpoint that cannot be reached as status 0", async () => {
    const box = createWebhookOutbox<Note>({ id: (n) => n.id, sign: (n) => ({ body: n.id, headers: {} }) });
    box.target = { url: "https://hooks.test/x", fetch: async () => Promise.reject(new TypeError("fetch failed")) };
    box.emit({ id: "a" });
    await box.settled();
    expect(box.deliveries.map((d) => d.status)).toEqual([0]);
  });
});

describe("ObservedMap", () => {
  it("reports records created, changed in place (on commit), replaced and deleted", () => {
    const map = new ObservedMap<{ id: string; status: string }>();
    const changes: string[] = [];
    map.onChange((change) =>
      changes.push(
        change.type === "updated" ? `updated ${change.previous.status}->${change.item.status}` : change.type,
      ),
    );
    map.set("s1", { id: "s1", status: "active" });
    const record = map.get("s1");
    if (record) record.status = "canceled";
    map.commit();
    map.commit();
    map.get("s1");
    map.commit();
    map.set("s1", { id: "s1", status: "active" });
    map.delete("s1");
    expect(changes).toEqual(["created", "updated active->canceled", "updated canceled->active", "deleted"]);
  });
});

describe("observeCollection", () => {
  it("keeps the collection's order and reports in-place changes on commit, like ObservedMap", () => {
    type Row = { id: string; created: number; status: string };
    const rows = observeCollection(
      createSortedCollection<Row, { created: number; id: string }>({
        id: (row) => row.id,
        key: (row) => ({ created: row.created, id: row.id }),
        compare: (a, b) => b.created - a.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      }),
      (row) => row.id,
    );
    const changes: string[] = [];
    rows.onChange((change) =>
      changes.push(
        change.type === "updated"
          ? `updated ${change.item.id} ${change.previous.status}->${change.item.status}`
          : `${change.type} ${change.item.id}`,
      ),
    );
    rows.put({ id: "s1", created: 1, status: "active" });
    rows.put({ id: "s2", created: 2, status: "active" });
    const record = rows.get("s1");
    if (record) record.status = "canceled";
    rows.commit();
    rows.commit();
    // A put of the same object, mutated, still reports what it was.
    if (record) {
      record.status = "active";
      rows.put(record);
      rows.put(record);
    }
    expect(rows.values().map((row) => row.id)).toEqual(["s2", "s1"]);
    expect(rows.page({ limit: 1 }).items.map((row) => row.id)).toEqual(["s2"]);
    rows.delete("s2");
    expect(changes).toEqual([
      "created s1",
      "created s2",
      "updated s1 active->canceled",
      "updated s1 canceled->active",
      "deleted s2",
    ]);
  });
});

describe("the billing event contract", () => {
  it("parseWebhook is announced by the webhooks flag and takes a body and headers", () => {
    expect(CAPABILITY_FLAGS.parseWebhook).toBe("webhooks");
    expect(ParseWebhookInputSchema.safeParse({ body: "{}", headers: new Headers() }).success).toBe(true);
    expect(ParseWebhookInputSchema.safeParse({ body: "{}", headers: { "Stripe-Signature": "t=1" } }).success).toBe(
      true,
    );
    expect(ParseWebhookInputSchema.safeParse({ body: 1, headers: {} }).success).toBe(false);
    expect(ParseWebhookInputSchema.safeParse({ body: "", headers: {}, customerId: "c" }).success).toBe(false);
  });

  it("an event names one portable type and keeps the vendor's", () => {
    const event = {
      id: "evt_1",
      provider: "stripe",
      type: "subscription.canceled",
      vendorType: "customer.subscription.deleted",
      occurredAt: "2026-01-01T00:00:00Z",
      raw: {},
    };
    expect(BillingEventSchema.safeParse(event).success).toBe(true);
    expect(BillingEventSchema.safeParse({ ...event, type: "subscription.deleted" }).success).toBe(false);
  });
});
