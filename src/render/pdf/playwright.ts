// playwright-core, an optional dependency, behind a module of secrel's own: the bundle turns this static
// import into a require() that runs only when this module is first imported (dynamically, by chromium.ts),
// and fails there, where the missing package can be reported, when it is not installed.
export { chromium } from 'playwright-core';
