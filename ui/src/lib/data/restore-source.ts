/** What a restore starts from: a backup of the shop's own list (by name), or a file the owner chose in the system's dialog (by token). */
import type { BackupInfo } from '../backend/bindings/BackupInfo';
import type { ChosenBackup } from '../backend/bindings/ChosenBackup';

export type RestoreSource = { kind: 'listed'; backup: BackupInfo } | { kind: 'chosen'; chosen: ChosenBackup };
