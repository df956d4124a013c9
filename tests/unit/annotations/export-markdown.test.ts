import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, exportMarkdown, safeHttpsUrl } from '../../../lib/annotations/export-markdown';
import { bindingClaim, claimsById, makeMention, targetClaim } from './fixtures';

const generatedAt = '2026-11-22T10:00:00.000Z';

const HOSTILE_TITLE = '[click](javascript:alert(1)) <img src=x onerror=alert(1)>';

describe('exportMarkdown', () => {
  it('groups mentions under their claim: the claim once, then each page it was found on, then the quotes there', () => {
    const mentions = [
      makeMention({ exact: 'Acme will no longer pause training', start: 300 }),
      makeMention({
        claimId: targetClaim.id,
        pageUrl: 'https://blog.example/roadmaps',
        pageTitle: 'Roadmap plans',
        exact: 'a roadmap\nevery quarter',
        start: 10,
        note: { text: 'Worth checking\n- next quarter', updatedAt: '2026-11-21T20:00:00.000Z' },
      }),
      makeMention({ exact: 'the earlier sentence', start: 20 }),
      makeMention({ claimId: 'retired-claim', pageUrl: 'http://plain.example/x', pageTitle: '', exact: 'old words', start: 5 }),
      makeMention({ exact: 'hidden', start: 1, wrongMatch: { flagged: true, updatedAt: '2026-11-21T20:00:00.000Z' } }),
    ];
    expect(exportMarkdown(mentions, claimsById, { generatedAt })).toMatchInlineSnapshot(`
      "---
      title: "Pledge Lens annotations"
      exported: "2026-11-22T10:00:00.000Z"
      claims:
        - "acme-pause-pledge"
        - "acme-roadmap-target"
        - "retired-claim"
      tags:
        - "pledge-lens"
      ---

      # Pledge Lens annotations

      Exported 22 Nov 2026, 10:00 UTC: 4 mentions of 3 claims on 3 pages. 1 mention you marked as a wrong match was left out.

      ## Acme AI (acme-pause-pledge)

      Acme AI will halt training runs if its evaluations find dangerous capabilities.

      - **Binding commitment (self-imposed)** · Withdrawn 24 Feb 2026 (status as of 20 Jan 2025)
      - Actor: Acme AI
      - Source: [example.org](https://example.org/post)
      - Other sources: [Acme scaling policy, version 1](https://acme.example/policy-v1), [Acme drops its pause promise](https://news.example/acme-drops-pause)

      ### [Acme rewrites its safety policy](https://news.example/2026/acme-policy)

      > the earlier sentence

      - Seen: 20 Nov 2026 to 21 Nov 2026

      > Acme will no longer pause training

      - Seen: 20 Nov 2026 to 21 Nov 2026

      ## Acme AI (acme-roadmap-target)

      Acme AI aims to publish a safety roadmap every quarter.

      - **Announced target (goal)** · Current since 1 Sep 2025 (status as of 20 Jan 2025)
      - Actor: Acme AI
      - Source: [example.org](https://example.org/post)
      - Other sources: [Our roadmap plans](https://acme.example/blog/roadmaps)

      ### [Roadmap plans](https://blog.example/roadmaps)

      > a roadmap
      > every quarter

      - Note: Worth checking\\
        \\- next quarter
      - Seen: 20 Nov 2026 to 21 Nov 2026

      ## Unknown claim \`retired-claim\`

      Not in the loaded claim set.

      ### [Untitled page](http://plain.example/x)

      > old words

      - Seen: 20 Nov 2026 to 21 Nov 2026
      "
    `);
  });

  it("says what stands in a replaced claim's place (the replacements the loaded claims hold, escaped) and the day its status was checked", () => {
    const replaced = { ...bindingClaim, replacedBy: [targetClaim.id, 'not-loaded'], reviewedAt: '2026-12-06' };
    const hostile = { ...targetClaim, statement: 'Acme aims to [publish](javascript:alert(1)) a roadmap.' };
    const markdown = exportMarkdown([makeMention({ exact: 'Acme will no longer pause training' })], new Map([[replaced.id, replaced], [hostile.id, hostile]]), { generatedAt });
    const items = markdown.split('\n').filter((line) => line.startsWith('- '));
    expect(items.slice(0, 3)).toEqual([
      '- **Binding commitment (self-imposed)** · Withdrawn 24 Feb 2026 (status as of 6 Dec 2026)',
      '- In its place: Acme aims to \\[publish\\]\\(javascript:alert(1)) a roadmap.',
      '- Actor: Acme AI',
    ]);
    // A claim nothing replaced, or whose replacements are not loaded, has no such line.
    expect(exportMarkdown([makeMention({ claimId: targetClaim.id, exact: 'a roadmap' })], claimsById, { generatedAt })).not.toContain('In its place');
    expect(exportMarkdown([makeMention({ exact: 'x' })], new Map([[replaced.id, { ...replaced, replacedBy: ['not-loaded'] }]]), { generatedAt })).not.toContain('In its place');
    // Nor one an imported pack says replaced itself (packs are not checked as the bundled set is).
    expect(exportMarkdown([makeMention({ exact: 'x' })], new Map([[replaced.id, { ...replaced, replacedBy: [replaced.id] }]]), { generatedAt })).not.toContain('In its place');
    // Two replacements are two nested items, not one line joined by "; " that read ".; " (a new user's report 53).
    const second = { ...targetClaim, id: 'acme-second', statement: 'Acme will publish risk reports.' };
    const twice = exportMarkdown([makeMention({ exact: 'x' })], new Map([[replaced.id, { ...replaced, replacedBy: [targetClaim.id, second.id] }], [targetClaim.id, targetClaim], [second.id, second]]), { generatedAt });
    expect(twice).toContain(`- In its place:\n  - ${targetClaim.statement.replace(/[[\]()]/g, (c) => `\\${c}`)}\n  - Acme will publish risk reports.\n`);
    expect(twice).not.toContain('.; ');
  });

  it('writes a claim met many times, on several pages, once: its statement, label and sources, then every mention with its own note', () => {
    const mentions = [
      makeMention({ exact: 'first quote', start: 10, note: { text: 'note one', updatedAt: generatedAt } }),
      makeMention({ exact: 'second quote', start: 90 }),
      makeMention({ pageUrl: 'https://other.example/story', pageTitle: 'Another story', exact: 'third quote', start: 5, note: { text: 'note three', updatedAt: generatedAt } }),
      makeMention({ claimId: targetClaim.id, exact: 'a target quote', start: 50 }),
    ];
    const md = exportMarkdown(mentions, claimsById, { generatedAt });
    const count = (needle: string) => md.split(needle).length - 1;
    expect(count(bindingClaim.statement)).toBe(1);
    expect(count(targetClaim.statement)).toBe(1);
    expect(count('- Source: ')).toBe(2);
    expect(count('- **Binding commitment (self-imposed)**')).toBe(1);
    // Claims in the order the pages first give them; under each, its pages, each once, linked.
    expect(md.match(/^##{1,2} .*$/gm)).toEqual([
      `## Acme AI (${bindingClaim.id})`,
      '### [Acme rewrites its safety policy](https://news.example/2026/acme-policy)',
      '### [Another story](https://other.example/story)',
      `## Acme AI (${targetClaim.id})`,
      '### [Acme rewrites its safety policy](https://news.example/2026/acme-policy)',
    ]);
    // Each quote keeps its own note, under its own page.
    const binding = md.slice(md.indexOf(`## Acme AI (${bindingClaim.id})`), md.indexOf(`## Acme AI (${targetClaim.id})`));
    expect(binding).toMatch(/> first quote\n\n- Note: note one\n- Seen: [^\n]+\n\n> second quote\n\n- Seen: [^\n]+\n\n### \[Another story\]\(https:\/\/other\.example\/story\)\n\n> third quote\n\n- Note: note three\n/);
    expect(md).toContain('4 mentions of 2 claims on 2 pages.');
  });

  it('heads a claim with its actor, instrument and id (short enough for a notes app\'s outline), its statement below; the front matter lists the ids as YAML strings a hostile id cannot break out of', () => {
    const withInstrument = { ...bindingClaim, instrument: { name: 'Acme Scaling Policy', aliases: [] } };
    const md = exportMarkdown([makeMention({ exact: 'x' })], new Map([[withInstrument.id, withInstrument]]), { generatedAt });
    expect(md).toContain(`## Acme AI — Acme Scaling Policy (${withInstrument.id})\n\n${withInstrument.statement}\n\n- **Binding`);
    const hostileId = 'x"\n---\ninjected: true';
    const front = exportMarkdown([makeMention({ claimId: hostileId, exact: 'x' })], claimsById, { generatedAt }).split('\n# Pledge Lens annotations')[0]!;
    expect(front.split('\n')).toEqual(['---', 'title: "Pledge Lens annotations"', `exported: "${generatedAt}"`, 'claims:', '  - "x\\"\\n---\\ninjected: true"', 'tags:', '  - "pledge-lens"', '---', '']);
  });

  it('escapes a hostile page title so it cannot inject a link or HTML', () => {
    const md = exportMarkdown([makeMention({ pageTitle: HOSTILE_TITLE })], claimsById, { generatedAt });
    const heading = md.split('\n').find((line) => line.startsWith('### '))!;
    expect(heading).toBe(
      '### [\\[click\\]\\(javascript:alert(1)) \\<img src=x onerror=alert(1)\\>](https://news.example/2026/acme-policy)',
    );
    expect(md).not.toContain('](javascript:');
    expect(md).not.toMatch(/(^|[^\\])<img/m);
  });

  it("heads a page with the work's title and names its site in the byline, as the CSL export and Copy citation cite it (a new user's report 51, problem 9)", () => {
    const lines = (mention: Parameters<typeof makeMention>[0]) => exportMarkdown([makeMention(mention)], claimsById, { generatedAt }).split('\n');
    const wire = lines({ pageTitle: 'Anthropic rewrites its scaling policy | The Ledger Wire', pageCitation: { authors: ['Jane Doe'] } });
    const heading = wire.findIndex((line) => line.startsWith('### '));
    expect(wire[heading]).toBe('### [Anthropic rewrites its scaling policy](https://news.example/2026/acme-policy)');
    expect(wire[heading + 2]).toBe('The Ledger Wire · By Jane Doe');
    // The metadata's name for the site, when it gives one, and a title with no site in it kept whole.
    const named = lines({ pageTitle: 'Claude 3 - a new model arrives', pageCitation: { site: 'Signal & Noise' } });
    const at = named.findIndex((line) => line.startsWith('### '));
    expect(named[at]).toBe('### [Claude 3 - a new model arrives](https://news.example/2026/acme-policy)');
    expect(named[at + 2]).toBe('Signal & Noise');
  });

  it("writes the page's authors and publication date under its heading, escaped", () => {
    const md = exportMarkdown([makeMention({ pageCitation: { published: '2026-02-24', authors: ['[x](javascript:alert(1))', '<b>Jane</b>'] } })], claimsById, { generatedAt });
    const lines = md.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('### '));
    expect(lines[heading + 2]).toBe('By \\[x\\]\\(javascript:alert(1)) and \\<b\\>Jane\\</b\\> · Published 24 Feb 2026');
    expect(exportMarkdown([makeMention({ pageCitation: { published: '2026' } })], claimsById, { generatedAt })).toContain('\n\nPublished 2026\n\n');
    expect(exportMarkdown([makeMention()], claimsById, { generatedAt })).not.toMatch(/^(By|Published) /m);
  });

  it('escapes hostile quotes and notes line by line', () => {
    const md = exportMarkdown(
      [
        makeMention({
          exact: '# Heading\n    indented code\n1. list\n> quote ![x](https://evil.example/p.png)',
          note: { text: '<script>alert(1)</script>\n---\nsee https://evil.example and www.evil.example', updatedAt: generatedAt },
        }),
      ],
      claimsById,
      { generatedAt },
    );
    expect(md).toContain('> \\# Heading\n> indented code\n> 1\\. list\n> \\> quote !\\[x\\]\\(https\\://evil.example/p.png)');
    expect(md).toContain('- Note: \\<script\\>alert(1)\\</script\\>\\\n  \\---\\\n  see https\\://evil.example and www\\.evil.example');
  });

  it('links sources only over https, and the page over http or https', () => {
    const claim = {
      ...bindingClaim,
      sources: [
        { url: 'javascript:alert(1)', title: 'Bad source' },
        { url: 'http://insecure.example/', title: 'Plain http' },
        { url: 'https://good.example/a b', title: 'Good source' },
      ],
    };
    const md = exportMarkdown(
      [makeMention({ pageUrl: 'http://insecure.example/page', pageTitle: 'Insecure page' })],
      new Map([[claim.id, claim]]),
      { generatedAt },
    );
    expect(md).toContain('- Other sources: Bad source, Plain http, [Good source](https://good.example/a%20b)');
    expect(md).toContain('### [Insecure page](http://insecure.example/page)');
    expect(md).not.toMatch(/\]\((?!https?:)/);
  });

  it('names the primary source first and alone, titled as its source, and the others after it', () => {
    const claim = { ...targetClaim, evidence: [{ quote: 'Every quarter.', locator: 'para 2', url: 'https://acme.example/blog/roadmaps' }] };
    const single = exportMarkdown([makeMention({ claimId: claim.id })], new Map([[claim.id, claim]]), { generatedAt });
    expect(single).toContain('- Source: [Our roadmap plans](https://acme.example/blog/roadmaps)\n\n### ');
    expect(single).not.toContain('Other sources');
    const more = { ...claim, sources: [{ url: 'https://news.example/a', title: 'A report' }, ...claim.sources] };
    const md = exportMarkdown([makeMention({ claimId: more.id })], new Map([[more.id, more]]), { generatedAt });
    expect(md).toContain('- Source: [Our roadmap plans](https://acme.example/blog/roadmaps)\n- Other sources: [A report](https://news.example/a)\n\n### ');
  });

  it('shows a page address that is no web address as code, not as a link', () => {
    for (const pageUrl of ['file:///home/me/article.html', 'javascript:alert(1)//', 'data:text/html,<b>x</b>']) {
      const md = exportMarkdown([makeMention({ pageUrl, pageTitle: 'Saved copy' })], claimsById, { generatedAt });
      expect(md).toContain(`### Saved copy\n\nPage: \`${pageUrl}\``);
      expect(md).not.toContain(`(${pageUrl.slice(0, 5)}`);
    }
  });

  it('links a hostile page URL without letting it end the link or add Markdown or HTML', () => {
    const pageUrl = 'http://evil.example/a)b>c<d [x](javascript:alert(1)) `e` *f*?q=\\&lt;script&gt;#frag\nline';
    const md = exportMarkdown([makeMention({ pageUrl, pageTitle: HOSTILE_TITLE })], claimsById, { generatedAt });
    const heading = md.split('\n').find((line) => line.startsWith('### '))!;
    const href = /\]\(([^()<>\s]*)\)$/.exec(heading)?.[1];
    // One link, to the parsed address, whose destination holds nothing that ends it or escapes its end.
    expect(href).toBe('http://evil.example/a%29b%3Ec%3Cd%20[x]%28javascript:alert%281%29%29%20%60e%60%20*f*?q=%5C&lt;script&gt;#fragline');
    expect(new URL(href!).host).toBe('evil.example');
    expect(heading.match(/\]\(/g)).toHaveLength(1);
    expect(md).not.toMatch(/(^|[^\\])<(img|script)/m);
  });

  it('writes a quote across a block boundary on two lines, with no U+2029', () => {
    const md = exportMarkdown([makeMention({ exact: 'the last words of a heading\u2029\n   \u2029and the next paragraph' })], claimsById, { generatedAt });
    expect(md).toContain('> the last words of a heading\n> and the next paragraph\n');
    expect(md).not.toContain('\u2029');
  });

  it('gives the seen days as the history does, one day once', () => {
    const md = exportMarkdown([makeMention({ firstSeen: '2026-11-30T10:03:00.361Z', lastSeen: '2026-11-30T18:00:00.000Z' })], claimsById, { generatedAt });
    expect(md).toContain('- Seen: 30 Nov 2026\n');
  });

  it('says at the top how many of its mentions are marked as wrong matches', () => {
    const flagged = (exact: string) => makeMention({ exact, wrongMatch: { flagged: true, updatedAt: generatedAt } });
    const header = (mentions: ReturnType<typeof makeMention>[]) =>
      exportMarkdown(mentions, claimsById, { generatedAt, includeWrongMatches: true }).split('\n').find((line) => line.startsWith('Exported '));
    expect(header([makeMention(), flagged('one')])).toBe('Exported 22 Nov 2026, 10:00 UTC: 2 mentions of 1 claim on 1 page, 1 of them marked as a wrong match.');
    expect(header([flagged('one'), flagged('two')])).toBe('Exported 22 Nov 2026, 10:00 UTC: 2 mentions of 1 claim on 1 page, 2 of them marked as wrong matches.');
    expect(header([makeMention()])).toBe('Exported 22 Nov 2026, 10:00 UTC: 1 mention of 1 claim on 1 page.');
  });

  it("keeps the tags and wiki links of the reader's note, and defuses notes-app syntax in page text", () => {
    const md = exportMarkdown(
      [
        makeMention({
          pageTitle: 'Costs (in $bn) #ai ==hot== %%hidden%% key:: value ((block-ref)) AT&T',
          exact: 'It cost $5 and $10, 5% more (as planned): a = b',
          note: {
            text: 'Ask the press office. #preparedness [[Acme AI]] [[Acme AI|Acme]]\n#follow-up ![[secret.png]] [[x]](javascript:alert(1)) $x$ a#b',
            updatedAt: generatedAt,
          },
        }),
      ],
      claimsById,
      { generatedAt },
    );
    // Page text: no tag, highlight, comment, property, block reference, math or entity; single marks stay as they are.
    expect(md).toContain('### [Costs (in \\$bn) \\#ai \\=\\=hot\\=\\= \\%\\%hidden\\%\\% key\\:\\: value \\(\\(block-ref)) AT&T](https://news.example/2026/acme-policy)');
    expect(md).toContain('> It cost \\$5 and \\$10, 5% more (as planned): a = b');
    // The note: its own tags and links as the reader wrote them; an embed, a link to a script, math and a mid-word '#' are not.
    expect(md).toContain(
      '- Note: Ask the press office. #preparedness [[Acme AI]] [[Acme AI|Acme]]\\\n  #follow-up !\\[\\[secret.png\\]\\] [[x]]\\(javascript:alert(1)) \\$x\\$ a\\#b',
    );
  });

  it('drops bidi overrides and isolates, which would turn round the words after them, and keeps right-to-left text', () => {
    const md = exportMarkdown(
      [makeMention({ pageTitle: 'Report \u202Egnp.exe\u202C', exact: 'قال \u2067quoted\u2069 \u200Fok', note: { text: 'note \u202Dltr', updatedAt: generatedAt } })],
      claimsById,
      { generatedAt },
    );
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(md).toContain('### [Report gnp.exe](https://news.example/2026/acme-policy)');
    expect(md).toContain('> قال quoted \u200Fok');
    expect(md).toContain('- Note: note ltr');
  });

  it('links an address with parentheses (as Wikipedia has) with them percent-encoded, so the link does not end early', () => {
    const md = exportMarkdown([makeMention({ pageUrl: 'https://en.wikipedia.org/wiki/Frontier_(AI)', pageTitle: 'Frontier (AI)' })], claimsById, { generatedAt });
    expect(md).toContain('### [Frontier (AI)](https://en.wikipedia.org/wiki/Frontier_%28AI%29)');
  });

  it('includes wrong matches only when asked', () => {
    const flagged = makeMention({ exact: 'not really about this', wrongMatch: { flagged: true, updatedAt: generatedAt } });
    expect(exportMarkdown([flagged], claimsById, { generatedAt })).not.toContain('not really about this');
    const md = exportMarkdown([flagged], claimsById, { generatedAt, includeWrongMatches: true });
    expect(md).toContain('> not really about this');
    expect(md).toContain('- Flagged as a wrong match');
  });
});

describe('escapeMarkdownText', () => {
  it('escapes inline constructs and flattens line breaks', () => {
    expect(escapeMarkdownText('a *b* _c_ `d` ~e~ | f &amp; g\nh')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\| f \\&amp; g h');
    expect(escapeMarkdownText('- item')).toBe('\\- item');
    expect(escapeMarkdownText('mail me@evil.example')).toBe('mail me\\@evil.example');
  });
});

describe('safeHttpsUrl', () => {
  it('accepts https and rejects everything else', () => {
    expect(safeHttpsUrl('https://a.example/x?y=<z>')).toBe('https://a.example/x?y=%3Cz%3E');
    expect(safeHttpsUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpsUrl('http://a.example/')).toBeUndefined();
    expect(safeHttpsUrl('data:text/html,hi')).toBeUndefined();
    expect(safeHttpsUrl('not a url')).toBeUndefined();
  });
});
