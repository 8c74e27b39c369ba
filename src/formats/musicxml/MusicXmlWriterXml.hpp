#pragma once

// A small streaming XML writer for the MusicXML writer: elements, attributes and text appended to
// a string with two-space indentation. Text and attribute values are escaped, and whatever is not
// valid UTF-8 or not allowed in XML 1.0 (control characters, U+FFFE) is replaced or dropped, so the
// output is well-formed whatever the score's strings hold.
//
//   XmlStream xml{out};
//   xml.open("note"); xml.attribute("print-object", "no");
//   xml.leaf("duration", 2);
//   xml.close();                    ->  <note print-object="no">\n  <duration>2</duration>\n</note>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mos::formats::musicxml_writer {

class XmlStream {
public:
    // Appends to `out`, which must outlive the stream. Thread: any. RT-safe: no.
    explicit XmlStream(std::string& out) : out_{out} {}

    // Appends text as it is (a declaration or DOCTYPE line). Thread: any. RT-safe: no.
    void raw(std::string_view text);

    // Starts an element; attributes may follow until its first child or text.
    // `name` must outlive the element (element names are string literals). Thread: any. RT-safe: no.
    void open(std::string_view name);
    // Starts an element that is written only if something is written inside it (a <notations> that
    // may turn out empty). It takes no attributes. Thread: any. RT-safe: no.
    void openLazy(std::string_view name);
    // Ends the innermost element. Thread: any. RT-safe: no.
    void close();

    // Attributes of the element just opened. Thread: any. RT-safe: no.
    void attribute(std::string_view name, std::string_view value);
    void attribute(std::string_view name, std::int64_t value);

    // Escaped character data, or a number as text. Thread: any. RT-safe: no.
    void text(std::string_view value);
    void text(std::int64_t value);

    // <name>text</name>, <name>value</name> and <name/>. Thread: any. RT-safe: no.
    void leaf(std::string_view name, std::string_view text);
    void leaf(std::string_view name, std::int64_t value);
    void empty(std::string_view name);

private:
    struct Element {
        std::string_view name;
        bool written = false;      // false only for a lazy element nothing was written into yet
        bool hasChildren = false;  // so its end tag goes on its own line
    };

    // Writes the start tags of pending lazy elements and ends an open start tag, before content.
    void prepareContent();
    void newLine(std::size_t depth);

    std::string& out_;
    std::vector<Element> stack_;
    bool startTagOpen_ = false;
};

// Appends `value` escaped for XML text (or, with `inAttribute`, for a double-quoted attribute),
// replacing invalid UTF-8 by U+FFFD and dropping characters XML 1.0 forbids. Thread: any. RT-safe: no.
void appendEscaped(std::string& out, std::string_view value, bool inAttribute);

}  // namespace mos::formats::musicxml_writer
