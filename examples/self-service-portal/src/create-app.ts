import {
  type AddressKind,
  allSubscriptions,
  type CancelMode,
  type Customer,
  claims,
  IdSchema,
  PortalError,
  type PortalProvider,
  type Subscription,
} from "@portalkit/core";
import { createPortalHandler, createWebhookHandler } from "@portalkit/server";
import type { Account, AccountStore } from "./accounts";
import { addressValues, formFieldOf, fromAddress, toAddress } from "./address-form";
import { type FieldErrors, validateAddress } from "./address-rules";
import { createAuthenticate } from "./authenticate";
import { type ActivityStore, createActivityStore } from "./billing-activity";
import type { ClientBundle } from "./client-bundle";
import { describeFailure } from "./describe-failure";
import { loggedPath } from "./log-path";
import { appOrigins, isCrossSite, isForeignHost } from "./origin-check";
import { type AddressFormState, addressPage } from "./pages/address-page";
import { cancelPage } from "./pages/cancel-page";
import type { SafeHtml } from "./pages/html";
import { invoicesPage } from "./pages/invoices-page";
import { type LayoutOptions, layout } from "./pages/layout";
import { messagePage } from "./pages/message-page";
import { profilePage } from "./pages/profile-page";
import { signInPage } from "./pages/sign-in-page";
import { createPortalSessionLog } from "./portal-sessions";
import { BodyTooLargeError, readForm } from "./read-form";
import { createSessionCookies } from "./session-cookie";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface AppOptions {
  provider: PortalProvider;
  /** The app's users and the customer id each is at the provider; nothing billing-related. */
  accounts: AccountStore;
  /** Whether the vendor can reactivate a subscription that has ended (Chargebee can, Stripe cannot). */
  reactivatesEnded?: boolean;
  /**
   * Where customers reach the app, e.g. "https://billing.example.com". Every absolute URL
   * the app hands out is built on it (never on the request's Host), and requests for another
   * Host are refused.
   */
  publicOrigin: string;
  /** Signs the session cookie; at least 32 characters. */
  sessionSecret: string;
  /** The page script, from buildClientBundle(). */
  client: ClientBundle;
  /** Shown in the header, e.g. "Stripe (simulator)". */
  providerLabel: string;
  /** Lists the accounts on the sign-in page: for the demo only. */
  listAccounts?: boolean;
  /** Settings for the page script, e.g. self-hosted vendor script URLs. */
  clientConfig?: Record<string, unknown>;
  /**
   * Answered before the app's own routes when it returns a response (the simulated vendor
   * pages), with the signed-in customer's id or null.
   */
  extraRoutes?: (request: Request, customerId: string | null) => Response | undefined;
  /** Where failures are logged: codes and redacted messages only. Default console.error. */
  log?: (line: string) => void;
  /** Where received billing events are kept; default a fresh in-memory store. */
  activity?: ActivityStore;
}

/** Where the vendor delivers billing events: `/webhooks/stripe`, `/webhooks/chargebee`, … */
export function webhookPath(providerId: string): string {
  return `/webhooks/${providerId}`;
}

const INVOICES_PER_PAGE = 20;

const NOTICES: Record<string, string> = {
  "address-billing": "Your billing address is saved.",
  "address-shipping": "Your shipping address is saved.",
  "cancel-period_end": "Your subscription will end at the end of the current term.",
  "cancel-now": "Your subscription is canceled.",
  reactivated: "Your subscription is active again.",
};

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location, ...headers } });
}

/**
 * The customer portal: server-rendered pages for the signed-in customer, and
 * @portalkit/server's routes under /api/portal for the page script's portal launches.
 */
export function createApp(options: AppOptions): FetchHandler {
  const { accounts, client } = options;
  // Every portal session the app opens is remembered, to be logged out on sign-out.
  const portalSessions = createPortalSessionLog(options.provider);
  const { provider } = portalSessions;
  const sessions = createSessionCookies(options.sessionSecret);
  const authenticate = createAuthenticate(sessions, accounts);
  const log = options.log ?? ((line: string) => console.error(line));
  const origins = appOrigins(options.publicOrigin);
  const portalApi = createPortalHandler(provider, {
    basePath: "/api/portal",
    authenticate,
    origin: origins.origin,
    allowedOrigins: [...origins.origins],
    onError: (error, request) => {
      if (PortalError.isInstance(error) && error.code === "unauthenticated") return;
      log(`[portal] ${request.method} ${loggedPath(request)}: ${describeFailure(error).log}`);
    },
  });

  // The vendor's webhooks: verified by the provider, kept as activity. Pages never take an
  // event's copy of the subscription as the truth; they read it from the provider.
  const activity = options.activity ?? createActivityStore();
  const webhooks = claims(provider.capabilities, "parseWebhook")
    ? createWebhookHandler(provider, {
        onEvent: (event) => activity.record(event),
        onError: (error, request) =>
          log(`[webhook] ${request.method} ${loggedPath(request)}: ${describeFailure(error).log}`),
      })
    : undefined;

  function respond(
    page: Omit<LayoutOptions, "providerLabel" | "clientConfig">,
    status = 200,
    headers: Record<string, string> = {},
  ): Response {
    const body = layout({ ...page, providerLabel: options.providerLabel, clientConfig: options.clientConfig ?? {} });
    return new Response(body.value, {
      status,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        ...SECURITY_HEADERS,
        ...headers,
      },
    });
  }

  function failed(request: Request, error: unknown) {
    const failure = describeFailure(error);
    log(`[portal] ${request.method} ${loggedPath(request)}: ${failure.log}`);
    return failure;
  }

  function accountPage(
    account: Account,
    title: string,
    body: SafeHtml,
    extra: Partial<LayoutOptions> = {},
    status = 200,
  ) {
    return respond({ title, body, signedInAs: account.name, ...extra }, status);
  }

  const unsupported = (what: string) =>
    new PortalError({ code: "unsupported", provider: provider.id, message: `The billing provider cannot ${what}` });

  /** The customer as the vendor holds it now: addresses and card summary. */
  async function readCustomer(account: Account): Promise<Customer> {
    if (!provider.getCustomer || !provider.capabilities.getCustomer) throw unsupported("read the customer");
    return provider.getCustomer({ customerId: account.customerId });
  }

  /** Every subscription of the customer at the vendor, canceled ones included, newest first. */
  async function readSubscriptions(account: Account): Promise<Subscription[]> {
    if (!provider.capabilities.listSubscriptions) throw unsupported("list subscriptions");
    const out: Subscription[] = [];
    for await (const subscription of allSubscriptions(provider, { customerId: account.customerId })) {
      out.push(subscription);
    }
    return out;
  }

  async function readSubscription(account: Account, subscriptionId: string): Promise<Subscription> {
    if (!provider.getSubscription) throw unsupported("read a subscription");
    return provider.getSubscription({ customerId: account.customerId, subscriptionId });
  }

  async function profile(request: Request, account: Account, notice?: LayoutOptions["notice"], status = 200) {
    let customer: Customer | undefined;
    let subscriptions: Subscription[] | undefined;
    try {
      [customer, subscriptions] = await Promise.all([readCustomer(account), readSubscriptions(account)]);
    } catch (error) {
      const failure = failed(request, error);
      notice ??= { kind: "error", text: `We could not load your billing details. ${failure.message}` };
      status = failure.status;
    }
    const body = profilePage({
      activity: activity.recent(account.customerId),
      capabilities: provider.capabilities,
      reactivatesEnded: options.reactivatesEnded ?? false,
      ...(customer ? { customer } : {}),
      ...(subscriptions ? { subscriptions } : {}),
    });
    return accountPage(account, "Your subscriptions", body, notice ? { notice } : {}, status);
  }

  function noticeFrom(url: URL): LayoutOptions["notice"] {
    const done = url.searchParams.get("done");
    const text = done ? NOTICES[done] : undefined;
    return text ? { kind: "success", text } : undefined;
  }

  // ---- sign-in ---------------------------------------------------------------------

  async function signIn(request: Request): Promise<Response> {
    const form = await readForm(request);
    const email = String(form.get("email") ?? "").trim();
    const account = accounts.byEmail(email);
    const signInAgain = (error: string, status: number) =>
      respond(
        { title: "Sign in", body: signInPage({ accounts: options.listAccounts ? accounts.list() : [], email, error }) },
        status,
      );
    if (!account) return signInAgain("No billing account uses this email address.", 401);
    try {
      // The customer must exist at the provider.
      await readCustomer(account);
    } catch (error) {
      return signInAgain(failed(request, error).message, 503);
    }
    return redirect("/account", { "set-cookie": sessions.issue(account.customerId, request) });
  }

  // Ends the vendor portal sessions opened for the customer, then the app's own session.
  async function signOut(request: Request, customerId: string | null): Promise<Response> {
    if (customerId) {
      for (const error of await portalSessions.endAll(customerId)) {
        log(`[portal] POST /sign-out: portal logout failed: ${describeFailure(error).log}`);
      }
    }
    return redirect("/sign-in", { "set-cookie": sessions.revoke(request) });
  }

  // ---- addresses -------------------------------------------------------------------

  /** Where the vendor keeps shipping: on each subscription (Chargebee) or on the customer. */
  const shippingPerSubscription = provider.capabilities.addressScopes.shipping === "subscription";

  /**
   * The address forms, filled with what the vendor holds now (never a copy kept here), with
   * `edited` (the form just sent, with its errors) in place of its own.
   */
  async function addressForms(
    account: Account,
    edited?: { kind: AddressKind; subscriptionId?: string; state: AddressFormState },
  ) {
    const [customer, subscriptions] = await Promise.all([
      readCustomer(account),
      shippingPerSubscription ? readSubscriptions(account) : Promise.resolve([]),
    ]);
    const same = (kind: AddressKind, subscriptionId?: string) =>
      edited?.kind === kind && edited.subscriptionId === subscriptionId ? edited.state : undefined;
    const kinds = provider.capabilities.addressKinds;
    const billing = kinds.includes("billing")
      ? (same("billing") ?? { values: fromAddress(customer.billingAddress) })
      : undefined;
    const shipping: AddressFormState[] = !kinds.includes("shipping")
      ? []
      : shippingPerSubscription
        ? subscriptions
            .filter((subscription) => subscription.status !== "canceled")
            .map((subscription) => ({
              ...(same("shipping", subscription.id) ?? { values: fromAddress(subscription.shippingAddress) }),
              subscriptionId: subscription.id,
            }))
        : [same("shipping") ?? { values: fromAddress(customer.shippingAddress) }];
    return addressPage(billing ? { billing, shipping } : { shipping });
  }

  async function addressesPage(request: Request, account: Account, notice?: LayoutOptions["notice"]) {
    try {
      return accountPage(account, "Addresses", await addressForms(account), notice ? { notice } : {});
    } catch (error) {
      const failure = failed(request, error);
      return accountPage(account, "Addresses", messagePage("Addresses", failure.message), {}, failure.status);
    }
  }

  async function saveAddress(request: Request, account: Account): Promise<Response> {
    const form = await readForm(request);
    const kind = form.get("kind");
    const rawSubscription = form.get("subscriptionId");
    const subscriptionId =
      typeof rawSubscription === "string" && rawSubscription !== "" && IdSchema.safeParse(rawSubscription).success
        ? rawSubscription
        : undefined;
    if (kind !== "billing" && kind !== "shipping") {
      return accountPage(
        account,
        "Addresses",
        messagePage("Addresses", "Choose an address to save.", "/account/address", "Addresses"),
        {},
        400,
      );
    }
    const values = addressValues(form);
    const invalid = async (errors: FieldErrors, text: string, status: number) => {
      const state = { values, errors };
      let body: SafeHtml;
      try {
        body = await addressForms(account, { kind, ...(subscriptionId ? { subscriptionId } : {}), state });
      } catch {
        body = addressPage({
          ...(kind === "billing" ? { billing: state } : {}),
          shipping: kind === "shipping" ? [state] : [],
        });
      }
      return accountPage(account, "Addresses", body, { notice: { kind: "error", text } }, status);
    };
    // Checked again here: the page's own checks do not bind anyone who posts the form directly.
    const errors = validateAddress(values);
    if (Object.keys(errors).length > 0)
      return invalid(errors, "Some of the details are not valid. Check the highlighted fields.", 400);
    if (kind === "shipping" && shippingPerSubscription && !subscriptionId) {
      return invalid({}, "Choose the subscription this shipping address is for.", 400);
    }
    try {
      if (!provider.updateAddress || !provider.capabilities.addressKinds.includes(kind)) {
        throw unsupported(`change the ${kind} address`);
      }
      // The vendor checks the subscription is this customer's (not_found otherwise).
      await provider.updateAddress({
        customerId: account.customerId,
        kind,
        address: toAddress(values),
        ...(subscriptionId ? { subscriptionId } : {}),
      });
    } catch (error) {
      const failure = failed(request, error);
      const field = PortalError.isInstance(error) ? formFieldOf(error.field) : undefined;
      if (field) {
        const text = "The billing provider did not accept some of the details. Check the highlighted fields.";
        return invalid({ [field]: "The billing provider did not accept this value." }, text, failure.status);
      }
      return invalid({}, failure.message, failure.status);
    }
    return redirect(`/account/address?done=address-${kind}`);
  }

  // ---- invoices --------------------------------------------------------------------

  async function invoices(request: Request, account: Account): Promise<Response> {
    const url = new URL(request.url);
    const cursor = url.searchParams.get("cursor") || undefined;
    const previous = url.searchParams.getAll("prev");
    const href = (at: string | undefined, trail: string[]) => {
      const query = new URLSearchParams();
      if (at) query.set("cursor", at);
      for (const entry of trail) query.append("prev", entry);
      const text = query.toString();
      return text ? `/account/invoices?${text}` : "/account/invoices";
    };
    try {
      // Pending invoices (metered charges not final yet) are left out, as the Chargebee sample portal does.
      const page = await provider.listInvoices({
        customerId: account.customerId,
        limit: INVOICES_PER_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      const body = invoicesPage({
        invoices: page.data,
        page: previous.length + 1,
        ...(page.nextCursor ? { nextHref: href(page.nextCursor, [...previous, cursor ?? ""]) } : {}),
        ...(cursor ? { previousHref: href(previous.at(-1), previous.slice(0, -1)) } : {}),
      });
      return accountPage(account, "Invoices", body);
    } catch (error) {
      const failure = failed(request, error);
      if (PortalError.isInstance(error) && error.code === "invalid_input" && error.field === "cursor") {
        const text =
          "This link to a page of invoices is not valid (it may be old or mistyped). Start again from the newest invoices.";
        return accountPage(
          account,
          "Invoices",
          messagePage("Invoices", text, "/account/invoices", "Newest invoices"),
          {},
          400,
        );
      }
      return accountPage(account, "Invoices", messagePage("Invoices", failure.message), {}, failure.status);
    }
  }

  async function invoicePdf(request: Request, account: Account, invoiceId: string): Promise<Response> {
    try {
      if (!provider.invoicePdf)
        throw new PortalError({ code: "unsupported", provider: provider.id, message: "No PDFs" });
      const { url } = await provider.invoicePdf({ customerId: account.customerId, invoiceId });
      return redirect(url);
    } catch (error) {
      const failure = failed(request, error);
      return accountPage(
        account,
        "Invoice",
        messagePage("Invoice PDF", failure.message, "/account/invoices"),
        {},
        failure.status,
      );
    }
  }

  // ---- subscription changes ----------------------------------------------------------

  /** The subscription id a form or link names, if it is one. */
  function subscriptionParam(value: FormDataEntryValue | string | null): string | undefined {
    return typeof value === "string" && IdSchema.safeParse(value).success ? value : undefined;
  }

  async function cancelForm(request: Request, account: Account): Promise<Response> {
    const subscriptionId = subscriptionParam(new URL(request.url).searchParams.get("subscription"));
    if (!subscriptionId) return redirect("/account");
    try {
      const subscription = await readSubscription(account, subscriptionId);
      if (subscription.status === "canceled") return redirect("/account");
      return accountPage(account, "Cancel", cancelPage(subscription, provider.capabilities.cancelModes));
    } catch (error) {
      const failure = failed(request, error);
      return profile(request, account, { kind: "error", text: failure.message }, failure.status);
    }
  }

  async function cancel(request: Request, account: Account): Promise<Response> {
    const form = await readForm(request);
    const when = form.get("when");
    const subscriptionId = subscriptionParam(form.get("subscriptionId"));
    if (!subscriptionId) return redirect("/account");
    const back = `/account/cancel?subscription=${encodeURIComponent(subscriptionId)}`;
    if (when !== "now" && when !== "period_end") return redirect(back);
    if (!provider.capabilities.cancelModes.includes(when as CancelMode)) return redirect(back);
    try {
      await provider.cancel({ customerId: account.customerId, subscriptionId, when });
      return redirect(`/account?done=cancel-${when}`);
    } catch (error) {
      const failure = failed(request, error);
      return profile(
        request,
        account,
        { kind: "error", text: `The subscription was not canceled. ${failure.message}` },
        failure.status,
      );
    }
  }

  async function reactivate(request: Request, account: Account): Promise<Response> {
    const subscriptionId = subscriptionParam((await readForm(request)).get("subscriptionId"));
    if (!subscriptionId) return redirect("/account");
    try {
      if (!provider.reactivate) throw unsupported("reactivate a subscription");
      await provider.reactivate({ customerId: account.customerId, subscriptionId });
      return redirect("/account?done=reactivated");
    } catch (error) {
      const failure = failed(request, error);
      const text =
        PortalError.isInstance(error) && error.code === "conflict"
          ? "This subscription has ended and cannot be reactivated here. Start a new one in the billing portal."
          : `The subscription was not reactivated. ${failure.message}`;
      return profile(request, account, { kind: "error", text }, failure.status);
    }
  }

  async function paymentMethodLaunch(request: Request, account: Account): Promise<Response> {
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json", "cache-control": "no-store" },
      });
    try {
      const returnUrl = `${origins.origin}/account`;
      const launch =
        provider.paymentMethodLaunch && provider.capabilities.paymentMethodLaunch
          ? await provider.paymentMethodLaunch({ customerId: account.customerId, returnUrl })
          : await provider.openSection({
              customerId: account.customerId,
              section: "payment_sources",
              returnUrl,
              fallback: "portal",
            });
      return json(200, launch);
    } catch (error) {
      const failure = failed(request, error);
      const code = PortalError.isInstance(error) ? error.code : "internal";
      return json(failure.status, { error: { code, message: failure.message } });
    }
  }

  // ---- routing ---------------------------------------------------------------------

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const { pathname } = url;
    // HEAD is answered as GET, without the body (see the handler below).
    const method = request.method === "HEAD" ? "GET" : request.method;
    if (isForeignHost(request, origins)) {
      return respond(
        {
          title: "Wrong address",
          body: messagePage("Wrong address", "This app is not served under that name.", origins.origin),
        },
        421,
      );
    }
    if (pathname === "/api/portal" || pathname.startsWith("/api/portal/")) return portalApi(request);
    // A vendor's delivery is not a browser's request: no cookie, no Origin; the signature is its proof.
    if (webhooks && pathname === webhookPath(provider.id)) return webhooks(request);
    const asset = client.get(pathname);
    if (asset !== undefined && method === "GET") {
      return new Response(asset, {
        headers: { "content-type": "text/javascript", "cache-control": "no-cache", ...SECURITY_HEADERS },
      });
    }
    if (method === "POST" && isCrossSite(request, origins)) {
      return respond(
        { title: "Not allowed", body: messagePage("Not allowed", "This form was sent from another site.", "/") },
        403,
      );
    }
    const customerId = authenticate(request);
    const account = customerId ? accounts.byCustomerId(customerId) : undefined;
    const extra = options.extraRoutes?.(request, account ? account.customerId : null);
    if (extra) return extra;

    if (pathname === "/" && method === "GET") return redirect(account ? "/account" : "/sign-in");
    if (pathname === "/sign-in" && method === "GET") {
      if (account) return redirect("/account");
      return respond({ title: "Sign in", body: signInPage({ accounts: options.listAccounts ? accounts.list() : [] }) });
    }
    if (pathname === "/sign-in" && method === "POST") return signIn(request);
    if (pathname === "/sign-out" && method === "POST") return signOut(request, customerId);

    if (pathname === "/account" || pathname.startsWith("/account/")) {
      if (!account)
        return method === "GET"
          ? redirect("/sign-in")
          : redirect("/sign-in", { "set-cookie": sessions.clear(request) });
      const pdf = /^\/account\/invoices\/([^/]+)\/pdf$/.exec(pathname);
      if (method === "GET") {
        if (pathname === "/account") return profile(request, account, noticeFrom(url));
        if (pathname === "/account/address") return addressesPage(request, account, noticeFrom(url));
        if (pathname === "/account/invoices") return invoices(request, account);
        if (pdf) {
          const invoiceId = safeDecode(pdf[1] ?? "");
          if (invoiceId === undefined) {
            return accountPage(
              account,
              "Invoice",
              messagePage("Invoice PDF", "This invoice link is not valid.", "/account/invoices"),
              {},
              400,
            );
          }
          return invoicePdf(request, account, invoiceId);
        }
        if (pathname === "/account/cancel") return cancelForm(request, account);
      }
      if (method === "POST") {
        if (pathname === "/account/address") return saveAddress(request, account);
        if (pathname === "/account/cancel") return cancel(request, account);
        if (pathname === "/account/reactivate") return reactivate(request, account);
        if (pathname === "/account/payment-method") return paymentMethodLaunch(request, account);
      }
    }
    return respond(
      { title: "Not found", body: messagePage("Page not found", "There is no page at this address.", "/") },
      404,
    );
  }

  async function answer(request: Request): Promise<Response> {
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return respond(
          { title: "Too large", body: messagePage("Too large", "The form sent was too large.", "/") },
          413,
          { connection: "close" },
        );
      }
      const failure = failed(request, error);
      return respond(
        { title: "Error", body: messagePage("Something went wrong", failure.message, "/") },
        failure.status,
      );
    }
  }

  return async (request) => {
    const response = await answer(request);
    if (request.method !== "HEAD") return response;
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
