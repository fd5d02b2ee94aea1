// A local stand-in for Chargebee.js (https://js.chargebee.com/v2/chargebee.js), so that the
// demo runs offline on the Chargebee simulator: the documented Chargebee object, instance and
// portal, drawing a modal in place of Chargebee's portal. Its "Cancel at end of term" button
// does what Chargebee's portal does: the subscription changes at the vendor (the simulator,
// through /api/simulated/portal/cancel), which delivers the event to the app's webhook
// handler, and the portal reports it with the subscriptionCancelled callback.
(() => {
  const SECTIONS = {
    SUBSCRIPTION_DETAILS: "sub_details",
    SUBSCRIPTION_CANCELLATION: "sub_cancel",
    EDIT_SUBSCRIPTION: "edit_subscription",
    ACCOUNT_DETAILS: "account_details",
    ADDRESS: "portal_address",
    PAYMENT_SOURCES: "portal_payment_methods",
    BILLING_HISTORY: "portal_billing_history",
  };
  let instance;
  let portalSession;
  let modal;

  async function show(forwardOptions, callbacks) {
    const session = await portalSession();
    modal?.remove();
    modal = document.createElement("div");
    modal.id = "chargebee-portal";
    modal.setAttribute("role", "dialog");
    modal.setAttribute(
      "style",
      "position:fixed;top:24px;right:24px;width:340px;background:#fff;border-radius:12px;padding:20px 24px;font:15px system-ui,sans-serif;box-shadow:0 12px 48px rgba(0,0,0,.35);overflow:auto;z-index:10",
    );
    const add = (tag, text, attributes = {}) => {
      const element = document.createElement(tag);
      element.textContent = text;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      modal.append(element);
      return element;
    };
    const subscriptionId = forwardOptions?.params?.subscriptionId;
    add("p", "Chargebee.js stand-in · the demo runs offline", { style: "color:#5f6b7e;font-size:13px;margin:0" });
    add("h2", "Chargebee customer portal");
    add("p", `Customer ${session.customer_id}`, { "data-testid": "portal-customer" });
    add("p", `Section: ${forwardOptions?.sectionType ?? "home"}`, { "data-testid": "portal-section" });
    if (subscriptionId) {
      const cancel = add("button", "Cancel at end of term", { type: "button", "data-testid": "portal-cancel" });
      cancel.addEventListener("click", async () => {
        const response = await fetch("/api/simulated/portal/cancel", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ subscriptionId }),
        });
        cancel.textContent = response.ok ? "Your subscription will not renew" : "Failed";
        callbacks.subscriptionCancelled?.({ subscription: { id: subscriptionId } });
      });
    }
    const close = add("button", "Close portal", { type: "button", "data-testid": "close-portal" });
    close.addEventListener("click", () => {
      modal.remove();
      callbacks.close?.();
    });
    document.body.append(modal);
    callbacks.loaded?.();
    if (forwardOptions?.sectionType) callbacks.visit?.(forwardOptions.sectionType);
  }

  function createInstance() {
    return {
      setPortalSession(fetchSession) {
        portalSession = fetchSession;
      },
      createChargebeePortal() {
        return {
          open: (callbacks, forwardOptions) => void show(forwardOptions, callbacks ?? {}),
          openSection: (forwardOptions, callbacks) => void show(forwardOptions, callbacks ?? {}),
        };
      },
      closeAll() {
        modal?.remove();
      },
      logout() {},
    };
  }

  window.Chargebee = {
    init(options) {
      if (instance) throw new Error("Chargebee.init() has already been called");
      instance = createInstance();
      instance.site = options.site;
      return instance;
    },
    getInstance() {
      if (!instance) throw new Error("Chargebee is not initialised");
      return instance;
    },
    getPortalSections: () => SECTIONS,
  };
})();
