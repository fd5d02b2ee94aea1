import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { withDeadline } from "../src/adapter/deadline";

const run = promisify(execFile);
const never = () => new Promise<never>(() => undefined);
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const timeout = () => new RangeError("deadline");

/** What a promise has come to so far. */
function track<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { value, settled: true }),
    (error: unknown) => Object.assign(state, { error, settled: true }),
  );
  return state;
}

describe("withDeadline", () => {
  it("answers what the call answers when it settles in time, a success or a failure", async () => {
    expect(await withDeadline(Promise.resolve(7), 1_000, timeout)).toBe(7);
    await expect(withDeadline(Promise.reject(new TypeError("no")), 1_000, timeout)).rejects.toThrow(TypeError);
    expect(await withDeadline(later(5, "late but in time"), 1_000, timeout)).toBe("late but in time");
  });

  it("rejects with the deadline's error a call that does not settle, and drops its late answer", async () => {
    await expect(withDeadline(never(), 20, timeout)).rejects.toThrow(RangeError);
    await expect(withDeadline(later(200, "too late"), 20, timeout)).rejects.toThrow(RangeError);
  });

  it("gives each call its own deadline, counted from its own start, among calls sharing a length", async () => {
    const first = track(withDeadline(never(), 150, timeout));
    await later(100, undefined);
    const second = track(withDeadline(never(), 150, timeout));
    const quick = track(withDeadline(later(10, "quick"), 150, timeout));
    // The first runs out at 150 ms; the second, started 100 ms later, is still waiting then.
    while (!first.settled) await later(5, undefined);
    expect(first.error).toBeInstanceOf(RangeError);
    expect(quick).toMatchObject({ settled: true, value: "quick" });
    expect(second.settled).toBe(false);
    while (!second.settled) await later(5, undefined);
    expect(second.error).toBeInstanceOf(RangeError);
  });

  it("holds a deadline longer than the longest timer rather than firing at once", async () => {
    expect(await withDeadline(later(30, "in time"), 3_000_000_000, timeout)).toBe("in time");
  });

  it("holds deadlines of different lengths apart", async () => {
    const short = track(withDeadline(never(), 20, timeout));
    const long = track(withDeadline(never(), 400, timeout));
    while (!short.settled) await later(5, undefined);
    expect(short.error).toBeInstanceOf(RangeError);
    expect(long.settled).toBe(false);
    while (!long.settled) await later(10, undefined);
    expect(long.error).toBeInstanceOf(RangeError);
  });

  it("times out a call after thousands settled behind an earlier one that hangs", async () => {
    const hung = track(withDeadline(never(), 100, timeout));
    for (let i = 0; i < 3_000; i++) expect(await withDeadline(Promise.resolve(i), 100, timeout)).toBe(i);
    const next = track(withDeadline(never(), 100, timeout));
    while (!hung.settled || !next.settled) await later(5, undefined);
    expect(hung.error).toBeInstanceOf(RangeError);
    expect(next.error).toBeInstanceOf(RangeError);
  });

  it("keeps the process alive while a call is pending, and not once every call has settled", async () => {
    const module = join(import.meta.dirname, "../src/adapter/deadline.ts");
    const script = (body: string) =>
      run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", body], { timeout: 20_000 });
    // Settled calls leave a 60 s deadline behind: the process still ends at once.
    const settled = await script(
      `import { withDeadline } from ${JSON.stringify(module)};
       for (let i = 0; i < 3; i++) await withDeadline(Promise.resolve(i), 60_000, () => new Error("deadline"));
       console.log("done");`,
    );
    expect(settled.stdout.trim()).toBe("done");
    // A call nothing else waits for still ends with its deadline's error rather than a silent exit.
    const pending = await script(
      `import { withDeadline } from ${JSON.stringify(module)};
       withDeadline(new Promise(() => {}), 300, () => new Error("deadline")).catch((e) => console.log(e.message));`,
    );
    expect(pending.stdout.trim()).toBe("deadline");
  });
});
