// npm midi-file parsing every MIDI file of the corpora from memory, the same files and the same
// measure as bench/formats/StandardMidiFileBench.cpp: bytes parsed per second, best of five passes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseMidi } from 'midi-file';

function midiFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return midiFiles(path);
    return name.endsWith('.mid') ? [path] : [];
  });
}

const files = midiFiles(process.argv[2]).map((p) => readFileSync(p));
const bytes = files.reduce((sum, f) => sum + f.length, 0);
let failures = 0;
let best = Infinity;
for (let pass = 0; pass < 5; pass += 1) {
  const start = process.hrtime.bigint();
  for (const f of files) {
    try {
      parseMidi(f);
    } catch {
      failures += 1;
    }
  }
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(JSON.stringify({ files: files.length, bytes, seconds: best, bytesPerSecond: bytes / best, failures: failures / 5 }));
