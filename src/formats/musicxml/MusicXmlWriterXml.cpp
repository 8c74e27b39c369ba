#include "formats/musicxml/MusicXmlWriterXml.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>

#include "mos/core/Utf8.hpp"

namespace mos::formats::musicxml_writer {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void appendInteger(std::string& out, std::int64_t value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr);
}

// U+FFFE and U+FFFF are UTF-8 (EF BF BE, EF BF BF) but not characters XML may hold.
bool isXmlNonCharacter(std::string_view text, std::size_t at, std::size_t length) {
    return length == 3 && text.substr(at, 2) == "\xEF\xBF" && (text[at + 2] == '\xBE' || text[at + 2] == '\xBF');
}

}  // namespace

void appendEscaped(std::string& out, std::string_view value, bool inAttribute) {
    std::size_t plainFrom = 0;  // start of the run of bytes copied as they are
    const auto flush = [&](std::size_t to) { out.append(value.substr(plainFrom, to - plainFrom)); };
    std::size_t i = 0;
    while (i < value.size()) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x80) {
            // A byte that starts no UTF-8 sequence becomes one replacement character, and so does
            // a whole non-character.
            const std::size_t length = core::utf8SequenceLength(value, i);
            if (length == 0 || isXmlNonCharacter(value, i, length)) {
                flush(i);
                out.append(kReplacement);
                i += std::max<std::size_t>(length, 1);
                plainFrom = i;
            } else {
                i += length;
            }
            continue;
        }
        std::string_view escape;
        bool drop = false;
        switch (c) {
            case '&':
                escape = "&amp;";
                break;
            case '<':
                escape = "&lt;";
                break;
            case '>':
                escape = "&gt;";
                break;
            case '"':
                escape = inAttribute ? "&quot;" : "";
                break;
            case '\r':
                escape = "&#13;";
                break;
            case '\n':
                escape = inAttribute ? "&#10;" : "";
                break;
            case '\t':
                escape = inAttribute ? "&#9;" : "";
                break;
            default:
                drop = c < 0x20;
                break;
        }
        if (!escape.empty() || drop) {
            flush(i);
            out.append(escape);
            plainFrom = i + 1;
        }
        ++i;
    }
    flush(value.size());
}

void XmlStream::raw(std::string_view text) { out_.append(text); }

void XmlStream::newLine(std::size_t depth) {
    out_.push_back('\n');
    out_.append(2 * depth, ' ');
}

void XmlStream::prepareContent() {
    for (std::size_t depth = 0; depth < stack_.size(); ++depth) {
        Element& element = stack_[depth];
        if (element.written) continue;
        if (startTagOpen_) out_.push_back('>');
        if (depth > 0) stack_[depth - 1].hasChildren = true;
        newLine(depth);
        out_.push_back('<');
        out_.append(element.name);
        element.written = true;
        startTagOpen_ = true;
    }
    if (startTagOpen_) {
        out_.push_back('>');
        startTagOpen_ = false;
    }
}

void XmlStream::open(std::string_view name) {
    prepareContent();
    if (!stack_.empty()) stack_.back().hasChildren = true;
    if (!out_.empty()) newLine(stack_.size());
    out_.push_back('<');
    out_.append(name);
    stack_.push_back({name, true, false});
    startTagOpen_ = true;
}

void XmlStream::openLazy(std::string_view name) { stack_.push_back({name, false, false}); }

void XmlStream::close() {
    assert(!stack_.empty());
    const Element element = stack_.back();
    stack_.pop_back();
    if (!element.written) return;
    if (startTagOpen_) {
        out_.append("/>");
        startTagOpen_ = false;
        return;
    }
    if (element.hasChildren) newLine(stack_.size());
    out_.append("</");
    out_.append(element.name);
    out_.push_back('>');
}

void XmlStream::attribute(std::string_view name, std::string_view value) {
    assert(startTagOpen_);
    out_.push_back(' ');
    out_.append(name);
    out_.append("=\"");
    appendEscaped(out_, value, true);
    out_.push_back('"');
}

void XmlStream::attribute(std::string_view name, std::int64_t value) {
    assert(startTagOpen_);
    out_.push_back(' ');
    out_.append(name);
    out_.append("=\"");
    appendInteger(out_, value);
    out_.push_back('"');
}

void XmlStream::text(std::string_view value) {
    prepareContent();
    appendEscaped(out_, value, false);
}

void XmlStream::leaf(std::string_view name, std::string_view text) {
    open(name);
    if (!text.empty()) this->text(text);
    close();
}

void XmlStream::text(std::int64_t value) {
    prepareContent();
    appendInteger(out_, value);
}

void XmlStream::leaf(std::string_view name, std::int64_t value) {
    open(name);
    text(value);
    close();
}

void XmlStream::empty(std::string_view name) {
    open(name);
    close();
}

}  // namespace mos::formats::musicxml_writer
