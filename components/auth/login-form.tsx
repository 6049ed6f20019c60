'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from './form-field';
import { useAuthSubmit } from './use-auth-submit';

export function LoginForm({ next }: { next: string }) {
  const { onSubmit, pending, error, fieldErrors } = useAuthSubmit('/api/auth/login', next);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-2xl">Log in</CardTitle>
        <CardDescription>Welcome back. Your orders kept moving while you were away.</CardDescription>
      </CardHeader>
      <form onSubmit={onSubmit} noValidate>
        <CardContent className="space-y-4">
          <FormField name="email" label="Email" type="email" autoComplete="email" required error={fieldErrors.email} />
          <FormField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
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
            {pending ? 'Logging in…' : 'Log in'}
          </Button>
          <p className="text-sm text-muted-foreground">
            New to CreatorFlow?{' '}
            <Link href="/signup" className="font-medium text-foreground underline underline-offset-4">
              Create an account
            </Link>
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}
