import { type ParamSpec, type RouteSpec, readRoute } from "@portalkit/core/testing";
import type { Card, Customer, Download, HostedPage, Invoice, PortalSession, Subscription } from "chargebee";
import { notFound } from "./error-response";

// The objects the simulator keeps and answers with, typed against the SDK's own resource
// types: a field the SDK does not know, or a missing required one, fails to compile.

export type WireCustomer = Customer & { object: "customer" };
export type WireSubscription = Subscription & { object: "subscription" };
export type WireInvoice = Invoice & { object: "invoice" };
export type WireCard = Card & { object: "card" };
export type WirePortalSession = PortalSession & { object: "portal_session" };
/** The SDK marks `content` required, but the API leaves it out until the page is completed. */
export type WireHostedPage = Omit<HostedPage, "content"> & { object: "hosted_page" };
export type WireDownload = Download & { object: "download" };

/** Chargebee's error body. `error_code`/`error_msg`/`error_param` are its older names, still sent. */
export interface ChargebeeErrorBody {
  message: string;
  type?: "payment" | "invalid_request" | "operation_failed";
  api_error_code: string;
  param?: string;
  error_code: string;
  error_msg: string;
  error_param?: string;
  http_status_code: number;
}

/** A Chargebee JSON answer. */
export function json(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json;charset=utf-8" },
  });
}

/** The object under `id`, unless Chargebee has marked it deleted (reads of it answer 404). */
export function live<T extends { deleted?: boolean }>(
  items: { get(id: string): T | undefined },
  id: string,
): T | undefined {
  const item = items.get(id);
  return item && !item.deleted ? item : undefined;
}

/** `GET <path>`: the object the `:id` names under its kind (`{ invoice }`), or Chargebee's 404. */
export function chargebeeReadRoute<T>(
  path: string,
  kind: string,
  get: (id: string) => T | undefined,
  params: ParamSpec = {},
): RouteSpec {
  return readRoute({
    path,
    params,
    get,
    found: (item) => json({ [kind]: item }),
    missing: (id) => notFound(`${kind} ${id}`),
  });
}
