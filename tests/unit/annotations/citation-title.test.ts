import { describe, expect, it } from 'vitest';
import { citationTitle, citedPage } from '@/lib/annotations/citation-title';

describe('citationTitle: the work apart from the site', () => {
  it.each([
    ['Anthropic drops its pause pledge | The Verge', 'www.theverge.com', 'Anthropic drops its pause pledge', 'The Verge'],
    ['Anthropic drops its pause pledge - The Verge', 'www.theverge.com', 'Anthropic drops its pause pledge', 'The Verge'],
    ['AI firm scales back its safety pledge - BBC News', 'www.bbc.co.uk', 'AI firm scales back its safety pledge', 'BBC News'],
    ['Anthropic rewrites its scaling policy | Technology | The Guardian', 'www.theguardian.com', 'Anthropic rewrites its scaling policy', 'The Guardian'],
    ['Exclusive: Anthropic weighs a new policy | Reuters', 'www.reuters.com', 'Exclusive: Anthropic weighs a new policy', 'Reuters'],
    ['Reuters | Anthropic weighs a new safety policy', 'reuters.com', 'Anthropic weighs a new safety policy', 'Reuters'],
    ['California’s SB 53, explained — Lawfare', 'www.lawfaremedia.org', 'California’s SB 53, explained', 'Lawfare'],
  ])('%s', (pageTitle, host, title, site) => {
    expect(citationTitle(pageTitle, host)).toEqual({ title, site });
  });

  it('keeps a title whole when its dash is its own words, or too little would be left', () => {
    // A dash whose last part does not name the host is the title's own.
    expect(citationTitle('Claude 3 - a new model from Anthropic', 'example.com')).toEqual({ title: 'Claude 3 - a new model from Anthropic' });
    expect(citationTitle('Why the pledge mattered - and why it went', 'www.theverge.com')).toEqual({ title: 'Why the pledge mattered - and why it went' });
    // Too little left to be a title.
    expect(citationTitle('Home | The Verge', 'www.theverge.com')).toEqual({ title: 'Home | The Verge' });
    // A long last part after " | " is no site name.
    expect(citationTitle('Policy notes | what the new framework changes for frontier labs and their users', 'example.org')).toEqual({ title: 'Policy notes | what the new framework changes for frontier labs and their users' });
    // No separator, no host.
    expect(citationTitle('  Anthropic   drops its pledge ', '')).toEqual({ title: 'Anthropic drops its pledge' });
    expect(citationTitle('', 'example.org')).toEqual({ title: '' });
  });

  it("knows the site by the name the page's metadata gives it, where the host does not say it", () => {
    const title = 'What changed in the policy — Signal & Noise';
    expect(citationTitle(title, 'signal-and-noise.example')).toEqual({ title });
    expect(citationTitle(title, 'signal-and-noise.example', 'Signal & Noise')).toEqual({ title: 'What changed in the policy', site: 'Signal & Noise' });
    expect(citationTitle('Signal & Noise · What changed in the policy', 'sn.example', 'Signal & Noise')).toEqual({ title: 'What changed in the policy', site: 'Signal & Noise' });
    // A name that is not the last part's is no help.
    expect(citationTitle(title, 'sn.example', 'The Verge')).toEqual({ title });
  });

  it('keeps a section that is more than a short label as part of the title', () => {
    expect(citationTitle('The pledge, the policy | A long look at what changed | The Verge', 'theverge.com')).toEqual({ title: 'The pledge, the policy | A long look at what changed', site: 'The Verge' });
  });
});

describe('citedPage: the metadata\'s title before the <title>', () => {
  it('cites a page by its metadata\'s title when it gives one, the site\'s name apart (new users\' reports 54 and 55)', () => {
    expect(citedPage('Opinion | The Year the AI Pledges Died', 'https://signal.example/opinion/pledges', { title: 'The Year the AI Pledges Died' })).toEqual({ title: 'The Year the AI Pledges Died' });
    expect(citedPage('AI Act: what stays - Le Quotidien Numérique (English edition)', 'https://lqn.example/ai-act', { title: 'AI Act: what stays', site: 'Le Quotidien Numérique' })).toEqual({ title: 'AI Act: what stays', site: 'Le Quotidien Numérique' });
    // A metadata title with the site's name still loses it; no metadata title: the <title> split as before.
    expect(citedPage('x', 'https://www.theverge.com/a', { title: 'Anthropic drops its pause pledge | The Verge' })).toEqual({ title: 'Anthropic drops its pause pledge', site: 'The Verge' });
    expect(citedPage('Anthropic drops its pause pledge | The Verge', 'https://www.theverge.com/a')).toEqual({ title: 'Anthropic drops its pause pledge', site: 'The Verge' });
  });
});
