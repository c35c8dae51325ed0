/**
 * Registers every ak- element. Import this once (the app does); the component modules
 * themselves only export their classes, as Shoelace's `*.component.ts` files do.
 */
import { AkDecision } from './decision/decision.component.js';
import { AkMedium } from './medium/medium.component.js';
import { AkPlayer } from './player/player.component.js';
import { AkQuiz } from './quiz/quiz.component.js';
import { AkReflection } from './reflection/reflection.component.js';
import { AkStory } from './story/story.component.js';
import { AkSummary } from './summary/summary.component.js';

export { AkDecision, AkMedium, AkPlayer, AkQuiz, AkReflection, AkStory, AkSummary };
export { reflectionKey } from './reflection/reflection.component.js';
export type { AnswerDetail, LanguageDetail, SceneChangeDetail } from './player/player.component.js';

const elements: Array<[string, CustomElementConstructor]> = [
  ['ak-medium', AkMedium],
  ['ak-story', AkStory],
  ['ak-decision', AkDecision],
  ['ak-quiz', AkQuiz],
  ['ak-reflection', AkReflection],
  ['ak-summary', AkSummary],
  ['ak-player', AkPlayer],
];

for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}
