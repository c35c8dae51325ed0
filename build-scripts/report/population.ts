/**
 * Learners' attempts as the statements our TinCan and cmi5 packages send, made with the same
 * builders (xapi/statements.ts), for seeding a real LRS: the report's tests use a small population
 * with hand-computed figures, the bench a large generated one. Never used by the report itself.
 */
import { randomUUID } from 'node:crypto';
import { curriculumActivity, moduleActivity, moduleIri, roleActivity } from '../../xapi/activities.js';
import * as build from '../../xapi/statements.js';
import type { Agent, Statement } from '../../xapi/types.js';
import { round, type KnownModule } from './aggregate.js';

export interface AttemptSpec {
  learner: { name: string; email: string };
  module: KnownModule;
  activityBase: string;
  unit?: string;
  registration?: string;
  start: Date;
  /** Scenes experienced and answered before the end (default 0); the bench uses a module's worth. */
  scenes?: number;
  completed?: boolean;
  /** Points per area: [earned, possible]. With it the attempt is judged (passed or failed). */
  result?: Record<string, [number, number]>;
  /** The module's passing score (default 0.8) and each area's target (default 0.8). */
  passingScore?: number;
  targets?: Record<string, number>;
  /** As cmi5 sends it: the object is the LMS's activity id and our module IRI is in the context. */
  cmi5?: boolean;
}

/** The statements of one attempt, in the order a learner's run sends them, a second apart. */
export function attemptStatements(spec: AttemptSpec): Statement[] {
  const iri = moduleIri(spec.activityBase, spec.module.id);
  const actor: Agent = { objectType: 'Agent', name: spec.learner.name, mbox: `mailto:${spec.learner.email}` };
  const registration = spec.registration ?? randomUUID();
  const lmsActivity = `https://lms.example/cmi5/au/${registration}`;
  const session: build.Session = {
    actor,
    registration,
    module: spec.cmi5 ? { objectType: 'Activity', id: lmsActivity } : moduleActivity(iri, spec.module.title as Record<string, string>, spec.module.title as Record<string, string>),
    moduleIri: iri,
    grouping: [curriculumActivity(spec.activityBase), roleActivity(spec.module.role, spec.module.roleTitle as Record<string, string>)],
    moduleVersion: '1.0.0',
    platform: `Awareness-kit test (${spec.cmi5 ? 'cmi5' : 'xAPI'})`,
    orgUnit: spec.unit,
    ...(spec.cmi5
      ? { template: { contextActivities: { grouping: [{ objectType: 'Activity', id: iri }] } }, cmi5: { masteryScore: spec.passingScore ?? 0.8 } }
      : {}),
  };
  let t = spec.start.getTime();
  const stamp = (): build.Stamp => ({ id: randomUUID(), timestamp: new Date((t += 1000)), language: 'da' });
  const out: Statement[] = [build.initialized(session, stamp())];
  const scenes = spec.scenes ?? 0;
  for (let i = 0; i < scenes; i++) {
    const sceneId = `scene-${i + 1}`;
    const progress = (i + 1) / (scenes + 1);
    out.push(build.experienced(session, stamp(), { id: sceneId, type: 'decision', title: { da: `Scene ${i + 1}`, en: `Scene ${i + 1}` } }, progress));
    const area = spec.module.areas[i % spec.module.areas.length].id;
    const correct = i % 3 !== 2;
    out.push(
      build.answered(session, stamp(), {
        sceneId,
        interactionType: 'choice',
        name: { da: `Scene ${i + 1}`, en: `Scene ${i + 1}` },
        description: { da: 'Hvad gør du?', en: 'What do you do?' },
        choices: ['a', 'b', 'c'].map((id) => ({ id, description: { da: id, en: id } })),
        response: [correct ? 'a' : 'b'],
        correctResponse: ['a'],
        correct,
        earned: { [area]: correct ? 2 : 0 },
        possible: { [area]: 2 },
        latencyMs: 20_000,
      }),
    );
  }
  const duration = (scenes + 1) * 60_000;
  if (spec.completed || spec.result) out.push(build.completed(session, stamp(), duration));
  if (spec.result) {
    const areas = Object.entries(spec.result).map(([id, [earned, possible]]) => {
      const scaled = round(earned / possible);
      const target = spec.targets?.[id] ?? 0.8;
      const title = spec.module.areas.find((a) => a.id === id)?.title ?? { da: id };
      return { id, title: title as Record<string, string>, earned, possible, scaled, target, mastered: scaled >= target };
    });
    const earned = areas.reduce((a, r) => a + r.earned, 0);
    const possible = areas.reduce((a, r) => a + r.possible, 0);
    const scaled = round(earned / possible);
    out.push(build.judged(session, stamp(), { earned, possible, scaled, passed: scaled >= (spec.passingScore ?? 0.8), areas }, duration));
    for (const area of areas) out.push(build.areaScored(session, stamp(), area));
  }
  if (!spec.completed && !spec.result) out.push(build.suspended(session, stamp(), scenes / (scenes + 1), duration));
  out.push(build.terminated(session, stamp(), duration));
  return out;
}

/** A statement that voids another (xAPI-Data §2.3.2). */
export function voiding(statementId: string, by: Agent = { objectType: 'Agent', mbox: 'mailto:lrs-admin@awareness-kit.example' }): object {
  return { id: randomUUID(), actor: by, verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { en: 'voided' } }, object: { objectType: 'StatementRef', id: statementId }, timestamp: new Date().toISOString() };
}

/** POSTs statements in batches (one stored time per batch, as an LRS gives a request). */
export async function postStatements(endpoint: string, auth: string, statements: object[], batch = 50): Promise<void> {
  for (let i = 0; i < statements.length; i += batch) {
    const response = await fetch(`${endpoint.replace(/\/?$/, '/')}statements`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
      body: JSON.stringify(statements.slice(i, i + batch)),
    });
    if (response.status !== 200) throw new Error(`the LRS refused a batch of statements: ${response.status} ${await response.text()}`);
  }
}
