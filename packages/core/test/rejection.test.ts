import { describe, expect, it } from "vitest";
import { PortalError } from "../src/index";
import { portalRejection } from "../src/testing";

describe("portalRejection", () => {
  it("answers the PortalError a call rejects with", async () => {
    const error = new PortalError({ code: "not_found", provider: "p", message: "gone" });
    await expect(portalRejection(Promise.reject(error))).resolves.toBe(error);
  });

  it("throws when the call resolves or rejects with anything else", async () => {
    await expect(portalRejection(Promise.resolve("ok"))).rejects.toThrow("the call resolved: ok");
    await expect(portalRejection(Promise.reject(new TypeError("boom")))).rejects.toThrow(
      "expected a PortalError, got TypeError: boom",
    );
  });
});
