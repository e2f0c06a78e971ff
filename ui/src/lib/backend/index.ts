/**
 * The one place the UI talks to Rust: one typed wrapper per Tauri command
 * (the privacy ones in `privacy.ts`, re-exported here), each through
 * `call`, which turns every rejection into an `AppError`.
 */
import { listen } from '@tauri-apps/api/event';
import type { AppInfo } from './bindings/AppInfo';
import type { StartState } from './bindings/StartState';
import type { Customer } from './bindings/Customer';
import type { CustomerInput } from './bindings/CustomerInput';
import type { CustomerListQuery } from './bindings/CustomerListQuery';
import type { CustomerPage } from './bindings/CustomerPage';
import type { FieldError } from './bindings/FieldError';
import type { SearchResults } from './bindings/SearchResults';
import type { Settings } from './bindings/Settings';
import type { SetupInput } from './bindings/SetupInput';
import type { Staff } from './bindings/Staff';
import type { Agenda } from './bindings/Agenda';
import type { Complaint } from './bindings/Complaint';
import type { ComplaintInput } from './bindings/ComplaintInput';
import type { ComplaintUpdate } from './bindings/ComplaintUpdate';
import type { ContactInput } from './bindings/ContactInput';
import type { CustomerStory } from './bindings/CustomerStory';
import type { Followup } from './bindings/Followup';
import type { FollowupInput } from './bindings/FollowupInput';
import type { FollowupOrigin } from './bindings/FollowupOrigin';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { HistoryHit } from './bindings/HistoryHit';
import type { InstallOutcome } from './bindings/InstallOutcome';
import type { UpdateCheck } from './bindings/UpdateCheck';
import type { UpdateProgress } from './bindings/UpdateProgress';
import type { PaymentInput } from './bindings/PaymentInput';
import type { SaleInput } from './bindings/SaleInput';
import type { TimelinePage } from './bindings/TimelinePage';
import type { TimelineQuery } from './bindings/TimelineQuery';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupPreview } from './bindings/BackupPreview';
import type { DuplicatePair } from './bindings/DuplicatePair';
import type { ImportOptions } from './bindings/ImportOptions';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ConsentDue } from './bindings/ConsentDue';
import type { Decision } from './bindings/Decision';
import type { MailSettings } from './bindings/MailSettings';
import type { MailSetup } from './bindings/MailSetup';
import type { MailTest } from './bindings/MailTest';
import type { TextPlan } from './bindings/TextPlan';
import type { TextSettings } from './bindings/TextSettings';
import type { TextSetup } from './bindings/TextSetup';
import type { AlimtalkTemplate } from './bindings/AlimtalkTemplate';
import type { AlimtalkSaved } from './bindings/AlimtalkSaved';
import type { NoticeKind } from './bindings/NoticeKind';
import type { NoticePreview } from './bindings/NoticePreview';
import type { NoticeSettings } from './bindings/NoticeSettings';
import type { OutboxView } from './bindings/OutboxView';
import type { QueueReport } from './bindings/QueueReport';
import type { FeedbackInput } from './bindings/FeedbackInput';
import type { Participation } from './bindings/Participation';
import type { Trial } from './bindings/Trial';
import type { TrialInput } from './bindings/TrialInput';
import type { Coupon } from './bindings/Coupon';
import type { CouponOrigin } from './bindings/CouponOrigin';
import type { LoyaltyRules } from './bindings/LoyaltyRules';
import type { LoyaltyStatus } from './bindings/LoyaltyStatus';
import type { RecentTierChange } from './bindings/RecentTierChange';
import type { Reward } from './bindings/Reward';
import type { TierChange } from './bindings/TierChange';
import type { SaleOutcome } from './bindings/SaleOutcome';
import type { DateInput } from './bindings/DateInput';
import type { FamilyMember } from './bindings/FamilyMember';
import type { ImportantDate } from './bindings/ImportantDate';
import type { Relation } from './bindings/Relation';
import type { Upcoming } from './bindings/Upcoming';
import type { Audience } from './bindings/Audience';
import type { Channel } from './bindings/Channel';
import type { Letter } from './bindings/Letter';
import type { LetterPreview } from './bindings/LetterPreview';
import type { LetterTemplate } from './bindings/LetterTemplate';
import type { MadeLetters } from './bindings/MadeLetters';
import type { Occasion } from './bindings/Occasion';
import type { Recipient } from './bindings/Recipient';
import type { TemplateProblem } from './bindings/TemplateProblem';
import type { LawQuote } from './bindings/LawQuote';
import type { LawTopic } from './bindings/LawTopic';
import type { ReportKind } from './bindings/ReportKind';
import type { ReportQuery } from './bindings/ReportQuery';
import type { Reports } from './bindings/Reports';
import type { AppProblem } from './bindings/AppProblem';
import type { ChosenBackup } from './bindings/ChosenBackup';
import type { ChosenFile } from './bindings/ChosenFile';
import type { DialogText } from './bindings/DialogText';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ImportWarning } from './bindings/ImportWarning';
import type { Saved } from './bindings/Saved';
import type { FirstDay } from './bindings/FirstDay';
import type { FirstDayNote } from './bindings/FirstDayNote';

export { isAppError, toAppError } from './app-error';
export * from './privacy';
import { call } from './call';


export const appInfo = () => call<AppInfo>('app_info');
/**
 * The first screen's one call: the lock, a problem opening the shop, and
 * (when neither stops it) the settings, staff and app info.
 */
export const startState = () => call<StartState>('start_state');
/** The system print dialog for the window as it is (the print view). */
export const printPage = () => call<null>('print_page');

export const getSettings = () => call<Settings>('get_settings');
export const updateSettings = (settings: Settings) =>
  call<Settings>('update_settings', { settings });
export const finishSetup = (input: SetupInput) => call<Settings>('finish_setup', { input });

export const listStaff = () => call<Staff[]>('list_staff');
export const addStaff = (name: string) => call<Staff>('add_staff', { name });
export const updateStaff = (id: number, name: string, active: boolean) =>
  call<Staff>('update_staff', { id, name, active });
/** Gives a staff member their own PIN (4–8 digits), or with `null` clears it (owner only). */
export const setStaffPin = (id: number, pin: string | null) => call<Staff>('set_staff_pin', { id, pin });

export const searchCustomers = (query: string, limit: number) =>
  call<SearchResults>('search_customers', { query, limit });
export const listCustomers = (query: CustomerListQuery) =>
  call<CustomerPage>('list_customers', { query });
export const getCustomer = (id: number) => call<Customer>('get_customer', { id });
export const validateCustomer = (input: CustomerInput) =>
  call<FieldError[]>('validate_customer', { input });
export const createCustomer = (input: CustomerInput) =>
  call<Customer>('create_customer', { input });
export const updateCustomer = (id: number, input: CustomerInput) =>
  call<Customer>('update_customer', { id, input });
export const deleteCustomer = (id: number) => call<null>('delete_customer', { id });

// A customer's history: sales, payments, contacts, complaints, follow-ups.
/** The one path for a sale: every rule applied; the outcome is what the screen shows after. */
export const recordSale = (customerId: number, input: SaleInput) =>
  call<SaleOutcome>('record_sale', { customerId, input });
export const recordPayment = (customerId: number, input: PaymentInput) =>
  call<HistoryEntry>('record_payment', { customerId, input });
export const logContact = (customerId: number, input: ContactInput) =>
  call<HistoryEntry>('log_contact', { customerId, input });
export const editEntry = (id: number, summary: string, detail: string, staffId: number | null) =>
  call<HistoryEntry>('edit_entry', { id, summary, detail, staffId });
export const addNote = (customerId: number, text: string, staffId: number | null) =>
  call<HistoryEntry>('add_note', { customerId, text, staffId });
export const timeline = (query: TimelineQuery) => call<TimelinePage>('timeline', { query });
export const customerStory = (customerId: number) =>
  call<CustomerStory>('customer_story', { customerId });
export const searchHistory = (query: string, limit: number) =>
  call<HistoryHit[]>('search_history', { query, limit });
export const openComplaint = (customerId: number, input: ComplaintInput) =>
  call<Complaint>('open_complaint', { customerId, input });
export const updateComplaint = (id: number, update: ComplaintUpdate) =>
  call<Complaint>('update_complaint', { id, update });
export const addFollowup = (customerId: number, input: FollowupInput, origin: FollowupOrigin) =>
  call<Followup>('add_followup', { customerId, input, origin });
export const completeFollowup = (id: number) => call<Followup>('complete_followup', { id });
export const snoozeFollowup = (id: number) => call<Followup>('snooze_followup', { id });
export const rescheduleFollowup = (id: number, due: string) =>
  call<Followup>('reschedule_followup', { id, due });
export const agenda = (staffId: number | null) => call<Agenda>('agenda', { staffId });

// The shop's data: import and export, backups, duplicates, recovery.
// Files are chosen in the system's dialogs, opened by Rust: the window gets
// a token for a chosen file, or just the result, never a path.
export const backupNow = () => call<BackupInfo>('backup_now');
export const listBackups = () => call<BackupInfo[]>('list_backups');
/** `fileName` is one of `listBackups`. */
/** `recovery`: the typed recovery key of a backup made under another key. */
export const previewBackup = (fileName: string, recovery: string | null = null) =>
  call<BackupPreview>('preview_backup', { fileName, recovery });
/** A backup without customers is restored only with `confirmEmpty`. */
export const restoreBackup = (fileName: string, confirmEmpty = false, recovery: string | null = null) =>
  call<BackupPreview>('restore_backup', { fileName, confirmEmpty, recovery });
export const findDuplicates = () => call<DuplicatePair[]>('find_duplicates');
export const mergeCustomers = (keep: number, other: number) =>
  call<Customer>('merge_customers', { keep, other });
export const recoverFromBackup = (fileName: string, confirmEmpty = false) =>
  call<null>('recover_from_backup', { fileName, confirmEmpty });
/** Works before the shop is open (the recovery screen). */
export const recoveryPreview = (fileName: string) =>
  call<BackupPreview>('recovery_preview', { fileName });

// Loyalty: the shop's rules, visits with every rule applied, coupons, tiers.
export const loyaltyRules = () => call<LoyaltyRules>('loyalty_rules');
/** Applies from the next visit; returns the customers whose tier moved. */
export const updateLoyaltyRules = (rules: LoyaltyRules) =>
  call<TierChange[]>('update_loyalty_rules', { rules });
export const loyaltyStatus = (customerId: number) =>
  call<LoyaltyStatus>('loyalty_status', { customerId });
export const issueCoupon = (customerId: number, reward: Reward, origin: CouponOrigin) =>
  call<Coupon>('issue_coupon', { customerId, reward, origin });
/** Returns how many customers of the tier got one. */
export const issueCouponToTier = (tierId: string, reward: Reward) =>
  call<number>('issue_coupon_to_tier', { tierId, reward });
export const recomputeTiers = () => call<TierChange[]>('recompute_tiers');
export const recentTierChanges = () => call<RecentTierChange[]>('recent_tier_changes');

// New-product trials: given to customers or a tier, each one's feedback.
export const createTrial = (input: TrialInput) => call<Trial>('create_trial', { input });
export const listTrials = () => call<Trial[]>('list_trials');
/** Returns how many were added (those who have it already are skipped). */
export const giveTrial = (trialId: number, customerIds: number[]) =>
  call<number>('give_trial', { trialId, customerIds });
export const giveTrialToTier = (trialId: number, tierId: string) =>
  call<number>('give_trial_to_tier', { trialId, tierId });
export const trialParticipants = (trialId: number, pendingOnly: boolean) =>
  call<Participation[]>('trial_participants', { trialId, pendingOnly });
export const recordTrialFeedback = (trialId: number, customerId: number, input: FeedbackInput) =>
  call<null>('record_trial_feedback', { trialId, customerId, input });
export const customerTrials = (customerId: number) =>
  call<Participation[]>('customer_trials', { customerId });

// Important dates: her family, their birthdays and anniversaries (solar or
// lunar), what is coming up, and what passed while the app was closed.
export const addFamilyMember = (customerId: number, name: string, relation: Relation) =>
  call<FamilyMember>('add_family_member', { customerId, name, relation });
export const family = (customerId: number) => call<FamilyMember[]>('family', { customerId });
export const updateFamilyMember = (id: number, name: string, relation: Relation) =>
  call<FamilyMember>('update_family_member', { id, name, relation });
export const deleteFamilyMember = (id: number) => call<null>('delete_family_member', { id });
export const addImportantDate = (customerId: number, input: DateInput) =>
  call<number>('add_important_date', { customerId, input });
export const importantDates = (customerId: number) =>
  call<ImportantDate[]>('important_dates', { customerId });
export const updateImportantDate = (id: number, input: DateInput) =>
  call<null>('update_important_date', { id, input });
export const deleteImportantDate = (id: number) => call<null>('delete_important_date', { id });
export const upcomingDates = (days: number) => call<Upcoming[]>('upcoming_dates', { days });
/** Also records today as seen: call once per app start. */
export const catchUpDates = () => call<Upcoming[]>('catch_up_dates');

// Letters: templates per occasion, a preview with a real customer, batches.
/** The shop's template for the occasion, in the shop's language. */
export const letterTemplate = (occasion: Occasion) =>
  call<LetterTemplate>('letter_template', { occasion });
export const saveLetterTemplate = (template: LetterTemplate) =>
  call<null>('save_letter_template', { template });
export const checkLetterTemplate = (text: string) =>
  call<TemplateProblem[]>('check_letter_template', { text });
/** With the occasion, her family day's names and milestone fill the letter. */
export const previewLetter = (title: string, body: string, customerId: number, occasion?: Occasion) =>
  call<LetterPreview>('preview_letter', { title, body, customerId, occasion: occasion ?? null });
/** With the occasion, "this week's days" are the days that letter is for. */
export const letterRecipients = (audience: Audience, occasion?: Occasion) =>
  call<Recipient[]>('letter_recipients', { audience, occasion: occasion ?? null });
/** Made once per customer, occasion and year; the others come back in `already`. */
export const makeLetters = (occasion: Occasion, customerIds: number[], channel: Channel) =>
  call<MadeLetters>('make_letters', { occasion, customerIds, channel });
/** Changes a made letter's text before it goes; her history keeps the final text. */
export const editLetter = (id: number, title: string, body: string) =>
  call<Letter>('edit_letter', { id, title, body });

// Mail from the shop's own mailbox: settings (the password goes to the OS
// keychain), the test email, the outbox and its background sender.
export const mailSetup = () => call<MailSetup>('mail_setup');
/** `password` is saved to the keychain when given (empty: keep the saved one). */
export const saveMailSettings = (settings: MailSettings, password: string | null) =>
  call<MailSettings>('save_mail_settings', { settings, password });
export const sendTestEmail = (settings: MailSettings, password: string | null) =>
  call<MailTest>('send_test_email', { settings, password });
/** Puts made letters in the outbox and starts the sender. */
export const emailLetters = (letterIds: number[]) => call<QueueReport>('email_letters', { letterIds });
export const outbox = () => call<OutboxView>('outbox');
export const decideOutbox = (id: number, decision: Decision) =>
  call<null>('decide_outbox', { id, decision });
export const retryFailedMail = () => call<number>('retry_failed_mail');
export const startSending = () => call<null>('start_sending');
export const stopSending = () => call<null>('stop_sending');
export const optOutEmail = (customerId: number) => call<null>('opt_out_email', { customerId });
export const consentsDue = () => call<ConsentDue[]>('consents_due');
/** The owner told her of her consent: off the list for two years, noted in her history. */
export const noteConsentNotified = (customerId: number) => call<null>('note_consent_notified', { customerId });
/** Korean law behind a topic, quoted (shown to shops in Korea only). */
export const lawQuotes = (topic: LawTopic) => call<LawQuote[]>('law_quotes', { topic });
/** Calls `onchange` whenever a letter's state changes; returns the unsubscribe. */
export const onOutboxChanged = (onchange: () => void) => listen('outbox-changed', onchange);
// Reports: every figure for a period, computed in Rust; one report to .xlsx.
export const reports = (query: ReportQuery) => call<Reports>('reports', { query });
/** Asks where to save it; the file's name, or null when the owner closed the dialog. */
export const exportReport = (kind: ReportKind, query: ReportQuery, text: DialogText) =>
  call<string | null>('export_report', { kind, query, text });
// Customers in and out, through the system's dialogs (issue 13).
/** The open dialog; null when the owner closed it. */
export const chooseImportFile = (text: DialogText) =>
  call<ChosenFile | null>('choose_import_file', { text });
export const previewImport = (file: number, options: ImportOptions) =>
  call<ImportPreview>('preview_import', { file, options });
export const importCustomers = (file: number, options: ImportOptions) =>
  call<ImportOutcome>('import_customers', { file, options });
export const undoImport = (batchId: number) => call<number>('undo_import', { batchId });
export const importWarnings = (customerId: number) =>
  call<ImportWarning[]>('import_warnings', { customerId });
export const dismissImportWarning = (customerId: number, id: number) =>
  call<null>('dismiss_import_warning', { customerId, id });
/** The save dialog, then every customer to that file; null when closed. */
export const exportCustomers = (format: ExportFormat, withHistory: boolean, text: DialogText) =>
  call<Saved | null>('export_customers', { format, withHistory, text });
/** A backup file from elsewhere (a USB stick), with what it holds. */
export const chooseBackupFile = (text: DialogText) =>
  call<ChosenBackup | null>('choose_backup_file', { text });
export const restoreChosenBackup = (file: number, confirmEmpty = false, recovery: string | null = null) =>
  call<BackupPreview>('restore_chosen_backup', { file, confirmEmpty, recovery });
export const previewChosenBackup = (file: number, recovery: string | null = null) =>
  call<BackupPreview>('preview_chosen_backup', { file, recovery });
export const recoverFromChosenFile = (file: number, confirmEmpty = false) =>
  call<null>('recover_from_chosen_file', { file, confirmEmpty });
/** The folder dialog; the settings with the new folder, or null when closed. */
export const chooseBackupFolder = (text: DialogText) =>
  call<Settings | null>('choose_backup_folder', { text });
export const clearBackupFolder = () => call<Settings>('clear_backup_folder');
// Problems: a panic in a command or in the mail sender, told to the window.
export const onAppProblem = (onproblem: (p: AppProblem) => void) =>
  listen<AppProblem>('app-problem', (e) => onproblem(e.payload));
/** A problem from before the window listened (taken once). */
export const takeAppProblem = () => call<AppProblem | null>('take_app_problem');
// The first day and a letter's honest state (issue 14): 편지 쓰기 for one
// of her days, letters marked printed, the first-day checklist.
/** Her letter for one of her days (her own birthday when `dateId` is null). */
export const writeLetter = (customerId: number, dateId: number | null, on: string, occasion: Occasion | null = null) =>
  call<Letter>('write_letter', { customerId, dateId, on, occasion });
/** The owner printed these letters: marked printed, in her history. */
export const markLettersPrinted = (letterIds: number[]) => call<Letter[]>('mark_letters_printed', { letterIds });
/** These letters with their state now. */
export const lettersById = (letterIds: number[]) => call<Letter[]>('letters_by_id', { letterIds });
export const firstDay = () => call<FirstDay>('first_day');
export const noteFirstDay = (note: FirstDayNote) => call<null>('note_first_day', { note });
// New versions of Dangol: looked for at most once a day (or now, when
// `force`), installed only when the owner says so, after a backup.
export const checkForUpdate = (force: boolean) => call<UpdateCheck>('check_for_update', { force });
export const installUpdate = () => call<InstallOutcome>('install_update');
/** Download progress while an update is being fetched; returns the unsubscribe. */
export const onUpdateProgress = (onprogress: (p: UpdateProgress) => void) =>
  listen<UpdateProgress>('update-progress', (e) => onprogress(e.payload));

// Texts (SMS/LMS/알림톡) through the shop's messaging account: settings (the
// API key and secret go to the OS keychain), the cost before a batch, the
// shared outbox and the text sender, and text consents.
export const textSetup = () => call<TextSetup>('text_setup');
export const saveTextSettings = (settings: TextSettings, apiKey: string | null, apiSecret: string | null) =>
  call<TextSettings>('save_text_settings', { settings, apiKey, apiSecret });
export const planTexts = (letterIds: number[]) => call<TextPlan>('plan_texts', { letterIds });
export const textLetters = (letterIds: number[]) => call<TextPlan>('text_letters', { letterIds });
export const retryFailedTexts = () => call<number>('retry_failed_texts');
export const startTextSender = () => call<null>('start_text_sender');
export const optOutTexts = (customerId: number) => call<null>('opt_out_texts', { customerId });
export const setNightTextConsent = (customerId: number, given: boolean) =>
  call<null>('set_night_text_consent', { customerId, given });
// 알림톡 templates the owner had approved, the automatic notices (each
// previewed before it is turned on), opening KakaoTalk after a copy, and
// the shop clock's offset (a held text's time in both clocks).
export const alimtalkTemplates = () => call<AlimtalkTemplate[]>('alimtalk_templates');
export const saveAlimtalkTemplate = (template: AlimtalkTemplate, replacing: string | null) =>
  call<AlimtalkSaved>('save_alimtalk_template', { template, replacing });
export const deleteAlimtalkTemplate = (code: string) => call<AlimtalkTemplate[]>('delete_alimtalk_template', { code });
export const noticeSettings = () => call<NoticeSettings>('notice_settings');
export const noticePreview = (kind: NoticeKind, alimtalk: string | null) =>
  call<NoticePreview>('notice_preview', { kind, alimtalk });
export const setNotice = (kind: NoticeKind, on: boolean, alimtalk: string | null, seen: string) =>
  call<NoticeSettings>('set_notice', { kind, on, alimtalk, seen });
export const openKakaotalk = () => call<boolean>('open_kakaotalk');
export const textShopOffset = () => call<number>('text_shop_offset');
