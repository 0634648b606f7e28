// The review page's keyboard map (shown by the ? overlay). Keys typed into a field are left
// alone, and the arrow keys belong to the grid while it has the focus.
import { useEffect, useRef } from 'react';

export interface KeyActions {
  next(): void;
  prev(): void;
  accept(): void;
  candidate(n: number): void;
  unrepairable(): void;
  reviewed(): void;
  undo(): void;
  log(): void;
  help(): void;
  escape(): void;
}

export function useKeys(actions: KeyActions, enabled: boolean): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current;
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (e.key === 'Escape') return a.escape();
      if (typing) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') return (e.preventDefault(), a.undo());
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const inGrid = !!target?.closest('.kx-grid');
      const inButton = target?.tagName === 'BUTTON';
      const map: Record<string, () => void> = {
        j: a.next, k: a.prev, a: a.accept, u: a.unrepairable, r: a.reviewed, l: a.log, '?': a.help,
      };
      if (!inGrid) Object.assign(map, { ArrowDown: a.next, ArrowUp: a.prev });
      if (!inButton) map.Enter = a.accept;
      const fn = map[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? (e.key === '?' ? a.help : undefined);
      if (fn) return (e.preventDefault(), fn());
      if (/^[1-9]$/.test(e.key)) {
        e.preventDefault();
        a.candidate(Number(e.key) - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
