import type { Page } from "@portalkit/core";
import { useState } from "react";
import { type ReadResult, useRead } from "./use-read";

export interface PagedResult<T> extends Omit<ReadResult<T[]>, "data"> {
  /** The items of the current page. */
  data?: T[];
  /** The current page's number, from 0. */
  page: number;
  /** The current page came with a `nextCursor`: `next()` reads the following page (false while another page is read). */
  hasNext: boolean;
  /** Reads the page after this one (by its `nextCursor`). */
  next(): void;
  /** Reads the page before this one (nothing on the first page). */
  previous(): void;
}

/**
 * Pages through a route answering `{ data, nextCursor? }`. The cursors of the pages read
 * so far are kept, so that `previous()` goes back; another query starts at the first page.
 */
export function usePages<T>(route: string, query?: object): PagedResult<T> {
  const key = JSON.stringify(query);
  const [[shown, trail], setTrail] = useState<[string, string[]]>([key, []]);
  const cursors = shown === key ? trail : [];
  const read = useRead<Page<T>>(route, { ...query, cursor: cursors[cursors.length - 1] });
  // While another page is read, `data` is still the one before: its cursor is not the next one.
  const following = read.at === read.url ? read.data?.nextCursor : undefined;
  return {
    ...read,
    data: read.data?.data,
    page: cursors.length,
    hasNext: !!following,
    next: () => following && setTrail([key, [...cursors, following]]),
    previous: () => setTrail([key, cursors.slice(0, -1)]),
  };
}
