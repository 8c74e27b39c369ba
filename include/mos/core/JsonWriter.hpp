#pragma once

// MOS writes all of its JSON with this one streaming writer: UMF documents, Hermes timelines and
// the `mos --json` lines. MOS reads JSON with simdjson (chosen by bench/score/UmfJsonBench.cpp),
// which cannot write, and a writer that appends straight into one string is also what makes UMF's
// canonical form cheap to hash.
//
// Output is always valid JSON: strings are escaped, bytes that are not UTF-8 become U+FFFD, and a
// number that is not finite is written as null. The caller keeps the structure right (a value
// after each key, every container closed).
//
// Compact output has no whitespace at all. Pretty output breaks a container opened as
// Layout::Block into one member per line (indented by two spaces) and writes a Layout::Line
// container on one line with a space after each ',' and ':', so a score reads one measure, one
// event or one layer entry per line.
//
//   JsonWriter json{false};
//   json.beginObject();
//   json.key("name");
//   json.string("Am7");
//   json.endObject();
//   json.take()  -> {"name":"Am7"}

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mos::core {

class JsonWriter {
public:
    enum class Layout { Block, Line };

    // A writer of compact or pretty JSON. One writer belongs to one thread at a time.
    // Thread: any. RT-safe: no.
    explicit JsonWriter(bool pretty) : pretty_{pretty} {}

    // Opens an object; its members follow as key() or escapedKey() and a value each.
    // Thread: any. RT-safe: no.
    void beginObject(Layout layout = Layout::Line) { begin('{', layout); }
    // Closes the innermost object. Thread: any. RT-safe: no.
    void endObject() { end('}'); }
    // Opens an array. Thread: any. RT-safe: no.
    void beginArray(Layout layout = Layout::Line) { begin('[', layout); }
    // Closes the innermost array. Thread: any. RT-safe: no.
    void endArray() { end(']'); }

    // An object member's name that needs no escaping: a constant of the caller's ("title").
    // Thread: any. RT-safe: no.
    void key(std::string_view name);
    // An object member's name from data (an extension's name, a copied member), escaped.
    // Thread: any. RT-safe: no.
    void escapedKey(std::string_view name);

    // A string value, escaped. Thread: any. RT-safe: no.
    void string(std::string_view text);
    // Thread: any. RT-safe: no.
    void integer(std::int64_t value);
    // Thread: any. RT-safe: no.
    void unsignedInteger(std::uint64_t value);
    // The shortest text that reads back as the same double, with ".0" added to an integral value
    // so that it reads back as a double again; null when the value is not finite.
    // Thread: any. RT-safe: no.
    void number(double value);
    // Thread: any. RT-safe: no.
    void boolean(bool value);
    // Thread: any. RT-safe: no.
    void null();
    // JSON text written by another writer (or serialised by the reader), inserted as one value.
    // Thread: any. RT-safe: no.
    void raw(std::string_view json) {
        beforeValue();
        out_ += json;
    }
    // A string whose content `append` writes straight into the output and needs no escaping
    // ("3/8", "C#4"). Thread: any. RT-safe: no.
    template <typename Append>
    void quoted(Append&& append) {
        beforeValue();
        out_ += '"';
        append(out_);
        out_ += '"';
    }

    // The text written so far, ending in a newline when pretty; the writer is empty afterwards.
    // Thread: any. RT-safe: no.
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

}  // namespace mos::core
