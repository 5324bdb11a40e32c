import { describe, it, expect } from 'vitest';
import { ApiError, toShownError, slugOf, fieldKey } from '../src/lib/problem';

const validation = new ApiError(400, {
  type: 'https://signaldesk.io/problems/validation',
  title: 'Invalid request',
  status: 400,
  detail: 'The request has 2 invalid field(s)',
  violations: [
    { field: 'email', message: 'must be a well-formed email address' },
    { field: 'password', message: 'must be 10 to 128 characters' },
  ],
});

describe('problem+json mapping', () => {
  it('puts each violation next to its field', () => {
    const s = toShownError(validation, ['email', 'password', 'referralCode']);
    expect(s.fields).toEqual({ email: 'Must be a well-formed email address.', password: 'Must be 10 to 128 characters.' });
    expect(s.message).toBe('The request has 2 invalid field(s).');
    expect(s.slug).toBe('validation');
  });

  it('names violations the form has no field for in the form message, so none is lost', () => {
    const p = new ApiError(400, { type: 'https://signaldesk.io/problems/validation', detail: 'The request has 1 invalid field(s)', violations: [{ field: 'params.rsiPeriod', message: 'must be 2-100' }] });
    const s = toShownError(p, ['name']);
    expect(s.message).toContain('params.rsiPeriod: must be 2-100');
  });

  it('maps nested field names the form uses, and strips validator prefixes when needed', () => {
    expect(fieldKey('params.rsiPeriod', ['params.rsiPeriod'])).toBe('params.rsiPeriod');
    expect(fieldKey('register.body.email', ['email'])).toBe('email');
    expect(fieldKey('drawdownPercent.warn', ['drawdownPercent.warn'])).toBe('drawdownPercent.warn');
  });

  it('puts a key of a JSON parameters field next to that field, naming the key', () => {
    const p = new ApiError(400, { type: 'https://signaldesk.io/problems/validation', detail: 'The request has 2 invalid field(s)', violations: [{ field: 'params.rsiPeriod', message: 'must be 2-100' }, { field: 'params.fibLevels[0]', message: 'must be in (0, 1)' }] });
    const s = toShownError(p, ['name', 'params']);
    expect(s.fields).toEqual({ params: 'rsiPeriod: must be 2-100. fibLevels[0]: must be in (0, 1).' });
    expect(fieldKey('candles[3].time', ['candles'])).toBe('candles');
  });

  it('uses human words for known slugs and the detail for the rest', () => {
    expect(toShownError(new ApiError(401, { type: 'https://signaldesk.io/problems/invalid-credentials', detail: 'Invalid credentials' })).message).toBe('Wrong email or password.');
    expect(toShownError(new ApiError(409, { type: 'https://signaldesk.io/problems/account-blocked', detail: 'DRAWDOWN at BLOCK since 2026-11-24T00:00:00Z blocks approvals' })).message).toBe('DRAWDOWN at BLOCK since 2026-11-24T00:00:00Z blocks approvals.');
    expect(toShownError(new ApiError(429, { type: 'https://signaldesk.io/problems/rate-limited' }, 12)).message).toBe('Too many requests. Try again in 12 s.');
    expect(toShownError(new ApiError(500, {})).message).toBe('The server answered 500.');
  });

  it('says so when the network fails', () => {
    expect(toShownError(new TypeError('Failed to fetch')).message).toMatch(/Cannot reach SignalDesk/);
  });

  it('takes the slug from the type URI', () => {
    expect(slugOf('https://signaldesk.io/problems/volume-above-max')).toBe('volume-above-max');
    expect(slugOf(undefined)).toBe('');
  });
});
