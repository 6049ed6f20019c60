import { Skeleton } from '@/components/ui/skeleton';

export default function OutboxLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the outbox">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-48 w-full" />
    </div>
  );
}
