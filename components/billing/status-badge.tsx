import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

export type StatusTone = 'good' | 'warn' | 'bad' | 'neutral';

const DOT: Record<StatusTone, string> = {
  good: 'bg-success',
  warn: 'bg-warning',
  bad: 'bg-destructive',
  neutral: 'bg-muted-foreground',
};

/**
 * A status label whose colour is carried by a dot, not by the text: the text stays at full
 * contrast (the tinted success badge is below WCAG AA for small text).
 */
export function StatusBadge({ tone, children }: { tone: StatusTone; children: React.ReactNode }) {
  return (
    <Badge variant="outline">
      <span className={cn('size-1.5 rounded-full', DOT[tone])} aria-hidden />
      {children}
    </Badge>
  );
}
