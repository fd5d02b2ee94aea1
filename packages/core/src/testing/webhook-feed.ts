import {
  createWebhookOutbox,
  type SignedWebhook,
  type SignOptions,
  type WebhookOutbox,
  type WebhookTarget,
} from "./webhook-outbox";

export interface WebhookFeedOptions<E, T extends WebhookTarget> {
  id(event: E): string;
  /** Signs one delivery for the endpoint it goes to, as the vendor does. */
  sign(event: E, endpoint: T, options: SignOptions): SignedWebhook | Promise<SignedWebhook>;
  /** The endpoint to deliver to from the start; `setEndpoint` changes it. */
  endpoint?: T;
  /** Unix seconds (the signing clock). Default the wall clock. */
  now?: () => number;
}

/** A simulator's events: the record of every one, and their delivery to one endpoint. */
export interface WebhookFeed<E, T extends WebhookTarget> {
  readonly outbox: WebhookOutbox<E>;
  /** Every event published, by id, oldest first (what the vendor's events endpoint reads). */
  readonly events: Map<string, E>;
  /** Sets (or, with undefined, stops) the endpoint deliveries go to. */
  setEndpoint(endpoint: T | undefined): void;
  /** Records the event and delivers it; undefined (a change that makes no event) is skipped. */
  publish(event: E | undefined): void;
  /** Runs `load` (loading a world, which no endpoint hears about) without publishing. */
  quietly<R>(load: () => R): R;
}

/**
 * The webhook glue every simulator shares on top of `createWebhookOutbox`: the endpoint
 * and its signing secret, the event record, and quiet seeding.
 */
export function createWebhookFeed<E, T extends WebhookTarget>(options: WebhookFeedOptions<E, T>): WebhookFeed<E, T> {
  let endpoint = options.endpoint;
  let quiet = false;
  const events = new Map<string, E>();
  const outbox = createWebhookOutbox<E>({
    id: options.id,
    ...(options.now ? { now: options.now } : {}),
    sign: (event, signing) => {
      if (!endpoint) throw new Error("no webhook endpoint");
      return options.sign(event, endpoint, signing);
    },
  });
  const setEndpoint = (next: T | undefined) => {
    endpoint = next;
    outbox.target = next;
  };
  setEndpoint(endpoint);
  return {
    outbox,
    events,
    setEndpoint,
    publish(event) {
      if (event === undefined || quiet) return;
      events.set(options.id(event), event);
      outbox.emit(event);
    },
    quietly(load) {
      const was = quiet;
      quiet = true;
      try {
        return load();
      } finally {
        quiet = was;
      }
    },
  };
}
