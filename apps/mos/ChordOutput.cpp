#include "ChordOutput.hpp"

#include <cstdint>
#include <sstream>
#include <vector>

namespace mos::cli {
namespace {

std::vector<int> pitchClassList(std::uint16_t mask) {
    std::vector<int> classes;
    for (int pitchClass = 0; pitchClass < 12; ++pitchClass) {
        if ((mask >> pitchClass & 1U) != 0) classes.push_back(pitchClass);
    }
    return classes;
}

}  // namespace

void writeChordMembers(core::JsonWriter& json, const theory::ChordSymbol& chord) {
    json.key("symbol");
    json.string(chord.toString(theory::ChordStyle::Pop));
    json.key("jazz");
    json.string(chord.toString(theory::ChordStyle::Jazz));
    json.key("no_chord");
    json.boolean(chord.noChord);
    json.key("root");
    if (chord.noChord) {
        json.null();
    } else {
        json.string(chord.root.toString());
    }
    json.key("quality");
    json.string(chord.musicXmlKind());
    json.key("bass");
    if (chord.bass) {
        json.string(chord.bass->toString());
    } else {
        json.null();
    }
    json.key("pitch_classes");
    json.beginArray();
    for (const int pitchClass : pitchClassList(chord.pitchClasses())) json.integer(pitchClass);
    json.endArray();
    json.key("notes");
    json.beginArray();
    for (const theory::Pitch& pitch : chord.spell()) json.string(pitch.toString());
    json.endArray();
    json.key("intervals");
    json.beginArray();
    for (const theory::Interval& interval : chord.intervals()) json.string(interval.toString());
    json.endArray();
}

std::string chordText(const theory::ChordSymbol& chord) {
    std::ostringstream text;
    text << "symbol     " << chord.toString(theory::ChordStyle::Pop) << '\n';
    if (chord.noChord) return text.str();
    text << "jazz       " << chord.toString(theory::ChordStyle::Jazz) << '\n';
    text << "root       " << chord.root.toString() << '\n';
    text << "quality    " << chord.musicXmlKind() << '\n';
    text << "bass       " << (chord.bass ? chord.bass->toString() : chord.root.toString()) << '\n';
    text << "notes     ";
    for (const theory::Pitch& pitch : chord.spell()) text << ' ' << pitch.toString();
    text << "\nintervals ";
    for (const theory::Interval& interval : chord.intervals()) text << ' ' << interval.toString();
    text << '\n';
    return text.str();
}

}  // namespace mos::cli
