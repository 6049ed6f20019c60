/** The demo logins `bun run dev` prints. Local data only; never created when DEPLOY_ENV=production. */
export const DEMO_PASSWORD = 'creatorflow-demo';

export const DEMO_USERS = [
  { email: 'demo@creatorflow.dev', fullName: 'Maya Chen', accountName: 'Glow Lab Demo', platformRole: undefined },
  { email: 'rival@creatorflow.dev', fullName: 'Ravi Patel', accountName: 'Rival Goods Demo', platformRole: undefined },
  { email: 'ops@creatorflow.dev', fullName: 'Olu Ops', accountName: 'CreatorFlow Ops', platformRole: 'ops' as const },
] as const;
