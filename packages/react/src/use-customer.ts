import type { Customer } from "@portalkit/core";
import { type ReadResult, useRead } from "./use-read";

/** The signed-in customer, from `GET {basePath}/customer`. */
export const useCustomer = (): ReadResult<Customer> => useRead("/customer");
