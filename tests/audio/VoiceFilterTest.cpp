#include "audio/sampler/VoiceFilter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "audio/synth/StateVariableFilter.hpp"

namespace mos::audio::sampler {
namespace {

std::vector<float> noise(std::size_t frames) {
    std::mt19937 rng{11};
    std::uniform_real_distribution<float> sample{-1.0F, 1.0F};
    std::vector<float> out(frames);
    for (float& value : out) value = sample(rng);
    return out;
}

float reference(const synth::StateVariableFilter::Outputs& out, float input, FilterType type) {
    switch (type) {
        case FilterType::HighPass2Pole:
            return out.high;
        case FilterType::BandPass2Pole:
            return out.band;
        case FilterType::BandReject2Pole:
            return input - out.band;  // low + high
        default:
            return out.low;
    }
}

// The two-frame form is the synth's one-frame filter, rearranged: the same output to rounding, for
// every response, a low and a resonant high cutoff, retuned midway.
TEST(VoiceFilterTest, MatchesTheOneFrameStateVariableFilter) {
    const std::vector<float> input = noise(4001);
    for (const FilterType type : {FilterType::LowPass2Pole, FilterType::HighPass2Pole, FilterType::BandPass2Pole,
                                  FilterType::BandReject2Pole}) {
        synth::StateVariableFilter svf;
        VoiceFilter filter;
        std::vector<float> output = input;
        float worst = 0.0F;
        for (const auto& [from, to, cutoff, q] :
             {std::tuple{0U, 2001U, 0.01F, 0.7071F}, std::tuple{2001U, 4001U, 0.3F, 8.0F}}) {
            svf.tune(cutoff, q);
            filter.tune(type, cutoff, q);
            filter.process(output.data() + from, to - from);
            for (std::uint32_t i = from; i < to; ++i) {
                const float expected = reference(svf.process(input[i]), input[i], type);
                worst = std::max(worst, std::abs(output[i] - expected));
            }
        }
        EXPECT_LT(worst, 1e-4F) << static_cast<int>(type);
    }
}

// Frames pair up from the last tune, so however the runs split them the output is bit for bit the same.
TEST(VoiceFilterTest, TheOutputDoesNotDependOnHowRunsSplitTheFrames) {
    const std::vector<float> input = noise(3000);
    VoiceFilter whole;
    whole.tune(FilterType::LowPass2Pole, 0.05F, 2.0F);
    std::vector<float> expected = input;
    whole.process(expected.data(), 1500);
    whole.tune(FilterType::LowPass2Pole, 0.08F, 2.0F);
    whole.process(expected.data() + 1500, 1500);

    std::mt19937 rng{3};
    std::uniform_int_distribution<std::uint32_t> runLength{1, 9};
    VoiceFilter split;
    split.tune(FilterType::LowPass2Pole, 0.05F, 2.0F);
    std::vector<float> output = input;
    std::uint32_t done = 0;
    while (done < 3000) {
        const std::uint32_t end = done < 1500 ? 1500 : 3000;
        const std::uint32_t run = std::min(runLength(rng), end - done);
        split.process(output.data() + done, run);
        done += run;
        if (done == 1500) split.tune(FilterType::LowPass2Pole, 0.08F, 2.0F);
    }
    EXPECT_EQ(output, expected);
}

}  // namespace
}  // namespace mos::audio::sampler
