import { useCallback, useState, type KeyboardEvent } from 'react';

/** What {@link usePointHighlight} returns: the highlighted point and ways to move it. */
export type PointHighlight = {
  /** Index of the highlighted point, or null when nothing is highlighted. */
  readonly index: number | null;
  readonly highlight: (index: number | null) => void;
  /** Arrow keys step through points, Home/End jump to the ends, Escape clears. */
  readonly onKeyDown: (event: KeyboardEvent) => void;
  /** Highlights the first point when the chart receives focus and nothing is highlighted. */
  readonly onFocus: () => void;
};

/** Keeps the highlighted point of a series of `count` points, shared by pointer and keyboard. */
export function usePointHighlight(count: number): PointHighlight {
  const [stored, setStored] = useState<number | null>(null);
  // A shorter series (new data) may leave a stale index behind: treat it as no highlight.
  const index = stored !== null && stored < count ? stored : null;

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const last = count - 1;
      const next = (() => {
        switch (event.key) {
          case 'ArrowRight':
          case 'ArrowUp':
            return Math.min(last, (index ?? -1) + 1);
          case 'ArrowLeft':
          case 'ArrowDown':
            return Math.max(0, (index ?? count) - 1);
          case 'Home':
            return 0;
          case 'End':
            return last;
          case 'Escape':
            return null;
          default:
            return undefined;
        }
      })();
      if (next === undefined || count === 0) return;
      event.preventDefault();
      setStored(next);
    },
    [count, index],
  );

  const onFocus = useCallback(() => {
    setStored((current) => (current !== null && current < count ? current : count > 0 ? 0 : null));
  }, [count]);

  return { index, highlight: setStored, onKeyDown, onFocus };
}
