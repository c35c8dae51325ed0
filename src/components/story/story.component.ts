/**
 * @summary A story scene: a situation to read, with a title, a body and often a mock of the
 * medium it arrives through (e-mail, phone call, chat, counter, case system).
 *
 * @events none
 *
 * @csspart heading - The scene heading (h2, takes focus on a scene change).
 * @csspart body - The story text.
 * @csspart medium - The ak-medium mock.
 */
import { html, nothing } from 'lit';
import type { StoryScene } from '../../model/compiled.js';
import { SceneElement } from '../shared/scene-element.js';
import { base } from '../shared/styles.js';
import { fallbackLang, rich } from '../shared/text.js';
import { styles } from './story.styles.js';

export class AkStory extends SceneElement<StoryScene> {
  static override styles = [base, styles];

  override render() {
    const scene = this.scene;
    if (!scene) return nothing;
    return html`${this.heading(scene)}
      ${scene.body
        ? html`<div class="body" part="body" lang=${fallbackLang(scene.body, this.lang)}>${rich(scene.body, this.lang)}</div>`
        : nothing}
      ${scene.medium ? html`<ak-medium part="medium" .medium=${scene.medium} lang=${this.lang}></ak-medium>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-story': AkStory;
  }
}
