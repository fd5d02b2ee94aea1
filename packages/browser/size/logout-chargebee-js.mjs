import { sizeConfig } from "./esbuild-config.mjs";

export default sizeConfig(["chargebee-js"], ["logout"]);
