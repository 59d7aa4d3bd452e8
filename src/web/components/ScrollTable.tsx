import { Box, Table, type TableProps } from '@mantine/core';
import classes from './ScrollTable.module.css';

/**
 * A table that, on a screen narrower than it, scrolls sideways inside its own frame rather than
 * widening the page. The frame is a named region that takes focus, so a keyboard can scroll it
 * too (WCAG 2.1.1). Use it as `Table` is used: `Table.Thead`, `Table.Tr`… inside.
 */
export function ScrollTable({
  label,
  minWidth = 640,
  ...table
}: TableProps & {
  /** What the table lists ("Tasks"): the region's name. */
  label: string;
  /** Below this width the table scrolls rather than squeezing its columns. */
  minWidth?: number;
}) {
  return (
    <Box
      className={table.stickyHeader ? `${classes.frame} ${classes.sticky}` : classes.frame}
      role="region"
      aria-label={label}
      tabIndex={0}
      __vars={{ '--table-min-width': `${minWidth}px` }}
    >
      <Table {...table} />
    </Box>
  );
}
