import type * as z from "zod";
import type { Capabilities } from "../capabilities";
import { claims } from "../capability-manifest";
import { PortalError, type PortalErrorOptions } from "../errors";
import {
  OPERATION_NAMES,
  OPERATIONS,
  OPTIONAL_OPERATIONS,
  type OperationInput,
  type OperationMethod,
  type OperationName,
  type OperationOutput,
} from "../operations";
import { parseInput } from "../parse-input";
import type { PortalProvider } from "../provider";
import { registerSecret } from "../redact";
import { createIdempotencyKey, type RetryOptions, withRetry } from "../retry";
import type { PortalLaunch, PortalSection } from "../schemas";
import { registerWalk, type WalkPages } from "../walk-registry";
import { withDeadline } from "./deadline";

/** One attempt of a vendor call. */
export interface AttemptContext {
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/** One attempt of a mutation: the same key on every attempt. */
export interface MutationContext extends AttemptContext {
  readonly idempotencyKey: string;
}

/** How the kit finds who owns an object: read it from the vendor, then name its customer. */
export interface OwnershipLookup<Client, T> {
  /** The name used in `not_found` errors: `subscription`, `invoice`. */
  readonly kind: string;
  read(client: Client, id: string, attempt: AttemptContext): Promise<T>;
  customerOf(object: T): string | null | undefined;
}

/** A section the vendor's portal opens directly. */
export interface SectionSpec {
  /** The section opens for one subscription (`subscriptionId`). */
  readonly subscription?: boolean;
}

export type SectionTable = Partial<Record<PortalSection, SectionSpec>>;

/** What every operation handler receives besides its parsed input. */
export interface AdapterContext<Client, Lookups extends Record<string, OwnershipLookup<Client, unknown>>, Options> {
  /** The provider id written on normalized objects, cursors and errors. */
  readonly provider: string;
  readonly options: Options;
  readonly client: Client;
  readonly capabilities: Readonly<Capabilities>;
  readonly sections: SectionTable;
  /** A read, retried within the bounds; every failure comes out as a PortalError. */
  read<T>(call: (client: Client, attempt: AttemptContext) => Promise<T>): Promise<T>;
  /** A mutation: one idempotency key, made here, for all of its attempts. */
  mutate<T>(call: (client: Client, attempt: MutationContext) => Promise<T>): Promise<T>;
  /** The object, read from the vendor; `not_found` when it is missing or another customer's. */
  readonly owned: {
    readonly [K in keyof Lookups]: (customerId: string, id: string) => Promise<LookupResult<Lookups[K]>>;
  };
  /** A PortalError of this provider. */
  error(options: Omit<PortalErrorOptions, "provider">): PortalError;
  /** The `not_found` answered alike for a missing object and for another customer's. */
  notFound(kind: string, id: string): PortalError;
}

type LookupResult<L> = L extends OwnershipLookup<never, infer T> ? T : never;

/** The parsed input of `openSection` when the section is opened directly. */
export interface DirectSection<Sub> {
  readonly spec: SectionSpec;
  /** The named subscription, already checked to be the customer's. */
  readonly subscription: Sub | undefined;
}

type Handler<K extends OperationName, Ctx> = (input: OperationInput<K>, ctx: Ctx) => Promise<OperationOutput<K>>;

/** The lists `allInvoices` and `allSubscriptions` walk. */
type WalkedList = "listInvoices" | "listSubscriptions";

/**
 * A walk of every page of a list, for its parsed input (as the first page's call would get
 * it, without a cursor): each call of the pages answers the page after the position the
 * page before answered as its `nextCursor` (undefined for the first). The position is the
 * adapter's own (a vendor's last id or offset); it is never shown to callers, so it need
 * not be a cursor. A walk keeps what the vendor's own pagination needs from one page to
 * the next, and answers the pages the list method would, one request a page.
 */
export type ListWalk<K extends WalkedList, Ctx> = (
  input: OperationInput<K>,
  ctx: Ctx,
) => WalkPages<OperationOutput<K>["data"][number]>;

/** The walks an adapter gives; the kit checks each walk's input once, as its list method's. */
export type AdapterWalks<Ctx> = { [K in WalkedList]?: ListWalk<K, Ctx> };

const WALKED_LISTS: readonly WalkedList[] = ["listInvoices", "listSubscriptions"];

/** Operation handlers; `openSection` is split by the kit into the direct and the fallback case. */
export type AdapterOperations<Ctx, Sub = unknown> = {
  [K in Exclude<OperationName, "openSection">]?: Handler<K, Ctx>;
} & {
  /** A section of the section table, for the customer; ownership of `subscriptionId` is checked. */
  openSection?: (input: OperationInput<"openSection">, ctx: Ctx, direct: DirectSection<Sub>) => Promise<PortalLaunch>;
  /**
   * The whole portal, for a section asked with `fallback: "portal"` that the table lacks.
   * Default: `openPortal`. The kit adds `section` and `fallback: true` to the launch.
   */
  openFallback?: (
    input: OperationInput<"openSection">,
    ctx: Ctx,
    subscription: Sub | undefined,
  ) => Promise<PortalLaunch>;
  /**
   * Walks for `allInvoices` and `allSubscriptions`, for lists the adapter implements. Without
   * one, a walk calls the list method page by page with its cursors.
   */
  walks?: AdapterWalks<Ctx>;
};

export interface AdapterDefinition<
  Id extends string,
  Options,
  Client,
  Lookups extends Record<string, OwnershipLookup<Client, unknown>>,
  Ops extends AdapterOperations<AdapterContext<Client, Lookups, Options>, LookupResult<Lookups["subscription"]>>,
> {
  readonly id: Id;
  /** The vendor's name in messages: `Stripe`, `the billing API`. */
  readonly vendor: string;
  /** Checked before anything else; a bad option is `invalid_input` naming the field. */
  readonly options: z.ZodType<Options>;
  /**
   * Dotted paths of the options that hold secrets (`apiKey`, `stripe.secretKey`). They are
   * registered for redaction before the options are checked, so no error repeats them,
   * and kept while the client lives: a provider dropped takes its secrets with it.
   */
  readonly secrets?: readonly string[];
  /** The provider id, when an option chooses it (default `id`). */
  readonly providerId?: (options: NoInfer<Options>) => string;
  /** The vendor client (an SDK instance), with its own retries off or bounded. */
  client(options: NoInfer<Options>, provider: string): Client;
  /** The adapter's error table: any failure of a vendor call as a PortalError. */
  toPortalError(error: unknown, provider: string): PortalError;
  /**
   * Per-attempt deadline the kit enforces, in ms, for clients whose own timeout does not
   * always hold (an intercepted transport, an in-process fetch). Omit it when the client
   * enforces its own.
   */
  deadline?(options: NoInfer<Options>): number | undefined;
  /** The retry bounds; default the `retry` option every adapter takes. */
  retry?(options: NoInfer<Options>): RetryOptions | undefined;
  /** The manifest; its flags must match the operations given and its sections the table. */
  readonly capabilities: PerOptions<Readonly<Capabilities>, NoInfer<Options>>;
  /** The sections opened directly, and how. */
  readonly sections: PerOptions<SectionTable, NoInfer<Options>>;
  readonly lookups: Lookups;
  readonly operations: Ops;
  /**
   * The schema of the launch options this adapter takes in `vendorOptions[id]` of
   * `openPortal` and `openSection` (Billflow's `service` and `quantity`). The kit checks the
   * entry with it (`invalid_input` naming `vendorOptions.<id>.<field>`) and hands handlers the
   * parsed entry; without it, an entry for this adapter is refused rather than ignored.
   */
  readonly vendorOptions?: z.ZodType<Record<string, unknown>>;
}

/** A value, or the value for the options given. */
export type PerOptions<T, Options> = T | ((options: Options) => T);

/** The provider a definition makes: PortalProvider with the optional methods it implements. */
export type AdapterProvider<Id extends string, Implemented extends OperationName> = PortalProvider & {
  readonly id: Id;
} & {
  [K in Implemented | "openSection"]-?: OperationMethod<K>;
};

/**
 * The shared jobs of every adapter, done once: the options are checked and their secrets
 * registered; every method parses its input with the registry's schema (`invalid_input`
 * naming the field, nothing sent), rejects only with PortalError, retries within bounds
 * with one idempotency key per mutation, holds a per-attempt deadline, and checks
 * ownership through the lookups given. Capabilities and methods must agree, and
 * `openSection` answers `unsupported` or falls back by the section table.
 */
export function defineAdapter<
  const Id extends string,
  Options,
  Client,
  Lookups extends Record<string, OwnershipLookup<Client, unknown>>,
  Ops extends AdapterOperations<AdapterContext<Client, Lookups, Options>, LookupResult<Lookups["subscription"]>>,
>(
  definition: AdapterDefinition<Id, Options, Client, Lookups, Ops>,
): (options: unknown) => AdapterProvider<Id, Extract<keyof Ops, OperationName>> {
  type Ctx = AdapterContext<Client, Lookups, Options>;
  type Sub = LookupResult<Lookups["subscription"]>;

  return (rawOptions) => {
    // Registered before the options are checked, so that no error repeats them, with the
    // options object given as their owner while the provider is built; the client owns
    // them after (below), so they are forgotten once nothing can call the vendor with them.
    const secrets: string[] = [];
    for (const path of definition.secrets ?? []) {
      const secret = at(rawOptions, path);
      if (typeof secret !== "string") continue;
      secrets.push(secret);
      registerSecret(secret, rawOptions as object);
    }
    const options = parseInput(definition.options, rawOptions, definition.id) as Options;
    const provider = definition.providerId?.(options) ?? definition.id;
    const capabilities = perOptions(definition.capabilities, options);
    const sections = perOptions(definition.sections, options);
    const ops = definition.operations;
    checkAgreement(provider, capabilities, sections, ops);

    const client = definition.client(options, provider);
    const retry = definition.retry ? definition.retry(options) : (options as { retry?: RetryOptions }).retry;
    const deadlineMs = definition.deadline?.(options);
    const toPortalError = (error: unknown) => mapError(definition.toPortalError, error, provider);
    const timeout = () =>
      new PortalError({
        code: "timeout",
        provider,
        message: `No answer from ${definition.vendor} within ${deadlineMs} ms`,
      });

    const failWithPortalError = (error: unknown): never => {
      throw toPortalError(error);
    };

    // What `run` answers, any failure (thrown or rejected) as a PortalError. Written with
    // then() rather than as an async function: every method and every vendor call goes
    // through it, and an async function's own promise and resumption are a cost paid each time.
    function withPortalErrors<T>(run: () => T | Promise<T>): Promise<T> {
      let pending: T | Promise<T>;
      try {
        pending = run();
      } catch (error) {
        return Promise.reject(toPortalError(error));
      }
      return Promise.resolve(pending).then(undefined, failWithPortalError);
    }

    const attempt = <T>(run: () => Promise<T>): Promise<T> =>
      withPortalErrors(() => (deadlineMs === undefined ? run() : withDeadline(run(), deadlineMs, timeout)));

    const notFound = (kind: string, id: string) =>
      new PortalError({ code: "not_found", provider, status: 404, message: `No ${kind} ${id} for this customer` });

    const owned = {} as Record<string, (customerId: string, id: string) => Promise<unknown>>;
    for (const [name, lookup] of Object.entries(definition.lookups)) {
      owned[name] = async (customerId, id) => {
        let object: unknown;
        try {
          object = await ctx.read((c, a) => lookup.read(c, id, a));
        } catch (error) {
          // Missing and someone else's are one answer: nothing tells them apart.
          if (PortalError.isInstance(error) && error.code === "not_found") throw notFound(lookup.kind, id);
          throw error;
        }
        if (lookup.customerOf(object) !== customerId) throw notFound(lookup.kind, id);
        return object;
      };
    }

    const ctx: Ctx = {
      provider,
      options,
      client,
      capabilities,
      sections,
      read: (call) => withRetry((a) => attempt(() => call(client, a)), retry),
      mutate: (call) => {
        // One key for every attempt, made when a call first reads it (a vendor without
        // idempotency keys never does).
        let idempotencyKey: string | undefined;
        const key = () => {
          idempotencyKey ??= createIdempotencyKey();
          return idempotencyKey;
        };
        return withRetry(
          (a) =>
            attempt(() =>
              call(client, {
                attempt: a.attempt,
                get idempotencyKey() {
                  return key();
                },
              }),
            ),
          retry,
        );
      },
      owned: owned as Ctx["owned"],
      error: (errorOptions) => new PortalError({ ...errorOptions, provider }),
      notFound,
    };

    const ownedSubscription = owned.subscription as ((customerId: string, id: string) => Promise<Sub>) | undefined;

    async function openSection(input: OperationInput<"openSection">): Promise<PortalLaunch> {
      const spec = sections[input.section];
      if (!spec && input.fallback !== "portal") {
        throw new PortalError({
          code: "unsupported",
          provider,
          field: "section",
          message: `${definition.vendor} cannot open the ${input.section} section directly; pass fallback: "portal" to open the whole portal`,
        });
      }
      const subscription =
        input.subscriptionId !== undefined && ownedSubscription
          ? await ownedSubscription(input.customerId, input.subscriptionId)
          : undefined;
      if (spec && ops.openSection) return ops.openSection(input, ctx, { spec, subscription });
      const launch = ops.openFallback
        ? await ops.openFallback(input, ctx, subscription)
        : await (ops.openPortal as Handler<"openPortal", Ctx>)(
            {
              customerId: input.customerId,
              ...(input.returnUrl === undefined ? {} : { returnUrl: input.returnUrl }),
              ...(input.vendorOptions === undefined ? {} : { vendorOptions: input.vendorOptions }),
            },
            ctx,
          );
      return { ...launch, section: input.section, fallback: true };
    }

    // Checked with the registry's schema first, then the parts the contract leaves to the
    // adapter: its own launch options, and a cancellation reason it has nowhere to put.
    function checked(name: OperationName, parsed: unknown): unknown {
      if (name === "openPortal" || name === "openSection") {
        return ownVendorOptions(parsed as OperationInput<"openPortal" | "openSection">);
      }
      if (name === "cancel" && capabilities.cancelReason === "none") {
        if ((parsed as OperationInput<"cancel">).reason !== undefined) {
          throw new PortalError({
            code: "invalid_input",
            provider,
            field: "reason",
            retryable: false,
            message: `Invalid input at reason: ${definition.vendor} keeps no cancellation reason`,
          });
        }
      }
      return parsed;
    }

    function ownVendorOptions<I extends OperationInput<"openPortal" | "openSection">>(input: I): I {
      const own = input.vendorOptions?.[definition.id];
      if (own === undefined) return input;
      const field = `vendorOptions.${definition.id}`;
      if (!definition.vendorOptions) {
        throw new PortalError({
          code: "invalid_input",
          provider,
          field,
          retryable: false,
          message: `Invalid input at ${field}: ${definition.vendor} takes no launch options`,
        });
      }
      let parsed: Record<string, unknown>;
      try {
        parsed = parseInput(definition.vendorOptions, own, provider);
      } catch (error) {
        if (!PortalError.isInstance(error)) throw error;
        const inner = error.field === undefined ? field : `${field}.${error.field}`;
        throw new PortalError({
          code: "invalid_input",
          provider,
          field: inner,
          retryable: false,
          message: error.message.replace(/^Invalid input(?: at [^:]+)?:/, `Invalid input at ${inner}:`),
        });
      }
      return { ...input, vendorOptions: { ...input.vendorOptions, [definition.id]: parsed } };
    }

    const methods: Record<string, unknown> = {};
    for (const name of OPERATION_NAMES) {
      const handler = (name === "openSection" ? openSection : ops[name]) as
        | ((input: unknown, ctx: Ctx) => Promise<unknown>)
        | undefined;
      if (!handler) continue;
      const schema = OPERATIONS[name].input;
      methods[name] = (input: unknown) =>
        withPortalErrors(() => handler(checked(name, parseInput(schema, input, provider)), ctx));
    }
    for (const name of WALKED_LISTS) {
      const walk = ops.walks?.[name] as
        | ((input: unknown, ctx: Ctx) => (cursor: string | undefined) => Promise<unknown>)
        | undefined;
      const method = methods[name];
      if (walk === undefined || typeof method !== "function") continue;
      const schema = OPERATIONS[name].input;
      registerWalk(method, (input) => {
        // The input is checked at the first page, as the method checks it: an invalid one
        // rejects the walk's first next() and sends nothing.
        let pages: ((cursor: string | undefined) => Promise<unknown>) | undefined;
        return (cursor) =>
          withPortalErrors(() => {
            pages ??= walk(checked(name, parseInput(schema, input, provider)), ctx);
            return pages(cursor);
          }) as ReturnType<WalkPages<unknown>>;
      });
    }
    const built = Object.freeze({ id: provider, capabilities, ...methods }) as AdapterProvider<
      Id,
      Extract<keyof Ops, OperationName>
    >;
    // Every method reaches the vendor through `ctx.client`, so the client lives as long as
    // any of them can be called, even after the provider object itself is dropped (a method
    // kept on its own). A parsed copy of the options could be collected long before.
    const owner = isObject(client) ? client : built;
    for (const secret of secrets) registerSecret(secret, owner);
    return built;
  };
}

/** A method present but not claimed, or claimed but absent, is a defect of the adapter itself. */
function checkAgreement(
  provider: string,
  capabilities: Readonly<Capabilities>,
  sections: SectionTable,
  ops: Partial<Record<OperationName, unknown>> & { walks?: object },
): void {
  const problems: string[] = [];
  for (const name of OPERATION_NAMES) {
    if (name === "openSection" || OPERATIONS[name].optional) continue;
    if (!ops[name]) problems.push(`the required operation ${name} is missing`);
  }
  for (const name of OPTIONAL_OPERATIONS) {
    if (claims(capabilities, name) && !ops[name]) problems.push(`${name} is claimed but not implemented`);
    if (!claims(capabilities, name) && ops[name]) problems.push(`${name} is implemented but not claimed`);
  }
  const table = Object.keys(sections).sort().join(",");
  if ([...capabilities.sections].sort().join(",") !== table) {
    problems.push(
      `capabilities.sections (${capabilities.sections.join(", ")}) differ from the section table (${table})`,
    );
  }
  if (table !== "" && !ops.openSection) problems.push("sections are listed but openSection is not implemented");
  for (const name of Object.keys(ops.walks ?? {})) {
    if (!WALKED_LISTS.includes(name as WalkedList)) problems.push(`walks.${name} is not a list that is walked`);
    else if (!ops[name as WalkedList]) problems.push(`walks.${name} is given but ${name} is not implemented`);
  }
  if (problems.length > 0) {
    throw new PortalError({
      code: "unsupported",
      provider,
      retryable: false,
      message: `The ${provider} adapter disagrees with its capabilities: ${problems.join("; ")}`,
    });
  }
}

function mapError(
  map: (error: unknown, provider: string) => PortalError,
  error: unknown,
  provider: string,
): PortalError {
  if (PortalError.isInstance(error)) return error;
  try {
    const mapped = map(error, provider);
    if (PortalError.isInstance(mapped)) return mapped;
  } catch {
    // The error table itself failed on an answer of an unexpected shape: fall through.
  }
  return new PortalError({
    code: "unavailable",
    provider,
    retryable: false,
    message: "Unexpected answer from the vendor",
    cause: error,
  });
}

function perOptions<T, Options>(value: PerOptions<T, Options>, options: Options): T {
  return typeof value === "function" ? (value as (options: Options) => T)(options) : value;
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * An adapter whose `openPortal` and `openSection` answer its own launch kind (apps then
 * read `launch.settings` without a cast).
 */
export type LaunchingProvider<P extends PortalProvider, L extends PortalLaunch> = Omit<
  P,
  "openPortal" | "openSection"
> & {
  openPortal(input: OperationInput<"openPortal">): Promise<L>;
  openSection(input: OperationInput<"openSection">): Promise<L>;
};
