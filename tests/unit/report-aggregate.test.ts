/**
 * The report's counting rules at their edges, on statements made by the packages' own builders
 * (the LRS round trip is in tests/e2e/report.test.ts): group sizes at the limit, a target met
 * exactly, a retake inside one registration, a unit that changes, a result left out as malformed,
 * an area a module no longer trains, and CSV cells a spreadsheet would run.
 */
import { describe, expect, it } from 'vitest';
import { Aggregator, type KnownModule } from '../../build-scripts/report/aggregate.js';
import { attemptStatements, voiding, type AttemptSpec } from '../../build-scripts/report/population.js';
import { reportCsvs } from '../../build-scripts/report/csv.js';
import type { StoredStatement } from '../../build-scripts/report/lrs-reader.js';
import type { Statement } from '../../xapi/types.js';

const BASE = 'https://kommune.example/xapi';
const module: KnownModule = {
  id: 'm',
  iris: [`${BASE}/modules/m`],
  title: { da: 'Modul', en: 'Module' },
  role: 'frontline',
  roleTitle: { da: 'Frontpersonale', en: 'Front-line staff' },
  areas: [{ id: 'incidents', code: 'K5', title: { da: 'Hændelser', en: 'Incidents' } }],
};
const stored = (s: Statement | object): StoredStatement => ({ ...(s as Statement), stored: (s as Statement).timestamp ?? new Date().toISOString() });
const attempt = (n: number, unit: string, points: [number, number] | null, extra: Partial<AttemptSpec> = {}) =>
  attemptStatements({ learner: { name: `L${n}`, email: `l${n}@x.example` }, module, activityBase: BASE, unit, start: new Date(Date.UTC(2026, 8, n)), ...(points ? { result: { incidents: points } } : {}), ...extra });
function aggregate(statements: Array<Statement | object>, minGroup = 5) {
  const a = new Aggregator([module], { minGroup });
  for (const s of statements) a.add(stored(s));
  return { a, data: a.result() };
}

describe('the report’s counting rules at their edges', () => {
  it('a group of exactly the minimum is shown; one learner fewer is suppressed', () => {
    const five = Array.from({ length: 5 }, (_, i) => attempt(i + 1, 'A', [4, 4])).flat();
    expect(aggregate(five).data.modules[0].figures).toMatchObject({ learners: 5, passed: 5 });
    expect(aggregate(five.filter((s) => !(s.actor as { mbox: string }).mbox.includes('l5@'))).data.modules[0]).toMatchObject({ learners: 4, figures: null, suppressed: 'small' });
  });

  it('an area reached exactly at the target counts as mastered', () => {
    const learners = Array.from({ length: 5 }, (_, i) => attempt(i + 1, 'A', [4, 5])).flat(); // 0.8 = target
    expect(aggregate(learners).data.roleAreas[0]).toMatchObject({ learners: 5, mastered: 5, meanScaled: 0.8, target: 0.8 });
  });

  it('a retake inside one registration: the later result counts; the unit is the latest one given', () => {
    const registration = '0b2c4d6e-1111-4222-8333-944455556666';
    const first = attempt(1, 'Jobcenter', [0, 4], { registration });
    const again = attempt(1, 'Borgerservice', [4, 4], { registration, start: new Date(Date.UTC(2026, 8, 3)) });
    const { data } = aggregate([...again, ...first], 1); // order of arrival must not matter
    expect(data.learners).toEqual([expect.objectContaining({ attempts: 1, result: 'passed', score: 1, unit: 'Borgerservice' })]);
  });

  it('a malformed result leaves out nothing but itself: no attempt of its own, the earlier pass stands', () => {
    const good = attempt(1, 'A', [4, 4]);
    const bad = attempt(1, 'A', [4, 4], { start: new Date(Date.UTC(2026, 9, 1)) }).filter((s) => s.verb.id.endsWith('/passed'));
    bad[0].result = { ...bad[0].result, extensions: {} };
    const { a, data } = aggregate([...good, ...bad], 1);
    expect(a.malformedCount).toBe(1);
    expect(data.learners).toEqual([expect.objectContaining({ attempts: 1, result: 'passed' })]);
  });

  it('an area the module no longer trains is passed over, not called malformed', () => {
    const old = attempt(1, 'A', null, { result: { incidents: [4, 4], 'retired-area': [2, 2] } as AttemptSpec['result'] });
    const { a, data } = aggregate(old, 1);
    expect(a.malformedCount).toBe(0);
    expect(Object.keys(data.learners[0].areas)).toEqual(['incidents']);
  });

  it('voided statements are left out, and a voiding statement without an object is no crash', () => {
    const statements = attempt(1, 'A', [4, 4]);
    const passed = statements.find((s) => s.verb.id.endsWith('/passed'))!;
    const a = new Aggregator([module], { minGroup: 1 });
    a.addVoiding(stored(voiding(passed.id)));
    a.add(stored({ id: 'x', verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, timestamp: new Date().toISOString() }));
    for (const s of statements) a.add(stored(s));
    expect(a.result().learners[0]).toMatchObject({ completed: true, result: '' });
    expect(a.result().counts.voided).toBe(1);
  });

  it('CSV: a name or unit a spreadsheet would run as a formula gets a leading apostrophe, numbers stay numbers', () => {
    const evil = attemptStatements({ learner: { name: '-2+3+cmd|\' /C calc\'!A0', email: 'e@x.example' }, module, activityBase: BASE, unit: '=HYPERLINK("http://x")', start: new Date(Date.UTC(2026, 8, 1)), result: { incidents: [4, 4] } });
    const { data } = aggregate(evil, 1);
    const learners = reportCsvs(data, [module], 'en').get('learners.csv')!;
    const row = learners.split('\r\n')[1];
    expect(row.startsWith(`'-2+3+cmd|`)).toBe(true);
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain(',100,'); // the score, in %
  });
});
