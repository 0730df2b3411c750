// The one contract between renderer and backend: channel name → zod schema of its arguments → type of its result.
// Each area declares its channels in shared/channels/<area>.ts; they are merged here. Electron IPC, the
// browser-mode HTTP host and the CLI all dispatch through the handler table built from this.
import type { z } from 'zod';
import { auditChannels } from './channels/audit';
import { backupChannels } from './channels/backup';
import { coreChannels } from './channels/core';
import { mergeChannels } from './channels/define';
import { resultatChannels } from './channels/resultat';
import { importChannels } from './channels/import';
import { installningarChannels } from './channels/installningar';
import { lockChannels } from './channels/lock';
import { moteChannels } from './channels/mote';
import { planChannels } from './channels/plan';
import { registerChannels } from './channels/register';
import { uppfoljningChannels } from './channels/uppfoljning';
import type { Reply } from './errors';

export * from './channels/core';

export const contract = mergeChannels(coreChannels, registerChannels, backupChannels, planChannels, moteChannels, importChannels, uppfoljningChannels, resultatChannels, lockChannels, auditChannels, installningarChannels);

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The typed API object that the preload exposes and that browser mode reimplements over HTTP. */
export interface VarvetApi {
  invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Reply<ResultOf<C>>>;
}
