/**
 * `pending`, or `onTimeout()` when it has not settled within `ms`. A late answer is dropped
 * (a mutation's next attempt carries the same idempotency key).
 *
 * Calls with the same deadline share one timer: they end in the order they started, so a
 * queue of them needs only a timer for its oldest. A call costs an entry in that queue
 * rather than a timer of its own, which a process making one vendor call after another would
 * create and clear on every call. While a call is pending the timer keeps the process alive,
 * as a timer of its own would; once none is, it no longer does.
 */
export function withDeadline<T>(pending: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const queue = queueFor(ms);
    const entry = queue.add(() => reject(onTimeout()));
    pending.then(
      (value) => {
        queue.settle(entry);
        resolve(value);
      },
      (error: unknown) => {
        queue.settle(entry);
        reject(error);
      },
    );
  });
}

interface Entry {
  /** On performance.now()'s clock. */
  readonly due: number;
  settled: boolean;
  readonly expire: () => void;
}

const QUEUES = new Map<number, DeadlineQueue>();

function queueFor(ms: number): DeadlineQueue {
  let queue = QUEUES.get(ms);
  if (queue === undefined) {
    queue = new DeadlineQueue(ms);
    QUEUES.set(ms, queue);
  }
  return queue;
}

/** How many settled entries may sit before the head before the array is cut. */
const COMPACT_AT = 1_024;

/**
 * A timer's delay: at least 1 ms, and at most the longest a timer takes (a longer one would
 * fire at once); a deadline beyond that is reached by arming again.
 */
function timerDelay(ms: number): number {
  return Math.min(Math.max(1, Math.ceil(ms)), 2_147_483_647);
}

/** Node's and Bun's timers can stop keeping the process alive; elsewhere a timer is a number. */
function refTimer(timer: ReturnType<typeof setTimeout>, keepAlive: boolean): void {
  const handle = timer as { ref?: () => unknown; unref?: () => unknown };
  if (keepAlive) handle.ref?.();
  else handle.unref?.();
}

class DeadlineQueue {
  private entries: Entry[] = [];
  private head = 0;
  private live = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {}

  add(expire: () => void): Entry {
    const entry: Entry = { due: performance.now() + this.ms, settled: false, expire };
    this.entries.push(entry);
    if (this.live++ === 0) {
      if (this.timer === undefined) this.timer = setTimeout(this.sweep, timerDelay(this.ms));
      else refTimer(this.timer, true);
    }
    return entry;
  }

  settle(entry: Entry): void {
    if (entry.settled) return;
    entry.settled = true;
    if (--this.live === 0) {
      // None needs the timer now: it stays armed, but lets the process exit. Its next
      // sweep finds nothing due and ends it.
      this.entries = [];
      this.head = 0;
      if (this.timer !== undefined) refTimer(this.timer, false);
    } else if (entry === this.entries[this.head]) {
      this.dropSettledHead();
    }
  }

  /** Moves past settled entries at the head; the array is cut once enough are behind it. */
  private dropSettledHead(): void {
    while (this.head < this.entries.length && (this.entries[this.head] as Entry).settled) this.head++;
    if (this.head >= COMPACT_AT) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private readonly sweep = (): void => {
    this.timer = undefined;
    const now = performance.now();
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head] as Entry;
      if (!entry.settled && entry.due > now) break;
      this.head++;
      if (!entry.settled) {
        entry.settled = true;
        this.live--;
        entry.expire();
      }
    }
    if (this.live === 0) {
      this.entries = [];
      this.head = 0;
      QUEUES.delete(this.ms);
      return;
    }
    this.dropSettledHead();
    const next = this.entries[this.head] as Entry;
    this.timer = setTimeout(this.sweep, timerDelay(next.due - now));
  };
}
