import type { Capabilities } from "./capabilities";
import type {
  CancelInput,
  CreateSessionInput,
  GetSubscriptionInput,
  InvoicePdfInput,
  ListInvoicesInput,
  LogoutInput,
  OpenPortalInput,
  OpenSectionInput,
  PaymentMethodLaunchInput,
  ReactivateInput,
  UpdateAddressInput,
} from "./inputs";
import type { Customer, Invoice, InvoicePdf, Page, PortalLaunch, PortalSession, Subscription } from "./schemas";

/**
 * The contract every billing-portal adapter keeps. Every call names the customer, and an
 * adapter never acts on or reveals another customer's objects: it answers `not_found`.
 * Every method rejects only with PortalError.
 */
export interface PortalProvider {
  readonly id: string;
  readonly capabilities: Readonly<Capabilities>;

  createSession(input: CreateSessionInput): Promise<PortalSession>;
  openPortal(input: OpenPortalInput): Promise<PortalLaunch>;
  openSection(input: OpenSectionInput): Promise<PortalLaunch>;
  listInvoices(input: ListInvoicesInput): Promise<Page<Invoice>>;
  cancel(input: CancelInput): Promise<Subscription>;

  getSubscription?(input: GetSubscriptionInput): Promise<Subscription>;
  reactivate?(input: ReactivateInput): Promise<Subscription>;
  invoicePdf?(input: InvoicePdfInput): Promise<InvoicePdf>;
  updateAddress?(input: UpdateAddressInput): Promise<Customer>;
  paymentMethodLaunch?(input: PaymentMethodLaunchInput): Promise<PortalLaunch>;
  logout?(input: LogoutInput): Promise<void>;
}
