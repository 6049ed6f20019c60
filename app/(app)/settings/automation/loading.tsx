import { Skeleton } from '@/components/ui/skeleton';

export default function AutomationLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading automation rules">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-24 w-full" />
    </div>
  );
}
