import * as z from "zod";
import {
  type CancelInput,
  CancelInputSchema,
  type CreateSessionInput,
  CreateSessionInputSchema,
  type GetCustomerInput,
  GetCustomerInputSchema,
  type GetSubscriptionInput,
  GetSubscriptionInputSchema,
  type InvoicePdfInput,
  InvoicePdfInputSchema,
  type ListInvoicesInput,
  ListInvoicesInputSchema,
  type ListSubscriptionsInput,
  ListSubscriptionsInputSchema,
  type LogoutInput,
  LogoutInputSchema,
  type OpenPortalInput,
  OpenPortalInputSchema,
  type OpenSectionInput,
  OpenSectionInputSchema,
  type ParseWebhookInput,
  ParseWebhookInputSchema,
  type PaymentMethodLaunchInput,
  PaymentMethodLaunchInputSchema,
  type ReactivateInput,
  ReactivateInputSchema,
  type UpdateAddressInput,
  UpdateAddressInputSchema,
} from "./inputs";
import {
  type BillingEvent,
  BillingEventSchema,
  type Customer,
  CustomerSchema,
  type Invoice,
  type InvoicePdf,
  InvoicePdfSchema,
  InvoiceSchema,
  type Page,
  PageSchema,
  type PortalLaunch,
  PortalLaunchSchema,
  type PortalSession,
  PortalSessionSchema,
  type Subscription,
  SubscriptionSchema,
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

/** A required operation: its input and answer schemas, on the customer's objects unless told otherwise. */
function required<I, O>(
  input: z.ZodType<I>,
  output: z.ZodType,
  scope: Scope = "customer",
): OperationSpec<I, O> & { readonly optional: false } {
  return { input, output, scope, optional: false };
}

/** An optional operation, announced by the capability flag of its name (or `capability`). */
function optional<I, O>(
  input: z.ZodType<I>,
  output: z.ZodType,
  scope?: Scope,
): OperationSpec<I, O> & { readonly optional: true };
function optional<I, O, const C extends string>(
  input: z.ZodType<I>,
  output: z.ZodType,
  scope: Scope,
  capability: C,
): OperationSpec<I, O> & { readonly optional: true; readonly capability: C };
function optional<I, O>(
  input: z.ZodType<I>,
  output: z.ZodType,
  scope: Scope = "customer",
  capability?: string,
): OperationSpec<I, O> & { readonly optional: true } {
  return { input, output, scope, optional: true, ...(capability !== undefined ? { capability } : {}) };
}

/**
 * Every operation of `PortalProvider`, listed once. The provider type, the capability
 * flags, the router, the shadow, the property suite and the harness all read this table,
 * so adding an operation is one entry here plus the adapters' implementations.
 */
export const OPERATIONS = {
  createSession: required<CreateSessionInput, PortalSession>(CreateSessionInputSchema, PortalSessionSchema),
  openPortal: required<OpenPortalInput, PortalLaunch>(OpenPortalInputSchema, PortalLaunchSchema),
  openSection: required<OpenSectionInput, PortalLaunch>(OpenSectionInputSchema, PortalLaunchSchema),
  listInvoices: required<ListInvoicesInput, Page<Invoice>>(ListInvoicesInputSchema, PageSchema(InvoiceSchema)),
  cancel: required<CancelInput, Subscription>(CancelInputSchema, SubscriptionSchema),
  getSubscription: optional<GetSubscriptionInput, Subscription>(GetSubscriptionInputSchema, SubscriptionSchema),
  reactivate: optional<ReactivateInput, Subscription>(ReactivateInputSchema, SubscriptionSchema),
  invoicePdf: optional<InvoicePdfInput, InvoicePdf>(InvoicePdfInputSchema, InvoicePdfSchema),
  updateAddress: optional<UpdateAddressInput, Customer>(UpdateAddressInputSchema, CustomerSchema),
  paymentMethodLaunch: optional<PaymentMethodLaunchInput, PortalLaunch>(
    PaymentMethodLaunchInputSchema,
    PortalLaunchSchema,
  ),
  getCustomer: optional<GetCustomerInput, Customer>(GetCustomerInputSchema, CustomerSchema),
  listSubscriptions: optional<ListSubscriptionsInput, Page<Subscription>>(
    ListSubscriptionsInputSchema,
    PageSchema(SubscriptionSchema),
  ),
  logout: optional<LogoutInput, void>(LogoutInputSchema, z.undefined()),
  parseWebhook: optional<ParseWebhookInput, BillingEvent, "webhooks">(
    ParseWebhookInputSchema,
    BillingEventSchema,
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
