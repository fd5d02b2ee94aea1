/** One webhook as it goes on the wire: the body and the headers that authenticate it. */
export interface SignedWebhook {
  body: string;
  headers: Record<string, string>;
}

/**
 * A fault a test injects into the next delivery. `duplicate` delivers it twice; `reorder`
 * holds it back until the next event has been delivered; `delay` delivers it `ms` later
 * (events after it are not held up); `bad-signature` signs it with a wrong secret (a wrong
 * password for Basic auth); `stale` signs it with a timestamp `seconds` in the past.
 */
export type WebhookFault =
  | { type: "duplicate" }
  | { type: "reorder" }
  | { type: "delay"; ms: number }
  | { type: "bad-signature" }
  | { type: "stale"; seconds: number };

/** How a vendor signs one delivery. */
export interface SignOptions {
  /** Sign with a wrong secret or password. */
  badSignature: boolean;
  /** Unix seconds the signature claims (vendors that sign a timestamp). */
  timestamp: number;
}

/** Where a simulator delivers its webhooks. */
export interface WebhookTarget {
  url: string;
  /** Sends one delivery; default global fetch. Tests pass a handler to deliver without a network. */
  fetch?: (request: Request) => Promise<Response>;
}

export interface WebhookDelivery extends SignedWebhook {
  eventId: string;
  /** The status the endpoint answered; 0 when it could not be reached. */
  status: number;
  fault?: WebhookFault["type"];
}

export interface WebhookOutboxOptions<E> {
  id(event: E): string;
  sign(event: E, options: SignOptions): SignedWebhook | Promise<SignedWebhook>;
  /** Unix seconds (the signing clock). Default the wall clock. */
  now?: () => number;
}

/** The webhook delivery of a simulator: one POST per event, in order, with injectable faults. */
export interface WebhookOutbox<E> {
  /** Where to deliver; undefined stops delivering. */
  target: WebhookTarget | undefined;
  /** Queues one event (nothing is sent without a target). */
  emit(event: E): void;
  inject(fault: WebhookFault): void;
  clearFaults(): void;
  /** Every delivery made, in the order the endpoint received them. */
  readonly deliveries: readonly WebhookDelivery[];
  /** Resolves once every event emitted so far has been delivered (held ones included). */
  settled(): Promise<void>;
}

export function createWebhookOutbox<E>(options: WebhookOutboxOptions<E>): WebhookOutbox<E> {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const deliveries: WebhookDelivery[] = [];
  const pending = new Set<Promise<void>>();
  let faults: WebhookFault[] = [];
  let chain: Promise<void> = Promise.resolve();
  let held: Array<() => Promise<void>> = [];
  let target: WebhookTarget | undefined;

  async function send(to: WebhookTarget, event: E, fault: WebhookFault | undefined): Promise<void> {
    const signed = await options.sign(event, {
      badSignature: fault?.type === "bad-signature",
      timestamp: now() - (fault?.type === "stale" ? fault.seconds : 0),
    });
    const request = new Request(to.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signed.headers },
      body: signed.body,
    });
    let status = 0;
    try {
      const response = await (to.fetch ?? globalThis.fetch)(request);
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
    } catch {
      // An endpoint that cannot be reached: the vendor would try again later.
    }
    const delivery: WebhookDelivery = { ...signed, eventId: options.id(event), status };
    if (fault) delivery.fault = fault.type;
    deliveries.push(delivery);
  }

  function track(promise: Promise<void>): void {
    const tracked = promise.finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  function enqueue(run: () => Promise<void>): void {
    chain = chain.then(run, run);
    track(chain);
  }

  return {
    get target() {
      return target;
    },
    set target(value) {
      target = value;
    },
    emit(event) {
      const to = target;
      if (!to) return;
      const fault = faults.shift();
      const deliver = () => send(to, event, fault);
      const release = held;
      held = [];
      if (fault?.type === "delay") {
        track(new Promise<void>((resolve) => setTimeout(resolve, fault.ms)).then(deliver));
      } else if (fault?.type === "reorder") {
        held.push(deliver);
      } else {
        enqueue(deliver);
        if (fault?.type === "duplicate") enqueue(() => send(to, event, fault));
      }
      for (const later of release) enqueue(later);
    },
    inject(fault) {
      faults.push(fault);
    },
    clearFaults() {
      faults = [];
    },
    get deliveries() {
      return deliveries;
    },
    async settled() {
      const release = held;
      held = [];
      for (const later of release) enqueue(later);
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
