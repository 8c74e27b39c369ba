#include "formats/abc/AbcLyrics.hpp"

namespace mos::formats::abc {
namespace {

using Syllabic = score::LyricSyllable::Syllabic;

class LyricSplitter {
public:
    std::vector<LyricStep> run(std::string_view line) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '\\' && i + 1 < line.size()) {
                append(line[++i]);
            } else if (c == '~') {
                append(' ');
            } else if (c == ' ' || c == '\t') {
                finishSyllable();
            } else if (c == '-') {
                hyphen();
            } else if (c == '_' || c == '*' || c == '|') {
                finishSyllable();
                steps_.push_back(
                    {c == '_' ? LyricStep::Kind::Hold : (c == '*' ? LyricStep::Kind::Skip : LyricStep::Kind::NextBar),
                     {},
                     Syllabic::Single});
                hyphenable_ = false;
            } else {
                append(c);
            }
        }
        finishSyllable();
        return std::move(steps_);
    }

private:
    void append(char c) {
        current_ += c;
        building_ = true;
    }

    void finishSyllable() {
        if (!building_) return;
        steps_.push_back(
            {LyricStep::Kind::Syllable, std::move(current_), afterHyphen_ ? Syllabic::End : Syllabic::Single});
        current_.clear();
        building_ = false;
        afterHyphen_ = false;
        hyphenable_ = true;
    }

    // A hyphen joins the syllable before it to the next one; a hyphen with no syllable of its own
    // before it ("la--la") leaves a note without a syllable while the word goes on.
    void hyphen() {
        finishSyllable();
        if (hyphenable_) {
            Syllabic& syllabic = steps_.back().syllabic;
            syllabic = syllabic == Syllabic::End ? Syllabic::Middle : Syllabic::Begin;
        } else {
            steps_.push_back({LyricStep::Kind::Skip, {}, Syllabic::Single});
        }
        hyphenable_ = false;
        afterHyphen_ = true;
    }

    std::vector<LyricStep> steps_;
    std::string current_;
    bool building_ = false;
    bool afterHyphen_ = false;  // the syllable being read continues a word
    bool hyphenable_ = false;   // the last step is a syllable a hyphen may still join to the next
};

}  // namespace

std::vector<LyricStep> splitLyrics(std::string_view line) { return LyricSplitter{}.run(line); }

}  // namespace mos::formats::abc
