import { AppError, type FieldError } from '../../../../common/errors.js';
import type { CourseRunBody, CourseRunView } from '../../api/catalog.js';

/** The run form's values as typed (dates as YYYY-MM-DD from the date inputs). */
export interface RunFormValues {
  label: string;
  startsOn: string;
  endsOn: string;
  registrationDeadline: string;
  mode: 'onsite' | 'online';
  provinceCode: string;
  venue: string;
  seats: string;
}

export const EMPTY_RUN: RunFormValues = {
  label: '',
  startsOn: '',
  endsOn: '',
  registrationDeadline: '',
  mode: 'onsite',
  provinceCode: '',
  venue: '',
  seats: '',
};

export function runToForm(r: CourseRunView): RunFormValues {
  return {
    label: r.label,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    registrationDeadline: r.registrationDeadline ?? '',
    mode: r.mode,
    provinceCode: r.provinceCode ?? '',
    venue: r.venue ?? '',
    seats: String(r.seats),
  };
}

/** Today's date in Thailand as YYYY-MM-DD, the calendar the server checks dates against. */
export function todayInBangkok(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s));

/**
 * The same checks the server makes, before anything is sent; values are i18n keys by field. The server
 * still checks everything and its field errors are shown the same way.
 */
export function checkRunForm(f: RunFormValues, opts: { today: string; isNew: boolean }): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.label.trim()) e.label = 'validation.required';
  else if (f.label.trim().length > 100) e.label = 'validation.too_big';
  if (!f.startsOn) e.startsOn = 'validation.required';
  else if (!isDate(f.startsOn)) e.startsOn = 'validation.invalid_format';
  else if (opts.isNew && f.startsOn < opts.today) e.startsOn = 'validation.run.in_past';
  if (!f.endsOn) e.endsOn = 'validation.required';
  else if (!isDate(f.endsOn)) e.endsOn = 'validation.invalid_format';
  else if (isDate(f.startsOn) && f.endsOn < f.startsOn) e.endsOn = 'validation.run.ends_before_start';
  if (f.registrationDeadline) {
    if (!isDate(f.registrationDeadline)) e.registrationDeadline = 'validation.invalid_format';
    else if (isDate(f.startsOn) && f.registrationDeadline > f.startsOn) e.registrationDeadline = 'validation.run.deadline_after_start';
  }
  if (f.mode === 'onsite' && !f.provinceCode) e.provinceCode = 'validation.run.province_required';
  if (f.venue.trim().length > 300) e.venue = 'validation.too_big';
  const seats = Number(f.seats);
  if (!f.seats.trim()) e.seats = 'validation.required';
  else if (!Number.isInteger(seats) || seats < 1 || seats > 100_000) e.seats = 'catalog.runs.seatsRange';
  return e;
}

export function toRunBody(f: RunFormValues): CourseRunBody {
  return {
    label: f.label.trim(),
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    ...(f.registrationDeadline ? { registrationDeadline: f.registrationDeadline } : {}),
    mode: f.mode,
    ...(f.mode === 'onsite' && f.provinceCode ? { provinceCode: f.provinceCode } : {}),
    ...(f.venue.trim() ? { venue: f.venue.trim() } : {}),
    seats: Number(f.seats),
  };
}

/** Where a run stands today. */
export function runPhase(
  r: Pick<CourseRunView, 'startsOn' | 'endsOn' | 'isCancelled'>,
  today: string,
): 'cancelled' | 'upcoming' | 'ongoing' | 'finished' {
  if (r.isCancelled) return 'cancelled';
  if (r.startsOn > today) return 'upcoming';
  if (r.endsOn >= today) return 'ongoing';
  return 'finished';
}

/** The e-mails typed one per line, with the line each came from (blank lines skipped). */
export function parseEmailLines(text: string): { line: number; email: string }[] {
  return text
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, email: raw.trim() }))
    .filter((x) => x.email !== '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface LineError {
  line: number;
  email: string;
  /** i18n key of the message. */
  key: string;
}

/** Lines that are not e-mail addresses, before sending. */
export function checkEmailLines(lines: { line: number; email: string }[]): LineError[] {
  return lines.filter((l) => !EMAIL.test(l.email)).map((l) => ({ ...l, key: 'catalog.completions.badEmail' }));
}

/** The server's `body.emails.<i>` errors, turned back into the lines the provider typed. */
export function lineErrorsFrom(error: unknown, lines: { line: number; email: string }[]): LineError[] {
  if (!(error instanceof AppError)) return [];
  const out: LineError[] = [];
  for (const fe of error.errors ?? ([] as FieldError[])) {
    const m = /^body\.emails\.(\d+)$/.exec(fe.path);
    if (!m) continue;
    const sent = lines[Number(m[1])];
    if (!sent) continue;
    out.push({
      ...sent,
      key: fe.code === 'completion.unknown_learner' ? 'catalog.completions.unknownLearner' : 'catalog.completions.badEmail',
    });
  }
  return out;
}
