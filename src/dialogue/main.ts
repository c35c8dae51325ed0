/**
 * The dialogue tool's page: reads the dialogue embedded in the page and shows it. The language
 * comes from `?lang=en`, else the last choice on this page, else Danish. Only that choice is kept
 * (under its own key, so it never changes a module's language); nothing is sent anywhere.
 */
import { AkDialogue } from '../components/dialogue/dialogue.component.js';
import type { CompiledDialogue, Lang } from '../model/compiled.js';
import { plainText } from '../components/shared/text.js';

const LANG_KEY = 'ak:dialogue:lang';

if (!customElements.get('ak-dialogue')) customElements.define('ak-dialogue', AkDialogue);

const dialogue = JSON.parse(document.getElementById('ak-dialogue')!.textContent!) as CompiledDialogue;
const element = document.createElement('ak-dialogue');
element.dialogue = dialogue;
element.lang = initialLanguage();
showLanguage(element.lang);
element.addEventListener('ak-language', (event) => {
  const { lang } = (event as CustomEvent<{ lang: Lang }>).detail;
  showLanguage(lang);
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* the choice is not kept; nothing else depends on it */
  }
});
document.body.append(element);

function initialLanguage(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'da' || asked === 'en') return asked;
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (stored === 'da' || stored === 'en') return stored;
  } catch {
    /* file:// pages may have no storage */
  }
  return 'da';
}

function showLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = plainText((lang === 'en' ? dialogue.title.en : undefined) ?? dialogue.title.da);
}
