#include "mos/core/JsonLocator.hpp"

#include <charconv>
#include <limits>
#include <system_error>

#include "mos/core/Utf8.hpp"

namespace mos::core {

namespace {

constexpr int kMaxDepth = 1024;  // simdjson's default

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

// Whether a JSON number (its syntax already checked) is below 1 in magnitude: the power of ten of its
// first significant digit plus its exponent is negative. Asked only of numbers a double cannot
// hold, where it tells underflow from overflow.
bool belowOne(std::string_view number) noexcept {
    constexpr std::int64_t kFar = 1'000'000;  // beyond any double's exponent, so no overflow below
    std::int64_t digitsBeforePoint = 0;
    std::int64_t firstSignificant = -1;  // its index among all the mantissa's digits
    std::int64_t digits = 0;
    bool afterPoint = false;
    std::size_t i = 0;
    for (; i < number.size() && number[i] != 'e' && number[i] != 'E'; ++i) {
        if (number[i] == '.') {
            afterPoint = true;
        } else if (isDigit(number[i])) {
            if (firstSignificant < 0 && number[i] != '0') firstSignificant = digits;
            ++digits;
            if (!afterPoint) ++digitsBeforePoint;
        }
    }
    if (firstSignificant < 0) return true;  // zero
    std::int64_t exponent = 0;
    bool negative = false;
    for (++i; i < number.size(); ++i) {
        if (number[i] == '-') negative = true;
        if (isDigit(number[i]) && exponent < kFar) exponent = exponent * 10 + (number[i] - '0');
    }
    return digitsBeforePoint - 1 - firstSignificant + (negative ? -exponent : exponent) < 0;
}

int hexValue(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, std::uint32_t codePoint) {
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0U | (codePoint >> 6U));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0U | (codePoint >> 12U));
        out += static_cast<char>(0x80U | ((codePoint >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (codePoint >> 18U));
        out += static_cast<char>(0x80U | ((codePoint >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((codePoint >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    }
}

// A strict recursive-descent JSON scanner. Every function returns false with `at` on the offending
// byte when the text is not JSON.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_{text} {}

    std::size_t at = 0;

    void skipSpace() noexcept {
        while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t' || text_[at] == '\n' || text_[at] == '\r')) {
            ++at;
        }
    }
    bool atEnd() const noexcept { return at >= text_.size(); }
    char peek() const noexcept { return atEnd() ? '\0' : text_[at]; }
    bool consume(char c) noexcept {
        if (peek() != c) return false;
        ++at;
        return true;
    }

    // A whole value; `depth` counts the containers it sits in.
    bool value(int depth) {
        switch (peek()) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string(nullptr);
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    // A string, unescaped into `out` when given.
    bool string(std::string* out) {
        if (!consume('"')) return false;
        while (true) {
            if (atEnd()) return false;
            const auto c = static_cast<unsigned char>(text_[at]);
            if (c == '"') {
                ++at;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                if (!escape(out)) return false;
                continue;
            }
            const std::size_t length = c < 0x80 ? 1 : utf8SequenceLength(text_, at);
            if (length == 0) return false;
            if (out != nullptr) out->append(text_, at, length);
            at += length;
        }
    }

    // Inside an object after '{' (and space): calls member(name) with `at` on each member's value;
    // member must leave `at` after that value. Returns false on a syntax error or when member does.
    template <typename Member>
    bool members(int depth, Member&& member) {
        if (depth > kMaxDepth) return false;
        skipSpace();
        if (consume('}')) return true;
        while (true) {
            skipSpace();
            std::string name;
            if (!string(&name)) return false;
            skipSpace();
            if (!consume(':')) return false;
            skipSpace();
            if (!member(name)) return false;
            skipSpace();
            if (consume('}')) return true;
            if (!consume(',')) return false;
        }
    }

    template <typename Element>
    bool elements(int depth, Element&& element) {
        if (depth > kMaxDepth) return false;
        skipSpace();
        if (consume(']')) return true;
        for (std::size_t index = 0;; ++index) {
            skipSpace();
            if (!element(index)) return false;
            skipSpace();
            if (consume(']')) return true;
            if (!consume(',')) return false;
        }
    }

private:
    bool object(int depth) {
        ++at;
        return members(depth, [&](const std::string&) { return value(depth); });
    }

    bool array(int depth) {
        ++at;
        return elements(depth, [&](std::size_t) { return value(depth); });
    }

    bool literal(std::string_view word) noexcept {
        for (const char c : word) {
            if (!consume(c)) return false;
        }
        return true;
    }

    bool number() {
        const std::size_t begin = at;
        consume('-');
        if (consume('0')) {
            if (isDigit(peek())) return false;
        } else {
            if (!isDigit(peek())) return false;
            while (isDigit(peek())) ++at;
        }
        bool integral = true;
        if (consume('.')) {
            integral = false;
            if (!isDigit(peek())) return false;
            while (isDigit(peek())) ++at;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            ++at;
            if (!consume('+')) consume('-');
            if (!isDigit(peek())) return false;
            while (isDigit(peek())) ++at;
        }
        const char* first = text_.data() + begin;
        const char* last = text_.data() + at;
        bool fits = false;
        if (integral && *first == '-') {
            std::int64_t value = 0;
            fits = std::from_chars(first, last, value).ec == std::errc{};
        } else if (integral) {
            std::uint64_t value = 0;
            fits = std::from_chars(first, last, value).ec == std::errc{};
        } else {
            // Underflow to zero is fine (simdjson reads 1e-400 as 0); overflow is not. (from_chars
            // leaves the value alone when it is out of range, so the text tells which it was.)
            double value = 0;
            const auto result = std::from_chars(first, last, value);
            fits = result.ec == std::errc{} || (result.ec == std::errc::result_out_of_range &&
                                                belowOne({first, static_cast<std::size_t>(last - first)}));
        }
        if (!fits) at = begin;
        return fits;
    }

    bool escape(std::string* out) {
        ++at;  // the backslash
        const char c = peek();
        ++at;
        switch (c) {
            case '"':
            case '\\':
            case '/':
                if (out != nullptr) *out += c;
                return true;
            case 'b':
                if (out != nullptr) *out += '\b';
                return true;
            case 'f':
                if (out != nullptr) *out += '\f';
                return true;
            case 'n':
                if (out != nullptr) *out += '\n';
                return true;
            case 'r':
                if (out != nullptr) *out += '\r';
                return true;
            case 't':
                if (out != nullptr) *out += '\t';
                return true;
            case 'u':
                break;
            default:
                --at;
                return false;
        }
        const auto high = hex4();
        if (!high) return false;
        std::uint32_t codePoint = *high;
        if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) return false;
        if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
            if (!consume('\\') || !consume('u')) return false;
            const auto low = hex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
            codePoint = 0x10000 + ((codePoint - 0xD800) << 10U) + (*low - 0xDC00);
        }
        if (out != nullptr) appendUtf8(*out, codePoint);
        return true;
    }

    std::optional<std::uint32_t> hex4() noexcept {
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(peek());
            if (digit < 0) return std::nullopt;
            value = value * 16 + static_cast<std::uint32_t>(digit);
            ++at;
        }
        return value;
    }

    std::string_view text_;
};

}  // namespace

std::string formatJsonPath(std::span<const JsonPathStep> path) {
    if (path.empty()) return "(document)";
    std::string text;
    for (const JsonPathStep& step : path) {
        if (step.isIndex) {
            text += '[';
            text += std::to_string(step.index);
            text += ']';
        } else {
            if (!text.empty()) text += '.';
            text += step.key;
        }
    }
    return text;
}

std::optional<std::size_t> findJsonSyntaxError(std::string_view text) {
    Scanner scanner{text};
    scanner.skipSpace();
    if (!scanner.value(0)) return scanner.at;
    scanner.skipSpace();
    if (!scanner.atEnd()) return scanner.at;
    return std::nullopt;
}

std::optional<std::size_t> locateJsonValue(std::string_view text, std::span<const JsonPathStep> path) {
    Scanner scanner{text};
    scanner.skipSpace();
    int depth = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const JsonPathStep& step = path[i];
        const bool last = i + 1 == path.size();
        std::optional<std::size_t> found;
        // Stop the walk (by "failing") once the step is found, unless it is the last step, where
        // a later member of the same name wins.
        if (step.isIndex) {
            if (!scanner.consume('[')) return std::nullopt;
            ++depth;
            scanner.elements(depth, [&](std::size_t index) {
                if (index == step.index) {
                    found = scanner.at;
                    return false;
                }
                return scanner.value(depth);
            });
        } else {
            if (!scanner.consume('{')) return std::nullopt;
            ++depth;
            scanner.members(depth, [&](const std::string& name) {
                if (name == step.key) {
                    found = scanner.at;
                    if (!last) return false;
                }
                return scanner.value(depth);
            });
        }
        if (!found) return std::nullopt;
        scanner.at = *found;
    }
    return scanner.at;
}

std::vector<std::size_t> locateJsonArrayElements(std::string_view text, std::span<const JsonPathStep> path) {
    std::vector<std::size_t> starts;
    const auto array = locateJsonValue(text, path);
    if (!array) return starts;
    Scanner scanner{text};
    scanner.at = *array;
    if (!scanner.consume('[')) return starts;
    const int depth = static_cast<int>(path.size()) + 1;
    scanner.elements(depth, [&](std::size_t) {
        starts.push_back(scanner.at);
        return scanner.value(depth);
    });
    return starts;
}

std::vector<LineColumn> lineColumnsOf(std::string_view text, std::span<const std::size_t> ascendingOffsets) {
    std::vector<LineColumn> places;
    places.reserve(ascendingOffsets.size());
    LineColumn place;
    std::size_t i = 0;
    for (const std::size_t offset : ascendingOffsets) {
        const std::size_t end = offset < text.size() ? offset : text.size();
        for (; i < end; ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c == '\n') {
                ++place.line;
                place.column = 1;
            } else if ((c & 0xC0U) != 0x80U) {
                ++place.column;
            }
        }
        places.push_back(place);
    }
    return places;
}

LineColumn lineColumnOf(std::string_view text, std::size_t offset) {
    return lineColumnsOf(text, std::span{&offset, 1}).front();
}

}  // namespace mos::core
