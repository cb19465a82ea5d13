import { describe, expect, it } from 'vitest';
import { exportedSignatures } from './signatures';

describe('exportedSignatures', () => {
  it('keeps doc comments and signatures of exported functions and drops their bodies', () => {
    const code = [
      '/** file header */',
      'import { x } from "./x";',
      '// a stray comment',
      '/** Adds. */',
      'export function add(a: number, b = 1): number {',
      '  throw new Error("not implemented");',
      '}',
      'function hidden() {}',
    ].join('\n');
    expect(exportedSignatures(code)).toBe('/** Adds. */\nexport function add(a: number, b = 1): number;');
  });

  it('leaves out a file header that sits directly above the first export', () => {
    const code = '/**\n * Lab header.\n */\n\n/** Doubles. */\nexport function double(n: number): number {\n  return 2 * n;\n}';
    expect(exportedSignatures(code)).toBe('/** Doubles. */\nexport function double(n: number): number;');
  });

  it('keeps exported interfaces and types whole', () => {
    const code = 'export interface P {\n  /** λ */\n  a: number;\n}\nexport type Q = P | null;';
    expect(exportedSignatures(code)).toBe('export interface P {\n  /** λ */\n  a: number;\n}\n\nexport type Q = P | null;');
  });

  it('shows a class with its public members and without method bodies or private members', () => {
    const code = [
      '/** A queue. */',
      'export class Q<T> {',
      '  #items: T[] = [];',
      '  private secret = 1;',
      '  /** Adds one. */',
      '  push(item: T): void {',
      '    this.#items.push(item);',
      '  }',
      '  get depth(): number {',
      '    return this.#items.length;',
      '  }',
      '}',
    ].join('\n');
    expect(exportedSignatures(code)).toBe(
      '/** A queue. */\nexport class Q<T> {\n  /** Adds one. */\n  push(item: T): void;\n  get depth(): number;\n}',
    );
  });
});
