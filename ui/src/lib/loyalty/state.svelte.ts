/**
 * One customer's loyalty on screen: the shop's rules, her status, and what
 * the last visit earned (shown until the next one or until dismissed).
 */
import * as backend from '../backend';
import type { LoyaltyRules } from '../backend/bindings/LoyaltyRules';
import type { LoyaltyStatus } from '../backend/bindings/LoyaltyStatus';
import type { SaleOutcome } from '../backend/bindings/SaleOutcome';
import { attempt } from '../app/attempt';

export class LoyaltyState {
  rules = $state<LoyaltyRules | null>(null);
  status = $state<LoyaltyStatus | null>(null);
  /** The visit just saved, for the result panel. */
  last = $state<SaleOutcome | null>(null);
  readonly customerId: number;

  constructor(customerId: number) {
    this.customerId = customerId;
  }

  /** A sale just saved: its outcome carries her rewards as they are now. */
  applySale(o: SaleOutcome) {
    this.last = o;
    this.status = o.status;
  }

  async reload() {
    await attempt(async () => {
      const [rules, status] = await Promise.all([backend.loyaltyRules(), backend.loyaltyStatus(this.customerId)]);
      this.rules = rules;
      this.status = status;
    });
  }
}
