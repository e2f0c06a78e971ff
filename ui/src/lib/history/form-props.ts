/**
 * What every form opened on a customer's history is given (HistoryForms
 * passes the same `common` to each): whose history, who is working, and
 * what to do once saved or cancelled. `Saved` is what the form's command
 * returns.
 */
import type { HistoryEntry } from '../backend/bindings/HistoryEntry';

export interface HistoryFormProps<Saved = HistoryEntry> {
  customerId: number;
  /** Her name, for the form's title. */
  name: string;
  /** The staff member working now, chosen in the form's staff field. */
  staffId: number | null;
  onsaved: (saved: Saved) => void;
  oncancel: () => void;
}
