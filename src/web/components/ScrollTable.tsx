import { Box, Table, Text, type TableProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import classes from './ScrollTable.module.css';

/** Which sides of a scrolling frame hide columns: none when the table fits. */
interface Hidden {
  left: boolean;
  right: boolean;
}

/** Watches the frame's size and scroll, so the hint and the edge shadows follow what is hidden. */
function useHiddenSides(): [React.RefObject<HTMLDivElement | null>, Hidden] {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Hidden>({ left: false, right: false });
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return undefined;
    const measure = () => {
      const left = frame.scrollLeft > 1;
      const right = frame.scrollLeft + frame.clientWidth < frame.scrollWidth - 1;
      setHidden((h) => (h.left === left && h.right === right ? h : { left, right }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    const table = frame.firstElementChild;
    if (table) observer.observe(table);
    frame.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      frame.removeEventListener('scroll', measure);
    };
  }, []);
  return [ref, hidden];
}

/**
 * A table that, on a screen narrower than it, scrolls sideways inside its own frame rather than
 * widening the page, and says so: a hint above it and a shadow on each side that hides columns.
 * The frame is a named region that takes focus, so a keyboard can scroll it too (WCAG 2.1.1).
 * With `stack`, a phone shows each row as a card instead (each cell labelled by its
 * `data-label`, a cell without one spans the card): nothing to scroll. Use it as `Table` is
 * used: `Table.Thead`, `Table.Tr`… inside.
 */
export function ScrollTable({
  label,
  minWidth = 640,
  stack = false,
  ...table
}: TableProps & {
  /** What the table lists ("Tasks"): the region's name. */
  label: string;
  /** Below this width the table scrolls rather than squeezing its columns. */
  minWidth?: number;
  /** On a phone, rows become cards rather than a table that scrolls. */
  stack?: boolean;
}) {
  const [ref, hidden] = useHiddenSides();
  const scrolls = hidden.left || hidden.right;
  const frameClasses = [
    classes.frame,
    table.stickyHeader ? classes.sticky : '',
    stack ? classes.stack : '',
  ].filter(Boolean);
  return (
    <div className={classes.wrap}>
      {scrolls ? (
        <Text size="xs" c="dimmed" className={classes.hint} data-scroll-hint>
          Scroll sideways to see every column
        </Text>
      ) : null}
      <div
        className={classes.edges}
        data-hidden-left={hidden.left || undefined}
        data-hidden-right={hidden.right || undefined}
      >
        <Box
          ref={ref}
          className={frameClasses.join(' ')}
          role="region"
          aria-label={label}
          tabIndex={0}
          __vars={{ '--table-min-width': `${minWidth}px` }}
        >
          <Table {...table} />
        </Box>
      </div>
    </div>
  );
}
