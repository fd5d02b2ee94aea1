"use client";

import type { Invoice } from "@portalkit/core";
import {
  ManageBillingButton,
  PortalKitProvider,
  useCustomer,
  useInvoices,
  usePortalKit,
  usePortalLaunch,
  useSubscriptions,
} from "@portalkit/react";
import { useEffect, useState } from "react";
import type { Activity } from "../lib/activity";

const money = (invoice: Invoice) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: invoice.total.currency }).format(
    invoice.total.amount / 100,
  );
const day = (iso?: string) => (iso ? iso.slice(0, 10) : "");

export function Billing() {
  const [events, setEvents] = useState<string[]>([]);
  return (
    <PortalKitProvider
      basePath="/api/portal"
      // On the simulator, a local stand-in for https://js.chargebee.com/v2/chargebee.js;
      // with a real Chargebee site, leave scriptUrl out.
      launchOptions={{ scriptUrl: "/vendor/chargebee.js" }}
      onEvent={(event) => setEvents((list) => [...list, event.type])}
    >
      <main>
        <header>
          <h1>Billing</h1>
          <form method="post" action="/api/session?signOut=1">
            <button type="submit" id="sign-out">
              Sign out
            </button>
          </form>
        </header>
        <Customer />
        <Subscriptions />
        <Invoices />
        <section>
          <h2>Portal events</h2>
          <p id="events" className="muted">
            {events.join(", ") || "None yet"}
          </p>
        </section>
        <BillingActivity />
      </main>
    </PortalKitProvider>
  );
}

function Customer() {
  const { data: customer, error } = useCustomer();
  return (
    <section id="customer">
      <h2>Account</h2>
      {error && <p role="alert">{error.message}</p>}
      {customer && (
        <p>
          Signed in as <span id="customer-email">{customer.email}</span>
          {customer.paymentMethod?.last4 && (
            <span className="muted">
              {" "}
              · {customer.paymentMethod.brand ?? customer.paymentMethod.type} ending {customer.paymentMethod.last4}
            </span>
          )}
        </p>
      )}
      <ManageBillingButton id="manage-billing">Open billing portal</ManageBillingButton>
      <ManageBillingButton id="payment-methods" section="payment_sources">
        Payment methods
      </ManageBillingButton>
    </section>
  );
}

function Subscriptions() {
  const { data, error } = useSubscriptions();
  const { open, loading, error: launchError } = usePortalLaunch();
  return (
    <section id="subscriptions">
      <h2>Subscription</h2>
      {error && <p role="alert">{error.message}</p>}
      {data?.map((subscription) => (
        <div key={subscription.id}>
          <p>
            {subscription.items.map((item) => `${item.priceId} × ${item.quantity}`).join(", ")} ·{" "}
            <strong className="subscription-status">{subscription.status}</strong>
            {subscription.cancelAt && <span className="muted"> · ends {day(subscription.cancelAt)}</span>}
            {subscription.currentPeriodEnd && !subscription.cancelAt && (
              <span className="muted"> · renews {day(subscription.currentPeriodEnd)}</span>
            )}
          </p>
          <ManageBillingButton id="manage-subscription" section="subscription_details" subscriptionId={subscription.id}>
            Manage subscription
          </ManageBillingButton>
          <button
            type="button"
            id="cancel-subscription"
            aria-busy={loading}
            onClick={() => open({ section: "cancel_subscription", subscriptionId: subscription.id })}
          >
            Cancel subscription
          </button>
          {launchError && <span role="alert">{launchError.message}</span>}
        </div>
      ))}
    </section>
  );
}

function Invoices() {
  const { data, error, page, hasNext, next, previous, loading } = useInvoices({ limit: 10 });
  return (
    <section id="invoices" data-page={page} aria-busy={loading}>
      <h2>Invoices</h2>
      {error && <p role="alert">{error.message}</p>}
      <table>
        <tbody>
          {data?.map((invoice) => (
            <tr key={invoice.id} className="invoice">
              <td>{invoice.number ?? invoice.id}</td>
              <td>{day(invoice.issuedAt)}</td>
              <td>{invoice.status}</td>
              <td>{money(invoice)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" id="newer" disabled={page === 0} onClick={previous}>
        Newer
      </button>
      <button type="button" id="older" disabled={!hasNext} onClick={next}>
        Older
      </button>
      <span className="muted">Page {page + 1}</span>
    </section>
  );
}

// A read of the app's own, re-read with the bindings' ones: usePortalKit().version moves
// when a portal closes or reports a change.
function BillingActivity() {
  const { version } = usePortalKit();
  const [activity, setActivity] = useState<Activity[]>([]);
  useEffect(() => {
    let live = true;
    fetch(`/api/activity?v=${version}`)
      .then((response) => (response.ok ? response.json() : []))
      .then((list: Activity[]) => live && setActivity(list));
    return () => {
      live = false;
    };
  }, [version]);
  return (
    <section id="activity">
      <h2>Billing activity (from Chargebee's webhooks)</h2>
      {activity.length === 0 && <p className="muted">None yet</p>}
      <ul>
        {activity.map((item) => (
          <li key={item.id} className="activity">
            <span className="activity-type">{item.type}</span>{" "}
            <span className="muted">
              {item.subscriptionId} · {item.occurredAt.replace("T", " ").slice(0, 19)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
