'use client';

import { Search, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { formatInteger } from '@/components/ui/format';
import type { TikTokOrderStatus } from '@/lib/db/schema/orders';
import { PRIORITY_VALUES, WORKFLOW_STATUS_VALUES } from '@/lib/orders/queries/schemas';
import { cn } from '@/lib/utils';
import { activeTabId, PRIORITY_LABELS, STATUS_TABS, WORKFLOW_STATUS_LABELS } from './labels';

/** Returns the current URL with `changes` applied (null deletes) and the page reset to 1. */
function useUrlUpdater() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const hrefWith = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const one of value === null ? [] : Array.isArray(value) ? value : [value])
        if (one !== '') next.append(key, one);
    }
    if (!('page' in changes)) next.delete('page');
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const update = (changes: Record<string, string | string[] | null>) =>
    startTransition(() => router.replace(hrefWith(changes), { scroll: false }));
  return { params, hrefWith, update, pending };
}

/**
 * Every filter of the orders page lives in the URL (shareable, back-button friendly): status tabs,
 * workflow status, priority, overdue, search and the placed-date range.
 */
export function OrderFilters({ breakdown }: { breakdown: Record<TikTokOrderStatus, number> | null }) {
  const { params, hrefWith, update } = useUrlUpdater();
  const statuses = params.getAll('status').flatMap((value) => value.split(','));
  const active = activeTabId(statuses);

  return (
    <div className="space-y-3">
      <nav aria-label="Order status" className="flex flex-wrap gap-1 border-b">
        {STATUS_TABS.map((tab) => {
          const count = breakdown ? tab.statuses.reduce((sum, status) => sum + breakdown[status], 0) : null;
          const total = breakdown ? Object.values(breakdown).reduce((sum, value) => sum + value, 0) : null;
          const shown = tab.statuses.length ? count : total;
          return (
            <Link
              key={tab.id}
              href={hrefWith({ status: tab.statuses.length ? tab.statuses : null })}
              replace
              scroll={false}
              aria-current={active === tab.id ? 'page' : undefined}
              className={cn(
                '-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground',
                active === tab.id ? 'border-foreground text-foreground' : 'border-transparent',
              )}
            >
              {tab.label}
              {shown !== null ? (
                <span className="rounded-full bg-muted px-1.5 text-xs tabular-nums">
                  {formatInteger(shown)}
                </span>
              ) : null}
            </Link>
          );
        })}
      </nav>

      <div className="flex flex-wrap items-end gap-3">
        {/* Keyed by the URL's search, so Clear filters or Back resets what the box shows. */}
        <SearchBox
          key={params.get('search') ?? ''}
          initial={params.get('search') ?? ''}
          onSearch={(value) => update({ search: value || null })}
        />
        <FilterSelect
          label="Workflow"
          name="workflow_status"
          value={params.get('workflow_status') ?? ''}
          onChange={update}
          options={WORKFLOW_STATUS_VALUES.map((value) => [value, WORKFLOW_STATUS_LABELS[value]])}
        />
        <FilterSelect
          label="Priority"
          name="priority"
          value={params.get('priority') ?? ''}
          onChange={update}
          options={PRIORITY_VALUES.map((value) => [value, PRIORITY_LABELS[value]])}
        />
        <label className="grid gap-1 text-xs font-medium text-muted-foreground">
          Placed from
          <Input
            type="date"
            className="w-40"
            value={params.get('date_from') ?? ''}
            onChange={(event) => update({ date_from: event.target.value || null })}
          />
        </label>
        <label className="grid gap-1 text-xs font-medium text-muted-foreground">
          Placed to
          <Input
            type="date"
            className="w-40"
            value={params.get('date_to') ?? ''}
            onChange={(event) => update({ date_to: event.target.value || null })}
          />
        </label>
        <label className="flex h-9 items-center gap-2 text-sm">
          <Checkbox
            checked={params.get('overdue') === 'true'}
            onCheckedChange={(checked) => update({ overdue: checked === true ? 'true' : null })}
          />
          Overdue only
        </label>
        {[...params.keys()].some((key) => key !== 'page' && key !== 'sort_by' && key !== 'sort_order') ? (
          <Button variant="ghost" size="sm" asChild>
            <Link href="/orders" replace>
              <X aria-hidden /> Clear filters
            </Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function FilterSelect({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  options: [string, string][];
  onChange: (changes: Record<string, string | null>) => void;
}) {
  return (
    <label className="grid gap-1 text-xs font-medium text-muted-foreground">
      {label}
      <NativeSelect
        className="w-44 text-foreground"
        value={value}
        onChange={(event) => onChange({ [name]: event.target.value || null })}
      >
        <option value="">Any</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (value: string) => void }) {
  const [search, setSearch] = useState(initial);
  return (
    <form
      role="search"
      className="relative min-w-64 flex-1"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(search.trim());
      }}
    >
      <label htmlFor="order-search" className="sr-only">
        Search orders
      </label>
      <Search
        className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground"
        aria-hidden
      />
      <Input
        id="order-search"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder="Search order, buyer, SKU, product, tracking #"
        className="pl-8"
      />
    </form>
  );
}
