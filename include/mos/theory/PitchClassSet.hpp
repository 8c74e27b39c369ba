#pragma once

// Pitch-class sets, the vocabulary of post-tonal analysis (Forte 1973, Rahn 1980): which of the
// twelve pitch classes sound, as a 12-bit mask (bit 0 = C), with transposition Tn, inversion TnI,
// complement, the interval-class vector, normal form, prime form and the set class with its Forte
// name.
//
//   auto g7 = PitchClassSet::fromMidiNotes(std::array{55, 59, 62, 65});  // G3 B3 D4 F4
//   g7.toString()                == "{2,5,7,11}"
//   g7.normalForm().toString()   == "[11,2,5,7]"
//   g7.primeForm().toString()    == "[0,2,5,8]"
//   g7.forteName()               == "4-27"
//   SetClass::parse("4-Z15")->zPartner()->name() == "4-Z29"
//
// Normal and prime forms follow Forte's algorithm, not Rahn's: both take the ordering with the
// smallest span, but on a tie Forte takes the one whose intervals from the first pitch class are
// smallest from the left (first to second, then first to third …) and Rahn from the right (first
// to next-to-last …). They disagree for 5-20, 6-Z29, 6-31, 7-Z18, 7-20 and 8-26 (Forte [0,1,3,7,8],
// Rahn [0,1,5,6,8] for 5-20). Forte names index Forte's own list, so its prime forms are the ones
// that go with them.
//
// Forte's list covers cardinalities 3 to 9. Below and above it the names are the usual extension:
// 0-1 (the empty set), 1-1, 2-1 … 2-6 (the dyad of interval class 1 … 6), 10-1 … 10-6 (their
// complements, numbered alike), 11-1 and 12-1, so every one of the 4096 sets has a set class.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "mos/core/Result.hpp"

namespace mos::theory {

// How many pairs of pitch classes lie each interval class (1 … 6 semitones, either way) apart:
// {0,0,1,1,1,0} for a major triad. Index 0 is interval class 1.
using IntervalVector = std::array<int, 6>;

class PitchClassList;
class SetClass;

// A set of pitch classes, 0 = C … 11 = B. A 16-bit value: build, copy and compare it freely.
class PitchClassSet {
public:
    constexpr PitchClassSet() noexcept = default;

    // The set with the bits of `mask` (bit 0 = C); bits above 11 are ignored. Thread: any. RT-safe: yes.
    static constexpr PitchClassSet fromMask(std::uint16_t mask) noexcept {
        return PitchClassSet{static_cast<std::uint16_t>(mask & kAll)};
    }
    // The set of these pitch classes, each taken modulo 12 (-1 is B, 12 is C). Thread: any. RT-safe: yes.
    static PitchClassSet fromPitchClasses(std::span<const int> pitchClasses) noexcept;
    // The pitch classes of MIDI note numbers: {60, 64, 67, 72} -> {0,4,7}. Thread: any. RT-safe: yes.
    static PitchClassSet fromMidiNotes(std::span<const int> midiNotes) noexcept;
    // The chromatic aggregate, all twelve pitch classes. Thread: any. RT-safe: yes.
    static constexpr PitchClassSet chromatic() noexcept { return PitchClassSet{kAll}; }

    // Thread: any. RT-safe: yes (every member below is).
    constexpr std::uint16_t mask() const noexcept { return mask_; }
    int size() const noexcept;
    constexpr bool empty() const noexcept { return mask_ == 0; }
    // Whether pitch class `pitchClass` (taken modulo 12) is in the set.
    bool contains(int pitchClass) const noexcept;
    // The set with / without one more pitch class (taken modulo 12).
    PitchClassSet with(int pitchClass) const noexcept;
    PitchClassSet without(int pitchClass) const noexcept;

    // Tn: every pitch class moved up `semitones` (any integer). {0,4,7}.transpose(2) == {2,6,9}.
    PitchClassSet transpose(int semitones) const noexcept;
    // TnI: every pitch class p becomes n - p. {0,4,7}.invert(0) == {0,5,8}; invert(7) == {0,3,7}.
    PitchClassSet invert(int n = 0) const noexcept;
    // The pitch classes not in the set.
    constexpr PitchClassSet complement() const noexcept {
        return PitchClassSet{static_cast<std::uint16_t>(~mask_ & kAll)};
    }

    IntervalVector intervalVector() const noexcept;
    // The rotation of the set, read upwards, that is most tightly packed, in Forte's sense (see the
    // top of this file); on a full tie (symmetric sets) the one starting on the lowest pitch class.
    // {7,11,2,5} -> [11,2,5,7]; {0,4,8} -> [0,4,8]. Empty for the empty set.
    PitchClassList normalForm() const noexcept;
    // The normal form of the set or of its inversion, whichever is more packed, transposed to start
    // on 0: the first member of its set class. {7,11,2,5} -> [0,2,5,8]. By table lookup.
    PitchClassList primeForm() const noexcept;
    // The set class (all sets related by Tn or TnI). By table lookup.
    SetClass setClass() const noexcept;
    // "3-11", "4-Z15"; see the top of this file for cardinalities outside 3 … 9. By table lookup.
    std::string_view forteName() const noexcept;

    // "{0,4,7}": the pitch classes in ascending order. Thread: any. RT-safe: no.
    std::string toString() const;

    friend constexpr bool operator==(PitchClassSet, PitchClassSet) noexcept = default;

private:
    static constexpr std::uint16_t kAll = 0x0FFF;
    explicit constexpr PitchClassSet(std::uint16_t mask) noexcept : mask_{mask} {}
    std::uint16_t mask_ = 0;
};

// Pitch classes in a given order, at most twelve and without repeats: a normal form ([11,2,5,7])
// or a prime form ([0,2,5,8]).
class PitchClassList {
public:
    constexpr PitchClassList() noexcept = default;

    // Thread: any. RT-safe: yes (every member but toString is).
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    int operator[](std::size_t index) const noexcept { return pitchClasses_[index]; }
    const std::uint8_t* begin() const noexcept { return pitchClasses_.data(); }
    const std::uint8_t* end() const noexcept { return pitchClasses_.data() + size_; }
    // The same pitch classes as an unordered set.
    PitchClassSet set() const noexcept;

    // Appends a pitch class (taken modulo 12); returns false, changing nothing, when it is already
    // in the list.
    bool pushBack(int pitchClass) noexcept;

    // "[0,3,7]", "[10,0,3]". Thread: any. RT-safe: no.
    std::string toString() const;

    friend bool operator==(const PitchClassList& a, const PitchClassList& b) noexcept;

private:
    std::array<std::uint8_t, 12> pitchClasses_{};
    std::size_t size_ = 0;
};

// A set class: the sets that are transpositions or inversions of each other, named as in Forte's
// list. One byte: build, copy and compare it freely.
class SetClass {
public:
    // How many set classes there are over all cardinalities 0 … 12.
    static constexpr std::size_t kCount = 224;

    // The class of the empty set, 0-1.
    constexpr SetClass() noexcept = default;

    // Every set class in order of cardinality, then of Forte's ordinal: 0-1, 1-1, 2-1 … 12-1.
    // Thread: any. RT-safe: yes.
    static std::span<const SetClass> all() noexcept;
    // The class of a set (same as set.setClass()). Thread: any. RT-safe: yes.
    static SetClass of(PitchClassSet set) noexcept;
    // The class numbered `ordinal` among those of `cardinality` pitch classes (4, 15 -> 4-Z15);
    // nullopt when there is none. Thread: any. RT-safe: yes.
    static std::optional<SetClass> of(int cardinality, int ordinal) noexcept;
    // Parses a Forte name: cardinality, a dash ('-' or the en dash '–' books print), 'Z' (or 'z')
    // for the Z-related classes, ordinal: "3-11", "4-Z15", "6–Z44". The Z may be left out ("4-15"),
    // but one written before a class that is not Z-related is an error, as is any other text; the
    // error names the column (1-based, in bytes) where the name stops making sense.
    // Thread: any. RT-safe: no.
    static core::Result<SetClass> parse(std::string_view forteName);

    // Thread: any. RT-safe: yes (every member below is).
    // "4-Z15": what parse reads back.
    std::string_view name() const noexcept;
    int cardinality() const noexcept;
    // The class's number in Forte's list for its cardinality (15 for 4-Z15).
    int ordinal() const noexcept;
    // Whether the name has a Z: another class of the same cardinality has the same interval vector.
    bool zRelated() const noexcept;
    // That other class: 4-Z15 -> 4-Z29; nullopt for classes that are not Z-related.
    std::optional<SetClass> zPartner() const noexcept;
    // The class of the complements of its sets: 4-27 -> 8-27, 6-Z3 -> 6-Z36, 6-35 -> 6-35.
    SetClass complement() const noexcept;
    PitchClassList primeForm() const noexcept;
    IntervalVector intervalVector() const noexcept;

    friend constexpr bool operator==(SetClass, SetClass) noexcept = default;

private:
    explicit constexpr SetClass(std::uint8_t index) noexcept : index_{index} {}
    std::uint8_t index_ = 0;  // position in Forte's order, as all() lists the classes
};

}  // namespace mos::theory
