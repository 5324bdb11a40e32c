import { toShownError, type ShownError } from './lib/problem';

type Child = Node | string | number | null | undefined | false | Child[];
type Listener = (e: Event) => unknown;
type Attrs = { [k: string]: string | number | boolean | null | undefined | Record<string, Listener> };

/** Creates an element; attributes as properties of `a`, `on: {click: fn}` for listeners (no inline handlers). */
export function h(tag: string, a: Attrs | null = null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (a) {
    for (const [k, v] of Object.entries(a)) {
      if (k === 'on' && v && typeof v === 'object') {
        for (const [ev, fn] of Object.entries(v as Record<string, Listener>)) el.addEventListener(ev, fn as EventListener);
      } else if (v === true) el.setAttribute(k, '');
      else if (v !== false && v !== null && v !== undefined) el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let ids = 0;
export function uid(prefix: string): string {
  return `${prefix}-${++ids}`;
}

/** A status line that screen readers announce; shows errors and confirmations next to an action. */
export function messageBox(): HTMLElement & { error: (e: unknown) => ShownError; ok: (s: string) => void; clear: () => void } {
  const el = h('p', { class: 'msg', role: 'status', 'aria-live': 'polite' }) as HTMLElement & {
    error: (e: unknown) => ShownError;
    ok: (s: string) => void;
    clear: () => void;
  };
  el.hidden = true;
  el.error = (e: unknown) => {
    const shown = toShownError(e);
    el.className = 'msg error';
    el.setAttribute('role', 'alert');
    el.textContent = shown.message;
    el.hidden = false;
    return shown;
  };
  el.ok = (s: string) => {
    el.className = 'msg ok';
    el.setAttribute('role', 'status');
    el.textContent = s;
    el.hidden = false;
  };
  el.clear = () => {
    el.hidden = true;
    el.textContent = '';
  };
  return el;
}

/** Runs `work` with the button busy (disabled, aria-busy, label changed); errors go to `msg`. */
export async function busy<T>(
  button: HTMLButtonElement,
  msg: ReturnType<typeof messageBox> | null,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = (label ?? '') + '…';
  msg?.clear();
  try {
    return await work();
  } catch (e) {
    if (msg) msg.error(e);
    else throw e;
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: string;
  value?: string;
  required?: boolean;
  options?: [string, string][];
  hint?: string;
  autocomplete?: string;
  attrs?: Record<string, string>;
}

export interface BuiltForm {
  form: HTMLFormElement;
  values: () => Record<string, string>;
  input: (name: string) => HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  msg: ReturnType<typeof messageBox>;
}

/**
 * A labelled form: every field has its own error slot (aria-describedby, aria-invalid), the form
 * a message line; a problem+json answer lands on the fields its violations name, the rest on the
 * form's line.
 */
export function buildForm(
  fields: FieldSpec[],
  submitLabel: string,
  onSubmit: (values: Record<string, string>, f: BuiltForm) => Promise<void>,
  extraClass = '',
): BuiltForm {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const errors = new Map<string, HTMLElement>();
  const form = h('form', { class: 'form ' + extraClass, novalidate: true }) as HTMLFormElement;
  for (const f of fields) {
    const id = uid('f-' + f.name.replace(/\W/g, '-'));
    const errId = id + '-err';
    const hintId = id + '-hint';
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (f.options) {
      input = h('select', { id, name: f.name }) as HTMLSelectElement;
      for (const [v, l] of f.options) {
        const o = h('option', { value: v }, l) as HTMLOptionElement;
        if (f.value === v) o.selected = true;
        input.appendChild(o);
      }
    } else if (f.type === 'textarea') {
      input = h('textarea', { id, name: f.name, rows: 4 }) as HTMLTextAreaElement;
      input.value = f.value ?? '';
    } else if (f.type === 'checkbox') {
      input = h('input', { id, name: f.name, type: 'checkbox' }) as HTMLInputElement;
      (input as HTMLInputElement).checked = f.value === 'true';
    } else {
      input = h('input', { id, name: f.name, type: f.type ?? 'text', autocomplete: f.autocomplete ?? null }) as HTMLInputElement;
      input.value = f.value ?? '';
    }
    if (f.required) input.required = true;
    for (const [k, v] of Object.entries(f.attrs ?? {})) input.setAttribute(k, v);
    input.setAttribute('aria-describedby', [f.hint ? hintId : '', errId].filter(Boolean).join(' '));
    const err = h('span', { class: 'field-error', id: errId });
    inputs.set(f.name, input);
    errors.set(f.name, err);
    form.appendChild(
      h(
        'div',
        { class: 'field' + (f.type === 'checkbox' ? ' check' : '') },
        h('label', { for: id }, f.label),
        input,
        f.hint ? h('span', { class: 'hint', id: hintId }, f.hint) : null,
        err,
      ),
    );
  }
  const msg = messageBox();
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel) as HTMLButtonElement;
  form.append(h('div', { class: 'actions' }, button), msg);
  const built: BuiltForm = {
    form,
    msg,
    input: (n) => inputs.get(n)!,
    values: () => {
      const out: Record<string, string> = {};
      for (const [n, i] of inputs) out[n] = i instanceof HTMLInputElement && i.type === 'checkbox' ? String(i.checked) : i.value.trim();
      return out;
    },
  };
  const showFieldErrors = (shown: ShownError | null) => {
    for (const [n, e] of errors) {
      const m = shown?.fields[n] ?? '';
      e.textContent = m;
      const i = inputs.get(n)!;
      if (m) i.setAttribute('aria-invalid', 'true');
      else i.removeAttribute('aria-invalid');
    }
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showFieldErrors(null);
    msg.clear();
    const label = button.textContent;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = label + '…';
    try {
      await onSubmit(built.values(), built);
    } catch (e) {
      const shown = toShownError(e, inputs.keys());
      showFieldErrors(shown);
      msg.className = 'msg error';
      msg.setAttribute('role', 'alert');
      msg.textContent = shown.message;
      msg.hidden = false;
      const first = Object.keys(shown.fields).find((n) => inputs.has(n));
      if (first) inputs.get(first)!.focus();
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = label;
    }
  });
  return built;
}

/** A copy-to-clipboard button for a secret or a link, with a spoken confirmation. */
export function copyButton(text: () => string, label = 'Copy', accessibleName?: string): HTMLElement {
  const status = h('span', { class: 'copied', 'aria-live': 'polite' });
  const b = h('button', {
    type: 'button',
    class: 'small',
    'aria-label': accessibleName ?? null,
    on: {
      click: async () => {
        try {
          await navigator.clipboard.writeText(text());
          status.textContent = 'Copied';
        } catch {
          status.textContent = 'Select the text and copy it by hand';
        }
        setTimeout(() => (status.textContent = ''), 3000);
      },
    },
  }, label);
  return h('span', { class: 'copy' }, b, status);
}

/** Loading, empty and failed states of a section that fetches. */
export async function load<T>(target: HTMLElement, fetcher: () => Promise<T>, render: (data: T) => Child): Promise<T | undefined> {
  clear(target, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    const data = await fetcher();
    clear(target, render(data));
    return data;
  } catch (e) {
    const m = messageBox();
    m.error(e);
    const retry = h('button', { type: 'button', class: 'small', on: { click: () => void load(target, fetcher, render) } }, 'Retry');
    clear(target, m, retry);
    return undefined;
  }
}

export function table(headers: string[], rows: Child[][], caption?: string): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      null,
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => h('td', { 'data-label': headers[i] }, c))))),
    ),
  );
}
