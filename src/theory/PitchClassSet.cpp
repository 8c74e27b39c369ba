// Pitch-class sets as 12-bit masks. Transposition is a rotation, inversion a reversal, the interval
// vector counts what a set shares with its own transpositions; the prime form, the Forte name and
// the set class come from the table PitchClassSetTable.cpp fixes at compile time, so they cost one
// lookup. The normal form is computed (it depends on the set, not only on its class).

#include "mos/theory/PitchClassSet.hpp"

#include <algorithm>
#include <bit>
#include <charconv>

#include "Modulo.hpp"
#include "PitchClassSetTable.hpp"

namespace mos::theory {
namespace {

std::uint16_t bitOf(int pitchClass) noexcept { return static_cast<std::uint16_t>(1U << floorMod(pitchClass, 12)); }

std::uint16_t rotateDown(std::uint16_t mask, int semitones) noexcept {
    return forte::rotateUp(mask, floorMod(-semitones, 12));
}

// How tightly a rotation (a mask holding pitch class 0, read upwards from it) is packed, in Forte's
// order: smaller is more packed. First the span; then the ascending list that is smaller from the
// left, which is the one whose lowest differing bit is set, so the bits are compared reversed.
unsigned forteOrder(std::uint16_t rotation) noexcept {
    unsigned reversed = 0;
    for (int pc = 0; pc < 12; ++pc) reversed |= (rotation >> pc & 1U) << (11 - pc);
    const auto span = static_cast<unsigned>(std::bit_width(static_cast<unsigned>(rotation)) - 1);
    return span << 12 | (forte::kAllPitchClasses ^ reversed);
}

PitchClassList listFrom(int start, std::uint16_t rotation) noexcept {
    PitchClassList list;
    for (int step = 0; step < 12; ++step) {
        if ((rotation >> step & 1U) != 0) list.pushBack(start + step);
    }
    return list;
}

std::string joined(const std::uint8_t* first, const std::uint8_t* last, char open, char close) {
    std::string text(1, open);
    for (const std::uint8_t* pc = first; pc != last; ++pc) {
        if (pc != first) text += ',';
        text += std::to_string(*pc);
    }
    text += close;
    return text;
}

const forte::Entry& entryOf(std::uint8_t index) noexcept { return forte::entries()[index]; }

}  // namespace

PitchClassSet PitchClassSet::fromPitchClasses(std::span<const int> pitchClasses) noexcept {
    std::uint16_t mask = 0;
    for (const int pc : pitchClasses) mask = static_cast<std::uint16_t>(mask | bitOf(pc));
    return PitchClassSet{mask};
}

PitchClassSet PitchClassSet::fromMidiNotes(std::span<const int> midiNotes) noexcept {
    return fromPitchClasses(midiNotes);
}

int PitchClassSet::size() const noexcept { return std::popcount(static_cast<unsigned>(mask_)); }

bool PitchClassSet::contains(int pitchClass) const noexcept { return (mask_ & bitOf(pitchClass)) != 0; }

PitchClassSet PitchClassSet::with(int pitchClass) const noexcept {
    return PitchClassSet{static_cast<std::uint16_t>(mask_ | bitOf(pitchClass))};
}

PitchClassSet PitchClassSet::without(int pitchClass) const noexcept {
    return PitchClassSet{static_cast<std::uint16_t>(mask_ & ~bitOf(pitchClass))};
}

PitchClassSet PitchClassSet::transpose(int semitones) const noexcept {
    return PitchClassSet{forte::rotateUp(mask_, floorMod(semitones, 12))};
}

PitchClassSet PitchClassSet::invert(int n) const noexcept {
    return PitchClassSet{forte::rotateUp(forte::inverted(mask_), floorMod(n, 12))};
}

IntervalVector PitchClassSet::intervalVector() const noexcept { return forte::intervalVectorOf(mask_); }

PitchClassList PitchClassSet::normalForm() const noexcept {
    if (empty()) return {};
    int bestStart = 0;
    unsigned bestOrder = ~0U;
    for (int start = 0; start < 12; ++start) {
        if ((mask_ >> start & 1U) == 0) continue;
        const unsigned order = forteOrder(rotateDown(mask_, start));
        if (order < bestOrder) {  // strictly: a full tie keeps the lowest start
            bestOrder = order;
            bestStart = start;
        }
    }
    return listFrom(bestStart, rotateDown(mask_, bestStart));
}

PitchClassList PitchClassSet::primeForm() const noexcept { return setClass().primeForm(); }

SetClass PitchClassSet::setClass() const noexcept { return SetClass::of(*this); }

std::string_view PitchClassSet::forteName() const noexcept { return setClass().name(); }

std::string PitchClassSet::toString() const {
    const PitchClassList list = listFrom(0, mask_);
    return joined(list.begin(), list.end(), '{', '}');
}

PitchClassSet PitchClassList::set() const noexcept {
    std::uint16_t mask = 0;
    for (std::size_t i = 0; i < size_; ++i) mask = static_cast<std::uint16_t>(mask | 1U << pitchClasses_[i]);
    return PitchClassSet::fromMask(mask);
}

bool PitchClassList::pushBack(int pitchClass) noexcept {
    const int pc = floorMod(pitchClass, 12);
    if (set().contains(pc)) return false;
    pitchClasses_[size_++] = static_cast<std::uint8_t>(pc);
    return true;
}

std::string PitchClassList::toString() const { return joined(begin(), end(), '[', ']'); }

bool operator==(const PitchClassList& a, const PitchClassList& b) noexcept {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

std::span<const SetClass> SetClass::all() noexcept {
    static constexpr std::array<SetClass, kCount> kAll = [] {
        std::array<SetClass, kCount> classes{};
        for (std::size_t i = 0; i < kCount; ++i) classes[i] = SetClass{static_cast<std::uint8_t>(i)};
        return classes;
    }();
    return kAll;
}

SetClass SetClass::of(PitchClassSet set) noexcept { return SetClass{forte::classIndex(set.mask())}; }

std::optional<SetClass> SetClass::of(int cardinality, int ordinal) noexcept {
    for (std::size_t i = 0; i < kCount; ++i) {
        const forte::Entry& entry = forte::entries()[i];
        if (entry.cardinality == cardinality && entry.ordinal == ordinal) return SetClass{static_cast<std::uint8_t>(i)};
    }
    return std::nullopt;
}

core::Result<SetClass> SetClass::parse(std::string_view forteName) {
    std::size_t at = 0;
    const auto error = [&](const std::string& message) {
        core::SourceLocation where;
        where.line = 1;
        where.column = static_cast<std::int64_t>(at) + 1;
        return core::fail(core::ErrorCode::ParseError, "Forte name \"" + std::string{forteName} + "\": " + message,
                          std::move(where));
    };
    while (at < forteName.size() && forteName[at] == ' ') ++at;
    std::size_t end = forteName.size();
    while (end > at && forteName[end - 1] == ' ') --end;
    const auto number = [&](int& value) {
        const char* first = forteName.data() + at;
        const char* last = forteName.data() + end;
        if (first == last || *first < '0' || *first > '9') return false;
        const auto [stop, code] = std::from_chars(first, last, value);
        if (code != std::errc{}) return false;
        at += static_cast<std::size_t>(stop - first);
        return true;
    };
    const std::size_t cardinalityAt = at;
    int cardinality = 0;
    if (!number(cardinality) || cardinality > 12) {
        at = cardinalityAt;
        return error("expected the cardinality, a number from 0 to 12");
    }
    if (forteName.substr(at).starts_with('-')) {
        at += 1;
    } else if (forteName.substr(at).starts_with("\u2013")) {
        at += std::string_view{"\u2013"}.size();
    } else {
        return error("expected '-' after the cardinality");
    }
    const std::size_t zAt = at;
    const bool z = at < end && (forteName[at] == 'Z' || forteName[at] == 'z');
    if (z) ++at;
    int ordinal = 0;
    const std::size_t ordinalAt = at;
    if (!number(ordinal)) return error("expected the ordinal number in Forte's list");
    if (at != end) return error("unexpected text after the ordinal");
    const std::optional<SetClass> found = of(cardinality, ordinal);
    if (!found) {
        at = ordinalAt;
        int count = 0;
        for (const forte::Entry& entry : forte::entries()) count += entry.cardinality == cardinality ? 1 : 0;
        return error("there is no set class " + std::to_string(cardinality) + "-" + std::to_string(ordinal) +
                     ": the classes of " + std::to_string(cardinality) + " pitch classes are numbered 1 to " +
                     std::to_string(count));
    }
    if (z && !found->zRelated()) {
        at = zAt;
        return error("set class " + std::string{found->name()} + " is not Z-related");
    }
    return *found;
}

std::string_view SetClass::name() const noexcept { return entryOf(index_).name; }

int SetClass::cardinality() const noexcept { return entryOf(index_).cardinality; }

int SetClass::ordinal() const noexcept { return entryOf(index_).ordinal; }

bool SetClass::zRelated() const noexcept { return entryOf(index_).z; }

std::optional<SetClass> SetClass::zPartner() const noexcept {
    const std::uint8_t partner = entryOf(index_).zPartner;
    if (partner == forte::kNoPartner) return std::nullopt;
    return SetClass{partner};
}

SetClass SetClass::complement() const noexcept { return SetClass{entryOf(index_).complement}; }

PitchClassList SetClass::primeForm() const noexcept { return listFrom(0, entryOf(index_).prime); }

IntervalVector SetClass::intervalVector() const noexcept { return forte::intervalVectorOf(entryOf(index_).prime); }

}  // namespace mos::theory
