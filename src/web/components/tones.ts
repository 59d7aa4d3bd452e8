/**
 * Text colours that carry meaning (overdue, exposed, saved), as CSS colours for Mantine's `c`:
 * the dark shade on light backgrounds, a light one on dark backgrounds, both at least 4.5:1
 * (WCAG 1.4.3). A fixed shade such as `red.9` is unreadable in the dark scheme.
 */
export const TONE = {
  danger: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))',
  warning: 'light-dark(var(--mantine-color-orange-9), var(--mantine-color-orange-4))',
  success: 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))',
} as const;
