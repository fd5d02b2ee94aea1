import { useEffect, useState } from "react";
import type { PortalApiError } from "./portal-api-error";
import { usePortalKit } from "./portal-kit-provider";
import { requestJson } from "./request-json";

export interface ReadResult<T> {
  /** Undefined until the first answer (and during server rendering); kept while re-reading. */
  data?: T;
  /** The last read's failure; `data` keeps what was read before it. */
  error?: PortalApiError;
  /** A read is under way (the first one, a re-read or another page). */
  loading: boolean;
  /** Makes every read hook under the provider read again. */
  refresh(): void;
}

/** `at`: the URL `data` was read from (another query's while the new one is read). */
type ReadState<T> = Omit<ReadResult<T>, "refresh"> & { at?: string };

/**
 * Reads a GET route of the portal handler, and again whenever the URL or the provider's
 * data version moves (a portal closed or reported a change, `refresh()`). An answer that
 * arrives after the URL moved on is dropped.
 */
export function useRead<T>(route: string, query?: object): ReadResult<T> & { at?: string; url: string } {
  const { basePath, version, refresh } = usePortalKit();
  // JSON drops undefined values; URLSearchParams joins arrays with commas, as the routes read them.
  const url = `${basePath}${route}?${new URLSearchParams(JSON.parse(JSON.stringify(query ?? {})))}`;
  const [state, setState] = useState<ReadState<T>>({ loading: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the signal to read again
  useEffect(() => {
    let live = true;
    setState((before) => ({ ...before, loading: true }));
    requestJson<T>(url).then(
      (data) => live && setState({ data, loading: false, at: url }),
      (error: PortalApiError) => live && setState((before) => ({ ...before, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [url, version]);
  return { ...state, refresh, url };
}
