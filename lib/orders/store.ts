'use client';

import { create } from 'zustand';

/**
 * Short-lived UI state of the orders page: which orders are selected for a bulk action. Lives only
 * in the tab; cleared when the filters change, so a bulk action never hits rows the user no longer sees.
 */
type SelectionState = {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setMany: (ids: readonly string[], on: boolean) => void;
  clear: () => void;
};

export const useOrderSelection = create<SelectionState>((set) => ({
  selected: new Set<string>(),
  toggle: (id) =>
    set((state) => {
      const next = new Set(state.selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { selected: next };
    }),
  setMany: (ids, on) =>
    set((state) => {
      const next = new Set(state.selected);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return { selected: next };
    }),
  clear: () => set({ selected: new Set<string>() }),
}));
