import { describe, expect, it } from 'vitest';
import { renderBlock, renderInline, renderTexts } from '../../build-scripts/markdown.js';
import { pageFor } from '../../build-scripts/package.js';

describe('Markdown from content is rendered safely at build time', () => {
  it('escapes raw HTML and drops script URLs', () => {
    const html = renderBlock('Hej <script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))');
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders no image from content: ![…](…) is a plain link, so nothing loads from a server until clicked', () => {
    expect(renderBlock('Se ![spor](https://tracker.example/p.png) her')).toBe('<p>Se !<a href="https://tracker.example/p.png" target="_blank" rel="noopener noreferrer">spor</a> her</p>');
    expect(renderInline('![x](data:image/png;base64,AAAA)')).not.toContain('<img');
  });

  it('renders the Markdown authors use; links open in a new tab without opener', () => {
    expect(renderBlock('**vigtigt**\n\n- a\n- b')).toBe('<p><strong>vigtigt</strong></p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(renderInline('[Politik](https://example.dk/politik)')).toBe(
      '<a href="https://example.dk/politik" target="_blank" rel="noopener noreferrer">Politik</a>',
    );
  });

  it('renders every language map, block or inline by field', () => {
    const out = renderTexts({ title: { da: '*A*', en: '*B*' }, body: { da: 'x' } });
    expect(out).toEqual({ title: { da: '<em>A</em>', en: '<em>B</em>' }, body: { da: '<p>x</p>' } });
  });

  it('keeps single line breaks in a medium (an e-mail signature), not in the scene text around it', () => {
    const out = renderTexts({ body: { da: 'Tak\nfor nu' }, medium: { kind: 'email', body: { da: 'Hilsen\nBorgerservice' } } });
    expect(out).toEqual({ body: { da: '<p>Tak\nfor nu</p>' }, medium: { kind: 'email', body: { da: '<p>Hilsen<br>\nBorgerservice</p>' } } });
  });

  it('a URL in a mock e-mail stays text (part of the scenario); in scene text it becomes a link', () => {
    const out = renderTexts({
      body: { da: 'Se https://example.dk/politik' },
      medium: { kind: 'email', subject: { da: 'Log ind på https://login.example.com' }, body: { da: 'Klik https://login.example.com nu' } },
    });
    expect(out.body.da).toContain('<a href="https://example.dk/politik"');
    expect(out.medium.subject.da).toBe('Log ind på https://login.example.com');
    expect(out.medium.body.da).toBe('<p>Klik https://login.example.com nu</p>');
  });

  it('content cannot close the page script that carries it', () => {
    const page = pageFor('<title>t</title><script type="application/json" id="ak-module">__AK_MODULE__</script>', {
      title: { da: '</script><script>alert(1)</script>' },
    } as never);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
  });
});
