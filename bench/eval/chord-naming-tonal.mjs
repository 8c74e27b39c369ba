// npm tonal's Chord.detect asked what mos_eval_chord_naming asked MOS: the notes of every chord of
// the jazz-standards charts (bass first, spelled as the chart's symbol spells them), one JSON line
// each. Prints the same table row: how often tonal's best name has the chart's notes and bass, and
// also its root.
//
//   node bench/eval/chord-naming-tonal.mjs NOTES.jsonl
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

// tonal is pinned with the other peer tools in bench/compare/package.json.
const require = createRequire(new URL("../compare/package.json", import.meta.url));
const { Chord, Note } = await import(require.resolve("tonal"));

const questions = readFileSync(process.argv[2], "utf8")
  .split("\n")
  .filter((line) => line.length > 0)
  .map((line) => JSON.parse(line));

const pitchClassMask = (notes) => notes.reduce((mask, note) => mask | (1 << Note.chroma(note)), 0);

// The root, bass and pitch classes of one of tonal's names ("CM/E", "Em#5"), as tonal itself spells it.
function chordOf(name) {
  const chord = Chord.get(name);
  if (chord.empty || !chord.tonic) return null;
  const bass = chord.bass || chord.tonic;
  return { root: Note.chroma(chord.tonic), bass: Note.chroma(bass), pitchClasses: pitchClassMask([...chord.notes, bass]) };
}

const start = performance.now();
const answers = questions.map((question) => Chord.detect([...new Set(question.notes)]));
const elapsedMicros = (performance.now() - start) * 1000;

let sameSound = 0;
let sameRoot = 0;
let inTopThree = 0;
let named = 0;
questions.forEach((question, i) => {
  const names = answers[i];
  if (names.length === 0) return;
  ++named;
  const same = (chord) =>
    chord && chord.bass === question.bass && chord.pitchClasses === question.pitch_classes;
  const best = chordOf(names[0]);
  if (same(best)) {
    ++sameSound;
    if (best.root === question.root) ++sameRoot;
  }
  if (names.slice(0, 3).map(chordOf).some((chord) => same(chord) && chord.root === question.root)) ++inTopThree;
});

const percent = (count) => `${((100 * count) / questions.length).toFixed(2)}%`;
console.log(
  `| tonal Chord.detect | ${percent(sameSound)} | ${percent(sameRoot)} | — | ${percent(inTopThree)} | ${(elapsedMicros / questions.length).toFixed(3)} |`,
);
console.error(`tonal named ${named} of ${questions.length} chords (the rest: no name)`);
