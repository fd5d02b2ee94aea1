import { portalApiError } from "./portal-api-error";

/**
 * GET (no body) or POST (a JSON body) to a portal route, same-origin with the page's cookies.
 * Rejects with a `PortalApiError` for an error answer, a body that is not JSON or no answer.
 */
export const requestJson = <T>(url: string, body?: object): Promise<T> =>
  fetch(
    url,
    body && { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  ).then(
    async (response) => {
      const answer = await response.json().catch(() => ({}));
      if (response.ok) return answer as T;
      throw portalApiError(response.status, answer.error);
    },
    () => {
      throw portalApiError(0, { code: "network", message: "No answer" });
    },
  );
