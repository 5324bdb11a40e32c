import { AuthClient } from './lib/auth';

export interface Ctx {
  auth: AuthClient;
  api: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  navigate: (path: string) => void;
  query: URLSearchParams;
}

/** A page renders into `main` and may return a cleanup (streams, timers) run when leaving it. */
export type Page = (ctx: Ctx, main: HTMLElement, params: Record<string, string>) => void | (() => void) | Promise<void | (() => void)>;

export function isAdmin(ctx: Ctx): boolean {
  return ctx.auth.current?.roles.includes('admin') ?? false;
}
