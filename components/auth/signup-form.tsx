'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from './form-field';
import { useAuthSubmit } from './use-auth-submit';

export function SignupForm() {
  const { onSubmit, pending, error, fieldErrors } = useAuthSubmit('/api/auth/signup', '/orders');
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-2xl">Create your account</CardTitle>
        <CardDescription>Connect your TikTok Shop and let orders ship themselves.</CardDescription>
      </CardHeader>
      <form onSubmit={onSubmit} noValidate>
        <CardContent className="space-y-4">
          <FormField name="fullName" label="Your name" autoComplete="name" required error={fieldErrors.fullName} />
          <FormField
            name="accountName"
            label="Shop or brand name"
            autoComplete="organization"
            required
            error={fieldErrors.accountName}
          />
          <FormField name="email" label="Email" type="email" autoComplete="email" required error={fieldErrors.email} />
          <FormField
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            error={fieldErrors.password}
          />
          {error ? (
            <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-3">
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? 'Creating account…' : 'Create account'}
          </Button>
          <p className="text-sm text-muted-foreground">
            Already have an account?{' '}
            <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
              Log in
            </Link>
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}
