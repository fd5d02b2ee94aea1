// A local stand-in for Chargebee.js (https://js.chargebee.com/v2/chargebee.js), served at
// /vendor/chargebee.js when the demo runs on the simulators: the documented Chargebee
// object, instance and portal, drawing a modal in place of Chargebee's portal.
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
      "position:fixed;inset:60px 15%;background:#fff;border-radius:12px;padding:24px;font:15px system-ui,sans-serif;box-shadow:0 12px 48px rgba(0,0,0,.35);overflow:auto;z-index:10",
    );
    const add = (tag, text, attributes = {}) => {
      const element = document.createElement(tag);
      element.textContent = text;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      modal.append(element);
      return element;
    };
    add("p", "Chargebee.js stand-in · the demo runs offline", { style: "color:#5f6b7e;font-size:13px;margin:0" });
    add("h2", "Chargebee customer portal");
    add("p", `Customer ${session.customer_id}, portal session ${session.id}`, { "data-testid": "portal-customer" });
    add("p", `Section: ${forwardOptions?.sectionType ?? "home"}`, { "data-testid": "portal-section" });
    const cancel = add("button", "Cancel subscription", { type: "button", "data-testid": "portal-cancel" });
    cancel.addEventListener("click", async () => {
      // Chargebee changes the subscription itself; the app hears of it by webhook.
      await fetch("/simulated/portal/cancel?vendor=chargebee", { method: "POST" });
      add("p", "Your subscription will not renew.", { "data-testid": "portal-cancelled" });
      callbacks.subscriptionCancelled?.({});
    });
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
      logout() {
        // Chargebee.js ends the portal session it holds in the browser. The stand-in notes
        // each logout in sessionStorage, which outlives the sign-out's page change, so that
        // the demo's tests can see it.
        portalSession = undefined;
        modal?.remove();
        const logouts = JSON.parse(sessionStorage.getItem("chargebee-js-stand-in:logouts") || "[]");
        logouts.push({ site: instance.site });
        sessionStorage.setItem("chargebee-js-stand-in:logouts", JSON.stringify(logouts));
      },
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
