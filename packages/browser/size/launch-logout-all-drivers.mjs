import { sizeConfig } from "./esbuild-config.mjs";

export default sizeConfig(["chargebee-js", "billflow-embed", "redirect"], ["index", "logout"]);
