import { type FormObject, hashParam, type ParamSpec, type RouteSpec, stringParam } from "@portalkit/core/testing";
import type Stripe from "stripe";
import { portalSessionFixture } from "../fixtures";
import type { StripeStore } from "../simulator";
import { invalidParameter, resourceMissing, stripeId, stripeJson } from "../wire";
import { EXPAND } from "./params";
import { hasEnded } from "./subscriptions";

const SESSION_CREATE: ParamSpec = {
  ...EXPAND,
  customer: true,
  customer_account: true,
  return_url: true,
  configuration: true,
  locale: true,
  on_behalf_of: true,
  flow_data: {
    type: true,
    after_completion: {
      type: true,
      redirect: { return_url: true },
      hosted_confirmation: { custom_message: true },
    },
    subscription_cancel: { subscription: true, retention: { type: true, coupon_offer: { coupon: true } } },
    subscription_update: { subscription: true },
    subscription_pause: { subscription: true },
    subscription_update_confirm: {
      subscription: true,
      items: { id: true, price: true, quantity: true },
      discounts: { coupon: true, promotion_code: true },
    },
  },
};

const FLOW_TYPES = new Set([
  "payment_method_update",
  "subscription_cancel",
  "subscription_update",
  "subscription_update_confirm",
  "subscription_pause",
  "customer_update",
]);
const DEFAULT_CONFIGURATION = "bpc_1PortalkitDefaultConfig";

function afterCompletion(params: FormObject | undefined): Stripe.BillingPortal.Session.Flow.AfterCompletion {
  if (!params) return { type: "portal_homepage", hosted_confirmation: null, redirect: null };
  const type = stringParam(params.type) ?? "portal_homepage";
  const redirectUrl = stringParam(hashParam(params.redirect)?.return_url);
  return {
    type: type as Stripe.BillingPortal.Session.Flow.AfterCompletion.Type,
    hosted_confirmation:
      type === "hosted_confirmation"
        ? { custom_message: stringParam(hashParam(params.hosted_confirmation)?.custom_message) ?? null }
        : null,
    redirect: type === "redirect" && redirectUrl ? { return_url: redirectUrl } : null,
  };
}

function flowOf(
  store: StripeStore,
  customerId: string,
  flowData: FormObject,
): Stripe.BillingPortal.Session.Flow | Response {
  const type = stringParam(flowData.type);
  if (!type || !FLOW_TYPES.has(type)) {
    return invalidParameter(
      "flow_data[type]",
      `Invalid flow_data[type]: must be one of ${[...FLOW_TYPES].join(", ")}`,
      "parameter_invalid_string",
    );
  }
  const flow: Stripe.BillingPortal.Session.Flow = {
    type: type as Stripe.BillingPortal.Session.Flow.Type,
    after_completion: afterCompletion(hashParam(flowData.after_completion)),
    customer_update: type === "customer_update" ? {} : null,
    subscription_cancel: null,
    subscription_pause: null,
    subscription_update: null,
    subscription_update_confirm: null,
  } as Stripe.BillingPortal.Session.Flow;
  if (!type.startsWith("subscription_")) return flow;
  const param = `flow_data[${type}][subscription]`;
  const subscriptionId = stringParam(hashParam(flowData[type])?.subscription);
  if (!subscriptionId) return invalidParameter(param, `Missing required param: ${param}.`, "parameter_missing");
  const subscription = store.subscriptions.get(subscriptionId);
  if (!subscription) return resourceMissing("subscription", subscriptionId, param, 400);
  if (subscription.customer !== customerId) {
    return invalidParameter(
      param,
      `The subscription ${subscriptionId} does not belong to the customer ${customerId}.`,
      "resource_missing",
    );
  }
  if (hasEnded(subscription)) {
    return invalidParameter(param, `The subscription ${subscriptionId} has been canceled.`, "subscription_canceled");
  }
  if (type === "subscription_cancel") flow.subscription_cancel = { subscription: subscriptionId, retention: null };
  if (type === "subscription_update") flow.subscription_update = { subscription: subscriptionId };
  if (type === "subscription_pause") flow.subscription_pause = { subscription: subscriptionId };
  if (type === "subscription_update_confirm") {
    flow.subscription_update_confirm = { subscription: subscriptionId, discounts: null, items: [] };
  }
  return flow;
}

function createSession(store: StripeStore, params: FormObject): Response {
  const customerId = stringParam(params.customer);
  if (!customerId) return invalidParameter("customer", "Missing required param: customer.", "parameter_missing");
  if (!store.customers.has(customerId)) return resourceMissing("customer", customerId, "customer", 400);
  const flowData = hashParam(params.flow_data);
  const flow = flowData ? flowOf(store, customerId, flowData) : null;
  if (flow instanceof Response) return flow;
  const session = structuredClone(portalSessionFixture);
  session.id = stripeId("bps");
  session.created = store.now();
  session.customer = customerId;
  session.livemode = false;
  session.flow = flow;
  session.configuration = stringParam(params.configuration) ?? DEFAULT_CONFIGURATION;
  session.locale = (stringParam(params.locale) as Stripe.BillingPortal.Session.Locale | undefined) ?? null;
  session.on_behalf_of = stringParam(params.on_behalf_of) ?? null;
  session.return_url = stringParam(params.return_url) ?? null;
  session.url = `https://billing.stripe.com/p/session/${stripeId("test").slice(5)}`;
  store.sessions.set(session.id, session);
  return stripeJson(200, session);
}

/** `/v1/billing_portal/sessions`: portal sessions, with `flow_data` deep links. */
export function portalSessionRoutes(store: StripeStore): RouteSpec[] {
  return [
    {
      method: "POST",
      path: "/v1/billing_portal/sessions",
      params: SESSION_CREATE,
      handle: (request) => createSession(store, request.input),
    },
  ];
}
