#pragma once

// How `mos chord` and `mos roman` show a chord: its structure as JSON members and as lines for
// people.

#include <string>

#include "mos/core/JsonWriter.hpp"
#include "mos/theory/ChordSymbol.hpp"

namespace mos::cli {

// The members of a chord object: symbol (pop style), jazz, root, quality (the MusicXML kind), bass
// (null for root position), pitch_classes (0 = C), notes (spelled, bass first), intervals.
// Thread: main. RT-safe: no.
void writeChordMembers(core::JsonWriter& json, const theory::ChordSymbol& chord);

// "symbol  C7b9/E", "root  C", … one aligned line each. Thread: main. RT-safe: no.
std::string chordText(const theory::ChordSymbol& chord);

}  // namespace mos::cli
