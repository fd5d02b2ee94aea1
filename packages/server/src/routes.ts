import {
  CancelInputSchema,
  CreateSessionInputSchema,
  claims,
  LogoutInputSchema,
  OpenSectionInputSchema,
  type OptionalOperation,
  PortalError,
  type PortalProvider,
  parseInput,
  SubscriptionRefInputSchema,
  UpdateAddressInputSchema,
} from "@portalkit/core";
import { parseInvoiceQuery } from "./invoice-query";
import { readJsonObject } from "./read-json";
import { checkReturnUrl } from "./return-url";
import { sessionBody } from "./session-body";
import { parseSubscriptionQuery } from "./subscription-query";

export interface RouteContext {
  provider: PortalProvider;
  customerId: string;
  /** The `:id` segment of the path, decoded. */
  id: string;
  request: Request;
  url: URL;
  /** The most bytes a JSON body may hold (counted while read). */
  maxBodyBytes: number;
  /** Origins a `returnUrl` may point at. */
  returnOrigins: ReadonlySet<string>;
}

export interface Route {
  method: "GET" | "POST";
  /** Path segments after the base path; ":id" stands for one segment. */
  path: readonly string[];
  handle(context: RouteContext): Promise<unknown>;
}

// Request bodies are the operation inputs without the ids the server fills in: the
// customer always comes from `authenticate`, a subscription or invoice from the path.
const SessionBody = CreateSessionInputSchema.omit({ customerId: true });
const LaunchBody = OpenSectionInputSchema.omit({ customerId: true }).partial({ section: true });
const CancelBody = CancelInputSchema.omit({ customerId: true, subscriptionId: true });
const EmptyBody = SubscriptionRefInputSchema.omit({ customerId: true, subscriptionId: true });
const AddressBody = UpdateAddressInputSchema.omit({ customerId: true });
const LogoutBody = LogoutInputSchema.omit({ customerId: true });

async function body<S extends Parameters<typeof parseInput>[0]>(schema: S, context: RouteContext) {
  const object = await readJsonObject(context.request, context.provider.id, context.maxBodyBytes);
  return parseInput(schema, object, context.provider.id);
}

function unsupported(provider: PortalProvider, operation: string): PortalError {
  return new PortalError({
    code: "unsupported",
    provider: provider.id,
    message: `The ${provider.id} provider does not offer ${operation}`,
  });
}

/** An optional operation of the registry, when the provider claims it and has it. */
function offered<K extends OptionalOperation>(
  provider: PortalProvider,
  operation: K,
  what: string,
): NonNullable<PortalProvider[K]> {
  const method = provider[operation];
  if (!claims(provider.capabilities, operation) || typeof method !== "function") throw unsupported(provider, what);
  return method.bind(provider) as NonNullable<PortalProvider[K]>;
}

export const ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: ["session"],
    async handle(context) {
      const input = await body(SessionBody, context);
      checkReturnUrl(input.returnUrl, context.returnOrigins, context.provider.id);
      return sessionBody(await context.provider.createSession({ ...input, customerId: context.customerId }));
    },
  },
  {
    method: "POST",
    path: ["launch"],
    async handle(context) {
      const { section, subscriptionId, returnUrl, fallback, vendorOptions } = await body(LaunchBody, context);
      const { provider, customerId } = context;
      checkReturnUrl(returnUrl, context.returnOrigins, provider.id);
      if (section) {
        return provider.openSection({ customerId, section, subscriptionId, returnUrl, fallback, vendorOptions });
      }
      if (subscriptionId !== undefined || fallback !== undefined) {
        throw new PortalError({
          code: "invalid_input",
          provider: provider.id,
          field: "section",
          message: "Invalid input at section: required with subscriptionId or fallback",
        });
      }
      return provider.openPortal({ customerId, returnUrl, vendorOptions });
    },
  },
  {
    method: "GET",
    path: ["invoices"],
    handle({ provider, customerId, url }) {
      return provider.listInvoices(parseInvoiceQuery(url.searchParams, provider.id, customerId));
    },
  },
  {
    method: "GET",
    path: ["invoices", ":id", "pdf"],
    async handle({ provider, customerId, id }) {
      return offered(provider, "invoicePdf", "invoice PDFs")({ customerId, invoiceId: id });
    },
  },
  {
    method: "GET",
    path: ["customer"],
    async handle({ provider, customerId }) {
      return offered(provider, "getCustomer", "reading the customer")({ customerId });
    },
  },
  {
    method: "GET",
    path: ["subscriptions"],
    async handle({ provider, customerId, url }) {
      const query = parseSubscriptionQuery(url.searchParams, provider.id);
      return offered(provider, "listSubscriptions", "listing subscriptions")({ ...query, customerId });
    },
  },
  {
    method: "GET",
    path: ["subscriptions", ":id"],
    async handle({ provider, customerId, id }) {
      return offered(provider, "getSubscription", "reading a subscription")({ customerId, subscriptionId: id });
    },
  },
  {
    method: "POST",
    path: ["subscriptions", ":id", "cancel"],
    async handle(context) {
      const input = await body(CancelBody, context);
      const { provider, customerId, id } = context;
      if (!provider.capabilities.cancelModes.includes(input.when)) {
        throw unsupported(provider, `cancelling with when: "${input.when}"`);
      }
      return provider.cancel({ ...input, customerId, subscriptionId: id });
    },
  },
  {
    method: "POST",
    path: ["subscriptions", ":id", "reactivate"],
    async handle(context) {
      await body(EmptyBody, context);
      const { provider, customerId, id } = context;
      return offered(provider, "reactivate", "reactivation")({ customerId, subscriptionId: id });
    },
  },
  {
    method: "POST",
    path: ["logout"],
    // Ends one of the signed-in customer's vendor portal sessions (`session.id` of POST
    // /session, `sessionId` of a launch); another customer's is 404, as an unknown one.
    async handle(context) {
      const { sessionId } = await body(LogoutBody, context);
      const { provider, customerId } = context;
      await offered(provider, "logout", "portal logout")({ customerId, sessionId });
      return { loggedOut: true };
    },
  },
  {
    method: "POST",
    path: ["address"],
    async handle(context) {
      const input = await body(AddressBody, context);
      const { provider, customerId } = context;
      const updateAddress = offered(provider, "updateAddress", "address updates");
      if (!provider.capabilities.addressKinds.includes(input.kind)) {
        throw unsupported(provider, `${input.kind} address updates`);
      }
      return updateAddress({ ...input, customerId });
    },
  },
];
