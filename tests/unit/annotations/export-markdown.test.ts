import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, exportMarkdown, safeHttpsUrl } from '../../../lib/annotations/export-markdown';
import { bindingClaim, claimsById, makeMention, targetClaim } from './fixtures';

const generatedAt = '2026-11-22T10:00:00.000Z';

const HOSTILE_TITLE = '[click](javascript:alert(1)) <img src=x onerror=alert(1)>';

describe('exportMarkdown', () => {
  it('groups mentions by page and renders each as quote, label and details', () => {
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
      "# Pledge Lens annotations

      Exported 2026-11-22T10:00:00.000Z: 4 mentions on 3 pages.

      ## [Acme rewrites its safety policy](<https://news.example/2026/acme-policy>)

      > the earlier sentence

      - **Binding commitment** · Withdrawn since 2026-02-24
      - Actor: Acme AI
      - Claim: Acme AI will halt training runs if its evaluations find dangerous capabilities.
      - Sources: [Acme scaling policy, version 1](<https://acme.example/policy-v1>), [Acme drops its pause promise](<https://news.example/acme-drops-pause>)
      - Seen: 2026-11-20T08:15:00.000Z to 2026-11-21T19:45:30.250Z

      > Acme will no longer pause training

      - **Binding commitment** · Withdrawn since 2026-02-24
      - Actor: Acme AI
      - Claim: Acme AI will halt training runs if its evaluations find dangerous capabilities.
      - Sources: [Acme scaling policy, version 1](<https://acme.example/policy-v1>), [Acme drops its pause promise](<https://news.example/acme-drops-pause>)
      - Seen: 2026-11-20T08:15:00.000Z to 2026-11-21T19:45:30.250Z

      ## [Roadmap plans](<https://blog.example/roadmaps>)

      > a roadmap
      > every quarter

      - **Announced target** · In force since 2025-09-01
      - Actor: Acme AI
      - Claim: Acme AI aims to publish a safety roadmap every quarter.
      - Note: Worth checking\\
        \\- next quarter
      - Sources: [Our roadmap plans](<https://acme.example/blog/roadmaps>)
      - Seen: 2026-11-20T08:15:00.000Z to 2026-11-21T19:45:30.250Z

      ## Untitled page

      Page: \`http://plain.example/x\`

      > old words

      - **Unknown claim** retired-claim: not in the loaded claim set
      - Seen: 2026-11-20T08:15:00.000Z to 2026-11-21T19:45:30.250Z
      "
    `);
  });

  it('escapes a hostile page title so it cannot inject a link or HTML', () => {
    const md = exportMarkdown([makeMention({ pageTitle: HOSTILE_TITLE })], claimsById, { generatedAt });
    const heading = md.split('\n').find((line) => line.startsWith('## '))!;
    expect(heading).toBe(
      '## [\\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x onerror=alert\\(1\\)\\>](<https://news.example/2026/acme-policy>)',
    );
    expect(md).not.toContain('](javascript:');
    expect(md).not.toMatch(/(^|[^\\])<img/m);
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
    expect(md).toContain('> \\# Heading\n> indented code\n> 1\\. list\n> \\> quote \\!\\[x\\]\\(https\\://evil.example/p.png\\)');
    expect(md).toContain('- Note: \\<script\\>alert\\(1\\)\\</script\\>\\\n  \\---\\\n  see https\\://evil.example and www\\.evil.example');
  });

  it('links only https URLs', () => {
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
    expect(md).toContain('- Sources: Bad source, Plain http, [Good source](<https://good.example/a%20b>)');
    expect(md).toContain('## Insecure page\n\nPage: `http://insecure.example/page`');
    expect(md).not.toMatch(/\]\((?!<https:)/);
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
    expect(escapeMarkdownText('a *b* _c_ `d` ~e~ | f & g\nh')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\| f \\& g h');
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
