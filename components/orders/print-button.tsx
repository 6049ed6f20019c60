'use client';

import { Printer } from 'lucide-react';
import { Button } from '@/components/ui/button';

export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button onClick={() => window.print()}>
      <Printer aria-hidden /> {label}
    </Button>
  );
}

/**
 * Print CSS for the document pages (packing slips, pick list): the dashboard's sidebar and buttons
 * disappear, the page gets printer margins and each `.print-page` starts on a new sheet.
 */
export function PrintStyles() {
  return (
    <style>{`
      @media print {
        @page { size: letter; margin: 12mm; }
        aside, .no-print { display: none !important; }
        main#main { padding: 0 !important; }
        body { background: white; }
        .print-page { break-after: page; box-shadow: none !important; border: none !important; }
        .print-page:last-child { break-after: auto; }
      }
    `}</style>
  );
}
