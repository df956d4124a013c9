// @vitest-environment happy-dom
/**
 * Where Tab goes after the card of a highlight (next-tab-stop.ts): the first tab stop after the highlight in
 * document order, as the HTML popover hands focus on after its invoker (a new user's report 56, problem 15).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTabStop } from '@/entrypoints/content/next-tab-stop';

const byId = (id: string) => document.getElementById(id)!;

describe('nextTabStop', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <p>Before <a id="early" href="#a">a link</a>.</p>
      <p id="para">Anthropic says <mark id="h1a" tabindex="0">Claude may not be</mark><mark id="h1b" tabindex="-1"> used for <a id="inside" href="#i">surveillance</a></mark>, it said.
        <a id="no-href">not a stop</a> <button id="off" disabled>off</button> <span id="hid" tabindex="0" hidden>hidden</span>
        <span inert><a id="inert" href="#n">inert</a></span>
        <mark id="h2" tabindex="0">Next highlight</mark></p>
      <div id="host"><button id="in-card">Close</button></div>
      <a id="late" href="#z">late</a>`;
  });

  it('skips the highlight\'s own marks and what is inside them, links without href, disabled, hidden and inert elements', () => {
    expect(nextTabStop(byId('h1b'))?.id).toBe('h2');
  });

  it('goes on past the card\'s host to the page\'s next stop', () => {
    expect(nextTabStop(byId('h2'), byId('host'))?.id).toBe('late');
    expect(nextTabStop(byId('h2'))?.id).toBe('in-card');
  });

  it('finds none after the page\'s last stop', () => {
    expect(nextTabStop(byId('late'))).toBeUndefined();
  });

  it('starts after a text node (a range highlight\'s end)', () => {
    const text = byId('para').firstChild!;
    expect(nextTabStop(text)?.id).toBe('h1a');
  });
});
