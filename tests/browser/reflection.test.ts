/**
 * The reflection text stays on the device: it is kept in localStorage under
 * ak:<moduleId>:reflection:<sceneId>, it appears in no event, and not in the resume state.
 */
import { sendKeys } from '@web/test-runner-commands';
import { equal, includes, notIncludes, ok } from './assert.js';
import { backButton, bestChoice, deepText, miniModule, q, sceneOf, settle, shadow, waitFor, walkModule } from './helpers.js';

const KEY = 'ak:mini-module:reflection:reflect';
const SECRET = 'Min chef deler sin kode med vikaren';

/** Records the detail of every CustomEvent dispatched anywhere while installed. */
function recordAllEventDetails(): { details: string[]; restore(): void } {
  const details: string[] = [];
  const original = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (event instanceof CustomEvent) details.push(`${event.type}:${JSON.stringify(event.detail)}`);
    return original.call(this, event);
  };
  return { details, restore: () => (EventTarget.prototype.dispatchEvent = original) };
}

describe('reflection', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('stores the text only in localStorage and never in an event or the resume state', async () => {
    const recorder = recordAllEventDetails();
    const walk = await walkModule(miniModule, 'da', bestChoice, { reflectionText: SECRET, finish: true }).finally(
      recorder.restore,
    );
    try {
      equal(localStorage.getItem(KEY), SECRET, 'stored under the agreed key');
      ok(recorder.details.length >= 8, `events were recorded (${recorder.details.length})`);
      for (const detail of recorder.details) notIncludes(detail, SECRET, 'reflection text in an event detail');
      for (const e of walk.events) notIncludes(JSON.stringify(e.detail), SECRET, `reflection text in ${e.type}`);
      notIncludes(walk.engine.serialize(), SECRET, 'reflection text in the resume state');
      const otherKeys = Object.keys(localStorage).filter((k) => k !== KEY);
      equal(otherKeys.length, 0, `nothing else written to localStorage (${otherKeys.join(', ')})`);
    } finally {
      walk.remove();
    }
  });

  it('says on screen that the text stays on the device, labels the text area, and restores the text', async () => {
    const walk = await walkModule(miniModule, 'da', bestChoice, { reflectionText: SECRET });
    try {
      // From the summary back to the reflection: the text is read back from localStorage.
      backButton(walk.player)!.click();
      await waitFor(() => walk.engine.scene.id === 'reflect', 'back on the reflection');
      await settle(walk.player);
      const root = shadow(sceneOf(walk.player));
      const textarea = q<HTMLTextAreaElement>(root, 'textarea');
      equal(textarea.value, SECRET, 'text restored');
      equal(q(root, `label[for="${textarea.id}"]`).textContent?.trim(), 'Dine tanker', 'the text area has a label');
      const privacy = q(root, '#privacy');
      includes(textarea.getAttribute('aria-describedby') ?? '', 'privacy', 'the privacy note describes the text area');
      includes(privacy.textContent ?? '', 'kun i denne browser og slettes, når du afslutter', 'Danish privacy note');
      includes(privacy.textContent ?? '', 'sendes ingen steder hen', 'Danish privacy note');

      walk.player.lang = 'en';
      await settle(walk.player);
      includes(deepText(walk.player), 'deleted when you finish the module', 'English privacy note');
      includes(deepText(walk.player), 'not sent anywhere', 'English privacy note');

      // The learner can delete it.
      q<HTMLButtonElement>(root, '[part="clear"]').click();
      await settle(walk.player);
      equal(localStorage.getItem(KEY), null, 'deleted from localStorage');
      equal(textarea.value, '', 'text area emptied');
      equal(root.activeElement, textarea, 'focus back in the text area');
    } finally {
      walk.remove();
    }
  });

  it('keeps each keystroke: typing more updates the stored text', async () => {
    const walk = await walkModule(miniModule, 'en', bestChoice, { stopAt: 'reflect' });
    try {
      const textarea = q<HTMLTextAreaElement>(shadow(sceneOf(walk.player)), 'textarea');
      textarea.focus();
      await sendKeys({ type: 'abc' });
      equal(localStorage.getItem(KEY), 'abc');
      await sendKeys({ press: 'Backspace' });
      equal(localStorage.getItem(KEY), 'ab');
    } finally {
      walk.remove();
    }
  });
});
