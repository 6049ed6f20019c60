import { Button, Section } from '@react-email/components';
import type { ReactNode } from 'react';
import { colors } from './theme';

export interface ActionButtonProps {
  href: string;
  children: ReactNode;
  /** Secondary actions get an outlined button so the primary one stays obvious. */
  variant?: 'primary' | 'secondary';
}

// The call to action. React Email's Button renders a bulletproof <a> that Outlook also pads.
export function ActionButton({ href, children, variant = 'primary' }: ActionButtonProps) {
  const style = variant === 'primary' ? primary : secondary;
  return (
    <Section style={wrapper}>
      <Button href={href} style={style}>
        {children}
      </Button>
    </Section>
  );
}

const base = {
  borderRadius: '8px',
  fontSize: '15px',
  fontWeight: 600,
  lineHeight: '20px',
  padding: '12px 22px',
  textDecoration: 'none',
  display: 'inline-block',
};

const primary = {
  ...base,
  backgroundColor: colors.accent,
  color: colors.accentInk,
};

const secondary = {
  ...base,
  backgroundColor: colors.surface,
  color: colors.ink,
  border: `1px solid ${colors.hairline}`,
};

const wrapper = {
  margin: '8px 0 24px',
};
