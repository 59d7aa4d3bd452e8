import { Badge, createTheme, Drawer, Modal, type CSSVariablesResolver } from '@mantine/core';

// Calm and dense: indigo accents, system fonts (no third-party font requests), small radii.
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 in both schemes: white text on shade 4 (Mantine's dark default) is only 3:1.
  primaryShade: { light: 7, dark: 7 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  components: {
    // Mantine's close button has no accessible name of its own (axe: button-name).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A badge says a whole word: never "UNRAT…" when a table column is narrow.
    Badge: Badge.extend({
      styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } },
    }),
  },
});

// Mantine's default "dimmed" grey is 3.3:1 on white; secondary text must reach WCAG AA (4.5:1).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c6370' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
