/**
 * Reading claim-set text (a feed body or a pack file the reader chose): JSON parsing with errors that
 * say where and what went wrong, then schema validation.
 */
import type { ClaimSet } from './schema';
import { describeClaimSetIssues, validateClaimSet } from './validate-claim-set';


interface JsonSyntaxError {
  offset: number;
  expected: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Finds where JSON text first goes wrong. Engines disagree on their messages and V8 often
 * omits the position ("Unexpected token '}', ... is not valid JSON"), so a reader fixing a
 * hand-edited pack would be left guessing. Iterative, with an explicit stack, so a hostile
 * file of a million "[" cannot overflow the call stack.
 */
function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Array<'{' | '['> = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const fail = (expected: string): JsonSyntaxError => ({ offset: i, expected });

  /** Reads a string starting at text[i] === '"'; returns an error or undefined. */
  const readString = (): JsonSyntaxError | undefined => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return fail('four hex digits after \\u');
          }
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          i++;
          return fail('a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u)');
        }
        continue;
      }
      if (c < ' ') return fail('a closing quote (control characters must be escaped)');
      i++;
    }
    return fail('a closing quote');
  };

  const readScalar = (): JsonSyntaxError | undefined => {
    const c = text[i];
    if (c === '"') return readString();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return undefined;
      }
    }
    return readNumber();
  };

  /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? scanned by hand: no regex per number, no slicing. */
  const readNumber = (): JsonSyntaxError | undefined => {
    const isDigit = (at: number) => at < text.length && text[at]! >= '0' && text[at]! <= '9';
    const digits = () => {
      while (isDigit(i)) i++;
    };
    if (text[i] === '-') {
      i++;
      if (!isDigit(i)) return fail('a digit after the minus sign');
    } else if (!isDigit(i)) {
      return fail('a value');
    }
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      if (!isDigit(i)) return fail('a digit after the decimal point');
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(i)) return fail('a digit in the exponent');
      digits();
    }
    return undefined;
  };

  /** After "{" or ",": a quoted key, a colon, then a value follows. */
  const readKey = (): JsonSyntaxError | undefined => {
    skip();
    if (text[i] !== '"') return fail('a double-quoted property name');
    const error = readString();
    if (error) return error;
    skip();
    if (text[i] !== ':') return fail("':' after the property name");
    i++;
    return undefined;
  };

  for (;;) {
    // Expect a value.
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      const close = c === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
      } else {
        if (c === '{') {
          const error = readKey();
          if (error) return error;
        }
        continue;
      }
    } else {
      const error = readScalar();
      if (error) return error;
    }

    // After a value: close containers, or find the comma that leads to the next value.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? fail('the end of the data') : undefined;
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail(`',' or '${close}'`);
      i++;
      if (top === '{') {
        const error = readKey();
        if (error) return error;
      }
      break;
    }
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * JSON.parse with a message that says where and what went wrong, e.g.
 * `unexpected "}" at line 3, column 9 (position 27); expected a value`.
 */
export function parseJsonText(input: string): JsonParse {
  // Editors on Windows often save a byte-order mark, which JSON.parse refuses; it is not an error a reader can see.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (text.trim() === '') return { ok: false, message: 'the text is empty' };
    const found = findJsonSyntaxError(text);
    if (!found) return { ok: false, message: error instanceof Error ? error.message : String(error) };
    const { line, column } = lineAndColumn(text, found.offset);
    const at = found.offset < text.length ? `unexpected ${JSON.stringify(text[found.offset])}` : 'unexpected end of data';
    return { ok: false, message: `${at} at line ${line}, column ${column} (position ${found.offset}); expected ${found.expected}` };
  }
}

export type ClaimSetText =
  | { ok: true; claimSet: ClaimSet }
  | { ok: false; problem: 'invalid-json' | 'invalid-schema'; detail: string };

/** Parses and validates claim-set text; the feed and the file importer share it and word their own messages. */
export function parseClaimSetText(text: string): ClaimSetText {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, problem: 'invalid-json', detail: parsed.message };
  const validation = validateClaimSet(parsed.value);
  if (!validation.ok) return { ok: false, problem: 'invalid-schema', detail: describeClaimSetIssues(validation.issues) };
  return { ok: true, claimSet: validation.claimSet };
}

export type ClaimPackFileResult = { ok: true; claimSet: ClaimSet } | { ok: false; error: string };

/** Reads a pack file the reader chose; the error is meant to be shown to them as is. */
export function validateClaimPackFile(text: string): ClaimPackFileResult {
  const result = parseClaimSetText(text);
  if (result.ok) return result;
  return {
    ok: false,
    error:
      result.problem === 'invalid-json'
        ? `This file is not valid JSON: ${result.detail}.`
        : `This file is not a valid claim set:\n${result.detail}`,
  };
}
