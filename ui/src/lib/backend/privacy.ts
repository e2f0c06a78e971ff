/**
 * The wrappers of the privacy commands (issue 17): the lock and encryption
 * at rest, consents as the law keeps them, and a person's rights.
 * Re-exported by `index.ts`, the one module the UI imports.
 */
import type { BackupsAfterErasure } from './bindings/BackupsAfterErasure';
import type { ConsentForm } from './bindings/ConsentForm';
import type { ConsentGiven } from './bindings/ConsentGiven';
import type { ConsentOverview } from './bindings/ConsentOverview';
import type { ConsentScope } from './bindings/ConsentScope';
import type { DialogText } from './bindings/DialogText';
import type { Language } from './bindings/Language';
import type { LockStatus } from './bindings/LockStatus';
import type { PersonalData } from './bindings/PersonalData';
import type { RecoveryPage } from './bindings/RecoveryPage';
import type { RetentionPeriod } from './bindings/RetentionPeriod';
import type { RetentionReview } from './bindings/RetentionReview';
import type { SecretKind } from './bindings/SecretKind';
import { call } from './call';

// The lock and encryption at rest (issue 17): every other command is
// refused while locked.
export const lockStatus = () => call<LockStatus>('lock_status');
/** The owner's PIN or password, or with `staffId` that staff member's own PIN. */
export const unlock = (secret: string, staffId: number | null = null) =>
  call<LockStatus>('unlock', { secret, staffId });
export const unlockWithRecovery = (words: string) =>
  call<LockStatus>('unlock_with_recovery', { words });
export const lockNow = () => call<LockStatus>('lock_now');
/** The owner is here (a key or a click): the idle time starts again. */
export const stillHere = () => call<null>('still_here');
/** Sets, changes or (with `secret` null) removes the PIN or password. */
export const setLockSecret = (kind: SecretKind, secret: string | null) =>
  call<LockStatus>('set_lock_secret', { kind, secret });
export const setIdleMinutes = (minutes: number) => call<LockStatus>('set_idle_minutes', { minutes });
/** A new recovery key (the old one stops working), shown once to print. */
export const newRecoveryKey = () => call<RecoveryPage>('new_recovery_key');
export const confirmRecoveryKey = () => call<LockStatus>('confirm_recovery_key');

// Consents as the law keeps them (issue 17): each given or withdrawn is a
// record; the printable 동의서.
export const consents = (customerId: number) => call<ConsentOverview>('consents', { customerId });
export const giveConsents = (customerId: number, given: ConsentGiven) =>
  call<ConsentOverview>('give_consents', { customerId, given });
export const withdrawConsent = (customerId: number, scope: ConsentScope) =>
  call<ConsentOverview>('withdraw_consent', { customerId, scope });
export const consentForm = (language: Language | null) => call<ConsentForm>('consent_form', { language });

// A person's rights (issue 17): everything kept about one customer, to
// print or save as .xlsx (열람); what backups keep once she is erased; the
// retention review on 오늘.
export const personalData = (id: number) => call<PersonalData>('personal_data', { id });
/** The saved file's name, or null when the owner closed the dialog. */
export const exportPersonalData = (id: number, text: DialogText) =>
  call<string | null>('export_personal_data', { id, text });
export const erasureBackups = (id: number) => call<BackupsAfterErasure>('erasure_backups', { id });
export const retentionReview = () => call<RetentionReview>('retention_review');
export const retentionPeriod = () => call<RetentionPeriod>('retention_period');
export const setRetentionPeriod = (period: RetentionPeriod) =>
  call<RetentionPeriod>('set_retention_period', { period });
export const keepPastRetention = (id: number) => call<null>('keep_past_retention', { id });
export const reviewRetentionLater = () => call<null>('review_retention_later');
