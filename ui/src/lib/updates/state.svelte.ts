/**
 * The new-version notice, shared by the home screen (which looks once a
 * day, when the owner is not in the middle of anything) and settings (the
 * owner's own "check now"). Rust decides whether a look is due, keeps the
 * update found, and installs it: download, verify, back up, install.
 */
import * as backend from '../backend';
import type { CheckStatus } from '../backend/bindings/CheckStatus';
import type { AvailableUpdate } from '../backend/bindings/AvailableUpdate';
import type { InstallOutcome } from '../backend/bindings/InstallOutcome';

class UpdateState {
  status = $state<CheckStatus | null>(null);
  update = $state<AvailableUpdate | null>(null);
  /** The owner chose 나중에: hidden until the next day's check. */
  dismissed = $state(false);
  checking = $state(false);
  installing = $state(false);
  /** Percent downloaded, or null when the size is unknown. */
  percent = $state<number | null>(null);
  outcome = $state<InstallOutcome | null>(null);

  get showNotice(): boolean {
    return this.update !== null && !this.dismissed;
  }

  /** From the home screen: Rust looks only when a day has passed. */
  async checkIfDue() {
    await this.check(false);
  }

  /** From settings: look now. */
  async checkNow() {
    this.dismissed = false;
    await this.check(true);
  }

  private async check(force: boolean) {
    if (this.checking || this.installing) return;
    this.checking = true;
    try {
      const result = await backend.checkForUpdate(force);
      // "Not due" says nothing new: keep what an earlier look found.
      if (result.status !== 'not_due' || force) {
        this.status = result.status;
        this.update = result.update;
      }
    } catch {
      this.status = 'failed';
    } finally {
      this.checking = false;
    }
  }

  later() {
    this.dismissed = true;
    this.outcome = null;
  }

  async install() {
    if (this.installing) return;
    this.installing = true;
    this.outcome = null;
    this.percent = null;
    const stop = await backend.onUpdateProgress((p) => {
      this.percent = p.total ? Math.min(100, Math.floor((p.downloaded / p.total) * 100)) : null;
    });
    try {
      // On success the app restarts and this never returns.
      this.outcome = await backend.installUpdate();
    } catch {
      this.outcome = 'install_failed';
    } finally {
      stop();
      this.installing = false;
    }
  }
}

export const updates = new UpdateState();
