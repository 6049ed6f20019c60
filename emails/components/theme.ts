import type { CSSProperties } from 'react';

// Brand tokens shared by every template. Email clients ignore stylesheets unevenly, so styles are
// plain inline objects; keep colours here so a rebrand touches one file.
export const colors = {
  ink: '#0f172a',
  body: '#334155',
  muted: '#64748b',
  hairline: '#e2e8f0',
  canvas: '#f1f5f9',
  surface: '#ffffff',
  subtle: '#f8fafc',
  accent: '#fe2c55',
  accentInk: '#ffffff',
  cyan: '#25f4ee',
  positive: '#15803d',
  negative: '#b91c1c',
  warningSurface: '#fff7ed',
  warningInk: '#9a3412',
  dangerSurface: '#fef2f2',
  dangerInk: '#991b1b',
} as const;

export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const text = {
  heading: {
    color: colors.ink,
    fontSize: '24px',
    lineHeight: '32px',
    fontWeight: 700,
    margin: '0 0 12px',
  },
  subheading: {
    color: colors.ink,
    fontSize: '16px',
    lineHeight: '24px',
    fontWeight: 600,
    margin: '24px 0 8px',
  },
  paragraph: {
    color: colors.body,
    fontSize: '15px',
    lineHeight: '24px',
    margin: '0 0 16px',
  },
  small: {
    color: colors.muted,
    fontSize: '13px',
    lineHeight: '20px',
    margin: '0 0 8px',
  },
  link: {
    color: colors.accent,
    textDecoration: 'underline',
  },
  mono: {
    fontFamily: '"SFMono-Regular", Menlo, Consolas, monospace',
    fontSize: '14px',
  },
} satisfies Record<string, CSSProperties>;

// A tinted box for the one fact the reader must not miss (an error, an expiry, a limit).
export function callout(tone: 'warning' | 'danger' | 'neutral'): CSSProperties {
  const palette = {
    warning: { background: colors.warningSurface, color: colors.warningInk },
    danger: { background: colors.dangerSurface, color: colors.dangerInk },
    neutral: { background: colors.subtle, color: colors.body },
  }[tone];
  return {
    backgroundColor: palette.background,
    color: palette.color,
    borderRadius: '8px',
    padding: '12px 16px',
    margin: '0 0 20px',
    fontSize: '14px',
    lineHeight: '22px',
  };
}
