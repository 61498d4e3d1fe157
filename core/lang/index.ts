// The rule language's public face: paths and expressions, parsed and rendered.
export * from './ast';
export { parsePath, pathText, hasWildcard, isPlainName } from './path';
export { parseExpression, MAX_DEPTH, type ParsedExpression } from './parser';
export { renderExpression, renderOperand } from './render';
export * from './across';
