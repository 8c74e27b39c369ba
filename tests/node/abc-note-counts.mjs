// Independent note counts for an ABC tune book, from abcjs (parseOnly), for the corpus test of
// MOS's ABC reader. Usage: node abc-note-counts.mjs FILE
//
// Prints one line per tune: its X: number, then per staff "notes/graces", tab separated:
//   4	91/0
// A staff stands for a MOS part (one per voice). "notes" counts every sounding pitch: each pitch of
// a chord, and both notes of a tie (they are two notes on the page). "graces" counts grace notes.
// Rests, spacers and multi-measure rests count as nothing.
//
// The Nottingham books carry a "Y:" field (the order parts are played in) that is not ABC 2.1;
// abcjs reads it as a line of music ("Y:AABABAC" as seven notes), so Y: lines are removed first.

import { readFileSync } from 'node:fs';
import abcjs from 'abcjs';

const file = process.argv[2];
if (!file) {
    console.error('usage: node abc-note-counts.mjs FILE');
    process.exit(2);
}

const text = readFileSync(file, 'utf8').replace(/^Y:.*$/gm, '%');
const book = new abcjs.TuneBook(text);
for (const entry of book.tunes) {
    const [tune] = abcjs.parseOnly(entry.abc);
    const staffs = [];
    for (const line of tune?.lines ?? []) {
        (line.staff ?? []).forEach((staff, index) => {
            staffs[index] ??= { notes: 0, graces: 0 };
            for (const voice of staff.voices ?? []) {
                for (const element of voice) {
                    if (element.el_type !== 'note') continue;
                    if (!element.rest) staffs[index].notes += element.pitches?.length ?? 0;
                    staffs[index].graces += element.gracenotes?.length ?? 0;
                }
            }
        });
    }
    const counts = staffs.map((s) => `${s?.notes ?? 0}/${s?.graces ?? 0}`);
    console.log([entry.id, ...counts].join('\t'));
}
