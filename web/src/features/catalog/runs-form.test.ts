import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors.js';
import {
  checkEmailLines,
  checkRunForm,
  EMPTY_RUN,
  lineErrorsFrom,
  parseEmailLines,
  runPhase,
  todayInBangkok,
  toRunBody,
} from './runs-form.js';

const today = '2026-11-30';
const valid = { ...EMPTY_RUN, label: 'รุ่นที่ 3', startsOn: '2026-12-10', endsOn: '2026-12-12', provinceCode: '50', seats: '40' };

describe('the run form', () => {
  it('accepts a complete on-site run and sends only what was filled in', () => {
    expect(checkRunForm(valid, { today, isNew: true })).toEqual({});
    expect(toRunBody({ ...valid, venue: '  ' })).toEqual({
      label: 'รุ่นที่ 3',
      startsOn: '2026-12-10',
      endsOn: '2026-12-12',
      mode: 'onsite',
      provinceCode: '50',
      seats: 40,
    });
    expect(toRunBody({ ...valid, mode: 'online' })).not.toHaveProperty('provinceCode');
  });

  it('names each field that is wrong, with the same codes as the server', () => {
    const errors = checkRunForm(
      { ...EMPTY_RUN, label: ' ', startsOn: '2026-11-01', endsOn: '2026-10-31', registrationDeadline: '2026-11-05', seats: '0' },
      { today, isNew: true },
    );
    expect(errors).toEqual({
      label: 'validation.required',
      startsOn: 'validation.run.in_past',
      endsOn: 'validation.run.ends_before_start',
      registrationDeadline: 'validation.run.deadline_after_start',
      provinceCode: 'validation.run.province_required',
      seats: 'catalog.runs.seatsRange',
    });
    // A run already under way may still be edited.
    expect(checkRunForm({ ...valid, startsOn: '2026-11-01' }, { today, isNew: false })).toEqual({});
  });

  it('knows where a run stands', () => {
    expect(runPhase({ startsOn: '2026-12-01', endsOn: '2026-12-02', isCancelled: false }, today)).toBe('upcoming');
    expect(runPhase({ startsOn: '2026-11-29', endsOn: '2026-11-30', isCancelled: false }, today)).toBe('ongoing');
    expect(runPhase({ startsOn: '2026-11-01', endsOn: '2026-11-02', isCancelled: false }, today)).toBe('finished');
    expect(runPhase({ startsOn: '2026-12-01', endsOn: '2026-12-02', isCancelled: true }, today)).toBe('cancelled');
  });

  it("uses Thailand's date", () => {
    expect(todayInBangkok(new Date('2026-11-29T18:30:00Z'))).toBe('2026-11-30');
  });
});

describe('completions typed one e-mail a line', () => {
  const text = 'a@example.test\n\n  b@example.test  \nnot-an-email\r\nc@example.test';

  it('keeps the line each e-mail came from and flags the ones that are not e-mails', () => {
    const lines = parseEmailLines(text);
    expect(lines).toEqual([
      { line: 1, email: 'a@example.test' },
      { line: 3, email: 'b@example.test' },
      { line: 4, email: 'not-an-email' },
      { line: 5, email: 'c@example.test' },
    ]);
    expect(checkEmailLines(lines)).toEqual([{ line: 4, email: 'not-an-email', key: 'catalog.completions.badEmail' }]);
  });

  it("turns the server's body.emails.<i> errors back into the provider's lines", () => {
    const lines = parseEmailLines('a@example.test\n\nnobody@example.test');
    const error = new AppError('validation_failed', 'x', {
      errors: [
        { path: 'body.emails.1', message: 'no account', code: 'completion.unknown_learner' },
        { path: 'body.completedOn', message: 'x' },
      ],
    });
    expect(lineErrorsFrom(error, lines)).toEqual([{ line: 3, email: 'nobody@example.test', key: 'catalog.completions.unknownLearner' }]);
    expect(lineErrorsFrom(new Error('x'), lines)).toEqual([]);
  });
});
