#pragma once

// The statements of a preprocessed SFZ text: headers ("<region>") and opcodes ("lokey=60"), in
// order, each with the place it was written.
//
//   <group> lovel=1 hivel=64
//   <region> sample=Grand Piano C4.wav key=c4
//     → Header group, Opcode lovel "1", Opcode hivel "64", Header region,
//       Opcode sample "Grand Piano C4.wav", Opcode key "c4"
//
// A value runs to the end of its line, to the next header, or to the blank before the next
// "name=", whichever comes first, and loses the blanks at its end: so a sample path may contain
// spaces (the SFZ rule), and "lokey=60 junk" reads as the value "60 junk", which the opcode refuses.

#include <string>
#include <variant>
#include <vector>

#include "audio/sampler/SfzPreprocessor.hpp"
#include "mos/core/Error.hpp"
#include "mos/core/Result.hpp"

namespace mos::audio::sfz {

struct Header {
    std::string name{};  // without the angle brackets: "region"
    core::SourceLocation where{};
};

struct Opcode {
    std::string name{};
    std::string value{};
    core::SourceLocation where{};       // of the name
    core::SourceLocation valueWhere{};  // of the value's first byte
};

using Statement = std::variant<Header, Opcode>;

// ParseError, at its place, for text that is neither a header nor name=value, or an unclosed '<'.
// Thread: control. RT-safe: no.
core::Result<std::vector<Statement>> parseStatements(const PreprocessedText& text);

}  // namespace mos::audio::sfz
