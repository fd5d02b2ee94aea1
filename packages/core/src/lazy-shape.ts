import type * as z from "zod";

/** The shape `lazyShape(fields)` stands for: each field's schema, as its thunk returns it. */
export type LazyShape<F extends Record<string, () => z.ZodType>> = { [K in keyof F]: ReturnType<F[K]> };

// Building a zod schema costs microseconds, and core exports about a hundred of them: built
// at import, they were most of an adapter's cold import. An object schema on a lazy shape is
// built at once, but its fields are built the first time zod reads the shape (a parse,
// `.shape`, `.extend`, `z.toJSONSchema`): zod reads an object's shape through its getters,
// the way it takes recursive schemas, and keeps the values it read. The first read of any
// lazy shape builds every pending one, so that from then on no shape holds a getter (zod
// treats a getter as a possible cycle until it has read the shape, and would keep checking
// for one in a parent whose lazy child was never read). Shapes made after that are built
// at once.
const pending: (() => void)[] = [];
let built = false;

function buildPending(): void {
  built = true;
  // The list is emptied before any build runs, and a build that reads another pending shape
  // builds that one first, so each builds once.
  for (const build of pending.splice(0)) build();
}

function setValue(shape: object, key: string, value: unknown): void {
  Object.defineProperty(shape, key, { value, enumerable: true, configurable: true, writable: true });
}

/** Defines `keys` on `shape` as getters computing their values once, on the first read of any pending shape. */
function defer(shape: Record<string, unknown>, keys: readonly string[], compute: (key: string) => unknown): void {
  if (built) {
    for (const key of keys) setValue(shape, key, compute(key));
    return;
  }
  let done = false;
  const build = () => {
    if (done) return;
    done = true;
    for (const key of keys) {
      if (Object.getOwnPropertyDescriptor(shape, key)?.get) setValue(shape, key, compute(key));
    }
  };
  for (const key of keys) {
    Object.defineProperty(shape, key, {
      enumerable: true,
      configurable: true,
      get() {
        build();
        buildPending();
        return shape[key];
      },
      set(value: unknown) {
        setValue(shape, key, value);
      },
    });
  }
  pending.push(build);
}

/**
 * An object shape whose fields are built on first use instead of at import:
 * `z.object(lazyShape({ id: () => z.string(), total: () => MoneySchema }))` is the same
 * schema as `z.object({ id: z.string(), total: MoneySchema })`, with the same type.
 */
export function lazyShape<F extends Record<string, () => z.ZodType>>(fields: F): LazyShape<F> {
  const shape: Record<string, unknown> = {};
  defer(shape, Object.keys(fields), (key) => (fields[key] as () => z.ZodType)());
  return shape as LazyShape<F>;
}

/**
 * `{ ...base, ...extra }` for shapes, without reading a lazy shape's fields (a spread would
 * build them): they are read on first use, like the shapes they come from.
 */
export function joinShapes<A extends z.ZodRawShape, B extends z.ZodRawShape>(base: A, extra: B): Omit<A, keyof B> & B {
  const shape: Record<string, unknown> = {};
  const from = new Map<string, Record<string, unknown>>();
  for (const part of [base, extra] as Record<string, unknown>[]) {
    for (const key of Object.keys(part)) from.set(key, part);
  }
  const lazy: string[] = [];
  for (const [key, part] of from) {
    const descriptor = Object.getOwnPropertyDescriptor(part, key) as PropertyDescriptor;
    if (descriptor.get) lazy.push(key);
    // A lazy key is redefined as a getter below: defined now, it keeps its place in the order.
    setValue(shape, key, descriptor.get ? undefined : descriptor.value);
  }
  defer(shape, lazy, (key) => (from.get(key) as Record<string, unknown>)[key]);
  return shape as Omit<A, keyof B> & B;
}
