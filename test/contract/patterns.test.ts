import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import type { ApiHarness } from '../support/api.ts';
import { demoEventSetup, type DemoEventSetup } from '../support/demo-event.ts';
import { secondCoalition } from '../support/coalitions.ts';
import type { EventDetail } from '../../src/contract/events.ts';
import type {
  Distribution,
  Pattern,
  PatternImportResult,
  PatternList,
} from '../../src/contract/patterns.ts';
import { classifyPattern } from '../../src/domain/analysis/spectrum.ts';

const PAID_DOCS_HELD = {
  form: 'ForcedLabour',
  sector: 'DomesticWork',
  population: 'migrants',
  indicators: [7],
  paid: 'full',
  canLeave: true,
  recruitment: 'free',
  moved: false,
};

describe.each(testBackends())('experience patterns on $name', (backend) => {
  let setup: DemoEventSetup;
  let h: ApiHarness;
  let admin: string;
  let event: EventDetail;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    setup = await demoEventSetup(backend);
    ({ h, admin, event } = setup);
    orgA = await setup.organisation('Pattern Org A');
    orgB = await setup.organisation('Pattern Org B');
  });
  afterAll(async () => setup?.close());

  const call: DemoEventSetup['call'] = (...args) => setup.call(...args);

  it('stores a pattern and answers with the level and reasons of the rule', async () => {
    const res = await call('POST', '/api/patterns', admin, {
      ...PAID_DOCS_HELD,
      eventId: event.id,
      issueKey: event.issues[0]!.key,
      notes: 'Recruited through an agency; the employer kept the passport.',
    });
    expect(res.statusCode).toBe(201);
    const p = res.json<Pattern>();
    const rule = classifyPattern({ paid: 'full', canLeave: true, indicators: [7], recruitment: 'free', moved: false });
    expect(p).toMatchObject({ level: rule.level, reasons: rule.reasons, rule: rule.rule, source: 'form' });
    expect(p.level).toBe('serious_exploitation');
    expect(p.reasons).toEqual(['ilo7_retention_of_documents']);
    expect(p.warnings).toEqual([]);
    const read = await call('GET', `/api/patterns/${p.id}`, admin);
    expect(read.json<Pattern>()).toMatchObject({ id: p.id, eventId: event.id, indicators: [7] });
  }); // prettier-ignore

  it('warns on notes that look like a name or a phone number, and stores them', async () => {
    const res = await call('POST', '/api/patterns', admin, {
      ...PAID_DOCS_HELD,
      notes: 'Told by Mr Somchai, call +66 81 234 5678',
    });
    expect(res.statusCode).toBe(201);
    const kinds = res
      .json<Pattern>()
      .warnings.map((w) => w.kind)
      .sort();
    expect(kinds).toEqual(['name', 'phone']);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = (await call('GET', '/api/patterns?limit=200', admin)).json<PatternList>().total;
    const bad = [
      [{ ...PAID_DOCS_HELD, indicators: [12] }, 'indicators.0'],
      [{ ...PAID_DOCS_HELD, indicators: [7, 7] }, 'indicators'],
      [{ ...PAID_DOCS_HELD, paid: 'sometimes' }, 'paid'],
      [{ ...PAID_DOCS_HELD, form: 'Nope' }, 'form'],
      [{ ...PAID_DOCS_HELD, canLeave: 'yes' }, 'canLeave'],
      [{ ...PAID_DOCS_HELD, issueKey: 'forcedMarriage' }, 'issueKey'],
      [{ ...PAID_DOCS_HELD, eventId: event.id, issueKey: 'notAnIssue' }, 'issueKey'],
      [{ ...PAID_DOCS_HELD, eventId: '00000000-0000-4000-8000-000000000009' }, 'eventId'],
      [{ ...PAID_DOCS_HELD, name: 'Somchai' }, 'name'],
    ] as const;
    for (const [payload, field] of bad) {
      const r = await call('POST', '/api/patterns', admin, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const after = (await call('GET', '/api/patterns?limit=200', admin)).json<PatternList>().total;
    expect(after).toBe(before);
  }); // prettier-ignore

  it('follows the policy table: own organisation, coalition, another coalition, anonymous', async () => {
    const memberA = await h.userWith('member', orgA);
    const memberB = await h.userWith('member', orgB);
    const viewer = await h.userWith('viewer', orgA);
    const coordinator = await h.userWith('coordinator');
    const mineOnly = await call('POST', '/api/patterns', memberA, { ...PAID_DOCS_HELD, visibility: 'organisation', paid: 'never' });
    expect(mineOnly.statusCode).toBe(201);
    const id = mineOnly.json<Pattern>().id;
    expect(mineOnly.json<Pattern>().organisation).toEqual({ id: orgA, name: 'Pattern Org A' });
    // a member enters as their own organisation only
    const other = await call('POST', '/api/patterns', memberA, { ...PAID_DOCS_HELD, organisationId: orgB });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0]).toMatchObject({ field: 'organisationId', code: 'own_organisation_only' });
    expect((await call('POST', '/api/patterns', viewer, PAID_DOCS_HELD)).statusCode).toBe(403);
    expect((await call('POST', '/api/patterns', null, PAID_DOCS_HELD)).statusCode).toBe(401);
    // who reads the organisation-only pattern
    expect((await call('GET', `/api/patterns/${id}`, memberA)).statusCode).toBe(200);
    expect((await call('GET', `/api/patterns/${id}`, viewer)).statusCode).toBe(200);
    expect((await call('GET', `/api/patterns/${id}`, coordinator)).statusCode).toBe(200);
    expect((await call('GET', `/api/patterns/${id}`, memberB)).statusCode).toBe(404);
    const listB = (await call('GET', '/api/patterns?limit=200', memberB)).json<PatternList>();
    expect(listB.items.map((p) => p.id)).not.toContain(id);
    const listA = (await call('GET', '/api/patterns?limit=200', memberA)).json<PatternList>();
    expect(listA.items.map((p) => p.id)).toContain(id);
    const foreign = await secondCoalition(h);
    const foreignAdmin = await foreign.userWith('admin');
    expect((await call('GET', `/api/patterns/${id}`, foreignAdmin)).statusCode).toBe(404);
    expect((await call('GET', '/api/patterns', foreignAdmin)).json<PatternList>().total).toBe(0);
    expect((await call('DELETE', `/api/patterns/${id}`, foreignAdmin)).statusCode).toBe(404);
    // anonymous: like any record they may not read, 404
    expect((await call('GET', `/api/patterns/${id}`, null)).statusCode).toBe(404);
    // removing: the owner's member or a coordinator; not another organisation's member
    expect((await call('DELETE', `/api/patterns/${id}`, viewer)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/patterns/${id}`, memberA)).statusCode).toBe(204);
    expect((await call('GET', `/api/patterns/${id}`, admin)).statusCode).toBe(404);
  }); // prettier-ignore

  it('imports a CSV all or nothing; errors name the line and the column', async () => {
    const before = (await call('GET', '/api/patterns?limit=200', admin)).json<PatternList>().total;
    const csv = [
      'Form,paid,can_leave,indicators,recruitment,moved,notes',
      'ForcedLabour,full,yes,7,free,no,',
      'forced labour,never,no,,free,no,',
      'SexualExploitation,sometimes,yes,,free,no,',
      '',
      'ForcedLabour,full,yes,3;12,free,no,',
      'Nope,full,maybe,,free,no,',
    ].join('\r\n');
    const res = (await call('POST', '/api/patterns/import', admin, { csv })).json<PatternImportResult>();
    expect(res.ok).toBe(false);
    expect(res.imported).toBe(0);
    expect(res.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [4, 'paid', 'sometimes'],
      [6, 'indicators', '12'],
      [7, 'can_leave', 'maybe'],
      [7, 'Form', 'Nope'],
    ]);
    expect(res.errors[1]!.message).toContain('line 6, column indicators');
    const missing = (await call('POST', '/api/patterns/import', admin, { csv: 'paid,can_leave\nfull,yes' })).json<PatternImportResult>();
    expect(missing.errors.map((e) => e.column).sort()).toEqual(['form', 'indicators', 'moved', 'recruitment']);
    const broken = (await call('POST', '/api/patterns/import', admin, { csv: 'form,paid,can_leave,indicators,recruitment,moved\n"ForcedLabour,full,yes,,free,no' })).json<PatternImportResult>();
    expect(broken.ok).toBe(false);
    expect(broken.errors[0]!.code).toBe('csv_syntax');
    expect((await call('GET', '/api/patterns?limit=200', admin)).json<PatternList>().total).toBe(before);

    const good = [
      'form,paid,can_leave,indicators,recruitment,moved,issue,notes',
      `ForcedLabour,full,yes,7,free,no,${event.issues[0]!.key},`,
      `ForcedLabour,never,no,,deceived,yes,${event.issues[0]!.key},"call 081 234 5678"`,
    ].join('\n');
    const dry = (await call('POST', '/api/patterns/import', admin, { csv: good, dryRun: true, eventId: event.id })).json<PatternImportResult>();
    expect(dry).toMatchObject({ ok: true, imported: 0, lines: 2 });
    expect(dry.warnings.map((w) => [w.line, w.column, w.code])).toEqual([[3, 'notes', 'looks_like_phone']]);
    const done = (await call('POST', '/api/patterns/import', admin, { csv: good, eventId: event.id })).json<PatternImportResult>();
    expect(done).toMatchObject({ ok: true, imported: 2 });
    const list = (await call('GET', `/api/patterns?eventId=${event.id}&level=trafficking`, admin)).json<PatternList>();
    expect(list.items.some((p) => p.source === 'import' && p.paid === 'never')).toBe(true);
    const noEvent = (await call('POST', '/api/patterns/import', admin, { csv: good })).json<PatternImportResult>();
    expect(noEvent.errors.map((e) => [e.line, e.column])).toEqual([[2, 'issue'], [3, 'issue']]);
  }); // prettier-ignore

  it('counts the levels per form and per issue, as the rule places each pattern', async () => {
    const list = (await call('GET', `/api/patterns?limit=200&eventId=${event.id}`, admin)).json<PatternList>();
    const d = (await call('GET', `/api/patterns/distribution?eventId=${event.id}`, admin)).json<Distribution>();
    expect(d.total).toBe(list.total);
    expect(d.levels).toEqual(['decent_work', 'labour_rights_violation', 'serious_exploitation', 'forced_labour', 'trafficking']);
    for (const row of [...d.byForm, ...d.byIssue])
      expect(Object.values(row.counts).reduce((a, b) => a + b, 0)).toBe(row.total);
    for (const row of d.byForm)
      for (const level of d.levels)
        expect(row.counts[level]).toBe(list.items.filter((p) => p.form === row.key && p.level === level).length);
    const issue = d.byIssue.find((r) => r.key === event.issues[0]!.key)!;
    expect(issue.label).toBe(event.issues[0]!.label);
    expect(issue.total).toBe(list.items.filter((p) => p.issueKey === issue.key).length);
    // nothing public: an anonymous caller is asked to sign in
    expect((await call('GET', '/api/patterns/distribution', null)).statusCode).toBe(401);
  }); // prettier-ignore
});

describe('pattern vocabularies', () => {
  it('the zod-free lists the phone and forms use are the rule’s own', async () => {
    const constants = await import('../../src/contract/constants.ts');
    const rule = await import('../../src/domain/analysis/spectrum.ts');
    expect(constants.PATTERN_PAY).toEqual(rule.PAY);
    expect(constants.PATTERN_RECRUITMENT).toEqual(rule.RECRUITMENT);
    expect(constants.SPECTRUM_LEVEL_CODES).toEqual(rule.SPECTRUM_LEVELS);
    expect(constants.ILO_NUMBERS.map((n) => constants.ILO_INDICATORS[n - 1])).toEqual(
      Object.values(rule.ILO_INDICATOR_NUMBERS),
    );
  });
});
