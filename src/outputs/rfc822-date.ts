import type { ZonedDate } from '../content/types.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RSS's date format with the site offset kept: `Wed, 20 Dec 2023 09:30:00 +0800`. */
export function rfc822Date(date: ZonedDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = /([+-]\d{2}):(\d{2})$/.exec(date.iso);
  if (!offset) throw new Error(`Internal error: ZonedDate without an offset: "${date.iso}"`);
  const day = `${DAYS[date.weekday]}, ${pad(date.day)} ${MONTHS[date.month - 1]} ${date.year}`;
  return `${day} ${pad(date.hour)}:${pad(date.minute)}:${pad(date.second)} ${offset[1]}${offset[2]}`;
}
