// node:child_process behind a module of our own: git.ts imports this lazily, so the module (and the net,
// dgram and stream machinery it loads) is loaded only when a command runs git. The bundle turns this
// import into a require on first use; a dynamic import of a built-in would not survive the code cache.
export { spawn } from 'node:child_process';
