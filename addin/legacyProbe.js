/* global window */
// Loaded just before legacy.js. An engine that cannot parse ES2020 syntax (optional chaining,
// nullish coalescing) fails on this file and leaves window.xephangSyntax unset; legacy.js then
// knows the bundles would not parse either. A file of its own because the pages' CSP forbids
// eval and new Function, the other ways to test syntax.
window.xephangSyntax = { a: { b: true } }.a?.b ?? false;
