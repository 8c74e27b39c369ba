// The peer tools of bench/compare/formats.sh, each reading the same corpus files from memory as
// MOS does in bench/formats/ImportBench.cpp: best of three passes, bytes and items (files or tunes)
// per second, and the files each tool fails on.
//
//   node formats-peers.mjs musicxml|midi|abc <corpora folder>
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAuto, parseAbcTunes } from 'musicxml-io';
import { parseMidi } from 'midi-file';
import toneMidi from '@tonejs/midi';
import abcjs from 'abcjs';
import createVerovioModule from 'verovio/wasm';
import { VerovioToolkit } from 'verovio/esm';

// Same selection as ImportBench.cpp: by folder and extension.
const selections = {
  musicxml: { folder: 'musicxml', extensions: ['.musicxml', '.xml', '.mxl'] },
  midi: { folder: 'asap', extensions: ['.mid', '.midi'] },
  abc: { folder: 'abc-nottingham', extensions: ['.abc'] },
};

function filesUnder(dir, extensions) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extensions);
    return extensions.some((e) => name.toLowerCase().endsWith(e)) ? [path] : [];
  });
}

function measure(tool, files, corpora, parseOne, passes = 3) {
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  let best = Infinity;
  let items = 0;
  const failed = new Set();
  for (let pass = 0; pass < passes; pass += 1) {
    items = 0;
    const start = process.hrtime.bigint();
    for (const f of files) {
      try {
        items += parseOne(f.bytes);
      } catch {
        failed.add(relative(corpora, f.path));
      }
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { tool, files: files.length, bytes, items, seconds: best, bytesPerSecond: bytes / best,
           itemsPerSecond: items / best, failed: [...failed].sort() };
}

async function verovioToolkit() {
  const toolkit = new VerovioToolkit(await createVerovioModule());
  toolkit.setOptions({ xmlIdSeed: 1 });
  return toolkit;
}

const [kind, corpora] = process.argv.slice(2);
const selection = selections[kind];
if (!selection || !corpora) {
  console.error('usage: node formats-peers.mjs musicxml|midi|abc <corpora folder>');
  process.exit(2);
}
const files = filesUnder(join(corpora, selection.folder), selection.extensions)
  .map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
const text = (bytes) => new TextDecoder().decode(bytes);
const results = [];
if (kind === 'musicxml') {
  results.push(measure('musicxml-io parseAuto', files, corpora, (b) => (parseAuto(b), 1)));
  const verovio = await verovioToolkit();
  results.push(measure('verovio loadData', files, corpora, (b) => {
    const ok = b[0] === 0x50 && b[1] === 0x4b ? verovio.loadZipDataBuffer(b.buffer) : verovio.loadData(text(b));
    if (!ok) throw new Error('verovio refused the file');
    return 1;
  }, 1));
} else if (kind === 'midi') {
  results.push(measure('midi-file parseMidi', files, corpora, (b) => (parseMidi(b), 1)));
  results.push(measure('@tonejs/midi', files, corpora, (b) => (new toneMidi.Midi(b), 1)));
} else {
  results.push(measure('musicxml-io parseAbcTunes', files, corpora, (b) => parseAbcTunes(text(b)).length));
  results.push(measure('abcjs parseOnly', files, corpora, (b) => abcjs.parseOnly(text(b)).length));
}
console.log(JSON.stringify(results));
