// A vendor's simulator in its own process (bench/sim-process.ts), driven over IPC: what
// bench/run.ts and bench/paddle-walk-breakdown.ts measure against.
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import type { SimCommand, SimMessage } from "./sim-process";
import type { Vendor } from "./vendors";

type SimCommandBody = SimCommand extends infer C ? (C extends SimCommand ? Omit<C, "id"> : never) : never;

export interface SimHandle {
  url: string;
  command(command: SimCommandBody): Promise<Extract<SimMessage, { type: "done" }>>;
  child: ChildProcess;
}

export async function startSimulator(vendor: Vendor): Promise<SimHandle> {
  const child = fork(join(import.meta.dirname, "sim-process.ts"), [vendor], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 0;
  const waiting = new Map<number, (message: Extract<SimMessage, { type: "done" }>) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${vendor} simulator exited with ${code}`)));
    child.on("message", (message: SimMessage) => {
      if (message.type === "ready") resolve(message.url);
      else waiting.get(message.id)?.(message);
    });
  });
  return {
    url,
    child,
    command: (command) =>
      new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, (message) => {
          waiting.delete(id);
          resolve(message);
        });
        child.send({ ...command, id } as SimCommand);
      }),
  };
}
