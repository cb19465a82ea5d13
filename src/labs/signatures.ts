/**
 * Extracts the exported signatures of a lab's student file, with their doc comments and without their
 * bodies, so a lesson can show the contract straight from the real file at build time.
 */
import ts from 'typescript';

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/**
 * Where a declaration starts, counting its own doc comment (the last one before it) but not comments
 * further up, such as a file header.
 */
function start(source: ts.SourceFile, node: ts.Node): number {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs.length ? docs[docs.length - 1]!.getStart(source) : node.getStart(source);
}

/** The text of `node` from its doc comment up to (not including) `body`, closed with `;`. */
function head(source: ts.SourceFile, node: ts.Node, body: ts.Node | undefined): string {
  const from = start(source, node);
  const end = body ? body.getStart(source) : node.getEnd();
  const text = source.text.slice(from, end).trimEnd();
  return body ? `${text};` : text;
}

function classSignature(source: ts.SourceFile, node: ts.ClassDeclaration): string {
  const from = start(source, node);
  const open = source.text.indexOf('{', node.name ? node.name.getEnd() : node.getStart(source));
  const members = node.members
    .filter((member) => !(ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword)))
    .filter((member) => !member.name || !ts.isPrivateIdentifier(member.name))
    .map((member) => {
      const body = 'body' in member ? (member.body as ts.Node | undefined) : undefined;
      // Lines after the first keep their indentation from the file; only the first needs it back.
      return `  ${head(source, member, body)}`;
    });
  return `${source.text.slice(from, open + 1)}\n${members.join('\n')}\n}`;
}

/** Every exported declaration of `code`, bodies removed, separated by blank lines. */
export function exportedSignatures(code: string, fileName = 'lab.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const parts: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement)) parts.push(head(source, statement, statement.body));
    else if (ts.isClassDeclaration(statement)) parts.push(classSignature(source, statement));
    else parts.push(head(source, statement, undefined));
  }
  return parts.join('\n\n');
}
