import * as z from "zod";
import {
  cancelInputSchema,
  createSessionInputSchema,
  getCustomerInputSchema,
  getSubscriptionInputSchema,
  invoicePdfInputSchema,
  listInvoicesInputSchema,
  listSubscriptionsInputSchema,
  logoutInputSchema,
  openPortalInputSchema,
  openSectionInputSchema,
  parseWebhookInputSchema,
  paymentMethodLaunchInputSchema,
  reactivateInputSchema,
  updateAddressInputSchema,
} from "./input-builders";
import type {
  CancelInput,
  CreateSessionInput,
  GetCustomerInput,
  GetSubscriptionInput,
  InvoicePdfInput,
  ListInvoicesInput,
  ListSubscriptionsInput,
  LogoutInput,
  OpenPortalInput,
  OpenSectionInput,
  ParseWebhookInput,
  PaymentMethodLaunchInput,
  ReactivateInput,
  UpdateAddressInput,
} from "./inputs";
import { once } from "./once";
import {
  billingEventSchema,
  customerSchema,
  invoicePdfSchema,
  invoiceSchema,
  PageSchema,
  portalLaunchSchema,
  portalSessionSchema,
  subscriptionSchema,
} from "./schema-builders";
import type {
  BillingEvent,
  Customer,
  Invoice,
  InvoicePdf,
  Page,
  PortalLaunch,
  PortalSession,
  Subscription,
} from "./schemas";

/**
 * One operation of the contract. `I` and `O` are the TypeScript types of its input and
 * answer (the schemas check them at run time); an optional operation is announced by the
 * capability flag of the same name.
 */
export interface OperationSpec<I = unknown, O = unknown> {
  readonly input: z.ZodType<I>;
  readonly output: z.ZodType;
  readonly optional: boolean;
  /**
   * `customer`: the input names the customer whose objects the call touches (the router
   * routes it by that customer). `none`: it does not (a session id, a webhook body).
   */
  readonly scope: "customer" | "none";
  /** The capability flag that announces an optional operation, when it is not the operation's name. */
  readonly capability?: string;
  /** Types only, never set: what the input and the answer are in TypeScript. */
  readonly "~types"?: { readonly input: I; readonly output: O };
}

type Scope = OperationSpec["scope"];

type Schema<I = unknown> = () => z.ZodType<I>;

// The schemas are read through getters, so that the table builds none of them until an
// operation is first used (adapters load it; see schema-builders.ts).
function spec<I>(input: Schema<I>, output: Schema, scope: Scope, optional: boolean) {
  const outputOnce = once(output);
  return {
    get input() {
      return input();
    },
    get output() {
      return outputOnce();
    },
    scope,
    optional,
  };
}

/** A required operation: its input and answer schemas, on the customer's objects unless told otherwise. */
function required<I, O>(
  input: Schema<I>,
  output: Schema,
  scope: Scope = "customer",
): OperationSpec<I, O> & { readonly optional: false } {
  return spec(input, output, scope, false) as OperationSpec<I, O> & { readonly optional: false };
}

/** An optional operation, announced by the capability flag of its name (or `capability`). */
function optional<I, O>(
  input: Schema<I>,
  output: Schema,
  scope?: Scope,
): OperationSpec<I, O> & { readonly optional: true };
function optional<I, O, const C extends string>(
  input: Schema<I>,
  output: Schema,
  scope: Scope,
  capability: C,
): OperationSpec<I, O> & { readonly optional: true; readonly capability: C };
function optional<I, O>(
  input: Schema<I>,
  output: Schema,
  scope: Scope = "customer",
  capability?: string,
): OperationSpec<I, O> & { readonly optional: true } {
  const operation = spec(input, output, scope, true) as OperationSpec<I, O> & { readonly optional: true };
  return capability !== undefined ? Object.assign(operation, { capability }) : operation;
}

/**
 * Every operation of `PortalProvider`, listed once. The provider type, the capability
 * flags, the router, the shadow, the property suite and the harness all read this table,
 * so adding an operation is one entry here plus the adapters' implementations.
 */
export const OPERATIONS = {
  createSession: required<CreateSessionInput, PortalSession>(createSessionInputSchema, portalSessionSchema),
  openPortal: required<OpenPortalInput, PortalLaunch>(openPortalInputSchema, portalLaunchSchema),
  openSection: required<OpenSectionInput, PortalLaunch>(openSectionInputSchema, portalLaunchSchema),
  listInvoices: required<ListInvoicesInput, Page<Invoice>>(listInvoicesInputSchema, () => PageSchema(invoiceSchema())),
  cancel: required<CancelInput, Subscription>(cancelInputSchema, subscriptionSchema),
  getSubscription: optional<GetSubscriptionInput, Subscription>(getSubscriptionInputSchema, subscriptionSchema),
  reactivate: optional<ReactivateInput, Subscription>(reactivateInputSchema, subscriptionSchema),
  invoicePdf: optional<InvoicePdfInput, InvoicePdf>(invoicePdfInputSchema, invoicePdfSchema),
  updateAddress: optional<UpdateAddressInput, Customer>(updateAddressInputSchema, customerSchema),
  paymentMethodLaunch: optional<PaymentMethodLaunchInput, PortalLaunch>(
    paymentMethodLaunchInputSchema,
    portalLaunchSchema,
  ),
  getCustomer: optional<GetCustomerInput, Customer>(getCustomerInputSchema, customerSchema),
  listSubscriptions: optional<ListSubscriptionsInput, Page<Subscription>>(listSubscriptionsInputSchema, () =>
    PageSchema(subscriptionSchema()),
  ),
  logout: optional<LogoutInput, void>(logoutInputSchema, () => z.undefined()),
  parseWebhook: optional<ParseWebhookInput, BillingEvent, "webhooks">(
    parseWebhookInputSchema,
    billingEventSchema,
    "none",
    "webhooks",
  ),
} as const;

type Operations = typeof OPERATIONS;

export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = NonNullable<Operations[K]["~types"]>["input"];
export type OperationOutput<K extends OperationName> = NonNullable<Operations[K]["~types"]>["output"];
/** The method of `PortalProvider` for an operation. */
export type OperationMethod<K extends OperationName> = (input: OperationInput<K>) => Promise<OperationOutput<K>>;

export type RequiredOperation = {
  [K in OperationName]: Operations[K]["optional"] extends false ? K : never;
}[OperationName];
export type OptionalOperation = Exclude<OperationName, RequiredOperation>;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];
/** The optional methods of PortalProvider, each announced by its capability flag (CAPABILITY_FLAGS). */
export const OPTIONAL_OPERATIONS = OPERATION_NAMES.filter(
  (name): name is OptionalOperation => OPERATIONS[name].optional,
) as readonly OptionalOperation[];
export const REQUIRED_OPERATIONS = OPERATION_NAMES.filter(
  (name): name is RequiredOperation => !OPERATIONS[name].optional,
) as readonly RequiredOperation[];

/** The capability flag announcing an optional operation: its own name unless the registry names another. */
export type CapabilityFlag<K extends OptionalOperation = OptionalOperation> = K extends K
  ? Operations[K] extends { readonly capability: infer C extends string }
    ? C
    : K
  : never;

/** The capability flag of each optional operation (`parseWebhook` is announced by `webhooks`). */
export const CAPABILITY_FLAGS = Object.fromEntries(
  OPTIONAL_OPERATIONS.map((name) => [name, (OPERATIONS[name] as OperationSpec).capability ?? name]),
) as { readonly [K in OptionalOperation]: CapabilityFlag<K> };

/** The methods of PortalProvider: the required ones, and the optional ones as optional members. */
export type ProviderOperations = { [K in RequiredOperation]: OperationMethod<K> } & {
  [K in OptionalOperation]?: OperationMethod<K>;
};
