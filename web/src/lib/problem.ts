/** problem+json (RFC 7807) answers turned into what the console shows next to a field or action. */
export interface Violation {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  violations?: Violation[];
}

export interface ShownError {
  /** The message for the action (form or button), always set. */
  message: string;
  /** Per-field messages, keyed by the form's field name. */
  fields: Record<string, string>;
  /** The problem type's slug (`validation`, `email-taken`...), '' when unknown. */
  slug: string;
  status: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfter?: number,
  ) {
    super(problem.detail || problem.title || 'HTTP ' + status);
  }
}

export function slugOf(type: string | undefined): string {
  if (!type) return '';
  const at = type.lastIndexOf('/');
  return at < 0 ? type : type.slice(at + 1);
}

/** Words for the problems whose server detail is too technical or missing. */
const FRIENDLY: Record<string, string> = {
  'invalid-credentials': 'Wrong email or password.',
  'email-taken': 'An account with this email already exists. Sign in instead.',
  'refresh-token-reused': 'Your session was ended for safety. Please sign in again.',
  'refresh-token-expired': 'Your session has expired. Please sign in again.',
  'refresh-token-invalid': 'Your session has ended. Please sign in again.',
  unauthorized: 'Your session has ended. Please sign in again.',
  forbidden: 'You are not allowed to do this.',
  'service-unavailable': 'This part of SignalDesk is briefly unavailable. Try again in a moment.',
  'upstream-timeout': 'SignalDesk took too long to answer. Try again.',
};

/**
 * Maps a server field path to the form's field name: `params.rsiPeriod` stays as it is (forms name
 * such inputs that way), a method-parameter prefix some validators add (`register.body.email`,
 * `arg0.email`) is dropped to the last segment when the form has no field of the full name.
 */
export function fieldKey(field: string, known?: Iterable<string>): string {
  const names = known ? new Set(known) : undefined;
  if (!names || names.has(field)) return field;
  const parts = field.split('.');
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join('.');
    if (names.has(tail)) return tail;
  }
  // a key inside a field the form edits as a whole (`params.rsiPeriod` of a JSON textarea `params`,
  // `candles[3].time`): the longest prefix the form has
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    if (names.has(head)) return head;
    const bare = head.replace(/\[\d+\]$/, '');
    if (names.has(bare)) return bare;
  }
  return field;
}

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const cap = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : cap + '.';
}

/** The message to show for an error: problem+json, a network failure, or anything else. */
export function toShownError(err: unknown, knownFields?: Iterable<string>): ShownError {
  if (err instanceof ApiError) {
    const p = err.problem;
    const slug = slugOf(p.type);
    const fields: Record<string, string> = {};
    const unplaced: string[] = [];
    const names = knownFields ? new Set(knownFields) : undefined;
    for (const v of p.violations ?? []) {
      const key = fieldKey(v.field, names);
      // inside a whole-field editor, say which key: "rsiPeriod: must be 2-100."
      const inner = key !== v.field && v.field.startsWith(key) ? v.field.slice(key.length).replace(/^[.]/, '') : '';
      const msg = inner ? `${inner}: ${v.message}${/[.!?]$/.test(v.message) ? '' : '.'}` : sentence(v.message);
      if (names && !names.has(key)) unplaced.push(`${v.field}: ${v.message}`);
      fields[key] = fields[key] ? fields[key] + ' ' + msg : msg;
    }
    let message = FRIENDLY[slug] ?? sentence(p.detail || p.title || `The server answered ${err.status}.`);
    if (slug === 'rate-limited' && err.retryAfter) {
      message = `Too many requests. Try again in ${err.retryAfter} s.`;
    }
    // field paths keep their spelling (no capital): the user may need to find `params.rsiPeriod`
    if (unplaced.length) message += ' ' + unplaced.map((u) => (/[.!?]$/.test(u) ? u : u + '.')).join(' ');
    return { message, fields, slug, status: err.status };
  }
  if (err instanceof TypeError) {
    return { message: 'Cannot reach SignalDesk. Check your connection and try again.', fields: {}, slug: '', status: 0 };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { message: sentence(message) || 'Something went wrong.', fields: {}, slug: '', status: 0 };
}
