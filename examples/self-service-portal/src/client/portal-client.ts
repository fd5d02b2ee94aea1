// The page script: runs portal launches with @portalkit/browser and checks address forms
// before they are sent. Bundled for the browser at startup (client-bundle.ts).
import { launch, type PortalHandle } from "@portalkit/browser";
import { logout } from "@portalkit/browser/logout";
import type { PortalEvent, PortalLaunch } from "@portalkit/core";
import { ADDRESS_FIELDS, type AddressValues, validateAddress } from "../address-rules";
import { FAILURE_MESSAGES, GENERIC_FAILURE } from "../failure-messages";

interface ClientConfig {
  /** Self-hosted vendor scripts by launch kind (the simulated demo serves local stand-ins). */
  scriptUrls?: Partial<Record<PortalLaunch["kind"], string>>;
  /** The vendor portal session the browser holds, ended at sign-out (Chargebee.js: its site). */
  logout?: { kind: string; site?: string };
}

const config = JSON.parse(document.getElementById("portal-config")?.textContent || "{}") as ClientConfig;
const status = document.getElementById("launch-status");
const events = document.getElementById("portal-events");
let open: PortalHandle | undefined;

function showFailure(text: string): void {
  if (status) status.textContent = text;
}

function onEvent(event: PortalEvent): void {
  if (events)
    events.textContent += `${[event.provider, event.type, event.subscriptionId, event.section].filter(Boolean).join(" ")}\n`;
}

async function runLaunch(button: HTMLButtonElement): Promise<void> {
  showFailure("");
  const body = { ...(JSON.parse(button.dataset.body || "{}") as object), returnUrl: `${location.origin}/account` };
  const response = await fetch(button.dataset.launch ?? "/api/portal/launch", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as (PortalLaunch & { error?: { code?: string } }) | null;
  if (!response.ok || !answer || answer.error) {
    showFailure(FAILURE_MESSAGES[answer?.error?.code ?? ""] ?? GENERIC_FAILURE);
    return;
  }
  open?.close();
  const container = document.getElementById("portal-container") ?? undefined;
  const scriptUrl = config.scriptUrls?.[answer.kind];
  const handle = await launch(answer, {
    onEvent,
    ...(container ? { container } : {}),
    ...(scriptUrl ? { scriptUrl } : {}),
  });
  open = handle;
  if (answer.kind === "billflow-embed" && container) {
    const close = document.createElement("button");
    close.type = "button";
    close.className = "secondary";
    close.textContent = "Close billing page";
    close.addEventListener("click", () => handle.close());
    container.append(close);
    void handle.closed.then(() => close.remove());
  }
  // What the customer changed in the portal shows on the page once it closes.
  void handle.closed.then(() => {
    if (open === handle) location.reload();
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-launch]")) {
  // Launch inside the click handler: a portal window may only open in answer to a click.
  button.addEventListener("click", () => {
    runLaunch(button).catch(() => showFailure("The billing portal could not be opened. Try again in a moment."));
  });
}

// Signing out ends the portal session Chargebee.js keeps in the browser, then posts the form:
// the server ends the sessions at the vendor and the app's own. A vendor script that does not
// load, or takes more than 3 s, does not stop the sign-out.
const signOutLogout = config.logout;
for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/sign-out"]')) {
  if (!signOutLogout) break;
  let ended = false;
  form.addEventListener("submit", (event) => {
    if (ended) return;
    event.preventDefault();
    const scriptUrl = config.scriptUrls?.[signOutLogout.kind as PortalLaunch["kind"]];
    const done = () => {
      if (ended) return;
      ended = true;
      form.submit();
    };
    open?.close();
    logout(signOutLogout, scriptUrl ? { scriptUrl } : {}).then(done, done);
    setTimeout(done, 3000);
  });
}

function formValues(form: HTMLFormElement): AddressValues {
  const values: AddressValues = {};
  for (const field of ADDRESS_FIELDS) {
    const input = form.elements.namedItem(field);
    if (input instanceof HTMLInputElement)
      values[field] = field === "country" ? input.value.trim().toUpperCase() : input.value.trim();
  }
  return values;
}

function showErrors(form: HTMLFormElement, only?: string): boolean {
  const errors = validateAddress(formValues(form));
  for (const field of ADDRESS_FIELDS) {
    if (only !== undefined && field !== only) continue;
    const input = form.elements.namedItem(field);
    const message = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
    if (!(input instanceof HTMLInputElement) || !message) continue;
    message.textContent = errors[field] ?? "";
    input.setAttribute("aria-invalid", errors[field] ? "true" : "false");
  }
  return Object.keys(errors).length > 0;
}

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-validate]")) {
  form.addEventListener("submit", (event) => {
    if (showErrors(form)) {
      event.preventDefault();
      form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
    }
  });
  form.addEventListener("focusout", (event) => {
    if (event.target instanceof HTMLInputElement) showErrors(form, event.target.name);
  });
}
