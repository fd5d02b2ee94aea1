// The zod builders portalkit's packages use, from the one copy of zod bundled into
// @portalkit/core's build. The other packages' builds import "zod" from here (see the root
// tsup.config.ts), so that an application loads one copy of zod, not one per package.
// Source and tests import "zod" itself; test/zod-entry.test.ts checks this list against them.
export {
  array,
  boolean,
  custom,
  discriminatedUnion,
  email,
  enum,
  int,
  literal,
  looseObject,
  null,
  nullable,
  number,
  object,
  optional,
  record,
  strictObject,
  string,
  undefined,
  union,
  unknown,
  url,
  ZodError,
  ZodType,
} from "zod";
