// Next.js calls register() once per server process. Only in the Node runtime (the check lets the
// edge bundle drop the import) does it start the queue; see instrumentation-node.ts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./instrumentation-node');
  }
}
