#pragma once

// Key tokens of a measure line: "C:" (C major), "f#:" (F# minor), "Bb:" and "bb:" (B-flat major and
// minor), "g;:" (G minor that also sets the key signature), and key-signature tokens "KS-2".

#include <cstdint>
#include <optional>
#include <string_view>

#include "mos/score/Layers.hpp"

namespace mos::formats::romantext {

struct KeyToken {
    score::PitchName tonic{};
    score::Mode mode = score::Mode::Major;  // Major or Minor, by the letter's case
    std::string_view name;                  // as written, without ":" or ";:": "f#", "Bb"
    bool setsSignature = false;             // "g;:"
};

// A key token, or nullopt ("b3", "bVII", "N6" are none). Thread: any. RT-safe: yes.
std::optional<KeyToken> parseKeyToken(std::string_view token) noexcept;

// "?(Bb:" and "?)Bb:", which open and close an optional key that changes no numeral.
// Thread: any. RT-safe: yes.
bool isOptionalKeyToken(std::string_view token) noexcept;

// The sharps (> 0) or flats (< 0) of a "KS3" / "KS-2" token; nullopt for other tokens or beyond
// ±7. Thread: any. RT-safe: yes.
std::optional<std::int8_t> parseKeySignatureToken(std::string_view token) noexcept;

// The key signature of a key: G minor → -2. Thread: any. RT-safe: yes.
std::int8_t signatureOf(const KeyToken& key) noexcept;

}  // namespace mos::formats::romantext
