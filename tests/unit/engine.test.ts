import { describe, expect, it } from 'vitest';
import { ModuleEngine } from '../../src/engine/module-engine.js';
import { loadMini } from './module-fixture.js';

const mini = loadMini();

/** Plays the mini module with the given answers per scene id, going Next everywhere. */
function play(answers: Record<string, string[]>, engine = new ModuleEngine(mini)): ModuleEngine {
  while (true) {
    const scene = engine.scene;
    if ((scene.type === 'decision' || scene.type === 'quiz') && !engine.answerOf(scene.id)) engine.answer(answers[scene.id]);
    if (!engine.canGoNext) return engine;
    engine.next();
  }
}

const BEST = { d1: ['safe'], q1: ['a'], q2: ['a', 'b'], q3: ['true'] };
const POOR = { d1: ['risky'], fix: ['false'], q1: ['b'], q2: ['a'], q3: ['true'] };

describe('engine: order, branches and scoring (hand-computed on tests/fixtures/modules/mini)', () => {
  it('best answers: skips the branch scenes, scores 7/7, passes; the branch-only area stays unmet', () => {
    const engine = play(BEST);
    expect(engine.path).toEqual(['intro', 'd1', 'q1', 'q2', 'q3', 'reflect', 'summary']);
    expect(engine.completed).toBe(true);
    const r = engine.results;
    expect([r.earned, r.possible, r.scaled, r.passed]).toEqual([7, 7, 1, true]);
    // know-the-rules: d1 2 + q1 1; protect-daily: d1 1 + q2 2; incidents: q3 1. Targets: frontline level 2 = 0.8.
    expect(r.areas).toEqual([
      { id: 'know-the-rules', earned: 3, possible: 3, scaled: 1, target: 0.8, passed: true },
      { id: 'protect-daily', earned: 3, possible: 3, scaled: 1, target: 0.8, passed: true },
      { id: 'recognise-threats', earned: 0, possible: 0, scaled: null, target: 0.8, passed: null },
      { id: 'incidents', earned: 1, possible: 1, scaled: 1, target: 0.8, passed: true },
    ]);
  });

  it('poor answers: the risky option branches through "oops" and "fix"; 1/8 and failed', () => {
    const engine = play(POOR);
    expect(engine.path).toEqual(['intro', 'd1', 'oops', 'fix', 'q1', 'q2', 'q3', 'reflect', 'summary']);
    const r = engine.results;
    // d1 risky: 0 of know-the-rules 2 + protect-daily 1; fix wrong: 0/1; q1 wrong: 0/1; q2 partly: 0/2; q3 right: 1/1.
    expect([r.earned, r.possible, r.scaled, r.passed]).toEqual([1, 8, 0.125, false]);
    expect(r.areas.map((a) => [a.id, a.earned, a.possible])).toEqual([
      ['know-the-rules', 0, 3],
      ['protect-daily', 0, 3],
      ['recognise-threats', 0, 1],
      ['incidents', 1, 1],
    ]);
  });

  it('a partly good option earns its own points; at the passing score 0.6, 4/7 fails and 5/7 passes', () => {
    const r = play({ ...BEST, d1: ['partial'] }).results;
    expect([r.earned, r.possible, r.scaled, r.passed]).toEqual([5, 7, 0.7143, true]);
    const r2 = play({ ...BEST, d1: ['partial'], q3: ['false'] }).results;
    expect([r2.earned, r2.possible, r2.scaled, r2.passed]).toEqual([4, 7, 0.5714, false]);
  });

  it("areas are mastered at the role's target level (front line: 0.8), not at the module's passing score (0.6)", () => {
    // d1 partial: know-the-rules 1 of 2 from d1 + 1 of 1 from q1 = 2/3 = 0.6667 — above 0.6, below 0.8.
    const r = play({ ...BEST, d1: ['partial'] }).results;
    expect(r.areas.find((a) => a.id === 'know-the-rules')).toEqual({ id: 'know-the-rules', earned: 2, possible: 3, scaled: 0.6667, target: 0.8, passed: false });
    expect(r.areas.find((a) => a.id === 'incidents')).toEqual({ id: 'incidents', earned: 1, possible: 1, scaled: 1, target: 0.8, passed: true });
  });

  it('results count only what was met: halfway, possible is what the learner has answered', () => {
    const engine = new ModuleEngine(mini);
    engine.next();
    engine.answer(['partial']);
    const r = engine.results;
    expect([r.earned, r.possible]).toEqual([1, 3]);
    expect(r.areas.find((a) => a.id === 'incidents')).toMatchObject({ scaled: null, passed: null });
    expect(r.areas.find((a) => a.id === 'know-the-rules')).toMatchObject({ scaled: 0.5, passed: false });
    expect(engine.completed).toBe(false);
  });

  it('blocks Next until a scored scene is answered, and answers are final', () => {
    const engine = new ModuleEngine(mini);
    engine.next();
    expect(engine.scene.id).toBe('d1');
    expect(engine.canGoNext).toBe(false);
    expect(() => engine.next()).toThrow();
    expect(() => engine.answer(['nope'])).toThrow(/Not a valid answer/);
    engine.answer(['safe']);
    expect(() => engine.answer(['risky'])).toThrow(/already answered/);
  });

  it('rejects two options for a single choice and accepts several for multiple', () => {
    const engine = new ModuleEngine(mini);
    engine.next();
    expect(() => engine.answer(['safe', 'partial'])).toThrow(/Not a valid answer/);
    engine.answer(['safe']);
    engine.next();
    engine.answer(['a']);
    engine.next();
    expect(engine.answer(['b', 'a']).correct).toBe(true);
  });

  it('Back walks the path taken, Next replays it without changing answers', () => {
    const engine = play(POOR);
    engine.back();
    engine.back();
    expect(engine.scene.id).toBe('q3');
    expect(engine.answerOf('q3')).toEqual(['true']);
    engine.next();
    engine.next();
    expect(engine.scene.id).toBe('summary');
    expect(engine.results.earned).toBe(1);
  });

  it('progress grows along the scene list and is 1 when completed', () => {
    const engine = new ModuleEngine(mini);
    expect(engine.progress).toBe(0);
    engine.next();
    expect(engine.progress).toBe(0.12); // scene 1 of 0..8, floored
    expect(play(BEST).progress).toBe(1);
  });
});

describe('engine: resume state', () => {
  it('round-trips the path, cursor and answers, and resumes at the same scene with the same score', () => {
    const engine = new ModuleEngine(mini, null, 1234);
    engine.next();
    engine.answer(['risky']);
    engine.next();
    engine.next();
    engine.answer(['true']);
    engine.next();
    engine.answer(['b']);
    engine.next();
    engine.answer(['a', 'c']);
    engine.back();
    const saved = engine.serialize();
    // seed 1234 = "ya"; path intro.d1.oops.fix.q1.q2; cursor on q1; d1 option 2, fix true, q1 option 1, q2 options 0 and 2.
    expect(saved).toMatch(/^2\|[0-9a-z]+\|ya\|0\.1\.2\.3\.4\.5\|4\|1=2;3=t;4=1;5=02$/);
    const resumed = new ModuleEngine(mini, saved);
    expect(resumed.resumed).toBe(true);
    expect(resumed.scene.id).toBe('q1');
    expect(resumed.answerOf('q2')).toEqual(['a', 'c']);
    expect(resumed.results).toEqual(engine.results);
    expect(resumed.presented(mini.scenes[5])).toEqual(engine.presented(mini.scenes[5]));
  });

  it('keeps progress across a text-only edit, but not across a change of scenes or options', () => {
    const saved = new ModuleEngine(mini).serialize();
    const retitled = { ...mini, version: '1.0.1', scenes: mini.scenes.map((s) => ({ ...s, title: { da: 'Ny titel' } })) };
    expect(new ModuleEngine(retitled, saved).resumed).toBe(true);
    const reordered = { ...mini, scenes: [mini.scenes[0], mini.scenes[1], mini.scenes[2], mini.scenes[4], mini.scenes[3], ...mini.scenes.slice(5)] };
    const engine = new ModuleEngine(reordered, saved);
    expect([engine.resumed, engine.resumeDiscarded]).toEqual([false, 'changed']);
  });

  it('starts afresh on garbage and on states no learner could have reached', () => {
    const fp = new ModuleEngine(mini).serialize().split('|')[1];
    const bad = [
      'x',
      `2|${fp}|1|0.z|0|`, // scene index out of range
      `2|${fp}|1|0|5|`, // cursor beyond the path
      `2|${fp}|1|0.1|1|1=9`, // option out of range
      `2|${fp}|1|0.1|1|5=t`, // answer to a scene not on the path
      `2|${fp}|1|0.7|1|`, // straight to the summary
      `2|${fp}|1|0.1.1.1|3|1=0`, // the same decision three times
      `2|${fp}|1|0.1.4|2|`, // past an unanswered decision
      `2|${fp}|1|0.1.2|2|1=0`, // the safe option does not lead to "oops"
      `2|${fp}|1|0.1|1|1=00`, // two options for a single choice
    ];
    for (const state of bad) {
      const engine = new ModuleEngine(mini, state);
      expect(engine.scene.id, state).toBe('intro');
      expect(engine.resumeDiscarded, state).toBe('unreadable');
    }
    expect(new ModuleEngine(mini, `2|${fp}|1|0.1.2|2|1=2`).resumed).toBe(true);
  });
});

describe('engine: order of options', () => {
  it('differs between learners, is stable for one learner, and keeps every option', () => {
    const q2 = mini.scenes.find((s) => s.id === 'q2')!;
    const orders = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const shown = new ModuleEngine(mini, null, seed).presented(q2);
      const ids = shown.type === 'quiz' ? shown.options!.map((o) => o.id) : [];
      expect([...ids].sort()).toEqual(['a', 'b', 'c']);
      orders.add(ids.join(''));
    }
    expect(orders.size).toBe(6);
  });

  it('honours shuffle: false and never reorders true/false', () => {
    const d1 = mini.scenes.find((s) => s.id === 'd1')!;
    const fixed = { ...d1, shuffle: false } as typeof d1;
    for (let seed = 0; seed < 10; seed++) expect(new ModuleEngine(mini, null, seed).presented(fixed)).toBe(fixed);
  });
});
