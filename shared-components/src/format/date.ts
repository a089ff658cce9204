/** The business runs on China time whatever the browser's zone, so dates read the same for everyone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface FormatDateOptions {
  /** BCP 47 locale. @default 'zh-CN' */
  locale?: string;
  /** Include hours and minutes. @default false */
  time?: boolean;
  /** IANA time zone. @default 'Asia/Shanghai' */
  timeZone?: string;
}

/**
 * An ISO timestamp or Date for people: '2025-03-01T06:30:00Z' → '2025/03/01 14:30' (zh-CN, with time).
 * Unparseable input comes back unchanged rather than as 'Invalid Date'.
 */
export function formatDate(
  value: string | Date | null | undefined,
  options: FormatDateOptions = {},
): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const { locale = 'zh-CN', time = false, timeZone = DEFAULT_TIME_ZONE } = options;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).format(date);
}
