#include "mos/core/Rational.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace mos::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(RationalTest, NormalisesSignAndCommonFactors) {
    const Rational r{6, -8};
    EXPECT_EQ(r.num(), -3);
    EXPECT_EQ(r.den(), 4);
    EXPECT_EQ(Rational(0, -5), Rational(0));
    EXPECT_EQ(Rational(0, -5).den(), 1);
}

TEST(RationalTest, ZeroDenominatorIsInvalid) {
    EXPECT_FALSE(Rational(1, 0).isValid());
    EXPECT_FALSE(Rational::invalid().isValid());
    EXPECT_TRUE(Rational().isValid());
}

TEST(RationalTest, AddsTupletsExactly) {
    // Three eighth-note triplets make a quarter.
    const Rational triplet{1, 12};
    EXPECT_EQ(triplet + triplet + triplet, Rational(1, 4));
    EXPECT_EQ(Rational(1, 4) + Rational(1, 6), Rational(5, 12));
    EXPECT_EQ(Rational(1, 4) - Rational(1, 3), Rational(-1, 12));
    EXPECT_EQ(Rational(3, 8) * Rational(2, 3), Rational(1, 4));
    EXPECT_EQ(Rational(3, 8) / Rational(3, 4), Rational(1, 2));
    EXPECT_EQ(-Rational(3, 8), Rational(-3, 8));
}

TEST(RationalTest, ThousandsOfSmallStepsDoNotDrift) {
    Rational position;
    for (int i = 0; i < 7000; ++i) position += Rational{1, 7};
    EXPECT_EQ(position, Rational(1000));
}

TEST(RationalTest, DivisionByZeroIsInvalid) { EXPECT_FALSE((Rational(1, 2) / Rational(0)).isValid()); }

TEST(RationalTest, OverflowBecomesInvalidAndStaysInvalid) {
    const Rational big{kMax};
    EXPECT_FALSE((big + Rational(1)).isValid());
    EXPECT_FALSE((big * Rational(2)).isValid());
    EXPECT_FALSE((Rational(1, kMax) * Rational(1, 2)).isValid());
    EXPECT_FALSE((-Rational(kMin)).isValid());
    const Rational broken = big + Rational(1);
    EXPECT_FALSE((broken - Rational(1)).isValid());
    EXPECT_FALSE((broken * Rational(0)).isValid());
}

TEST(RationalTest, LargeIntermediatesThatReduceStayExact) {
    // (max/3 * 3) overflows 64 bits only in the intermediate product.
    const Rational a{kMax - 1, 3};
    EXPECT_EQ(a * Rational(3), Rational(kMax - 1));
    EXPECT_EQ(Rational(1, kMax) + Rational(1, kMax), Rational(2, kMax));
}

TEST(RationalTest, OrdersExactlyAndInvalidIsUnordered) {
    EXPECT_LT(Rational(1, 3), Rational(1, 2));
    EXPECT_GT(Rational(-1, 3), Rational(-1, 2));
    EXPECT_LT(Rational(kMax - 1, kMax), Rational(1));
    EXPECT_EQ(Rational::invalid() <=> Rational(0), std::partial_ordering::unordered);
    EXPECT_FALSE(Rational::invalid() == Rational::invalid());
    std::vector<Rational> values{{3, 4}, {1, 3}, {-2, 5}, {1, 2}};
    std::sort(values.begin(), values.end());
    EXPECT_EQ(values, (std::vector<Rational>{{-2, 5}, {1, 3}, {1, 2}, {3, 4}}));
}

TEST(RationalTest, RoundsTowardsEitherSide) {
    EXPECT_EQ(Rational(7, 2).floor(), 3);
    EXPECT_EQ(Rational(7, 2).ceil(), 4);
    EXPECT_EQ(Rational(7, 2).round(), 4);
    EXPECT_EQ(Rational(-7, 2).floor(), -4);
    EXPECT_EQ(Rational(-7, 2).ceil(), -3);
    EXPECT_EQ(Rational(-7, 2).round(), -4);
    EXPECT_EQ(Rational(5, 3).round(), 2);
    EXPECT_EQ(Rational(4, 3).round(), 1);
    EXPECT_EQ(Rational(kMax, 2).round(), kMax / 2 + 1);
    EXPECT_FALSE(Rational::invalid().floor().has_value());
}

TEST(RationalTest, PrintsAndParses) {
    EXPECT_EQ(Rational(3, 4).toString(), "3/4");
    EXPECT_EQ(Rational(-8, 4).toString(), "-2");
    EXPECT_EQ(Rational::invalid().toString(), "invalid");
    EXPECT_EQ(Rational::parse("6/8"), Rational(3, 4));
    EXPECT_EQ(Rational::parse("-5"), Rational(-5));
    EXPECT_FALSE(Rational::parse("1/0").has_value());
    EXPECT_FALSE(Rational::parse("1/-2").has_value());
    EXPECT_FALSE(Rational::parse("").has_value());
    EXPECT_FALSE(Rational::parse("1/").has_value());
    EXPECT_FALSE(Rational::parse("a/2").has_value());
    EXPECT_FALSE(Rational::parse("1 /2").has_value());
    EXPECT_FALSE(Rational::parse("99999999999999999999").has_value());
}

TEST(RationalTest, WorksAtCompileTime) {
    static_assert(Rational(2, 4) == Rational(1, 2));
    static_assert(Rational(1, 4) + Rational(1, 4) == Rational(1, 2));
    static_assert(!Rational(1, 0).isValid());
}

}  // namespace
}  // namespace mos::core
