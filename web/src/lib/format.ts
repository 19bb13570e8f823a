const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(iso: string | undefined): string {
  if (iso === undefined) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTime.format(date)} UTC`;
}

export function formatDate(iso: string | undefined): string {
  if (iso === undefined) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** "3 h", "2 d": how long ago, coarse, for queues. */
export function formatAge(iso: string | undefined, now = Date.now()): string {
  if (iso === undefined) return '—';
  const ms = now - new Date(iso).getTime();
  if (Number.isNaN(ms)) return '—';
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

export function humanise(code: string): string {
  const text = code.replace(/[_.-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** `under_1h`, `1h_to_4h`, `over_7d` -> "Under 1 h", "1–4 h", "Over 7 d". */
export function ageBucket(bucket: string): string {
  const range = /^(\d+)([hd])_to_(\d+)([hd])$/.exec(bucket);
  if (range !== null) return range[2] === range[4] ? `${range[1]}–${range[3]} ${range[4]}` : `${range[1]} ${range[2]} – ${range[3]} ${range[4]}`;
  const edge = /^(under|over)_(\d+)([hd])$/.exec(bucket);
  if (edge !== null) return `${edge[1] === 'under' ? 'Under' : 'Over'} ${edge[2]} ${edge[3]}`;
  return humanise(bucket);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who did something: "you", or a user id shortened for reading (the full id is in the title). */
export function who(id: string | undefined, me: string | undefined): string {
  if (id === undefined) return '—';
  if (id === me) return 'you';
  return UUID.test(id) ? `user ${id.slice(0, 8)}` : id;
}
