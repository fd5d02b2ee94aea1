export { createPaddleHarness, type PaddleHarnessOptions } from "./harness";
export {
  addressFromWorld,
  customerFromWorld,
  paymentMethodFromWorld,
  subscriptionFromWorld,
  transactionFromWorld,
} from "./seed";
export {
  createPaddleSimulator,
  PADDLE_SANDBOX_ORIGIN,
  type PaddleSimulator,
  type PaddleSimulatorOptions,
  type PaddleStore,
  servePaddleSimulator,
} from "./simulator";
export {
  notification,
  type PaddleNotification,
  type PaddleWebhookDestination,
  signNotification,
  signPaddleWebhook,
} from "./webhooks";
export { type PaddleWireError, paddleError, paddleStatusError } from "./wire";
