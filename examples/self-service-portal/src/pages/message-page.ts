import { html, type SafeHtml } from "./html";

export function messagePage(title: string, text: string, back = "/account", label = "Back"): SafeHtml {
  return html`<h1>${title}</h1>
    <div class="card"><p>${text}</p><a class="button secondary" href="${back}">${label}</a></div>`;
}
