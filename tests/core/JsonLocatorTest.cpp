#include "mos/core/JsonLocator.hpp"

#include <optional>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

JsonPathStep member(std::string_view name) { return JsonPathStep{name}; }
JsonPathStep element(std::size_t index) { return JsonPathStep{{}, index, true}; }

TEST(JsonLocatorTest, FormatsPathsAsTheyReadInMessages) {
    const std::vector<JsonPathStep> path{member("parts"), element(2), member("events"), element(14),
                                         member("duration")};
    EXPECT_EQ(formatJsonPath(path), "parts[2].events[14].duration");
    EXPECT_EQ(formatJsonPath({}), "(document)");
    EXPECT_EQ(formatJsonPath(std::vector{element(0)}), "[0]");
}

TEST(JsonLocatorTest, FindsNoSyntaxErrorInJson) {
    for (const std::string_view text :
         {R"({"a": [1, -2.5e3, true, false, null, "\u00e9\ud834\udd1e\n"], "b": {}})", " 0 ", "[]", "\"é\"",
          "18446744073709551615", "-9223372036854775808", "1e-400", "-12000e-330", "0.0e99999", "1.5e308"}) {
        EXPECT_EQ(findJsonSyntaxError(text), std::nullopt) << text;
    }
}

TEST(JsonLocatorTest, FindsTheFirstByteThatIsNotJson) {
    EXPECT_EQ(findJsonSyntaxError(R"({"version": "1.0", "events": [)"), 30U);  // cut short: the end
    EXPECT_EQ(findJsonSyntaxError(R"({"a": 1,})"), 8U);                        // trailing comma
    EXPECT_EQ(findJsonSyntaxError(R"({"a": 01})"), 7U);                        // leading zero
    EXPECT_EQ(findJsonSyntaxError(R"([1e400])"), 1U);                          // beyond a double
    EXPECT_EQ(findJsonSyntaxError(R"([-0.002e311])"), 1U);
    EXPECT_EQ(findJsonSyntaxError(R"([18446744073709551616])"), 1U);  // beyond 64 bits
    EXPECT_EQ(findJsonSyntaxError("[\"a\xFF\"]"), 3U);                // not UTF-8
    EXPECT_EQ(findJsonSyntaxError(R"(["\ud834"])"), 8U);              // a lone surrogate
    EXPECT_EQ(findJsonSyntaxError("{} x"), 3U);                       // trailing text
    EXPECT_EQ(findJsonSyntaxError(""), 0U);
    EXPECT_EQ(findJsonSyntaxError(std::string(1025, '[') + std::string(1025, ']')), 1025U);  // too deep
    EXPECT_EQ(findJsonSyntaxError(std::string(1024, '[') + std::string(1024, ']')), std::nullopt);
}

TEST(JsonLocatorTest, LocatesTheValueAPathNames) {
    const std::string_view text = "{\n  \"parts\": [1, \"x\"],\n  \"a\": {\"b\": 2, \"b\": 3}\n}";
    EXPECT_EQ(locateJsonValue(text, std::vector{member("parts"), element(1)}), 17U);
    EXPECT_EQ(locateJsonValue(text, std::vector{member("parts")}), 13U);
    EXPECT_EQ(locateJsonValue(text, {}), 0U);
    // A member given twice: the last one, the one a reader that keeps one would keep.
    EXPECT_EQ(locateJsonValue(text, std::vector{member("a"), member("b")}), 44U);
    EXPECT_EQ(locateJsonValue(text, std::vector{member("parts"), element(2)}), std::nullopt);
    EXPECT_EQ(locateJsonValue(text, std::vector{member("nothing")}), std::nullopt);
    EXPECT_EQ(locateJsonValue(text, std::vector{member("parts"), member("x")}), std::nullopt);
}

TEST(JsonLocatorTest, CountsLinesAndCharactersNotBytes) {
    const std::string_view text = "{\n  \"é♩\": [1, \"x\"]\n}";
    const LineColumn start = lineColumnOf(text, 0);
    EXPECT_EQ(start.line, 1);
    EXPECT_EQ(start.column, 1);
    const LineColumn x = lineColumnOf(text, text.find("\"x\""));
    EXPECT_EQ(x.line, 2);
    EXPECT_EQ(x.column, 13);  // é and ♩ are one column each
    const LineColumn end = lineColumnOf(text, 1000);
    EXPECT_EQ(end.line, 3);
    EXPECT_EQ(end.column, 2);
}

TEST(JsonLocatorTest, LocatesEveryElementOfAnArrayInOneWalk) {
    const std::string_view text = "{\"a\": 1, \"events\": [{\"x\": [1, 2]}, 7,\n  \"s\"], \"z\": []}";
    EXPECT_EQ(locateJsonArrayElements(text, std::vector{member("events")}),
              (std::vector<std::size_t>{text.find("{\"x"), text.find('7'), text.find("\"s\"")}));
    EXPECT_EQ(locateJsonArrayElements(text, std::vector{member("z")}), std::vector<std::size_t>{});
    EXPECT_EQ(locateJsonArrayElements(text, std::vector{member("a")}), std::vector<std::size_t>{});  // no array
    EXPECT_EQ(locateJsonArrayElements(text, std::vector{member("none")}), std::vector<std::size_t>{});
    EXPECT_EQ(locateJsonArrayElements("[[0, 1], [2]]", std::vector{element(0)}), (std::vector<std::size_t>{2, 5}));
}

TEST(JsonLocatorTest, PlacesManyOffsetsInOneWalk) {
    const std::string_view text = "{\n  \"é♩\": [1, \"x\"]\n}";
    const std::vector<std::size_t> offsets{0, text.find("\"x\""), text.find("\"x\""), 1000};
    const std::vector<LineColumn> places = lineColumnsOf(text, offsets);
    ASSERT_EQ(places.size(), 4U);
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        EXPECT_EQ(places[i].line, lineColumnOf(text, offsets[i]).line);
        EXPECT_EQ(places[i].column, lineColumnOf(text, offsets[i]).column);
    }
    EXPECT_EQ(places[1].column, 13);
}

}  // namespace
}  // namespace mos::core
