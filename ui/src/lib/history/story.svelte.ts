/**
 * One customer's story on screen: the summary from Rust, which form is
 * open, and a counter the timeline watches to reload after a change.
 */
import * as backend from '../backend';
import type { Complaint } from '../backend/bindings/Complaint';
import type { CustomerStory } from '../backend/bindings/CustomerStory';
import type { FollowupOrigin } from '../backend/bindings/FollowupOrigin';
import { attempt } from '../app/attempt';

export type OpenForm =
  | { kind: 'sale' | 'payment' | 'contact' | 'complaint' | 'note' }
  | { kind: 'followup'; origin: FollowupOrigin; reason: string }
  | { kind: 'resolve'; complaint: Complaint };

export class StoryState {
  story = $state<CustomerStory | null>(null);
  form = $state<OpenForm | null>(null);
  /** Bumped after every change; the timeline reloads when it moves. */
  version = $state(0);
  readonly customerId: number;

  constructor(customerId: number) {
    this.customerId = customerId;
  }

  async reload() {
    await attempt(async () => {
      this.story = await backend.customerStory(this.customerId);
    });
    this.version++;
  }

  /** A change whose outcome carried her story: shown as given; the timeline reloads. */
  applied(story: CustomerStory) {
    this.story = story;
    this.version++;
  }

  open(form: OpenForm) {
    this.form = form;
  }

  close() {
    this.form = null;
  }
}
