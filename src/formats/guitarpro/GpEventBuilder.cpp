#include "formats/guitarpro/GpEventBuilder.hpp"

#include <algorithm>

#include "formats/PercussionStaff.hpp"

namespace mos::formats::gp {
namespace {

using score::Articulation;

constexpr std::int32_t kMaxTempo = 1000;

void addOnce(std::vector<Articulation>& articulations, Articulation articulation) {
    if (std::find(articulations.begin(), articulations.end(), articulation) == articulations.end()) {
        articulations.push_back(articulation);
    }
}

// A dynamic's name for the even velocity steps GP uses (15 ppp … 127 fff).
std::string dynamicName(std::uint8_t velocity) {
    constexpr std::array<const char*, 8> kNames{"ppp", "pp", "p", "mp", "mf", "f", "ff", "fff"};
    return kNames[std::min<std::size_t>((velocity - 15U) / 16U, kNames.size() - 1)];
}

// Left-hand fingers 1…4 and thumb "T"; right-hand p i m a c.
std::optional<std::string> fingerName(std::int8_t finger, bool leftHand) {
    constexpr std::array<const char*, 5> kLeft{"T", "1", "2", "3", "4"};
    constexpr std::array<const char*, 5> kRight{"p", "i", "m", "a", "c"};
    if (finger < 0 || finger > 4) return std::nullopt;
    return (leftHand ? kLeft : kRight)[static_cast<std::uint8_t>(finger)];
}

score::PitchName pitchName(int pitchClass, bool sharp) {
    const score::Pitch pitch = score::Pitch::fromMidi(60 + pitchClass, sharp ? 0 : -1);
    return score::PitchName{pitch.step, pitch.alter};
}

}  // namespace

EventBuilder::EventBuilder(Import& import, std::size_t track)
    : import_{import}, partIndex_{track}, track_{import.tracks[track]} {}

score::Part& EventBuilder::part() { return import_.score.parts[partIndex_]; }

int EventBuilder::pitchOf(std::uint8_t string, int fret) const {
    return track_.tuning[string - 1U] + track_.capo + fret;
}

score::Note EventBuilder::makeNote(std::uint32_t measure, std::uint8_t string, int fret, std::uint8_t velocity) {
    score::Note note;
    note.id = import_.score.newId();
    note.velocity = velocity;
    const int midi = pitchOf(string, fret);
    if (track_.percussion) {
        // A drum track's "fret" is the GM drum key (its strings are tuned to 0); the note is drawn
        // where drum notation puts that drum.
        note.percussionKey = static_cast<std::uint8_t>(std::clamp(midi, 0, 127));
        note.pitch = percussionPosition(midi);
    } else {
        note.pitch = score::Pitch::fromMidi(midi, import_.measureFifths[measure]);
    }
    return note;
}

void EventBuilder::addBeat(const BeatData& beat, std::uint32_t measure, core::Rational offset, std::uint8_t voice) {
    const score::ScorePosition at{measure, offset};
    addLayers(beat, at);
    addTempo(beat, at);
    if (beat.status == BeatStatus::Empty) return;  // it takes its time but has no event
    addGrace(beat, measure, offset, voice);

    score::Event event;
    event.id = import_.score.newId();
    event.measure = measure;
    event.offset = offset;
    event.duration = beat.duration;
    event.voice = voice;
    if (beat.status == BeatStatus::Normal) {
        event.notes.reserve(beat.notes.size());
        for (const NoteData& note : beat.notes) addNote(beat, note, event, voice);
    }
    addArticulations(beat, event);
    addTuplet(beat, event, voice);
    if (!event.notes.empty()) addDynamic(beat, at);
    part().events.push_back(std::move(event));
}

// Grace notes become one grace event before the beat, a note for every note that has one.
void EventBuilder::addGrace(const BeatData& beat, std::uint32_t measure, core::Rational offset, std::uint8_t voice) {
    if (beat.status != BeatStatus::Normal) return;
    score::Event grace;
    for (const NoteData& note : beat.notes) {
        if (!note.grace) continue;
        const GraceData& data = *note.grace;
        if (!grace.grace) grace.grace = score::Grace{!data.onBeat, data.value};
        score::Note graceNote = makeNote(measure, note.string, data.fret, data.velocity);
        if (!track_.percussion) {
            score::TabNote tab;
            tab.note = graceNote.id;
            tab.string = note.string;
            tab.fret = static_cast<std::uint8_t>(std::min(data.fret, 255));
            tab.deadNote = data.dead;
            tab.slide = data.slide ? score::Slide::Legato : score::Slide::None;
            tab.hammerOn = data.legato && note.fret >= data.fret;
            tab.pullOff = data.legato && note.fret < data.fret;
            import_.score.layers.tablature.push_back(std::move(tab));
        }
        grace.notes.push_back(graceNote);
    }
    if (grace.notes.empty()) return;
    grace.id = import_.score.newId();
    grace.measure = measure;
    grace.offset = offset;
    grace.voice = voice;
    part().events.push_back(std::move(grace));
}

void EventBuilder::addNote(const BeatData& beat, const NoteData& data, score::Event& event, std::uint8_t voice) {
    auto& state = strings_[voice - 1U][data.string - 1U];
    auto& events = part().events;
    const std::size_t eventIndex = events.size();  // the event is pushed after its notes
    int fret = data.fret;
    bool tiedFrom = false;
    if (data.tie && state) {
        fret = state->fret;
        events[state->event].notes[state->note].tieStart = true;
        tiedFrom = true;
    } else if (data.tie) {
        import_.warn(data.offset, "a tied note on string " + std::to_string(data.string) +
                                      " follows no note; it is read as a new note");
    }

    score::Note note = makeNote(event.measure, data.string, fret, data.velocity);
    note.tieStop = tiedFrom;
    auto& layers = import_.score.layers;
    if (state && state->hammerFrom) {
        score::TabNote& from = layers.tablature[*state->hammerFrom];
        from.hammerOn = fret >= state->fret;
        from.pullOff = fret < state->fret;
    }

    std::optional<std::size_t> hammerFrom;
    if (!track_.percussion) {
        score::TabNote tab;
        tab.note = note.id;
        tab.string = data.string;
        tab.fret = static_cast<std::uint8_t>(std::min(fret, 255));
        tab.bend = data.bend;
        tab.slide = data.slide;
        tab.harmonic = data.harmonic != score::Harmonic::None ? data.harmonic : beat.harmonic;
        tab.vibrato = data.vibrato || beat.vibrato;
        tab.palmMute = data.palmMute;
        tab.deadNote = data.dead;
        tab.ghost = data.ghost;
        tab.letRing = data.letRing;
        tab.tapping = beat.tapping;
        if (data.hammer) {
            tab.hammerOn = true;  // until the next note on the string says pull-off
            hammerFrom = layers.tablature.size();
        }
        layers.tablature.push_back(std::move(tab));
    }
    for (const bool leftHand : {true, false}) {
        if (auto finger = fingerName(leftHand ? data.leftFinger : data.rightFinger, leftHand)) {
            layers.fingering.push_back(score::Fingering{note.id, std::move(*finger)});
        }
    }
    state = StringState{eventIndex, event.notes.size(), fret, hammerFrom};
    event.notes.push_back(note);
}

void EventBuilder::addArticulations(const BeatData& beat, score::Event& event) const {
    if (beat.status == BeatStatus::Normal) {
        for (const NoteData& note : beat.notes) {
            if (note.accent) addOnce(event.articulations, Articulation::Accent);
            if (note.heavyAccent) addOnce(event.articulations, Articulation::StrongAccent);
            if (note.staccato) addOnce(event.articulations, Articulation::Staccato);
            if (note.tremoloPicking) addOnce(event.articulations, Articulation::Tremolo);
            if (note.trill) addOnce(event.articulations, Articulation::Trill);
        }
    }
    if (beat.brush) addOnce(event.articulations, Articulation::Arpeggiate);
    if (beat.pickStroke == PickStroke::Up) addOnce(event.articulations, Articulation::UpBow);
    if (beat.pickStroke == PickStroke::Down) addOnce(event.articulations, Articulation::DownBow);
}

// Tuplet brackets: consecutive beats of one n-tuplet form a bracket until they fill a whole number
// of `normal` times their shortest note value (three triplet eighths fill two eighths).
void EventBuilder::addTuplet(const BeatData& beat, score::Event& event, std::uint8_t voice) {
    TupletState& open = tuplets_[voice - 1U];
    if (beat.tuplet <= 1) {
        endVoice(voice);
        return;
    }
    score::Tuplet tuplet{beat.tuplet, beat.tupletNormal, false, false};
    if (open.lastEvent && open.actual != beat.tuplet) endVoice(voice);
    if (!open.lastEvent) {
        tuplet.start = true;
        open = TupletState{std::nullopt, beat.tuplet, {}, beat.noteValue};
    }
    open.length += beat.duration;
    open.unit = std::min(open.unit, beat.noteValue);
    const core::Rational groups = open.length / (open.unit * core::Rational{beat.tupletNormal});
    tuplet.stop = groups.isValid() && groups.isInteger();
    event.tuplets.push_back(tuplet);
    open.lastEvent = tuplet.stop ? std::nullopt : std::optional{part().events.size()};
}

void EventBuilder::endVoice(std::uint8_t voice) {
    TupletState& open = tuplets_[voice - 1U];
    if (!open.lastEvent) return;
    auto& tuplets = part().events[*open.lastEvent].tuplets;
    if (!tuplets.empty()) tuplets.back().stop = true;
    open.lastEvent.reset();
}

void EventBuilder::addLayers(const BeatData& beat, const score::ScorePosition& at) {
    auto& layers = import_.score.layers;
    const std::string& partId = part().id;
    if (beat.chord) {
        const ChordData& chord = *beat.chord;
        score::ChordDiagram diagram;
        diagram.at = at;
        diagram.partId = partId;
        diagram.name = chord.name;
        diagram.baseFret = static_cast<std::uint8_t>(std::min(chord.baseFret, 255));
        diagram.frets = chord.frets;
        diagram.fingers = chord.fingers;
        layers.diagrams.push_back(std::move(diagram));
        if (!chord.name.empty()) {
            score::ChordSymbol symbol;
            symbol.at = at;
            symbol.partId = partId;
            symbol.text = chord.name;
            if (chord.root >= 0) symbol.root = pitchName(chord.root, chord.sharp);
            if (chord.root >= 0) symbol.kind = chord.kind;
            if (chord.bass >= 0) symbol.bass = pitchName(chord.bass, chord.sharp);
            layers.chords.push_back(std::move(symbol));
        }
    }
    const auto addText = [&](const std::string& text) {
        layers.notation.texts.push_back(score::TextMark{partId, 1, at, text, true});
    };
    if (beat.text && !beat.text->empty()) addText(*beat.text);
    if (beat.slap) addText("slap");
    if (beat.pop) addText("pop");
}

// A mix-table tempo change marks the bar at its beat; one that repeats what another track says at
// the same place is not written twice.
void EventBuilder::addTempo(const BeatData& beat, const score::ScorePosition& at) {
    if (!beat.tempo) return;
    if (*beat.tempo < 1 || *beat.tempo > kMaxTempo) {
        import_.warn(beat.tempoOffset, "the tempo " + std::to_string(*beat.tempo) + " is not 1…1000; it is ignored");
        return;
    }
    auto& tempos = import_.score.timeline.measures[at.measure].tempos;
    score::TempoMark mark;
    mark.offset = at.offset;
    mark.beatsPerMinute = core::Rational{*beat.tempo};
    mark.text = beat.tempoName;
    const auto same = std::find_if(tempos.begin(), tempos.end(),
                                   [&](const score::TempoMark& other) { return other.offset == at.offset; });
    if (same != tempos.end()) {
        *same = std::move(mark);  // the later change at one place is the one that plays
        return;
    }
    tempos.push_back(std::move(mark));
    std::stable_sort(tempos.begin(), tempos.end(),
                     [](const score::TempoMark& a, const score::TempoMark& b) { return a.offset < b.offset; });
}

// A dynamic mark where the loudness of the beat's first note changes.
void EventBuilder::addDynamic(const BeatData& beat, const score::ScorePosition& at) {
    const std::uint8_t velocity = beat.notes.front().velocity;
    if (velocity == velocity_) return;
    velocity_ = velocity;
    part().dynamics.push_back(score::DynamicMark{at, 1, dynamicName(velocity), velocity});
}

void EventBuilder::finish() {
    for (std::uint8_t voice = 1; voice <= kVoices; ++voice) endVoice(voice);
    // Voice 2 was read after voice 1 in every bar; interleave them by time, keeping each grace
    // event before its beat.
    std::stable_sort(part().events.begin(), part().events.end(), [](const score::Event& a, const score::Event& b) {
        return a.measure != b.measure ? a.measure < b.measure : a.offset < b.offset;
    });
}

}  // namespace mos::formats::gp
