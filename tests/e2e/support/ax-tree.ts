/**
 * The accessibility tree as a screen reader gets it from Chromium (CDP `Accessibility.getFullAXTree`):
 * the words and roles read, which the DOM's attributes only feed.
 */
import type { Page } from 'playwright-core';

/** One node a screen reader can reach: its role, its accessible name and its description ('' when none). */
export interface AxNode {
  role: string;
  name: string;
  description: string;
  /** Heading level, where the node has one. */
  level?: number;
}

/** CDP's AXValue, in the parts read here. */
interface AxValue {
  value?: unknown;
}

/** CDP's AXNode, in the parts read here. */
interface RawAxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  description?: AxValue;
  properties?: Array<{ name: string; value: AxValue }>;
}

const text = (value: AxValue | undefined): string => (typeof value?.value === 'string' ? value.value : '');

/** Every node of the page's accessibility tree that is not ignored, in tree order. */
export async function accessibilityTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
    return nodes
      .filter((node) => !node.ignored)
      .map((node) => {
        const level = node.properties?.find((property) => property.name === 'level')?.value.value;
        return { role: text(node.role), name: text(node.name), description: text(node.description), ...(typeof level === 'number' ? { level } : {}) };
      });
  } finally {
    await cdp.detach();
  }
}
