// Measure headers: what every track shares in a bar. Each starts with a flag byte that says which
// of time signature, repeat start/end, alternate ending, marker, key and double bar follow; GP5
// adds beaming, the ending bitmask, the triplet feel and a padding byte.
//
// Alternate endings: GP5 stores a bitmask (bit 0 = ending 1). GP3/GP4 store only the highest
// ending number; the bar takes every ending up to it that the earlier endings of its group have
// not taken, so "2" after a bar with ending 1 means ending 2 and "8" after "3" and "4" means 5…8.

#include <bit>

#include "formats/guitarpro/GpImport.hpp"

namespace mos::formats::gp {
namespace {

constexpr std::uint8_t kNumerator = 0x01;
constexpr std::uint8_t kDenominator = 0x02;
constexpr std::uint8_t kRepeatStart = 0x04;
constexpr std::uint8_t kRepeatEnd = 0x08;
constexpr std::uint8_t kAlternateEnding = 0x10;
constexpr std::uint8_t kMarker = 0x20;
constexpr std::uint8_t kKey = 0x40;
constexpr std::uint8_t kDoubleBar = 0x80;

constexpr int kMaxEndings = 8;

// Reads the headers one after the other, keeping the meter, key, feel and endings in force.
class HeaderReader {
public:
    explicit HeaderReader(Import& import) : import_{import}, in_{import.in} { key_.fifths = import.keyFifths; }

    void read(std::uint32_t index, score::Measure& measure) {
        const bool gp5 = import_.version.major >= 5;
        // GP3/GP4 swing the whole song or none of it; GP5 says it in every bar.
        if (index == 0 && !gp5 && import_.tripletFeel) announceTripletFeel(0, 1);
        const std::uint8_t flags = in_.u8();
        readTimeSignature(flags, index, measure);
        measure.repeatStart = (flags & kRepeatStart) != 0;
        if ((flags & kRepeatEnd) != 0) readRepeatEnd(measure);
        std::uint8_t ending = 0;
        if ((flags & kAlternateEnding) != 0 && !gp5) ending = gp3EndingMask(in_.u8());
        if ((flags & kMarker) != 0) readMarker(index);
        readKey(flags, index, measure);
        if (gp5) {
            if ((flags & (kNumerator | kDenominator)) != 0) in_.skip(4);  // how eighths are beamed
            ending = in_.u8();                                            // written whether or not the flag is set
            announceTripletFeel(index, in_.u8());
            in_.skip(1);
        }
        if ((flags & kDoubleBar) != 0) measure.barline = "light-light";
        endings_.push_back(ending);
        repeatStarts_.push_back(measure.repeatStart);
        repeatEnds_.push_back(measure.repeatEnd != 0);
    }

    // Each bar's alternate endings, bit 0 for ending 1.
    const std::vector<std::uint8_t>& endings() const { return endings_; }

private:
    void readTimeSignature(std::uint8_t flags, std::uint32_t index, score::Measure& measure) {
        score::TimeSignature time = time_;
        const std::size_t at = in_.position();
        if ((flags & kNumerator) != 0) time.numerator = in_.u8();
        if ((flags & kDenominator) != 0) time.denominator = in_.u8();
        if (!in_.ok()) return;
        if (time.numerator == 0 || !std::has_single_bit(time.denominator) || time.denominator > 64) {
            in_.failAt(at, "the time signature " + std::to_string(time.numerator) + "/" +
                               std::to_string(time.denominator) + " is not valid");
            return;
        }
        if (index == 0 || time != time_) measure.time = time;
        time_ = time;
        measure.duration = time.measureLength();
    }

    void readRepeatEnd(score::Measure& measure) {
        const std::size_t at = in_.position();
        // GP5 stores the number of passes, GP3/GP4 the number of repeats.
        int passes = in_.u8() + (import_.version.major >= 5 ? 0 : 1);
        if (in_.ok() && passes < 2) {
            import_.warn(at, "a repeat of " + std::to_string(passes) + " passes is read as a plain repeat");
            passes = 2;
        }
        measure.repeatEnd = static_cast<std::uint8_t>(std::min(passes, 255));
    }

    // Every ending up to `highest` that the group's earlier endings have not taken. Going back from
    // the bar before, the group reaches to the repeat start, or to the section's body: a bar with no
    // ending that does not close a repeat (one that does is the last bar of an earlier ending whose
    // first bar is further back). Earlier repeat signs do not end it, as ":|" closes every ending
    // but the last.
    std::uint8_t gp3EndingMask(int highest) const {
        unsigned taken = 0;
        bool insideEnding = false;
        for (std::size_t i = endings_.size(); i-- > 0 && !repeatStarts_[i];) {
            if (endings_[i] != 0) {
                taken |= endings_[i];
                insideEnding = false;
            } else if (repeatEnds_[i]) {
                insideEnding = true;
            } else if (!insideEnding) {
                break;
            }
        }
        const unsigned all = (1U << static_cast<unsigned>(std::min(highest, kMaxEndings))) - 1U;
        return static_cast<std::uint8_t>(all & ~taken);
    }

    void readMarker(std::uint32_t index) {
        score::Marker marker;
        marker.at.measure = index;
        marker.kind = score::Marker::Kind::Rehearsal;
        marker.label = in_.intByteSizeString();
        in_.skip(4);  // colour
        if (in_.ok()) import_.score.layers.markers.push_back(std::move(marker));
    }

    void readKey(std::uint8_t flags, std::uint32_t index, score::Measure& measure) {
        score::KeySignature key = key_;
        if ((flags & kKey) != 0) {
            const std::size_t at = in_.position();
            const std::int8_t fifths = in_.i8();
            const std::uint8_t minor = in_.u8();
            if (in_.ok() && (fifths < -7 || fifths > 7 || minor > 1)) {
                import_.warn(at, "the key " + std::to_string(fifths) + (minor > 1 ? " of unknown mode " : " ") +
                                     "is not a key signature; the previous key stays");
            } else {
                key.fifths = fifths;
                key.mode = minor == 1 ? score::Mode::Minor : score::Mode::Major;
            }
        }
        if (index == 0 || key != key_) measure.keys.push_back(score::KeyChange{{}, key});
        key_ = key;
    }

    // Writes the feel over the bar where it changes.
    void announceTripletFeel(std::uint32_t index, std::uint8_t feel) {
        if (feel == tripletFeel_ || !in_.ok()) return;
        tripletFeel_ = feel;
        score::TextMark text;
        text.at.measure = index;
        text.text = feel == 1 ? "Triplet feel (eighths)" : feel == 2 ? "Triplet feel (sixteenths)" : "Straight feel";
        import_.score.layers.notation.texts.push_back(std::move(text));
    }

    Import& import_;
    ByteReader& in_;
    score::TimeSignature time_{};
    score::KeySignature key_{};
    std::uint8_t tripletFeel_ = 0;
    std::vector<std::uint8_t> endings_;
    std::vector<bool> repeatStarts_;
    std::vector<bool> repeatEnds_;
};

std::string endingText(const std::vector<std::uint8_t>& numbers) {
    std::string text;
    for (const std::uint8_t number : numbers) text += (text.empty() ? "" : ", ") + std::to_string(number);
    return text + ".";
}

// Turns the per-bar masks into volta brackets over runs of bars with the same mask.
void addEndings(score::Timeline& timeline, const std::vector<std::uint8_t>& masks) {
    for (std::size_t first = 0; first < masks.size();) {
        std::size_t last = first;
        while (last + 1 < masks.size() && masks[last + 1] == masks[first] && timeline.measures[last].repeatEnd == 0 &&
               !timeline.measures[last + 1].repeatStart) {
            ++last;
        }
        if (masks[first] != 0) {
            score::Ending ending;
            ending.firstMeasure = static_cast<std::uint32_t>(first);
            ending.lastMeasure = static_cast<std::uint32_t>(last);
            for (int bit = 0; bit < kMaxEndings; ++bit) {
                if ((masks[first] & (1U << static_cast<unsigned>(bit))) != 0) {
                    ending.numbers.push_back(static_cast<std::uint8_t>(bit + 1));
                }
            }
            ending.text = endingText(ending.numbers);
            ending.open = timeline.measures[last].repeatEnd == 0;
            timeline.endings.push_back(std::move(ending));
        }
        first = last + 1;
    }
}

// Puts the GP5 directions into the bars they name.
void addDirections(Import& import) {
    auto& measures = import.score.timeline.measures;
    for (const Direction& direction : import.directions) {
        if (direction.measure < 1 || static_cast<std::size_t>(direction.measure) > measures.size()) {
            import.warn(direction.offset, "the direction \"" + direction.text + "\" names bar " +
                                              std::to_string(direction.measure) + " of " +
                                              std::to_string(measures.size()) + "; it is left out");
            continue;
        }
        score::Measure& measure = measures[static_cast<std::size_t>(direction.measure) - 1];
        measure.navigation.push_back(
            score::Navigation{direction.kind, direction.atEnd ? measure.duration : core::Rational{}, direction.text});
    }
}

}  // namespace

void readMeasureHeaders(Import& import, std::size_t count) {
    score::Timeline& timeline = import.score.timeline;
    timeline.measures.reserve(count);
    HeaderReader reader{import};
    for (std::size_t i = 0; i < count && import.in.ok(); ++i) {
        score::Measure& measure = timeline.measures.emplace_back();
        measure.number = std::to_string(import.firstMeasureNumber + static_cast<std::int64_t>(i));
        import.in.setMeasure(measure.number);
        reader.read(static_cast<std::uint32_t>(i), measure);
        import.measureFifths.push_back(score::keyAt(timeline, {static_cast<std::uint32_t>(i), {}}).fifths);
    }
    import.in.setMeasure({});
    if (!import.in.ok()) return;
    addEndings(timeline, reader.endings());
    addDirections(import);
}

}  // namespace mos::formats::gp
