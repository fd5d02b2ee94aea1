// A local stand-in for the Billflow embed (https://js.billflow.io/billflow-embed.js), served
// at /vendor/billflow-embed.js when the demo runs on the simulators. Like the real script it
// reads window.billflowSettings when it runs, renders into <div id="billflow-embed"> and
// reports through settings.handleResponse({ event, response }).
(() => {
  const settings = window.billflowSettings;
  const target = document.getElementById("billflow-embed");
  if (!settings || !target || typeof settings.handleResponse !== "function") return;
  const { handleResponse, hash: _hash, ...config } = settings;
  handleResponse({ event: "pre_load", response: config });
  const card = document.createElement("div");
  card.setAttribute("style", "border:1px solid #5b3cc4;border-radius:10px;padding:16px 20px;margin:16px 0");
  const line = (tag, text, testId) => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (testId) element.dataset.testid = testId;
    card.append(element);
  };
  line("p", "Billflow embed stand-in · the demo runs offline");
  line("h2", "Billflow billing page");
  line("p", `Customer ${config.customer_id ?? config.email}`, "portal-customer");
  line("p", `Subscription ${config.subscription_id ?? "(all)"} · page ${config.billing_page_id}`, "portal-section");
  const quantity = config.options?.quantity;
  line(
    "p",
    `Service ${config.service ?? "(default)"} · quantity ${
      typeof quantity === "object" && quantity !== null
        ? Object.entries(quantity)
            .map(([label, count]) => `${label} ${count}`)
            .join(", ")
        : (quantity ?? "(default)")
    }`,
    "portal-options",
  );
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = "Cancel subscription";
  cancel.dataset.testid = "portal-cancel";
  cancel.addEventListener("click", async () => {
    // Billflow changes the subscription on Stripe; the app hears of it by Stripe's webhook.
    await fetch("/simulated/portal/cancel?vendor=stripe", { method: "POST" });
    line("p", "Your subscription will end at the end of the period.", "portal-cancelled");
    handleResponse({ event: "cancel_subscription", response: { subscription_id: config.subscription_id } });
  });
  card.append(cancel);
  target.append(card);
  const subscription = { id: config.subscription_id, object: "subscription", customer: config.customer_id };
  handleResponse({
    event: "post_load",
    response: { billingData: { subscriptions: [subscription] }, currentConfig: config },
  });
})();
