import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignupForm } from '@/components/auth/signup-form';
import { getSession } from '@/lib/auth';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignupPage() {
  if (await getSession()) redirect('/orders');
  return <SignupForm />;
}
