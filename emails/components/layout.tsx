import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { colors, fontFamily } from './theme';

export interface EmailLayoutProps {
  /** Inbox preview line (shown after the subject, hidden in the body). */
  preview: string;
  /** Small line under the wordmark, e.g. the shop that sent a customer email. */
  eyebrow?: string;
  /** Why this person got this email; shown in the footer of every message. */
  reason: string;
  /** Where the recipient manages their email preferences; omitted for people with no account. */
  preferencesUrl?: string;
  children: ReactNode;
}

// Every CreatorFlow email shares this frame: wordmark header, white card, and a footer that says
// why the email was sent and how to change that. Templates only fill in the card.
export function EmailLayout({ preview, eyebrow, reason, preferencesUrl, children }: EmailLayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section style={header}>
            <Text style={wordmark}>
              Creator<span style={{ color: colors.accent }}>Flow</span>
            </Text>
            {eyebrow ? <Text style={eyebrowStyle}>{eyebrow}</Text> : null}
          </Section>
          <Section style={card}>{children}</Section>
          <Section style={footer}>
            <Text style={footerText}>{reason}</Text>
            {preferencesUrl ? (
              <Text style={footerText}>
                <Link href={preferencesUrl} style={footerLink}>
                  Manage email preferences
                </Link>
              </Text>
            ) : null}
            <Hr style={footerRule} />
            <Text style={footerText}>CreatorFlow · Order fulfillment for TikTok Shop creators</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

const body = {
  backgroundColor: colors.canvas,
  fontFamily,
  margin: 0,
  padding: '24px 0',
};

const container = {
  maxWidth: '600px',
  margin: '0 auto',
};

const header = {
  backgroundColor: colors.ink,
  borderRadius: '12px 12px 0 0',
  padding: '20px 32px',
};

const wordmark = {
  color: '#ffffff',
  fontSize: '22px',
  fontWeight: 800,
  letterSpacing: '-0.5px',
  lineHeight: '28px',
  margin: 0,
};

const eyebrowStyle = {
  color: colors.cyan,
  fontSize: '13px',
  lineHeight: '18px',
  margin: '4px 0 0',
};

const card = {
  backgroundColor: colors.surface,
  borderRadius: '0 0 12px 12px',
  padding: '32px',
};

const footer = {
  padding: '20px 32px 0',
};

const footerText = {
  color: colors.muted,
  fontSize: '12px',
  lineHeight: '18px',
  margin: '0 0 6px',
  textAlign: 'center' as const,
};

const footerLink = {
  color: colors.muted,
  textDecoration: 'underline',
};

const footerRule = {
  borderColor: colors.hairline,
  margin: '12px 0',
};
