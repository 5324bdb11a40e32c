import { ApiError, type Problem } from './problem';

/**
 * The console's session: the access token lives only in this object (never in storage); the
 * refresh token is the gateway's httpOnly `sd_refresh` cookie, sent only to /api/v1/auth with the
 * `X-SignalDesk-Client: web` header (the CSRF defence). Refreshes are single-flight: many requests
 * failing with 401 at once cause one refresh, and each is retried once.
 */
export interface Session {
  accessToken: string;
  expiresAt: number;
  userId: string;
  email: string;
  roles: string[];
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export const CLIENT_HEADER = 'X-SignalDesk-Client';

/** The claims of a JWT, decoded without checking (the server checks; the console only shows). */
export function decodeJwt(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((part.length + 3) % 4);
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function problemOf(res: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    const text = await res.text();
    problem = text ? (JSON.parse(text) as Problem) : {};
  } catch {
    problem = { title: res.statusText || 'HTTP ' + res.status };
  }
  const ra = Number(res.headers.get('Retry-After'));
  return new ApiError(res.status, problem, Number.isFinite(ra) && ra > 0 ? ra : undefined);
}

export class AuthClient {
  private session: Session | null = null;
  private refreshing: Promise<boolean> | null = null;
  private listeners: ((s: Session | null) => void)[] = [];

  constructor(
    private readonly fetchFn: Fetch = (i, init) => fetch(i, init),
    private readonly now: () => number = Date.now,
  ) {}

  get current(): Session | null {
    return this.session;
  }

  onChange(l: (s: Session | null) => void): void {
    this.listeners.push(l);
  }

  private set(s: Session | null): void {
    this.session = s;
    for (const l of this.listeners) l(s);
  }

  private adopt(body: { accessToken: string; expiresIn: number }): Session {
    const claims = decodeJwt(body.accessToken);
    const s: Session = {
      accessToken: body.accessToken,
      expiresAt: this.now() + (body.expiresIn ?? 900) * 1000,
      userId: String(claims.sub ?? ''),
      email: String(claims.upn ?? claims.email ?? ''),
      roles: Array.isArray(claims.groups) ? (claims.groups as string[]) : [],
    };
    this.set(s);
    return s;
  }

  private authPost(path: string, body: unknown): Promise<Response> {
    return this.fetchFn(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [CLIENT_HEADER]: 'web' },
      body: JSON.stringify(body),
    });
  }

  async login(email: string, password: string): Promise<Session> {
    const res = await this.authPost('/api/v1/auth/login', { email, password });
    if (!res.ok) throw await problemOf(res);
    return this.adopt(await res.json());
  }

  async register(email: string, password: string, referralCode?: string): Promise<void> {
    const body: Record<string, string> = { email, password };
    if (referralCode) body.referralCode = referralCode;
    const res = await this.authPost('/api/v1/auth/register', body);
    if (!res.ok) throw await problemOf(res);
  }

  /** Trades the refresh cookie for a new access token; one request however many callers wait. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        try {
          const res = await this.authPost('/api/v1/auth/refresh', {});
          if (!res.ok) {
            this.set(null);
            return false;
          }
          this.adopt(await res.json());
          return true;
        } catch {
          return false; // network: keep the session as it is, the next call tries again
        } finally {
          this.refreshing = null;
        }
      })();
    }
    return this.refreshing;
  }

  async logout(): Promise<void> {
    try {
      await this.authPost('/api/v1/auth/logout', {});
    } finally {
      this.set(null);
    }
  }

  /** A fetch with the bearer token; on 401 one refresh and one retry. */
  async authorized(path: string, init: RequestInit = {}): Promise<Response> {
    if (this.session && this.session.expiresAt - this.now() < 30_000) {
      await this.refresh(); // about to expire: renew first rather than fail
    }
    const attempt = () => {
      const headers = new Headers(init.headers);
      if (this.session) headers.set('Authorization', 'Bearer ' + this.session.accessToken);
      return this.fetchFn(path, { ...init, headers });
    };
    let res = await attempt();
    if (res.status === 401 && (await this.refresh())) res = await attempt();
    return res;
  }

  /** JSON in, JSON out; a problem+json answer is thrown as an ApiError. */
  async api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const res = await this.authorized(path, init);
    if (!res.ok) throw await problemOf(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
