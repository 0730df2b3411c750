// How backups are described on screen: why one was taken, when, and how big it is.
import type { BackupInfo } from '../../../shared/channels/backup';

export const ANLEDNING: Record<BackupInfo['reason'], string> = {
  start: 'När Varvet startade',
  intervall: 'Automatiskt under arbetet',
  manuell: 'Tagen för hand',
  'fore-migrering': 'Före uppgradering',
  'fore-import': 'Före import',
  'fore-aterstallning': 'Före återställning',
  okand: 'Okänd',
};

export function tidpunkt(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('sv-SE')} ${d.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
}

export function storlek(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
