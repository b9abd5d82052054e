// execa behind a module of our own: git.ts imports this lazily, so neither execa nor its dependencies
// load unless a command calls git (the bundle keeps execa in a separate file; see scripts/build.mjs).
export { execa } from 'execa';
