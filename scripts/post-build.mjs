// Trunk post_build hook: the two steps that finish the staged build, in order. Trunk starts
// the hooks of one stage at once, and both steps rewrite index.html.
//   1. externalize-init.mjs: the inline init <script> becomes a file (strict CSP);
//   2. minify-glue.mjs: wasm-bindgen's JS glue minified, its integrity hash rewritten.
await import('./externalize-init.mjs');
await import('./minify-glue.mjs');
