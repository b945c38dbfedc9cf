// typst_batch.js OUT_DIR FILE.typ... — compiles every Typst source to a
// PDF in this one process (fonts loaded once), as quire renders a batch.
'use strict';
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [outDir, ...files] = process.argv.slice(2);
const compiler = NodeCompiler.create({
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/nanum'] }],
});
fs.mkdirSync(outDir, { recursive: true });
for (const f of files) {
  const pdf = compiler.pdf({ mainFileContent: fs.readFileSync(f, 'utf8') });
  fs.writeFileSync(path.join(outDir, path.basename(f, '.typ') + '.pdf'), pdf);
  compiler.evictCache(10);
}
