import {
  type AddressKind,
  type CancelMode,
  type Customer,
  PortalError,
  type PortalProvider,
  type Subscription,
} from "@portalkit/core";
import { createPortalHandler } from "@portalkit/server";
import type { Account, AccountStore } from "./accounts";
import { addressValues, formFieldOf, fromAddress, toAddress } from "./address-form";
import { type FieldErrors, validateAddress } from "./address-rules";
import { createAuthenticate } from "./authenticate";
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
  /** The app's users, with the customer and subscription ids they hold at the provider. */
  accounts: AccountStore;
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

  async function readSubscription(account: Account): Promise<Subscription> {
    if (!provider.getSubscription) {
      throw new PortalError({ code: "unsupported", provider: provider.id, message: "No subscription reads" });
    }
    return provider.getSubscription({ customerId: account.customerId, subscriptionId: account.subscriptionId });
  }

  async function profile(request: Request, account: Account, notice?: LayoutOptions["notice"], status = 200) {
    let subscription: Subscription | undefined;
    try {
      subscription = await readSubscription(account);
    } catch (error) {
      const failure = failed(request, error);
      notice ??= { kind: "error", text: `We could not load your subscription. ${failure.message}` };
      status = failure.status;
    }
    const body = profilePage({
      account,
      capabilities: provider.capabilities,
      ...(subscription ? { subscription } : {}),
    });
    return accountPage(account, "Your subscription", body, notice ? { notice } : {}, status);
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
      // The customer must exist at the provider and hold the subscription on file.
      await readSubscription(account);
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

  function addressForms(account: Account, kind?: AddressKind, state?: AddressFormState) {
    const forms: Record<AddressKind, AddressFormState> = {
      billing: { values: fromAddress(account.billingAddress) },
      shipping: { values: fromAddress(account.shippingAddress) },
    };
    if (kind && state) forms[kind] = state;
    return addressPage(forms);
  }

  async function saveAddress(request: Request, account: Account): Promise<Response> {
    const form = await readForm(request);
    const kind = form.get("kind");
    if (kind !== "billing" && kind !== "shipping") {
      return accountPage(
        account,
        "Addresses",
        addressForms(account),
        { notice: { kind: "error", text: "Choose an address to save." } },
        400,
      );
    }
    const values = addressValues(form);
    const invalid = (errors: FieldErrors, text: string, status: number) =>
      accountPage(
        account,
        "Addresses",
        addressForms(account, kind, { values, errors }),
        { notice: { kind: "error", text } },
        status,
      );
    // Checked again here: the page's own checks do not bind anyone who posts the form directly.
    const errors = validateAddress(values);
    if (Object.keys(errors).length > 0)
      return invalid(errors, "Some of the details are not valid. Check the highlighted fields.", 400);
    let customer: Customer;
    try {
      if (!provider.updateAddress || !provider.capabilities.addressKinds.includes(kind)) {
        throw new PortalError({ code: "unsupported", provider: provider.id, message: `No ${kind} address updates` });
      }
      customer = await provider.updateAddress({
        customerId: account.customerId,
        kind,
        address: toAddress(values),
        ...(kind === "shipping" ? { subscriptionId: account.subscriptionId } : {}),
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
    accounts.rememberCustomer(account.customerId, customer);
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
      const page = await provider.listInvoices({
        customerId: account.customerId,
        includePending: true,
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

  async function cancelForm(request: Request, account: Account): Promise<Response> {
    try {
      const subscription = await readSubscription(account);
      if (subscription.status === "canceled") return redirect("/account");
      return accountPage(account, "Cancel", cancelPage(subscription, provider.capabilities.cancelModes));
    } catch {
      // The profile page says what failed.
      return profile(request, account);
    }
  }

  async function cancel(request: Request, account: Account): Promise<Response> {
    const when = (await readForm(request)).get("when");
    if (when !== "now" && when !== "period_end") return redirect("/account/cancel");
    if (!provider.capabilities.cancelModes.includes(when as CancelMode)) return redirect("/account/cancel");
    try {
      await provider.cancel({ customerId: account.customerId, subscriptionId: account.subscriptionId, when });
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
    try {
      if (!provider.reactivate)
        throw new PortalError({ code: "unsupported", provider: provider.id, message: "No reactivation" });
      await provider.reactivate({ customerId: account.customerId, subscriptionId: account.subscriptionId });
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
        if (pathname === "/account/address") {
          const notice = noticeFrom(url);
          return accountPage(account, "Addresses", addressForms(account), notice ? { notice } : {});
        }
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
