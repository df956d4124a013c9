/**
 * The content script runs in every frame of every page, so what its bundle evaluates is paid on each
 * one. The claim schema (valibot objects, patterns and checks for whole claim sets) is for the
 * background and the extension pages: the content script takes the enumerations it needs from
 * lib/claims/claim-enums.ts. This walks the modules the content script evaluates (value imports and
 * re-exports; type-only imports are erased by the build) and fails when one of them reaches the schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

/** The project file a specifier names, or undefined for a package (or a file the walk does not read, such as CSS). */
function resolveSpecifier(specifier: string, from: string): string | undefined {
  const bare = specifier.split('?')[0]!;
  let base: string;
  if (bare.startsWith('@/')) base = join(ROOT, bare.slice(2));
  else if (bare.startsWith('.')) base = resolve(dirname(from), bare);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The specifiers of a module's imports and re-exports that survive compilation (not `import type`, not all-type names). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) out.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !statement.isTypeOnly) {
      out.push(statement.moduleSpecifier.text);
    }
  }
  return out;
}

/** Every project module `entry` evaluates, relative to the project root. */
function evaluatedModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(ROOT, file);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const specifier of valueImports(file)) {
      const next = resolveSpecifier(specifier, file);
      if (next) queue.push(next);
    }
  }
  return seen;
}

describe('what the content script evaluates', () => {
  it('does not evaluate the claim schema, only the enumerations module', () => {
    const modules = evaluatedModules('entrypoints/content/index.ts');
    // The walk reaches the card and the messages (so it follows imports at all)...
    expect(modules).toContain('components/claim-card.tsx');
    expect(modules).toContain('lib/messages/content-to-background.ts');
    expect(modules).toContain('lib/claims/claim-enums.ts');
    // ...and never the schema.
    expect(modules).not.toContain('lib/claims/schema.ts');
  });

  it('finds the schema where it is evaluated (the background), so the check above can fail', () => {
    expect(evaluatedModules('entrypoints/background.ts')).toContain('lib/claims/schema.ts');
  });
});

describe('one schema', () => {
  it('is what the claim schema validates kinds and statuses with, and what it exports', async () => {
    const schema = await import('../../../lib/claims/schema');
    const enums = await import('../../../lib/claims/claim-enums');
    expect(schema.ClaimKindSchema).toBe(enums.ClaimKindSchema);
    expect(schema.ClaimStatusSchema).toBe(enums.ClaimStatusSchema);
    expect(schema.CLAIM_FORCES).toBe(enums.CLAIM_FORCES);
    expect(schema.ClaimForceSchema.options).toBe(enums.CLAIM_FORCES);
    // A claim's kind is checked by that same picklist.
    expect(schema.ClaimSchema.entries.kind).toBe(enums.ClaimKindSchema);
  });
});
