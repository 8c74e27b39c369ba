#pragma once

// A small streaming JSON writer. The JSON library MOS reads with (simdjson) cannot write, and a
// writer that appends straight into one string is what makes UMF's canonical form cheap to hash.
//
// Compact output has no whitespace at all. Pretty output breaks a container opened as
// Layout::Block into one member per line (indented by two spaces) and writes a Layout::Line
// container on one line with a space after each ',' and ':', so a score reads one measure, one
// event or one layer entry per line.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mos::score::umf {

class JsonWriter {
public:
    enum class Layout { Block, Line };

    // Thread: any (one writer per thread). RT-safe: no.
    explicit JsonWriter(bool pretty) : pretty_{pretty} {}

    void beginObject(Layout layout = Layout::Line) { begin('{', layout); }
    void endObject() { end('}'); }
    void beginArray(Layout layout = Layout::Line) { begin('[', layout); }
    void endArray() { end(']'); }

    // An object member's name that needs no escaping (UMF's own field names).
    void key(std::string_view name);
    // An object member's name given by the document (an extension's name).
    void escapedKey(std::string_view name);

    void string(std::string_view text);
    void integer(std::int64_t value);
    void unsignedInteger(std::uint64_t value);
    // Shortest text that reads back as the same double; ".0" added to an integral value so that it
    // reads back as a double again.
    void number(double value);
    void boolean(bool value);
    void null();
    // JSON text written by another writer, inserted as one value.
    void raw(std::string_view json) {
        beforeValue();
        out_ += json;
    }
    // A string whose content `append` writes straight into the output and needs no escaping
    // ("3/8", "C#4").
    template <typename Append>
    void quoted(Append&& append) {
        beforeValue();
        out_ += '"';
        append(out_);
        out_ += '"';
    }

    // The text written so far, ending in a newline when pretty. Thread: any. RT-safe: no.
    std::string take();

private:
    struct Frame {
        bool block = false;
        bool empty = true;
        bool afterKey = false;
    };

    void begin(char bracket, Layout layout);
    void end(char bracket);
    void beforeValue();
    void newLine();
    void appendEscaped(std::string_view text);

    std::string out_;
    std::vector<Frame> frames_;
    bool pretty_;
};

}  // namespace mos::score::umf
