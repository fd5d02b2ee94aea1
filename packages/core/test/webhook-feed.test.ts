import { describe, expect, it } from "vitest";
import { createWebhookFeed, type WebhookTarget } from "../src/testing/index";

interface Note {
  id: string;
}

interface Endpoint extends WebhookTarget {
  secret: string;
}

function endpoint(secret: string, received: string[]): Endpoint {
  return {
    url: "https://hooks.test/endpoint",
    secret,
    fetch: async (request) => {
      received.push(`${request.headers.get("x-secret")}:${await request.text()}`);
      return new Response(null, { status: 204 });
    },
  };
}

describe("the webhook feed", () => {
  it("records every event published and delivers it, signed for the endpoint set at the time", async () => {
    const received: string[] = [];
    const feed = createWebhookFeed<Note, Endpoint>({
      id: (note) => note.id,
      sign: (note, to, options) => ({
        body: JSON.stringify(note),
        headers: { "x-secret": options.badSignature ? "wrong" : to.secret },
      }),
      endpoint: endpoint("s1", received),
    });
    feed.publish({ id: "a" });
    feed.publish(undefined);
    await feed.outbox.settled();
    feed.setEndpoint(endpoint("s2", received));
    feed.publish({ id: "b" });
    await feed.outbox.settled();
    feed.setEndpoint(undefined);
    feed.publish({ id: "c" });
    await feed.outbox.settled();
    expect(received).toEqual(['s1:{"id":"a"}', 's2:{"id":"b"}']);
    expect([...feed.events.keys()]).toEqual(["a", "b", "c"]);
    expect(feed.outbox.deliveries.map((delivery) => delivery.eventId)).toEqual(["a", "b"]);
  });

  it("publishes nothing while quietly loads, and answers what the load returns", async () => {
    const received: string[] = [];
    const feed = createWebhookFeed<Note, Endpoint>({
      id: (note) => note.id,
      sign: (note) => ({ body: JSON.stringify(note), headers: {} }),
      endpoint: endpoint("s", received),
    });
    expect(
      feed.quietly(() => {
        feed.publish({ id: "seeded" });
        return 7;
      }),
    ).toBe(7);
    expect(() =>
      feed.quietly(() => {
        throw new Error("load failed");
      }),
    ).toThrow("load failed");
    feed.publish({ id: "live" });
    await feed.outbox.settled();
    expect([...feed.events.keys()]).toEqual(["live"]);
    expect(received).toHaveLength(1);
  });
});
