#pragma once

// The keys of a RomanText analysis (When in Rome's analysis.txt / analysis.rntxt), read just far
// enough for a key-finding evaluation: each key token ("Bb:", "c#:", "E-:") with the measure it
// stands in and whether it applies from the downbeat. Repetition lines ("m5-8 = m1-4") are
// skipped. Not a RomanText parser: chords, beats and everything else are ignored.

#include <optional>
#include <string_view>
#include <vector>

#include "mos/theory/Key.hpp"

namespace mos::eval {

struct AnalysisKey {
    int measure = 0;       // the measure number as the analysis writes it (m1 is 1)
    bool downbeat = true;  // set before any beat after the first
    theory::Key key{};     // lower-case tonic: minor
};

// In the order they appear. Thread: any. RT-safe: no.
std::vector<AnalysisKey> romanTextKeys(std::string_view text);

// The key in force at the downbeat of measure `number`: the last one set before it, or on its
// downbeat; nullopt before the first. Thread: any. RT-safe: yes.
std::optional<theory::Key> keyAtDownbeat(const std::vector<AnalysisKey>& keys, int number) noexcept;

}  // namespace mos::eval
