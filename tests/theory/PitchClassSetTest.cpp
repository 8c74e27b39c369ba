#include "mos/theory/PitchClassSet.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/RealtimeAudit.hpp"

namespace mos::theory {
namespace {

PitchClassSet pcs(std::initializer_list<int> pitchClasses) {
    return PitchClassSet::fromPitchClasses(std::vector<int>(pitchClasses));
}

std::string prime(std::initializer_list<int> pitchClasses) { return pcs(pitchClasses).primeForm().toString(); }

std::string_view name(std::initializer_list<int> pitchClasses) { return pcs(pitchClasses).forteName(); }

SetClass named(std::string_view forteName) {
    const auto parsed = SetClass::parse(forteName);
    EXPECT_TRUE(parsed) << forteName;
    return parsed ? *parsed : SetClass{};
}

// Forte's prime form written straight from his definition, independently of the library: every
// rotation of the set and of its inversion, as an ascending list transposed to start on 0; the one
// with the smallest span, then the smallest from the left.
std::vector<int> referencePrimeForm(std::uint16_t mask) {
    std::vector<int> members;
    for (int pc = 0; pc < 12; ++pc) {
        if ((mask >> pc & 1) != 0) members.push_back(pc);
    }
    if (members.empty()) return {};
    std::vector<int> best;
    for (const int sign : {1, -1}) {
        for (const int start : members) {
            std::vector<int> rotation = members;
            for (int& pc : rotation) pc = ((sign * (pc - start)) % 12 + 12) % 12;
            std::sort(rotation.begin(), rotation.end());
            const bool better =
                best.empty() || rotation.back() < best.back() || (rotation.back() == best.back() && rotation < best);
            if (better) best = rotation;
        }
    }
    return best;
}

std::vector<int> toVector(const PitchClassList& list) { return {list.begin(), list.end()}; }

std::uint16_t maskOf(const std::vector<int>& pitchClasses) {
    std::uint16_t mask = 0;
    for (const int pc : pitchClasses) mask = static_cast<std::uint16_t>(mask | 1 << pc);
    return mask;
}

TEST(PitchClassSetTest, BuildsFromPitchClassesMidiNotesAndMasks) {
    EXPECT_EQ(pcs({0, 4, 7}).mask(), 0x91);
    EXPECT_EQ(pcs({12, -1, 16, 4}), pcs({0, 11, 4}));
    EXPECT_EQ(PitchClassSet::fromMidiNotes(std::array{60, 64, 67, 72, 76}), pcs({0, 4, 7}));
    EXPECT_EQ(PitchClassSet::fromMask(0xF091), pcs({0, 4, 7}));
    EXPECT_EQ(PitchClassSet::chromatic().size(), 12);
    EXPECT_TRUE(PitchClassSet{}.empty());
    EXPECT_EQ(pcs({0, 4, 7}).size(), 3);
    EXPECT_TRUE(pcs({0, 4, 7}).contains(4));
    EXPECT_TRUE(pcs({0, 4, 7}).contains(-8));
    EXPECT_FALSE(pcs({0, 4, 7}).contains(5));
    EXPECT_EQ(pcs({0, 4, 7}).with(10), pcs({0, 4, 7, 10}));
    EXPECT_EQ(pcs({0, 4, 7}).without(16), pcs({0, 7}));
}

TEST(PitchClassSetTest, PrintsSetsAndLists) {
    EXPECT_EQ(pcs({7, 0, 4}).toString(), "{0,4,7}");
    EXPECT_EQ(PitchClassSet{}.toString(), "{}");
    EXPECT_EQ(pcs({10, 0, 3}).normalForm().toString(), "[10,0,3]");
    EXPECT_EQ(pcs({0, 3, 7}).primeForm().toString(), "[0,3,7]");
    EXPECT_EQ(PitchClassSet{}.normalForm().toString(), "[]");
}

TEST(PitchClassSetTest, ListsKeepOrderAndRefuseRepeats) {
    PitchClassList list;
    EXPECT_TRUE(list.pushBack(11));
    EXPECT_TRUE(list.pushBack(14));
    EXPECT_FALSE(list.pushBack(-1));
    EXPECT_EQ(list.size(), 2U);
    EXPECT_EQ(list[0], 11);
    EXPECT_EQ(list[1], 2);
    EXPECT_EQ(list.set(), pcs({2, 11}));
    EXPECT_EQ(list, pcs({2, 11}).normalForm());
}

TEST(PitchClassSetTest, TransposesInvertsAndComplements) {
    EXPECT_EQ(pcs({0, 4, 7}).transpose(2), pcs({2, 6, 9}));
    EXPECT_EQ(pcs({0, 4, 7}).transpose(-1), pcs({11, 3, 6}));
    EXPECT_EQ(pcs({0, 4, 7}).transpose(25), pcs({1, 5, 8}));
    EXPECT_EQ(pcs({0, 4, 7}).invert(), pcs({0, 8, 5}));
    EXPECT_EQ(pcs({0, 4, 7}).invert(7), pcs({7, 3, 0}));  // C major mirrored about E flat: C minor
    EXPECT_EQ(pcs({0, 4, 7}).invert(-5), pcs({7, 3, 0}));
    EXPECT_EQ(pcs({0, 2, 4, 5, 7, 9, 11}).complement(), pcs({1, 3, 6, 8, 10}));
    EXPECT_EQ(PitchClassSet{}.complement(), PitchClassSet::chromatic());
    for (unsigned mask = 0; mask < 4096; ++mask) {
        const auto set = PitchClassSet::fromMask(static_cast<std::uint16_t>(mask));
        ASSERT_EQ(set.invert(3).invert(3), set);
        ASSERT_EQ(set.transpose(5).transpose(7), set);
        ASSERT_EQ(set.complement().complement(), set);
        ASSERT_EQ(set.invert(4), set.invert().transpose(4));
    }
}

TEST(PitchClassSetTest, IntervalVectors) {
    EXPECT_EQ(pcs({0, 4, 7}).intervalVector(), (IntervalVector{0, 0, 1, 1, 1, 0}));
    EXPECT_EQ(pcs({0, 2, 4, 5, 7, 9, 11}).intervalVector(), (IntervalVector{2, 5, 4, 3, 6, 1}));
    EXPECT_EQ(pcs({0, 1, 4, 6}).intervalVector(), (IntervalVector{1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(pcs({0, 2, 4, 6, 8, 10}).intervalVector(), (IntervalVector{0, 6, 0, 6, 0, 3}));
    EXPECT_EQ(pcs({0, 6}).intervalVector(), (IntervalVector{0, 0, 0, 0, 0, 1}));
    EXPECT_EQ(PitchClassSet::chromatic().intervalVector(), (IntervalVector{12, 12, 12, 12, 12, 6}));
    EXPECT_EQ(PitchClassSet{}.intervalVector(), (IntervalVector{}));
    // The vector counts every pair once.
    for (unsigned mask = 0; mask < 4096; ++mask) {
        const auto set = PitchClassSet::fromMask(static_cast<std::uint16_t>(mask));
        const IntervalVector vector = set.intervalVector();
        int pairs = 0;
        for (const int count : vector) pairs += count;
        ASSERT_EQ(pairs, set.size() * (set.size() - 1) / 2) << set.toString();
    }
}

TEST(PitchClassSetTest, NormalFormIsTheMostPackedRotationInFortesOrder) {
    EXPECT_EQ(pcs({7, 11, 2, 5}).normalForm().toString(), "[11,2,5,7]");
    EXPECT_EQ(pcs({0, 4, 7}).normalForm().toString(), "[0,4,7]");
    EXPECT_EQ(pcs({9, 0, 4}).normalForm().toString(), "[9,0,4]");
    EXPECT_EQ(pcs({11, 0, 1}).normalForm().toString(), "[11,0,1]");
    // Symmetric sets tie on every rotation: the lowest starting pitch class wins.
    EXPECT_EQ(pcs({8, 0, 4}).normalForm().toString(), "[0,4,8]");
    EXPECT_EQ(pcs({2, 5, 8, 11}).normalForm().toString(), "[2,5,8,11]");
    // Span 8 either way; Forte prefers [5,6,8,0,1] (first to third: 3) where Rahn prefers
    // [0,1,5,6,8] (first to next-to-last: 6).
    EXPECT_EQ(pcs({0, 1, 5, 6, 8}).normalForm().toString(), "[5,6,8,0,1]");
    // The normal form is a rotation of the set itself, never of its inversion.
    for (unsigned mask = 1; mask < 4096; ++mask) {
        const auto set = PitchClassSet::fromMask(static_cast<std::uint16_t>(mask));
        const PitchClassList normal = set.normalForm();
        ASSERT_EQ(normal.set(), set);
        std::vector<int> fromZero;
        for (const int pc : normal) fromZero.push_back((pc - normal[0] + 12) % 12);
        ASSERT_TRUE(std::is_sorted(fromZero.begin(), fromZero.end())) << normal.toString();
    }
}

TEST(PitchClassSetTest, PrimeFormsAreFortesWhereRahnsDiffer) {
    EXPECT_EQ(named("5-20").primeForm().toString(), "[0,1,3,7,8]");         // Rahn [0,1,5,6,8]
    EXPECT_EQ(named("6-Z29").primeForm().toString(), "[0,1,3,6,8,9]");      // Rahn [0,2,3,6,7,9]
    EXPECT_EQ(named("6-31").primeForm().toString(), "[0,1,3,5,8,9]");       // Rahn [0,1,4,5,7,9]
    EXPECT_EQ(named("7-Z18").primeForm().toString(), "[0,1,2,3,5,8,9]");    // Rahn [0,1,4,5,6,7,9]
    EXPECT_EQ(named("7-20").primeForm().toString(), "[0,1,2,4,7,8,9]");     // Rahn [0,1,2,5,6,7,9]
    EXPECT_EQ(named("8-26").primeForm().toString(), "[0,1,2,4,5,7,9,10]");  // Rahn [0,1,3,4,5,7,8,10]
    EXPECT_EQ(prime({0, 1, 5, 6, 8}), "[0,1,3,7,8]");
}

TEST(PitchClassSetTest, EveryPrimeFormInTheListIsItsOwnPrimeForm) {
    ASSERT_EQ(SetClass::all().size(), SetClass::kCount);
    for (const SetClass setClass : SetClass::all()) {
        const std::vector<int> listed = toVector(setClass.primeForm());
        EXPECT_EQ(referencePrimeForm(maskOf(listed)), listed) << setClass.name();
        EXPECT_EQ(static_cast<int>(listed.size()), setClass.cardinality()) << setClass.name();
    }
}

TEST(PitchClassSetTest, EveryOneOfThe4096SetsBelongsToExactlyOneClassOfTheList) {
    std::map<std::string, int> members;  // name -> how many of the 4096 sets fall in the class
    for (unsigned mask = 0; mask < 4096; ++mask) {
        const auto set = PitchClassSet::fromMask(static_cast<std::uint16_t>(mask));
        const SetClass setClass = set.setClass();
        ASSERT_EQ(toVector(set.primeForm()), referencePrimeForm(set.mask())) << set.toString();
        ASSERT_EQ(set.forteName(), setClass.name());
        // The set really is a transposition or inversion of the listed prime form.
        const PitchClassSet listed = setClass.primeForm().set();
        bool related = false;
        for (int n = 0; n < 12; ++n) related = related || listed.transpose(n) == set || listed.invert(n) == set;
        ASSERT_TRUE(related) << set.toString() << " in " << setClass.name();
        ++members[std::string{setClass.name()}];
    }
    EXPECT_EQ(members.size(), SetClass::kCount);
    // Each class's members are exactly the distinct Tn and TnI images of its prime form.
    for (const SetClass setClass : SetClass::all()) {
        std::set<std::uint16_t> images;
        const PitchClassSet listed = setClass.primeForm().set();
        for (int n = 0; n < 12; ++n) {
            images.insert(listed.transpose(n).mask());
            images.insert(listed.invert(n).mask());
        }
        EXPECT_EQ(members[std::string{setClass.name()}], static_cast<int>(images.size())) << setClass.name();
    }
}

TEST(PitchClassSetTest, TheListHasAsManyClassesPerCardinalityAsThereAre) {
    // Brute force: the distinct prime forms among all 4096 sets, counted by cardinality.
    std::set<std::vector<int>> primes;
    for (unsigned mask = 0; mask < 4096; ++mask) primes.insert(referencePrimeForm(static_cast<std::uint16_t>(mask)));
    std::array<int, 13> truth{};
    for (const auto& form : primes) ++truth[form.size()];
    EXPECT_EQ(truth, (std::array<int, 13>{1, 1, 6, 12, 29, 38, 50, 38, 29, 12, 6, 1, 1}));

    std::array<int, 13> listed{};
    for (const SetClass setClass : SetClass::all()) ++listed[static_cast<std::size_t>(setClass.cardinality())];
    EXPECT_EQ(listed, truth);
    // Ordinals run 1, 2, 3 … within each cardinality, in the order all() lists them.
    int previousCardinality = -1;
    int expectedOrdinal = 1;
    for (const SetClass setClass : SetClass::all()) {
        if (setClass.cardinality() != previousCardinality) {
            EXPECT_GT(setClass.cardinality(), previousCardinality);
            previousCardinality = setClass.cardinality();
            expectedOrdinal = 1;
        }
        EXPECT_EQ(setClass.ordinal(), expectedOrdinal++) << setClass.name();
        EXPECT_EQ(SetClass::of(setClass.cardinality(), setClass.ordinal()), setClass);
    }
}

TEST(PitchClassSetTest, ZPairsAreExactlyTheClassesThatShareAnIntervalVector) {
    for (const SetClass a : SetClass::all()) {
        std::vector<SetClass> sharing;
        for (const SetClass b : SetClass::all()) {
            if (b != a && b.cardinality() == a.cardinality() && b.intervalVector() == a.intervalVector()) {
                sharing.push_back(b);
            }
        }
        EXPECT_LE(sharing.size(), 1U) << a.name();
        EXPECT_EQ(a.zRelated(), !sharing.empty()) << a.name();
        EXPECT_EQ(a.name().find('Z') != std::string_view::npos, a.zRelated()) << a.name();
        if (!sharing.empty()) {
            EXPECT_EQ(a.zPartner(), sharing.front()) << a.name();
        } else {
            EXPECT_FALSE(a.zPartner()) << a.name();
        }
        EXPECT_EQ(a.intervalVector(), a.primeForm().set().intervalVector());
    }
    // Forte's pairs, as published.
    const std::vector<std::pair<std::string_view, std::string_view>> pairs{
        {"4-Z15", "4-Z29"}, {"5-Z12", "5-Z36"}, {"5-Z17", "5-Z37"}, {"5-Z18", "5-Z38"}, {"6-Z3", "6-Z36"},
        {"6-Z4", "6-Z37"},  {"6-Z6", "6-Z38"},  {"6-Z10", "6-Z39"}, {"6-Z11", "6-Z40"}, {"6-Z12", "6-Z41"},
        {"6-Z13", "6-Z42"}, {"6-Z17", "6-Z43"}, {"6-Z19", "6-Z44"}, {"6-Z23", "6-Z45"}, {"6-Z24", "6-Z46"},
        {"6-Z25", "6-Z47"}, {"6-Z26", "6-Z48"}, {"6-Z28", "6-Z49"}, {"6-Z29", "6-Z50"}, {"7-Z12", "7-Z36"},
        {"7-Z17", "7-Z37"}, {"7-Z18", "7-Z38"}, {"8-Z15", "8-Z29"}};
    int zClasses = 0;
    for (const SetClass setClass : SetClass::all()) zClasses += setClass.zRelated() ? 1 : 0;
    EXPECT_EQ(zClasses, static_cast<int>(2 * pairs.size()));
    for (const auto& [first, second] : pairs) {
        EXPECT_EQ(named(first).zPartner(), named(second)) << first;
        EXPECT_EQ(named(second).zPartner(), named(first)) << second;
    }
}

TEST(PitchClassSetTest, FortesNumberingPairsComplements) {
    for (const SetClass setClass : SetClass::all()) {
        const SetClass complement = setClass.complement();
        // The complement of any member lies in the complement class.
        EXPECT_EQ(setClass.primeForm().set().complement().setClass(), complement) << setClass.name();
        EXPECT_EQ(complement.cardinality(), 12 - setClass.cardinality());
        EXPECT_EQ(complement.complement(), setClass);
        if (setClass.cardinality() != 6) {
            // n-X and (12-n)-X: the same ordinal, and a Z on both or neither.
            EXPECT_EQ(complement.ordinal(), setClass.ordinal()) << setClass.name() << " / " << complement.name();
            EXPECT_EQ(complement.zRelated(), setClass.zRelated()) << setClass.name();
        } else if (setClass.zRelated()) {
            // A Z hexachord's complement is its Z partner; every other hexachord is its own complement.
            EXPECT_EQ(complement, setClass.zPartner()) << setClass.name();
        } else {
            EXPECT_EQ(complement, setClass) << setClass.name();
        }
    }
    EXPECT_EQ(named("4-27").complement().name(), "8-27");
    EXPECT_EQ(named("5-35").complement().name(), "7-35");
    EXPECT_EQ(named("6-Z3").complement().name(), "6-Z36");
    EXPECT_EQ(named("6-35").complement().name(), "6-35");
    EXPECT_EQ(named("2-5").complement().name(), "10-5");
    EXPECT_EQ(named("0-1").complement().name(), "12-1");
}

TEST(PitchClassSetTest, WellKnownChordsAndScalesHaveTheirForteNames) {
    EXPECT_EQ(name({0, 4, 7}), "3-11");                  // major triad
    EXPECT_EQ(name({0, 3, 7}), "3-11");                  // minor triad
    EXPECT_EQ(name({0, 3, 6}), "3-10");                  // diminished triad
    EXPECT_EQ(name({0, 4, 8}), "3-12");                  // augmented triad
    EXPECT_EQ(name({7, 11, 2, 5}), "4-27");              // dominant seventh
    EXPECT_EQ(name({11, 2, 5, 9}), "4-27");              // half-diminished seventh
    EXPECT_EQ(name({0, 4, 7, 11}), "4-20");              // major seventh
    EXPECT_EQ(name({2, 5, 9, 0}), "4-26");               // minor seventh
    EXPECT_EQ(name({11, 2, 5, 8}), "4-28");              // diminished seventh
    EXPECT_EQ(name({0, 1, 4, 6}), "4-Z15");              // all-interval tetrachord
    EXPECT_EQ(name({0, 1, 3, 7}), "4-Z29");              // the other one
    EXPECT_EQ(name({0, 2, 4, 6, 8, 10}), "6-35");        // whole-tone scale
    EXPECT_EQ(name({0, 2, 4, 5, 7, 9, 11}), "7-35");     // diatonic scale
    EXPECT_EQ(name({0, 1, 3, 4, 6, 7, 9, 10}), "8-28");  // octatonic scale
    EXPECT_EQ(name({0, 2, 4, 7, 9}), "5-35");            // pentatonic scale
    EXPECT_EQ(name({0, 6, 10, 4, 9, 2}), "6-34");        // Scriabin's mystic chord C F# Bb E A D
    EXPECT_EQ(name({0, 4, 7, 6, 10, 1}), "6-30");        // Petrushka chord: C major + F# major
    EXPECT_EQ(name({0, 2, 3, 5, 7, 8, 11}), "7-32");     // harmonic minor
    EXPECT_EQ(name({0, 2, 3, 5, 7, 9, 11}), "7-34");     // melodic minor
    EXPECT_EQ(name({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), "12-1");
    EXPECT_EQ(name({}), "0-1");
    EXPECT_EQ(name({5}), "1-1");
    EXPECT_EQ(name({0, 7}), "2-5");  // a fifth is interval class 5
    EXPECT_EQ(name({0, 1}), "2-1");
    EXPECT_EQ(name({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), "10-1");
    EXPECT_EQ(pcs({7, 11, 2, 5}).primeForm().toString(), "[0,2,5,8]");
    EXPECT_EQ(pcs({0, 4, 7, 11}).primeForm().toString(), "[0,1,5,8]");
}

TEST(PitchClassSetTest, ParsesForteNames) {
    EXPECT_EQ(named("3-11").primeForm().toString(), "[0,3,7]");
    EXPECT_EQ(named("4-Z15").name(), "4-Z15");
    EXPECT_EQ(named("6-Z44").primeForm().toString(), "[0,1,2,5,6,9]");
    EXPECT_EQ(named("4-15"), named("4-Z15"));  // the Z may be left out
    EXPECT_EQ(named("4-z29"), named("4-Z29"));
    EXPECT_EQ(named("6\u2013Z44"), named("6-Z44"));  // the en dash of printed tables
    EXPECT_EQ(named(" 7-35 "), named("7-35"));
    EXPECT_EQ(named("0-1"), SetClass{});
    EXPECT_EQ(named("12-1").cardinality(), 12);
    for (const SetClass setClass : SetClass::all()) EXPECT_EQ(named(setClass.name()), setClass);
}

TEST(PitchClassSetTest, RejectsBadForteNamesAndSaysWhere) {
    const std::vector<std::pair<std::string_view, int>> bad{
        {"", 1},      {"x", 1},    {"4", 2},     {"4-", 3},     {"4-Z", 4},           {"4-30", 3},         {"13-1", 1},
        {"4-Z14", 3}, {"4-1x", 4}, {"4 -1", 2},  {"-4-1", 1},   {"4--1", 3},          {"2-7", 3},          {"4-0", 3},
        {"4-+1", 3},  {"4_15", 2}, {"Z4-15", 1}, {"4-Z15Z", 6}, {"99999999999-1", 1}, {"4-99999999999", 3}};
    for (const auto& [text, column] : bad) {
        const auto parsed = SetClass::parse(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_EQ(parsed.error().code, core::ErrorCode::ParseError);
        EXPECT_NE(parsed.error().message.find(std::string{text}), std::string::npos) << parsed.error().message;
        ASSERT_TRUE(parsed.error().where.column) << text;
        EXPECT_EQ(*parsed.error().where.column, column) << text << ": " << parsed.error().describe();
    }
    EXPECT_NE(SetClass::parse("4-30").error().message.find("1 to 29"), std::string::npos);
    EXPECT_NE(SetClass::parse("4-Z14").error().message.find("not Z-related"), std::string::npos);
}

TEST(PitchClassSetTest, LookupsAreRealtimeSafe) {
    const auto set = pcs({7, 11, 2, 5});
    EXPECT_REALTIME_SAFE({
        const auto name = set.forteName();
        const auto primeForm = set.primeForm();
        const auto normalForm = set.normalForm();
        const auto partner = SetClass::of(set).zPartner();
        const auto vector = set.intervalVector();
        EXPECT_EQ(name, "4-27");
        EXPECT_EQ(primeForm.size(), 4U);
        EXPECT_EQ(normalForm[0], 11);
        EXPECT_FALSE(partner);
        EXPECT_EQ(vector[4], 1);
    });
}

}  // namespace
}  // namespace mos::theory
