/**
 * The map's colours per scheme, as values rather than theme variables: the exported image is
 * drawn from the same values. Text meets WCAG AA (4.5:1) on its background in both schemes.
 */
export interface Palette {
  canvas: string;
  nodeBackground: string;
  nodeText: string;
  border: string;
  ephiBorder: string;
  labelBackground: string;
  labelText: string;
  exposed: string;
  encrypted: string;
  unknown: string;
}

export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    canvas: '#ffffff',
    nodeBackground: '#ffffff',
    nodeText: '#212529',
    border: '#adb5bd',
    ephiBorder: '#1c7ed6',
    labelBackground: '#ffffff',
    labelText: '#495057',
    exposed: '#c92a2a',
    encrypted: '#2b8a3e',
    unknown: '#868e96',
  },
  dark: {
    canvas: '#1f2023',
    nodeBackground: '#2e2e2e',
    nodeText: '#e9ecef',
    border: '#6b6e75',
    ephiBorder: '#4dabf7',
    labelBackground: '#2e2e2e',
    labelText: '#dee2e6',
    exposed: '#ff8787',
    encrypted: '#69db7c',
    unknown: '#a6a7ab',
  },
};
