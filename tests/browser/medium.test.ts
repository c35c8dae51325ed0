/**
 * <ak-medium>: each kind of mock (email, phone, chat, sms, counter, screen) shows its parts.
 */
import '../../src/components/index.js';
import type { AkMedium } from '../../src/components/medium/medium.component.js';
import type { Medium } from '../../src/model/compiled.js';
import { deepEqual, equal, includes, ok } from './assert.js';
import { expectNoAxeViolations, miniModule, q, shadow } from './helpers.js';

function mediumOf(kind: Medium['kind']): Medium {
  for (const scene of miniModule.scenes) {
    if ('medium' in scene && scene.medium?.kind === kind) return scene.medium;
  }
  throw new Error(`no ${kind} in the fixture`);
}

async function render(medium: Medium, lang: 'da' | 'en' = 'da'): Promise<{ el: AkMedium; root: ShadowRoot }> {
  const el = document.createElement('ak-medium');
  el.medium = medium;
  el.lang = lang;
  document.body.append(el);
  await el.updateComplete;
  return { el, root: shadow(el) };
}

describe('ak-medium', () => {
  afterEach(() => document.querySelectorAll('ak-medium').forEach((e) => e.remove()));

  it('fixture covers every medium kind', () => {
    for (const kind of ['email', 'phone', 'chat', 'counter', 'screen'] as const) ok(mediumOf(kind), kind);
  });

  it('email: from, to, subject, body with link, attachment', async () => {
    const { el, root } = await render(mediumOf('email'));
    equal(q(root, 'figcaption').textContent?.trim(), 'E-mail');
    deepEqual(
      Array.from(root.querySelectorAll('dt')).map((d) => d.textContent?.trim()),
      ['Fra', 'Til', 'Emne'],
    );
    const values = Array.from(root.querySelectorAll('dd')).map((d) => d.textContent?.trim());
    deepEqual(values, ['it-support@kommune-sikkerhed-service.example', 'sagsbehandler@kommune.example', 'Din adgangskode udløber i dag']);
    ok(q(root, '[part="body"] a[href^="https://"]'), 'link kept from the sanitised HTML');
    includes(q(root, '[part="attachment"]').textContent ?? '', 'Adgangskode-vejledning.pdf.exe');
    ok(q(root, '[part="attachment"] svg[aria-hidden="true"]'), 'icon hidden from screen readers');
    await expectNoAxeViolations(el, 'email');
  });

  it('an outgoing call and a text message say so in their caption', async () => {
    const line = { who: { da: 'Mette' }, text: { da: '<p>Hej</p>' } };
    const call = await render({ kind: 'phone', outgoing: true, caller: { da: 'Tolkeservice Nord' }, lines: [line] });
    equal(q(call.root, 'figcaption').textContent!.replace(/\s+/g, ' ').trim(), 'Du ringer til Tolkeservice Nord');
    const sms = await render({ kind: 'sms', caller: { da: '1234 9876' }, lines: [line] }, 'en');
    equal(q(sms.root, 'figcaption').textContent!.replace(/\s+/g, ' ').trim(), 'Text message 1234 9876');
    ok(q(sms.root, 'figure.sms li.line'), 'message lines as in a chat');
    await expectNoAxeViolations(sms.el, 'sms');
  });

  it('phone: caller header and speaker lines', async () => {
    const { el, root } = await render(mediumOf('phone'));
    const caption = q(root, 'figcaption');
    includes(caption.textContent ?? '', 'Indgående opkald');
    includes(caption.textContent ?? '', 'Ukendt nummer');
    const lines = Array.from(root.querySelectorAll('[part="line"]'));
    equal(lines.length, 3);
    deepEqual(
      lines.map((l) => q(l, '.who').textContent?.trim()),
      ['Opkalder:', 'Dig:', 'Opkalder:'],
      'speaker names (with a colon for screen readers)',
    );
    equal(q(root, 'ol').children.length, 3, 'an ordered list of lines');
    await expectNoAxeViolations(el, 'phone');
  });

  it('chat: bubbles on two sides by speaker', async () => {
    const { el, root } = await render(mediumOf('chat'), 'en');
    equal(q(root, 'figcaption').textContent?.trim(), 'Chat');
    const lines = Array.from(root.querySelectorAll<HTMLElement>('[part="line"]'));
    deepEqual(lines.map((l) => l.classList.contains('b')), [false, true], 'sides');
    const [a, b] = lines.map((l) => l.getBoundingClientRect());
    ok(b.right > a.right, 'the second speaker is on the right');
    await expectNoAxeViolations(el, 'chat');
  });

  it('counter: a conversation at the counter', async () => {
    const { el, root } = await render(mediumOf('counter'));
    equal(q(root, 'figcaption').textContent?.trim(), 'Samtale ved skranken');
    equal(root.querySelectorAll('[part="line"]').length, 2);
    await expectNoAxeViolations(el, 'counter');
  });

  it('screen: a case-system window with fields and a note', async () => {
    const { el, root } = await render(mediumOf('screen'), 'en');
    includes(q(root, 'figcaption').textContent ?? '', 'Case system');
    includes(q(root, 'figcaption').textContent ?? '', 'KMD Nova (test)');
    const rows = Array.from(root.querySelectorAll('[part="fields"] > div'));
    equal(rows.length, 3);
    equal(q(rows[2], 'dt').textContent?.trim(), 'Access requested by');
    equal(q(rows[2], 'dd').getAttribute('lang'), 'da', 'value without English is marked Danish');
    includes(q(root, '[part="note"]').textContent ?? '', 'The request came the same day');
    await expectNoAxeViolations(el, 'screen');
  });
});
