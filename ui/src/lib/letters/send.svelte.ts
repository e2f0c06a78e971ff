/**
 * Emailing letters from anywhere (a batch, 편지 쓰기): if mail is not set up
 * yet, nothing is queued — the mail setup opens first (MailGate) and the
 * letters go once it is saved. No toast says "queued" for a letter that
 * cannot go.
 */
import * as backend from '../backend';
import type { QueueReport } from '../backend/bindings/QueueReport';
import { attempt } from '../app/attempt';
import { toast } from '../app/toasts.svelte';
import { t } from '../i18n/index.svelte';

type Done = (report: QueueReport) => void;

/** The mail setup dialog: open with the letters waiting for it (none when
 * opened from 오늘's checklist), and who to tell when it closes. */
export const mailGate = $state<{
  open: boolean;
  letterIds: number[];
  done: Done | null;
  onclose: (() => void) | null;
}>({ open: false, letterIds: [], done: null, onclose: null });

/** Opens the mail setup by itself (오늘's checklist). */
export function openMailSetup(onclose: () => void) {
  mailGate.open = true;
  mailGate.letterIds = [];
  mailGate.done = null;
  mailGate.onclose = onclose;
}

/** Puts the letters in the outbox, or opens the mail setup first. */
export async function emailLetters(letterIds: number[], done: Done): Promise<void> {
  await attempt(async () => {
    const report = await backend.emailLetters(letterIds);
    if (report.mail_not_set_up) {
      mailGate.open = true;
      mailGate.letterIds = letterIds;
      mailGate.done = done;
      mailGate.onclose = null;
      return;
    }
    announce(report);
    done(report);
  });
}

/** After the setup was saved: sends what waited. False when mail is still
 * not ready (no password in the keychain). */
export async function sendAfterSetup(): Promise<boolean> {
  const ids = mailGate.letterIds;
  const done = mailGate.done;
  if (ids.length === 0) {
    closeGate();
    return true;
  }
  const report = await backend.emailLetters(ids);
  if (report.mail_not_set_up) return false;
  closeGate();
  announce(report);
  done?.(report);
  return true;
}

export function closeGate() {
  const onclose = mailGate.onclose;
  mailGate.open = false;
  mailGate.letterIds = [];
  mailGate.done = null;
  mailGate.onclose = null;
  onclose?.();
}

function announce(report: QueueReport) {
  if (report.queued > 0) toast(t('first_day.letter.queued', { count: report.queued }), 'info', 'mail');
}
