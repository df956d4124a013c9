import { describe, expect, it } from 'vitest';
import { wordFailure } from '../../../lib/format/reader-errors';
import { EXPORT_FORMAT_MESSAGE } from '../../../lib/i18n/claim-words';
import { english, german } from '../i18n/test-translators';

describe('import refusals', () => {
  it('name the export format as its menu item reads, in English and German', () => {
    for (const t of [english, german]) {
      const label = t(EXPORT_FORMAT_MESSAGE.w3c);
      expect(wordFailure(t, { code: 'annotation-not-json' })).toContain(label);
      expect(wordFailure(t, { code: 'annotation-refused', detail: 'item 1 field id invalid' })).toContain(label);
    }
  });
});
