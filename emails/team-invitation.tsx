import { Link, Text } from '@react-email/components';
import type { TeamInvitationProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { formatDateTime } from './components/format';
import { EmailLayout } from './components/layout';
import { callout, text } from './components/theme';

const roleDescriptions: Record<TeamInvitationProps['role'], string> = {
  owner: 'full control of the account, including billing and team members',
  admin: 'manage orders, inventory, shops and carriers, and invite teammates',
  packer: 'see the packing queue, print labels and packing slips, and mark orders shipped',
  viewer: 'see orders, inventory and analytics without changing anything',
};

// Sent to someone invited to join an account. They may not have a CreatorFlow login yet,
// so there are no preferences to manage: the footer only says who invited them.
export default function TeamInvitation(props: TeamInvitationProps) {
  const { inviterName, accountName, role, acceptUrl } = props;
  const article = role === 'owner' || role === 'admin' ? 'an' : 'a';
  return (
    <EmailLayout
      preview={`${inviterName} invited you to help run ${accountName} on CreatorFlow.`}
      reason={`You received this because ${inviterName} invited ${props.inviteeEmail} to ${accountName}. If you did not expect it, you can ignore this email.`}
    >
      <Text style={text.heading}>Join {accountName} on CreatorFlow</Text>
      <Text style={text.paragraph}>
        <strong>{inviterName}</strong> invited you to join <strong>{accountName}</strong> as {article}{' '}
        <strong>{role}</strong>. As {article} {role} you can {roleDescriptions[role]}.
      </Text>
      <ActionButton href={acceptUrl}>Accept invitation</ActionButton>
      <Text style={callout('neutral')}>
        This invitation expires {formatDateTime(props.expiresAt)} and can only be used by{' '}
        <strong>{props.inviteeEmail}</strong>.
      </Text>
      <Text style={text.small}>
        Button not working? Paste this link into your browser:{' '}
        <Link href={acceptUrl} style={text.link}>
          {acceptUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

TeamInvitation.PreviewProps = {
  inviterName: 'Maya Chen',
  accountName: 'Maya Makes Candles',
  role: 'packer',
  inviteeEmail: 'jordan@example.com',
  acceptUrl: 'https://app.creatorflow.dev/invitations/accept?token=inv_preview_3f9a',
  expiresAt: '2025-12-01T18:00:00Z',
} satisfies TeamInvitationProps;
