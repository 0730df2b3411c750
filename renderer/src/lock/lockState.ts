// What the renderer knows about the lock: whether the data is protected, and after how long the app locks itself.
import { create } from 'zustand';
import type { LockStatus } from '../../../shared/channels/lock';
import { call } from '../api';

interface LockStore {
  status: LockStatus | null;
  lasEfterMinuter: number;
  refresh(): Promise<void>;
  setStatus(status: LockStatus): void;
  setMinuter(minuter: number): void;
}

export const useLock = create<LockStore>()((set) => ({
  status: null,
  lasEfterMinuter: 10,
  async refresh() {
    const status = await call('lock:status', {});
    set({ status });
    if (status.state !== 'last') set({ lasEfterMinuter: (await call('lock:settings', {})).lasEfterMinuter });
  },
  setStatus: (status) => set({ status }),
  setMinuter: (lasEfterMinuter) => set({ lasEfterMinuter }),
}));
