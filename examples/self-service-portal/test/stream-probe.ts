// The server package's probes (streamed, trickling and raw HTTP requests), shared by the attack tests.
export {
  parseRaw,
  rawRequest,
  type StreamResult,
  streamBody,
  tricklingBody,
} from "../../../packages/server/test/stream-probe";
