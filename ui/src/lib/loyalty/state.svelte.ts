/**
 * One customer's loyalty on screen: the shop's rules, her status, and what
 * the last visit earned (shown until the next one or until dismissed).
 */
import * as backend from '../backend';
import type { LoyaltyRules } from '../backend/bindings/LoyaltyRules';
import type { LoyaltyStatus } from '../backend/bindings/LoyaltyStatus';
import type { VisitOutcome } from '../backend/bindings/VisitOutcome';
import { attempt } from '../app/attempt';

export class LoyaltyState {
  rules = $state<LoyaltyRules | null>(null);
  status = $state<LoyaltyStatus | null>(null);
  /** The visit just saved, for the result panel. */
  last = $state<VisitOutcome | null>(null);
  readonly customerId: number;

  constructor(customerId: number) {
    this.customerId = customerId;
  }

  async reload() {
    await attempt(async () => {
      const [rules, status] = await Promise.all([backend.loyaltyRules(), backend.loyaltyStatus(this.customerId)]);
      this.rules = rules;
      this.status = status;
    });
  }
}
