// Independent note counts for Guitar Pro files: loads each FILE with alphaTab's importer and prints,
// one line per file, a JSON object with the number of notes per track and every note of every track:
//   {"tracks":[12,40],"notes":[[[bar,voice,tick,grace,string,fret,midi],...],...]}
// bar and voice are 0-based; tick is the beat's start within its bar in 960ths of a quarter note (a
// grace note has the tick of the beat it leads into); grace is 1 for grace notes; string 1 is the
// highest; fret and midi (the sounding key: tuning + capo + fret) are -1 on percussion tracks.
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
                                pitched ? note.realValueWithoutHarmonic : -1,
                            ]);
                        }
                    }
                }
            }
        }
        return list;
    });
    return { tracks: notes.map((list) => list.length), notes };
}

for (const file of process.argv.slice(2)) {
    try {
        console.log(JSON.stringify(notesOf(file)));
    } catch (error) {
        console.log(JSON.stringify({ error: String(error && error.message ? error.message : error) }));
        process.exitCode = 1;
    }
}
