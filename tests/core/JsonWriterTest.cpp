#include "mos/core/JsonWriter.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

using Layout = JsonWriter::Layout;

TEST(JsonWriterTest, CompactOutputHasNoWhitespace) {
    JsonWriter json{false};
    json.beginObject(Layout::Block);
    json.key("title");
    json.string("Air");
    json.key("parts");
    json.integer(2);
    json.key("tags");
    json.beginArray(Layout::Block);
    json.boolean(true);
    json.null();
    json.unsignedInteger(std::numeric_limits<std::uint64_t>::max());
    json.endArray();
    json.key("empty");
    json.beginObject();
    json.endObject();
    json.endObject();
    EXPECT_EQ(json.take(), R"({"title":"Air","parts":2,"tags":[true,null,18446744073709551615],"empty":{}})");
}

TEST(JsonWriterTest, PrettyOutputPutsBlockMembersOnTheirOwnLinesAndLinesOnOne) {
    JsonWriter json{true};
    json.beginObject(Layout::Block);
    json.key("version");
    json.string("1.0");
    json.key("events");
    json.beginArray(Layout::Block);
    json.beginObject(Layout::Line);
    json.key("tick");
    json.integer(0);
    json.key("data");
    json.beginObject(Layout::Block);  // inside a one-line container, so it stays on the line
    json.key("bpm");
    json.number(90);
    json.endObject();
    json.endObject();
    json.beginArray(Layout::Block);
    json.endArray();
    json.endArray();
    json.endObject();
    EXPECT_EQ(json.take(),
              "{\n"
              "  \"version\": \"1.0\",\n"
              "  \"events\": [\n"
              "    {\"tick\": 0, \"data\": {\"bpm\": 90.0}},\n"
              "    []\n"
              "  ]\n"
              "}\n");
}

TEST(JsonWriterTest, NumbersReadBackAsTheSameDoubleAndNonFiniteOnesAsNull) {
    JsonWriter json{false};
    json.beginArray();
    json.number(12.5);
    json.number(3);
    json.number(0.1);
    json.number(-1e300);
    json.number(std::numeric_limits<double>::quiet_NaN());
    json.number(std::numeric_limits<double>::infinity());
    json.integer(std::numeric_limits<std::int64_t>::min());
    json.endArray();
    EXPECT_EQ(json.take(), "[12.5,3.0,0.1,-1e+300,null,null,-9223372036854775808]");
}

TEST(JsonWriterTest, StringsAndKeysAreEscapedAndBrokenUtf8IsReplaced) {
    JsonWriter json{false};
    json.beginObject();
    json.escapedKey("a\"b");
    json.string("tab\there\nquote\" back\\ bell\x07 é ♩ 𝄞");
    json.escapedKey("bytes");
    json.string(
        "a\xFF"
        "b\xC3"
        "c\xED\xA0\x80");  // a stray byte, a cut sequence, a surrogate
    json.endObject();
    EXPECT_EQ(json.take(),
              "{\"a\\\"b\":\"tab\\there\\nquote\\\" back\\\\ bell\\u0007 é ♩ 𝄞\","
              "\"bytes\":\"a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"}");
}

TEST(JsonWriterTest, RawAndQuotedValuesAreInsertedAsTheyAre) {
    JsonWriter json{false};
    json.beginArray();
    json.raw(R"({"x":[1,2]})");
    json.quoted([](std::string& out) { out += "3/8"; });
    json.endArray();
    EXPECT_EQ(json.take(), R"([{"x":[1,2]},"3/8"])");
}

TEST(JsonWriterTest, TakeLeavesAnEmptyWriterForTheNextDocument) {
    JsonWriter json{false};
    json.beginObject();
    json.key("n");
    json.integer(1);
    json.endObject();
    EXPECT_EQ(json.take(), R"({"n":1})");
    json.beginArray();
    json.endArray();
    EXPECT_EQ(json.take(), "[]");
}

}  // namespace
}  // namespace mos::core
