import { describe, it, expect } from 'vitest';
import { AuthClient, decodeJwt, type Fetch } from '../src/lib/auth';
import { ApiError } from '../src/lib/problem';

function jwt(claims: object): string {
  const b64 = (o: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;
}

const TOKEN1 = jwt({ sub: 'u1', upn: 'trader@x.io', groups: ['trader'] });
const TOKEN2 = jwt({ sub: 'u1', upn: 'trader@x.io', groups: ['trader'], n: 2 });

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

interface Call { path: string; init?: RequestInit }

function fakeServer(handler: (c: Call, calls: Call[]) => Response | Promise<Response>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (path, init) => {
      const c = { path, init };
      calls.push(c);
      return handler(c, calls);
    },
  };
}

const header = (c: Call, name: string) => new Headers(c.init?.headers).get(name);

describe('AuthClient', () => {
  it('logs in with the web client header and keeps the token in memory, roles from the JWT', async () => {
    const s = fakeServer(() => json(200, { accessToken: TOKEN1, expiresIn: 900, tokenType: 'Bearer' }));
    const a = new AuthClient(s.fetch);
    const session = await a.login('trader@x.io', 'pw');
    expect(session.roles).toEqual(['trader']);
    expect(session.email).toBe('trader@x.io');
    expect(header(s.calls[0], 'X-SignalDesk-Client')).toBe('web');
    expect(JSON.parse(String(s.calls[0].init?.body))).toEqual({ email: 'trader@x.io', password: 'pw' });
    expect(s.calls[0].init?.credentials).toBe('same-origin');
  });

  it('refreshes once for many concurrent 401s and retries each request once', async () => {
    let current = TOKEN1;
    let refreshes = 0;
    let releaseRefresh: () => void = () => {};
    const gate = new Promise<void>((r) => (releaseRefresh = r));
    const s = fakeServer(async (c) => {
      if (c.path === '/api/v1/auth/login') return json(200, { accessToken: TOKEN1, expiresIn: 900 });
      if (c.path === '/api/v1/auth/refresh') {
        refreshes++;
        expect(header(c, 'X-SignalDesk-Client')).toBe('web');
        await gate;
        current = TOKEN2;
        return json(200, { accessToken: TOKEN2, expiresIn: 900 });
      }
      return header(c, 'Authorization') === 'Bearer ' + current ? json(200, { ok: c.path }) : json(401, { type: 'https://signaldesk.io/problems/unauthorized', status: 401 }, 'application/problem+json');
    });
    const a = new AuthClient(s.fetch);
    await a.login('t', 'p');
    current = 'rotated-on-server';
    const all = Promise.all([a.api('GET', '/api/v1/a'), a.api('GET', '/api/v1/b'), a.api('GET', '/api/v1/c')]);
    await new Promise((r) => setTimeout(r, 10));
    current = TOKEN2;
    releaseRefresh();
    expect(await all).toEqual([{ ok: '/api/v1/a' }, { ok: '/api/v1/b' }, { ok: '/api/v1/c' }]);
    expect(refreshes).toBe(1);
    expect(a.current?.accessToken).toBe(TOKEN2);
  });

  it('retries only once: a second 401 is thrown as an ApiError, and a failed refresh signs out', async () => {
    const s = fakeServer((c) =>
      c.path === '/api/v1/auth/login'
        ? json(200, { accessToken: TOKEN1, expiresIn: 900 })
        : c.path === '/api/v1/auth/refresh'
          ? json(401, { type: 'https://signaldesk.io/problems/refresh-token-reused', status: 401 })
          : json(401, { type: 'https://signaldesk.io/problems/unauthorized', status: 401, detail: 'expired' }),
    );
    const a = new AuthClient(s.fetch);
    const changes: (string | null)[] = [];
    a.onChange((x) => changes.push(x ? x.userId : null));
    await a.login('t', 'p');
    const err = (await a.api('GET', '/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(401);
    expect(s.calls.map((c) => c.path)).toEqual(['/api/v1/auth/login', '/api/v1/me', '/api/v1/auth/refresh']);
    expect(a.current).toBeNull();
    expect(changes).toEqual(['u1', null]);
  });

  it('renews a token about to expire before using it', async () => {
    let now = 0;
    const s = fakeServer((c) =>
      c.path === '/api/v1/auth/login' ? json(200, { accessToken: TOKEN1, expiresIn: 60 }) : c.path === '/api/v1/auth/refresh' ? json(200, { accessToken: TOKEN2, expiresIn: 900 }) : json(200, {}),
    );
    const a = new AuthClient(s.fetch, () => now);
    await a.login('t', 'p');
    now = 45_000; // 15 s left
    await a.api('GET', '/api/v1/me');
    expect(s.calls.map((c) => c.path)).toEqual(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/me']);
    expect(header(s.calls[2], 'Authorization')).toBe('Bearer ' + TOKEN2);
  });

  it('logout posts with the header and forgets the session even when the server fails', async () => {
    const s = fakeServer((c) => (c.path === '/api/v1/auth/login' ? json(200, { accessToken: TOKEN1, expiresIn: 900 }) : Promise.reject(new TypeError('offline'))));
    const a = new AuthClient(s.fetch);
    await a.login('t', 'p');
    await a.logout().catch(() => undefined);
    expect(a.current).toBeNull();
    expect(header(s.calls[1], 'X-SignalDesk-Client')).toBe('web');
  });

  it('decodes base64url JWT claims with non-ASCII text', () => {
    expect(decodeJwt(jwt({ upn: 'zoë@x.io' })).upn).toBe('zoë@x.io');
    expect(decodeJwt('garbage')).toEqual({});
  });
});
