// Independent note counts for Guitar Pro files: loads each FILE with alphaTab's importer and prints,
// one line per file, a JSON object with the number of notes per track, every note of every track and
// the repeat signs and alternate endings of every bar:
//   {"tracks":[12,40],"notes":[[[bar,voice,tick,grace,string,fret,midi],...],...],
//    "bars":[[repeatStart,repeatCount,endings],...]}
// bar and voice are 0-based; tick is the beat's start within its bar in 960ths of a quarter note (a
// grace note has the tick of the beat it leads into); grace is 1 for grace notes; string 1 is the
// highest; midi is the sounding key (tuning + capo + fret), on percussion tracks the drum key, where
// string and fret are -1. repeatStart is 1 for a bar that opens a repeat, repeatCount the times a
// closing repeat plays its passage (0 for none), endings a bitmask of alternate endings (bit 0 =
// ending 1).
// A file alphaTab cannot read gives {"error":"..."}, and the exit status is 1.
//
//   node tests/node/gp-note-counts.mjs "path/to/song.gp5" [FILE...]

import { readFileSync } from 'node:fs';
import * as alphaTab from '@coderline/alphatab';

function notesOf(file) {
    const score = alphaTab.importer.ScoreLoader.loadScoreFromBytes(new Uint8Array(readFileSync(file)));
    const notes = score.tracks.map((track) => {
        const list = [];
        for (const staff of track.staves) {
            for (const bar of staff.bars) {
                for (const voice of bar.voices) {
                    for (const beat of voice.beats) {
                        for (const note of beat.notes) {
                            const pitched = !staff.isPercussion;
                            list.push([
                                bar.index,
                                voice.index,
                                beat.displayStart,
                                beat.graceType === alphaTab.model.GraceType.None ? 0 : 1,
                                pitched ? staff.tuning.length - note.string + 1 : -1,
                                pitched ? note.fret : -1,
                                pitched ? note.realValueWithoutHarmonic : note.percussionArticulation,
                            ]);
                        }
                    }
                }
            }
        }
        return list;
    });
    const bars = score.masterBars.map((bar) => [bar.isRepeatStart ? 1 : 0, bar.repeatCount, bar.alternateEndings]);
    return { tracks: notes.map((list) => list.length), notes, bars };
}

for (const file of process.argv.slice(2)) {
    try {
        console.log(JSON.stringify(notesOf(file)));
    } catch (error) {
        console.log(JSON.stringify({ error: String(error && error.message ? error.message : error) }));
        process.exitCode = 1;
    }
}
