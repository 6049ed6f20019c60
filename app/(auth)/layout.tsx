import { Package } from 'lucide-react';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-pink-50 via-white to-cyan-50 p-6">
      <div className="w-full max-w-md space-y-6">
        <div className="flex items-center justify-center gap-2 text-xl font-semibold">
          <Package className="size-6 text-brand" aria-hidden />
          CreatorFlow
        </div>
        {children}
      </div>
    </main>
  );
}
