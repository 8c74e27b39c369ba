// What hangs on a note: ties (<tied>), tuplet brackets, slurs, articulations, ornaments, fermatas,
// dynamics, technical marks (tablature string/fret and techniques, fingering), lyrics and beams.

#include <algorithm>
#include <array>

#include "formats/musicxml/MusicXmlImporter.hpp"
#include "formats/musicxml/XmlValues.hpp"

namespace mos::formats::musicxml {
namespace {

using core::Rational;

std::string_view textOf(pugi::xml_node node) noexcept { return trimXml(node.child_value()); }

std::uint8_t spanNumber(pugi::xml_node node) {
    const auto number = parseInteger(node.attribute("number").value());
    return number && *number >= 1 && *number <= 16 ? static_cast<std::uint8_t>(*number) : 1;
}

bool isStart(pugi::xml_node node) noexcept { return std::string_view{node.attribute("type").value()} == "start"; }

std::optional<score::Articulation> articulationNamed(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, score::Articulation>, 20> kArticulations{{
        {"staccato", score::Articulation::Staccato},
        {"accent", score::Articulation::Accent},
        {"tenuto", score::Articulation::Tenuto},
        {"staccatissimo", score::Articulation::Staccatissimo},
        {"strong-accent", score::Articulation::StrongAccent},
        {"detached-legato", score::Articulation::DetachedLegato},
        {"spiccato", score::Articulation::Staccatissimo},
        {"breath-mark", score::Articulation::Breath},
        {"caesura", score::Articulation::Breath},
        {"fermata", score::Articulation::Fermata},
        {"arpeggiate", score::Articulation::Arpeggiate},
        {"trill-mark", score::Articulation::Trill},
        {"mordent", score::Articulation::Mordent},
        {"inverted-mordent", score::Articulation::InvertedMordent},
        {"turn", score::Articulation::Turn},
        {"inverted-turn", score::Articulation::Turn},
        {"delayed-turn", score::Articulation::Turn},
        {"tremolo", score::Articulation::Tremolo},
        {"up-bow", score::Articulation::UpBow},
        {"down-bow", score::Articulation::DownBow},
    }};
    for (const auto& [markName, articulation] : kArticulations) {
        if (markName == name) return articulation;
    }
    return std::nullopt;
}

void addArticulation(score::Event& event, std::string_view name) {
    const auto articulation = articulationNamed(name);
    if (!articulation) return;
    if (std::find(event.articulations.begin(), event.articulations.end(), *articulation) == event.articulations.end()) {
        event.articulations.push_back(*articulation);
    }
}

// A bend's curve: evenly spaced points through each <bend> in turn (a pre-bend starts up, a release
// comes back down), in cents above the fretted pitch.
void addBend(score::TabNote& tab, pugi::xml_node bend) {
    const auto alter = parseDecimal(bend.child_value("bend-alter"));
    if (!alter) return;
    const auto cents =
        static_cast<std::int16_t>(std::clamp<std::int64_t>((*alter * Rational{100}).round().value_or(0), -2400, 2400));
    const bool release = static_cast<bool>(bend.child("release"));
    const bool preBend = static_cast<bool>(bend.child("pre-bend"));
    const std::int16_t reached = tab.bend.empty() ? 0 : tab.bend.back().cents;
    if (tab.bend.empty()) tab.bend.push_back(score::BendPoint{Rational{}, preBend ? cents : std::int16_t{0}});
    const auto magnitude = static_cast<std::int16_t>(cents < 0 ? -cents : cents);
    const std::int16_t target = release ? static_cast<std::int16_t>(std::max(0, reached - magnitude))
                                        : (preBend ? cents : static_cast<std::int16_t>(reached + cents));
    tab.bend.push_back(score::BendPoint{Rational{1}, target});
    // Spread the points evenly over the note.
    const auto segments = static_cast<std::int64_t>(tab.bend.size() - 1);
    for (std::int64_t i = 0; i <= segments; ++i) tab.bend[static_cast<std::size_t>(i)].position = Rational{i, segments};
}

}  // namespace

void Importer::applyTuplets(PartReading& reading, pugi::xml_node note, score::Event& event, std::int64_t actualNotes,
                            std::int64_t normalNotes) {
    auto& open = reading.tuplets;
    const std::uint8_t voice = event.voice;
    const auto inVoice = [voice](const OpenTuplet& t) { return t.voice == voice; };
    const bool modified = actualNotes != normalNotes;
    if (!modified) {
        // A note outside any time modification ends whatever bracket its voice left open.
        std::erase_if(open, inVoice);
        return;
    }

    for (const pugi::xml_node notations : note.children("notations")) {
        for (const pugi::xml_node tuplet : notations.children("tuplet")) {
            if (!isStart(tuplet)) continue;
            // The bracket's own ratio: written out, or what the note's time modification leaves
            // once the brackets around it are taken out.
            Rational enclosing{1};
            for (const OpenTuplet& t : open) {
                if (t.voice == voice) enclosing *= t.ratio;
            }
            Rational ratio = Rational{actualNotes, normalNotes} / enclosing;
            const pugi::xml_node actualPart = tuplet.child("tuplet-actual");
            const pugi::xml_node normalPart = tuplet.child("tuplet-normal");
            const auto writtenActual = parseInteger(actualPart.child_value("tuplet-number"));
            const auto writtenNormal = parseInteger(normalPart.child_value("tuplet-number"));
            const bool written = writtenActual && writtenNormal && *writtenActual > 0 && *writtenNormal > 0 &&
                                 *writtenActual <= 1000 && *writtenNormal <= 1000;
            if (written) {
                // "3 eighths in the time of 1 quarter" is 3:2 once both sides count the same unit.
                const auto actualType = noteTypeValue(actualPart.child_value("tuplet-type")).value_or(Rational{1});
                const auto normalType = noteTypeValue(normalPart.child_value("tuplet-type")).value_or(Rational{1});
                ratio = Rational{*writtenActual} * actualType / (Rational{*writtenNormal} * normalType);
            }
            OpenTuplet t{};
            t.voice = voice;
            t.number = spanNumber(tuplet);
            t.ratio = ratio;
            const bool outermost = std::none_of(open.begin(), open.end(), inVoice);
            // Keep 6:4 as written when the note's modification is the bracket's own.
            const bool asWritten = outermost && !written;
            t.shape.actual =
                static_cast<std::uint16_t>(asWritten ? actualNotes : std::clamp<std::int64_t>(ratio.num(), 1, 1000));
            t.shape.normal =
                static_cast<std::uint16_t>(asWritten ? normalNotes : std::clamp<std::int64_t>(ratio.den(), 1, 1000));
            t.shape.start = true;
            open.push_back(t);
        }
    }

    bool anyOpen = false;
    for (OpenTuplet& t : open) {
        if (t.voice != voice) continue;
        anyOpen = true;
        event.tuplets.push_back(t.shape);
        t.shape.start = false;
    }
    if (!anyOpen) {
        // A time modification with no bracket drawn: the ratio alone.
        event.tuplets.push_back(score::Tuplet{static_cast<std::uint16_t>(actualNotes),
                                              static_cast<std::uint16_t>(normalNotes), false, false});
        return;
    }

    // Brackets that stop here: flag them on this event (at their depth), then close them.
    std::uint32_t stopping = 0;  // a bit per tuplet number 1…16
    for (const pugi::xml_node notations : note.children("notations")) {
        for (const pugi::xml_node tuplet : notations.children("tuplet")) {
            if (std::string_view{tuplet.attribute("type").value()} == "stop") stopping |= 1U << spanNumber(tuplet);
        }
    }
    if (stopping == 0) return;
    std::size_t depth = 0;
    for (OpenTuplet& t : open) {
        if (t.voice != voice) continue;
        if ((stopping & (1U << t.number)) != 0) {
            event.tuplets[depth].stop = true;
            t.number = 0;  // closed
        }
        ++depth;
    }
    std::erase_if(open, [](const OpenTuplet& t) { return t.number == 0; });
}

void Importer::readNotations(PartReading& reading, pugi::xml_node notations, std::size_t eventIndex,
                             std::optional<std::size_t> noteIndex, NoteMarks& marks) {
    score::Event& event = reading.events[eventIndex];
    score::Note* note = noteIndex ? &event.notes[*noteIndex] : nullptr;
    auto& layers = score_.layers;
    for (const pugi::xml_node child : notations.children()) {
        const std::string_view name = child.name();
        if (name == "tied") {
            if (note == nullptr) continue;
            const std::string_view type = child.attribute("type").value();
            note->tieStart = note->tieStart || type == "start" || type == "continue";
            note->tieStop = note->tieStop || type == "stop" || type == "continue";
            marks.tab.letRing = marks.tab.letRing || type == "let-ring";
        } else if (name == "slur") {
            const std::uint8_t number = spanNumber(child);
            const std::string_view type = child.attribute("type").value();
            auto& slurs = reading.slurs;
            const auto it =
                std::find_if(slurs.begin(), slurs.end(), [&](const OpenSlur& s) { return s.number == number; });
            if (type == "start") {
                if (it != slurs.end() && it->from == 0) {
                    layers.notation.slurs.push_back(score::Slur{reading.part->id, event.id, it->to});
                    slurs.erase(it);
                } else if (it != slurs.end()) {
                    warn(child,
                         joined({"slur ", std::to_string(number), " starts again before it stopped; restarted here"}));
                    it->from = event.id;
                } else {
                    slurs.push_back(OpenSlur{number, event.id, 0});
                }
            } else if (type == "stop") {
                if (it != slurs.end() && it->to == 0) {
                    layers.notation.slurs.push_back(score::Slur{reading.part->id, it->from, event.id});
                    slurs.erase(it);
                } else if (it != slurs.end()) {
                    warn(child, joined({"slur ", std::to_string(number), " stops twice; the second stop is kept"}));
                    it->to = event.id;
                } else {
                    slurs.push_back(OpenSlur{number, 0, event.id});
                }
            }
        } else if (name == "articulations" || name == "ornaments") {
            for (const pugi::xml_node mark : child.children()) {
                const std::string_view markName = mark.name();
                if (markName == "wavy-line") {
                    const std::string_view type = mark.attribute("type").value();
                    if (type == "start") {
                        reading.vibratoOpen = true;
                        marks.tab.vibrato = true;
                    } else if (type == "stop") {
                        reading.vibratoOpen = false;
                        marks.tab.vibrato = true;
                    }
                } else {
                    addArticulation(event, markName);
                }
            }
        } else if (name == "technical") {
            readTechnical(child, note ? std::optional<score::ElementId>{note->id} : std::nullopt, marks);
            for (const pugi::xml_node mark : child.children()) addArticulation(event, mark.name());
        } else if (name == "fermata" || name == "arpeggiate") {
            addArticulation(event, name);
        } else if (name == "dynamics") {
            for (const pugi::xml_node mark : child.children()) {
                if (mark.type() != pugi::node_element) continue;
                const std::string_view markName = mark.name();
                score::DynamicMark dynamic{};
                dynamic.at = here(reading, event.offset);
                dynamic.staff = event.staff;
                dynamic.mark = markName == "other-dynamics" ? textOf(mark) : markName;
                reading.part->dynamics.push_back(std::move(dynamic));
            }
        } else if (name == "slide" || name == "glissando") {
            if (isStart(child)) marks.tab.slide = score::Slide::Shift;
        }
    }
}

void Importer::readTechnical(pugi::xml_node technical, std::optional<score::ElementId> note, NoteMarks& marks) {
    score::TabNote& tab = marks.tab;
    for (const pugi::xml_node mark : technical.children()) {
        const std::string_view name = mark.name();
        if (name == "string") {
            const auto string = parseInteger(mark.child_value());
            if (string && *string >= 1 && *string <= 32) {
                tab.string = static_cast<std::uint8_t>(*string);
                marks.hasString = true;
            }
        } else if (name == "fret") {
            const auto fret = parseInteger(mark.child_value());
            if (fret && *fret >= 0 && *fret <= 99) {
                tab.fret = static_cast<std::uint8_t>(*fret);
                marks.hasFret = true;
            }
        } else if (name == "hammer-on") {
            tab.hammerOn = tab.hammerOn || isStart(mark);
        } else if (name == "pull-off") {
            tab.pullOff = tab.pullOff || isStart(mark);
        } else if (name == "bend") {
            addBend(tab, mark);
        } else if (name == "harmonic") {
            tab.harmonic = mark.child("artificial") ? score::Harmonic::Artificial : score::Harmonic::Natural;
        } else if (name == "tap") {
            tab.tapping = true;
        } else if ((name == "fingering" || name == "pluck") && note) {
            const std::string_view finger = textOf(mark);
            if (!finger.empty()) score_.layers.fingering.push_back(score::Fingering{*note, std::string{finger}});
        }
    }
}

void Importer::finishTabNote(PartReading& reading, pugi::xml_node noteNode, const score::Note& note, NoteMarks& marks) {
    score::TabNote& tab = marks.tab;
    const score::Part& part = *reading.part;
    tab.vibrato = tab.vibrato || reading.vibratoOpen;
    if (!marks.hasString) return;
    if (!marks.hasFret) {
        // A string number alone (a circled number over a staff): the fret follows from the tuning.
        if (tab.string > part.tuning.size()) return;
        const int fret = note.pitch.midiNumber() - part.tuning[tab.string - 1U].midiNumber() - part.capo;
        if (fret < 0 || fret > 99) return;
        tab.fret = static_cast<std::uint8_t>(fret);
    }
    if (const pugi::xml_node notehead = noteNode.child("notehead")) {
        tab.deadNote = textOf(notehead) == "x";
        tab.ghost = std::string_view{notehead.attribute("parentheses").value()} == "yes";
    }
    tab.note = note.id;
    score_.layers.tablature.push_back(std::move(tab));
}

void Importer::readLyric(PartReading& reading, pugi::xml_node lyric, score::ElementId event) {
    score::LyricSyllable syllable{};
    syllable.event = event;
    bool hasText = false;
    bool syllabicSet = false;
    for (const pugi::xml_node child : lyric.children()) {
        const std::string_view name = child.name();
        if (name == "text") {
            syllable.text += child.child_value();
            hasText = true;
        } else if (name == "syllabic" && !syllabicSet) {
            const std::string_view value = textOf(child);
            syllabicSet = true;
            if (value == "begin") syllable.syllabic = score::LyricSyllable::Syllabic::Begin;
            if (value == "middle") syllable.syllabic = score::LyricSyllable::Syllabic::Middle;
            if (value == "end") syllable.syllabic = score::LyricSyllable::Syllabic::End;
        } else if (name == "elision") {
            // Two syllables sung on one note, joined by the printed elision (an undertie by default).
            const std::string_view mark = child.child_value();
            syllable.text += mark.empty() ? std::string_view{"\u203F"} : mark;
        } else if (name == "extend") {
            const std::string_view type = child.attribute("type").value();
            syllable.extend = type.empty() || type == "start";
        }
    }
    // A lyric with only an extension line continues the syllable before it.
    if (!hasText) return;

    const std::string_view number = trimXml(lyric.attribute("number").value());
    const auto verse = parseInteger(number);
    if (number.empty() || (verse && *verse >= 1 && *verse <= 255)) {
        const int value = number.empty() ? 1 : static_cast<int>(*verse);
        syllable.verse = static_cast<std::uint8_t>(value);
        reading.highestVerse = std::max(reading.highestVerse, value);
    } else {
        auto& names = reading.lyricNames;
        const auto it = std::find(names.begin(), names.end(), number);
        const auto index = static_cast<std::size_t>(it - names.begin());
        if (it == names.end()) names.push_back(number);
        reading.namedLyrics.push_back(NamedLyric{score_.layers.lyrics.size(), index});
    }
    score_.layers.lyrics.push_back(std::move(syllable));
}

void Importer::settleLyricVerses(PartReading& reading) {
    // Named lyric lines ("chorus", "1translation") follow the numbered verses, in order of appearance.
    for (const NamedLyric& named : reading.namedLyrics) {
        const auto verse = std::min<std::size_t>(255, static_cast<std::size_t>(reading.highestVerse) + 1 + named.name);
        score_.layers.lyrics[named.syllable].verse = static_cast<std::uint8_t>(verse);
    }
}

void Importer::readBeam(PartReading& reading, pugi::xml_node beam, const score::Event& event) {
    if (spanNumber(beam) != 1) return;  // secondary beams follow the primary one
    const std::string_view value = textOf(beam);
    auto& beams = reading.beams;
    const auto it = std::find_if(beams.begin(), beams.end(), [&](const OpenBeam& b) { return b.voice == event.voice; });
    const auto close = [&](std::vector<OpenBeam>::iterator at) {
        if (at->beam.events.size() >= 2) score_.layers.notation.beams.push_back(std::move(at->beam));
        beams.erase(at);
    };
    if (value == "begin") {
        if (it != beams.end()) close(it);
        OpenBeam open{};
        open.voice = event.voice;
        open.beam.partId = reading.part->id;
        open.beam.events.push_back(event.id);
        beams.push_back(std::move(open));
    } else if (value == "continue" || value == "end") {
        if (it == beams.end()) {
            warn(beam, joined({"a beam ", value, "s that never began; ignored"}));
            return;
        }
        it->beam.events.push_back(event.id);
        if (value == "end") close(it);
    }
}

}  // namespace mos::formats::musicxml
