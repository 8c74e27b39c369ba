// %%score and %%staves: one pass over the directive, keeping which group is open.

#include "formats/abc/AbcStaffLayout.hpp"

#include <algorithm>
#include <string>

namespace mos::formats::abc {
namespace {

constexpr std::string_view kSyntax = " \t()[]{}|*%";
constexpr std::size_t kMostBracketNesting = 8;

class LayoutParser {
public:
    explicit LayoutParser(std::size_t mostVoices) : mostVoices_{mostVoices} {}

    core::Result<StaffLayout> parse(std::string_view text) {
        for (std::size_t i = 0; i < text.size() && text[i] != '%';) {
            const char c = text[i];
            if (kSyntax.find(c) == std::string_view::npos) {
                const std::size_t end = std::min(text.find_first_of(kSyntax, i), text.size());
                if (!voice(text.substr(i, end - i))) return failure();
                i = end;
                continue;
            }
            if (!symbol(c)) return failure();
            ++i;
        }
        if (inStaff_) return fail("'(' is not closed");
        if (inBrace_) return fail("'{' is not closed");
        if (brackets_ > 0) return fail("'[' is not closed");
        if (layout_.places.empty()) return fail("it names no voice");
        return std::move(layout_);
    }

private:
    core::Result<StaffLayout> fail(std::string why) { return core::fail(core::ErrorCode::ParseError, std::move(why)); }
    core::Result<StaffLayout> failure() { return fail(std::move(why_)); }

    bool symbol(char c) {
        switch (c) {
            case '(':
                if (inStaff_) return reject("'(' inside '(…)'");
                inStaff_ = true;
                staffOpen_ = false;  // made by its first voice, so "()" makes none
                return true;
            case ')':
                if (!inStaff_) return reject("')' closes no '('");
                inStaff_ = false;
                return true;
            case '{':
                if (inBrace_ || inStaff_) return reject("'{' inside '{…}' or '(…)'");
                inBrace_ = true;
                braceOpen_ = false;
                return true;
            case '}':
                if (!inBrace_ || inStaff_) return reject("'}' closes no '{'");
                inBrace_ = false;
                return true;
            case '[':
                if (inStaff_ || brackets_ == kMostBracketNesting) return reject("'[' inside '(…)' or nested too deep");
                ++brackets_;
                return true;
            case ']':
                if (brackets_ == 0 || inStaff_) return reject("']' closes no '['");
                --brackets_;
                return true;
            case '*':
                floating_ = true;
                return true;
            default:  // blanks and '|', which only say where bar lines are drawn
                return true;
        }
    }

    bool voice(std::string_view id) {
        if (layout_.find(id) != nullptr) return reject("the voice " + std::string{id} + " is listed twice");
        if (layout_.places.size() == mostVoices_) return reject("more than " + std::to_string(mostVoices_) + " voices");
        const bool sameStaff = (inStaff_ && staffOpen_) || (floating_ && !layout_.places.empty());
        floating_ = false;
        if (!sameStaff) {
            if (!inBrace_ || !braceOpen_) {
                layout_.stavesPerPart.push_back(0);
                layout_.voicesPerPart.push_back(0);
                braceOpen_ = inBrace_;
            }
            ++layout_.stavesPerPart.back();
            staffOpen_ = inStaff_;
        }
        const auto part = static_cast<std::uint8_t>(layout_.stavesPerPart.size() - 1);
        const std::uint8_t number = ++layout_.voicesPerPart.back();
        layout_.places.push_back({id, part, layout_.stavesPerPart.back(), number});
        return true;
    }

    bool reject(std::string why) {
        why_ = std::move(why);
        return false;
    }

    std::size_t mostVoices_;
    StaffLayout layout_;
    std::string why_;
    std::size_t brackets_ = 0;
    bool inStaff_ = false;    // inside (…)
    bool staffOpen_ = false;  // and its staff is made
    bool inBrace_ = false;    // inside {…}
    bool braceOpen_ = false;  // and its part is made
    bool floating_ = false;   // a '*' waits for its voice
};

}  // namespace

const StaffLayout::Place* StaffLayout::find(std::string_view voice) const noexcept {
    const auto found = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.voice == voice; });
    return found == places.end() ? nullptr : &*found;
}

core::Result<StaffLayout> parseStaffLayout(std::string_view text, std::size_t mostVoices) {
    return LayoutParser{mostVoices}.parse(text);
}

}  // namespace mos::formats::abc
