import Link from 'next/link';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';

/** What the print pages (pick list, packing slips) show when their ?ids= is empty or invalid. */
export function NoOrdersSelected({ title, problem }: { title: string; problem: string | undefined }) {
  return (
    <Alert variant="destructive">
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {problem}.{' '}
        <Link href="/orders" className="underline">
          Select orders on the orders page
        </Link>
      </AlertDescription>
    </Alert>
  );
}
