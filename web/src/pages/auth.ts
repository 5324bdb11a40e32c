import { h, buildForm } from '../dom';
import type { Page } from '../app';

/** The referral code a visitor arrived with: `?ref=` (from /r/{code}), else a readable `sd_ref` cookie. */
export function referralCode(search: string, cookie: string): string {
  const ref = new URLSearchParams(search).get('ref');
  if (ref) return ref;
  const m = cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('sd_ref='));
  return m ? decodeURIComponent(m.slice('sd_ref='.length)) : '';
}

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/approvals';
}

export const loginPage: Page = (ctx, main) => {
  const f = buildForm(
    [
      { name: 'email', label: 'Email', type: 'email', required: true, autocomplete: 'username' },
      { name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'current-password' },
    ],
    'Sign in',
    async (v) => {
      await ctx.auth.login(v.email, v.password);
      ctx.navigate(safeNext(ctx.query.get('next')));
    },
  );
  main.append(
    h('section', { class: 'card narrow' },
      h('h1', null, 'Sign in'),
      f.form,
      h('p', null, 'New here? ', h('a', { href: '/signup' + location.search.replace(/^\?next=[^&]*&?/, '?') }, 'Create an account')),
    ),
  );
  f.input('email').focus();
};

export const signupPage: Page = (ctx, main) => {
  const ref = referralCode(location.search, document.cookie);
  const f = buildForm(
    [
      { name: 'email', label: 'Email', type: 'email', required: true, autocomplete: 'username' },
      { name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'new-password', hint: '10 to 128 characters' },
      { name: 'referralCode', label: 'Referral code (optional)', value: ref, hint: ref ? 'From the link you followed' : undefined },
    ],
    'Create account',
    async (v) => {
      await ctx.auth.register(v.email, v.password, v.referralCode || undefined);
      await ctx.auth.login(v.email, v.password);
      ctx.navigate('/approvals');
    },
  );
  main.append(
    h('section', { class: 'card narrow' },
      h('h1', null, 'Create your account'),
      f.form,
      h('p', null, 'Already registered? ', h('a', { href: '/login' }, 'Sign in')),
    ),
  );
  f.input('email').focus();
};
