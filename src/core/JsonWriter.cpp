#include "mos/core/JsonWriter.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "mos/core/Utf8.hpp"

namespace mos::core {

void JsonWriter::key(std::string_view name) {
    beforeValue();
    out_ += '"';
    out_ += name;
    out_ += pretty_ ? "\": " : "\":";
    frames_.back().afterKey = true;
}

void JsonWriter::escapedKey(std::string_view name) {
    beforeValue();
    appendEscaped(name);
    out_ += pretty_ ? ": " : ":";
    frames_.back().afterKey = true;
}

void JsonWriter::string(std::string_view text) {
    beforeValue();
    appendEscaped(text);
}

void JsonWriter::integer(std::int64_t value) {
    beforeValue();
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    out_.append(digits.data(), result.ptr);
}

void JsonWriter::unsignedInteger(std::uint64_t value) {
    beforeValue();
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    out_.append(digits.data(), result.ptr);
}

void JsonWriter::number(double value) {
    if (!std::isfinite(value)) {
        null();  // JSON has no NaN or infinity
        return;
    }
    beforeValue();
    std::array<char, 32> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    const std::string_view text{digits.data(), static_cast<std::size_t>(result.ptr - digits.data())};
    out_ += text;
    if (text.find_first_of(".e") == std::string_view::npos) out_ += ".0";
}

void JsonWriter::boolean(bool value) {
    beforeValue();
    out_ += value ? "true" : "false";
}

void JsonWriter::null() {
    beforeValue();
    out_ += "null";
}

std::string JsonWriter::take() {
    if (pretty_) out_ += '\n';
    std::string text = std::move(out_);
    out_.clear();
    frames_.clear();
    return text;
}

void JsonWriter::begin(char bracket, Layout layout) {
    beforeValue();
    out_ += bracket;
    // A block inside a one-line container would break that line, so it stays on the line too.
    const bool block = pretty_ && layout == Layout::Block && (frames_.empty() || frames_.back().block);
    frames_.push_back({block, true, false});
}

void JsonWriter::end(char bracket) {
    const Frame frame = frames_.back();
    frames_.pop_back();
    if (frame.block && !frame.empty) newLine();
    out_ += bracket;
}

void JsonWriter::beforeValue() {
    if (frames_.empty()) return;
    Frame& frame = frames_.back();
    if (frame.afterKey) {
        frame.afterKey = false;
        return;
    }
    if (!frame.empty) out_ += ',';
    if (frame.block) {
        newLine();
    } else if (pretty_ && !frame.empty) {
        out_ += ' ';
    }
    frame.empty = false;
}

void JsonWriter::newLine() {
    out_ += '\n';
    out_.append(2 * frames_.size(), ' ');
}

void JsonWriter::appendEscaped(std::string_view text) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    out_ += '"';
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8SequenceLength(text, i);
            if (length > 0) {
                i += length - 1;
                continue;
            }
            // Not UTF-8: the replacement character keeps the document readable by every JSON reader.
            out_.append(text, plain, i - plain);
            plain = i + 1;
            out_ += "\xEF\xBF\xBD";
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_.append(text, plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"':
                out_ += "\\\"";
                break;
            case '\\':
                out_ += "\\\\";
                break;
            case '\b':
                out_ += "\\b";
                break;
            case '\f':
                out_ += "\\f";
                break;
            case '\n':
                out_ += "\\n";
                break;
            case '\r':
                out_ += "\\r";
                break;
            case '\t':
                out_ += "\\t";
                break;
            default:
                out_ += "\\u00";
                out_ += kHex[c >> 4U];
                out_ += kHex[c & 0xFU];
                break;
        }
    }
    out_.append(text, plain, text.size() - plain);
    out_ += '"';
}

}  // namespace mos::core
