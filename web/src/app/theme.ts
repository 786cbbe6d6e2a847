import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep government blue; shades 7–9 keep white text above 4.5:1 (WCAG AA).
const thaksa: MantineColorsTuple = [
  '#eaf1fb',
  '#d3e0f3',
  '#a6c0e6',
  '#769ed9',
  '#4f82ce',
  '#3670c8',
  '#2966c6',
  '#1c56af',
  '#144c9d',
  '#1c3d6e',
];

// Status colours whose default shade (8, see primaryShade) keeps text at 4.5:1 or better on white and on their light tint.
const warn: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#e8590c',
  '#b84a00',
  '#8a3c00',
  '#6b2e00',
];
const ok: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#37a24d',
  '#2b7f3d',
  '#1f6b30',
  '#16501f',
];

const font = 'Sarabun, "Noto Sans Thai", Tahoma, system-ui, sans-serif';

export const theme = createTheme({
  primaryColor: 'thaksa',
  primaryShade: { light: 8, dark: 4 },
  colors: { thaksa, warn, ok },
  fontFamily: font,
  headings: { fontFamily: font, fontWeight: '700' },
  // Thai stacks vowels and tone marks above and below the line: give them room.
  lineHeights: { xs: '1.5', sm: '1.6', md: '1.65', lg: '1.65', xl: '1.65' },
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  autoContrast: true,
  // People who ask their system for less motion get no transitions (modals, menus, the burger drawer).
  respectReducedMotion: true,
});

/** Mantine's dimmed grey and error red are below 4.5:1 on white; darken them so text passes axe's contrast rule. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#545c66', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
