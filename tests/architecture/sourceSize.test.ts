// Keeps src/ readable: no file over 200 lines, no function over 60 (measured with the TypeScript parser).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SRC, sourceFiles } from './importGraph.ts';

const MAX_FILE_LINES = 200;
const MAX_FUNCTION_LINES = 60;

/** Every function-like node of a file with its name and line count. */
function functionLengths(file: string): { name: string; lines: number }[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(source) ?? `(anonymous at line ${start + 1})`;
      found.push({ name: `${file}: ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the size of src/', () => {
  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = sourceFiles()
      .map((file) => ({
        file,
        lines: readFileSync(join(SRC, file), 'utf8').split('\n').length - 1,
      }))
      .filter(({ lines }) => lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = sourceFiles()
      .flatMap(functionLengths)
      .filter(({ lines }) => lines > MAX_FUNCTION_LINES);
    expect(long).toEqual([]);
  });
});
