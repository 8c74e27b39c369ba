#pragma once

// The chord symbols of the jazz-standards corpus (../shared/corpora/jazz-standards: iReal Pro
// charts as JSON), as the theory tests read them.

#include <algorithm>
#include <string>
#include <vector>

namespace mos::test {

// The symbols of an iReal chart, in order: bars split by '|', chords by ','; a parenthesised chord is an
// alternate to the one before it ("C7(Ab7)") or stands alone ("(C7)").
inline std::vector<std::string> jazzChartSymbols(const std::string& json) {
    std::vector<std::string> symbols;
    const std::string key = R"("Chords": ")";
    for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at)) {
        at += key.size();
        const std::size_t end = json.find('"', at);
        std::string chart = json.substr(at, end - at);
        std::replace(chart.begin(), chart.end(), '|', ',');
        std::size_t start = 0;
        while (start <= chart.size()) {
            const std::size_t comma = std::min(chart.find(',', start), chart.size());
            std::string token = chart.substr(start, comma - start);
            start = comma + 1;
            for (std::size_t open = token.find('('); open != std::string::npos; open = token.find('(')) {
                const std::size_t close = token.find(')', open);
                const std::string inner = token.substr(open + 1, close - open - 1);
                if (inner.empty() || inner.front() < 'A' || inner.front() > 'G') break;  // "C7(b9)" stays
                symbols.push_back(inner);
                token.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
            }
            if (!token.empty()) symbols.push_back(token);
        }
        at = end;
    }
    return symbols;
}

}  // namespace mos::test
