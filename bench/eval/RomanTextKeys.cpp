#include "RomanTextKeys.hpp"

#include <cctype>
#include <charconv>
#include <string>

namespace mos::eval {
namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// "Bb:" → B-flat major, "c#:" → C-sharp minor; RomanText also writes flats as "-".
std::optional<theory::Key> keyToken(std::string_view token) {
    if (token.size() < 2 || token.back() != ':') return std::nullopt;
    token.remove_suffix(1);
    const char letter = token.front();
    if (std::string_view{"ABCDEFGabcdefg"}.find(letter) == std::string_view::npos) return std::nullopt;
    std::string name(1, static_cast<char>(std::toupper(static_cast<unsigned char>(letter))));
    for (const char c : token.substr(1)) {
        if (c != '#' && c != 'b' && c != '-') return std::nullopt;
        name += c == '#' ? '#' : 'b';
    }
    const auto tonic = theory::NoteName::parse(name);
    if (!tonic) return std::nullopt;
    const bool minor = std::islower(static_cast<unsigned char>(letter)) != 0;
    return theory::Key{*tonic, minor ? theory::Mode::Minor : theory::Mode::Major};
}

}  // namespace

std::vector<AnalysisKey> romanTextKeys(std::string_view text) {
    std::vector<AnalysisKey> keys;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (line.size() < 2 || line[0] != 'm' || !isDigit(line[1]) || line.find('=') != std::string_view::npos)
            continue;
        int measure = 0;
        std::from_chars(line.data() + 1, line.data() + line.size(), measure);
        bool downbeat = true;
        std::size_t at = line.find(' ');
        while (at != std::string_view::npos) {
            const std::size_t begin = line.find_first_not_of(" \t\r", at);
            if (begin == std::string_view::npos) break;
            at = line.find_first_of(" \t\r", begin);
            const std::string_view token = line.substr(begin, at == std::string_view::npos ? at : at - begin);
            if (token.size() > 1 && token[0] == 'b' && isDigit(token[1])) {
                // A beat: "b1" is still the downbeat, "b2", "b1.5" are not.
                downbeat = token == "b1" || token == "b1.0";
            } else if (const auto key = keyToken(token)) {
                keys.push_back({measure, downbeat, *key});
            }
        }
    }
    return keys;
}

std::optional<theory::Key> keyAtDownbeat(const std::vector<AnalysisKey>& keys, int number) noexcept {
    std::optional<theory::Key> key;
    for (const AnalysisKey& k : keys) {
        if (k.measure > number || (k.measure == number && !k.downbeat)) break;
        key = k.key;
    }
    return key;
}

}  // namespace mos::eval
