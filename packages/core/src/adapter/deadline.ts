/**
 * `pending`, or `onTimeout()` when it has not settled within `ms`: one timer, cleared as
 * soon as the answer comes, and no race promise. A late answer is dropped (a mutation's
 * next attempt carries the same idempotency key).
 */
export function withDeadline<T>(pending: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
