#include "audio/effects/Reverb.hpp"

#include <algorithm>
#include <cmath>

namespace mos::audio::effects {

namespace {

// Delay line lengths, spread over about an octave so the echo pattern never repeats audibly; their
// sum (0.32 s) gives the resonances the density a 2 s tail needs not to ring like a metal tube.
// The shortest line also sets when the tail starts, acting as a hall's pre-delay.
constexpr std::array<float, 8> kLineSeconds = {0.0257F, 0.0297F, 0.0331F, 0.0373F, 0.0411F, 0.0457F, 0.0499F, 0.0563F};
// The input all-passes of each side, different on the two sides so that even a mono send enters
// the network as two unlike bursts.
constexpr std::array<float, 2> kLeftDiffuserSeconds = {0.0047F, 0.0113F};
constexpr std::array<float, 2> kRightDiffuserSeconds = {0.0053F, 0.0127F};
// All-pass gain: high enough to smear a click into a burst, low enough that it does not ring.
constexpr float kDiffusion = 0.6F;

// Each side feeds four lines: ½ per line keeps the energy that enters the network that of the send.
constexpr float kInjectionGain = 0.5F;
// The Hadamard butterflies grow a vector's length by √8; this brings it back to 1.
constexpr float kHadamardScale = 0.35355339F;  // 1/√8
// The two outputs tap the lines with rows of the Hadamard matrix, orthogonal to each other and to
// the all-ones row, so their sum and difference both carry the whole tail. Scaled by 1/√8 again so
// that wetLevel 1 gives back about the sends' loudness at the default decay.
constexpr std::array<float, 8> kLeftTaps = {1.0F, -1.0F, 1.0F, -1.0F, 1.0F, -1.0F, 1.0F, -1.0F};
constexpr std::array<float, 8> kRightTaps = {1.0F, 1.0F, -1.0F, -1.0F, 1.0F, 1.0F, -1.0F, -1.0F};
constexpr float kTapScale = 0.35355339F;

// How much shorter the decay at Nyquist is than at DC with damping 1.
constexpr float kMaxHighFrequencyShortening = 0.9F;
// -240 dBFS: anything below it inside a feedback loop is set to zero. Far beneath any converter's
// noise floor, and far above the subnormal range (below 1.2e-38), which sums and products of numbers
// this size cannot reach.
constexpr float kSilenceFloor = 1e-12F;

constexpr float kShortestDecaySeconds = 0.05F;
constexpr float kLongestDecaySeconds = 60.0F;

float flushTiny(float sample) noexcept { return std::abs(sample) < kSilenceFloor ? 0.0F : sample; }

bool isPrime(std::uint32_t n) {
    if (n < 2) return false;
    for (std::uint32_t divisor = 2; divisor * divisor <= n; ++divisor) {
        if (n % divisor == 0) return false;
    }
    return true;
}

// The first prime ≥ both `seconds` at `sampleRate` and `atLeast`.
std::uint32_t primeFrames(float seconds, float sampleRate, std::uint32_t atLeast) {
    auto frames = std::max(static_cast<std::uint32_t>(std::lround(seconds * sampleRate)), atLeast);
    while (!isPrime(frames)) ++frames;
    return frames;
}

// The orthonormal 8×8 Hadamard matrix times `v`: three stages of sum-and-difference butterflies
// (24 additions) instead of 64 multiply-adds. Written out on values, not looped over an array: a
// loop's stores and the vector loads that follow them stall the processor at every frame.
std::array<float, 8> hadamard(const std::array<float, 8>& v) noexcept {
    const float a0 = v[0] + v[1], a1 = v[0] - v[1], a2 = v[2] + v[3], a3 = v[2] - v[3];
    const float a4 = v[4] + v[5], a5 = v[4] - v[5], a6 = v[6] + v[7], a7 = v[6] - v[7];
    const float b0 = a0 + a2, b2 = a0 - a2, b1 = a1 + a3, b3 = a1 - a3;
    const float b4 = a4 + a6, b6 = a4 - a6, b5 = a5 + a7, b7 = a5 - a7;
    return {(b0 + b4) * kHadamardScale, (b1 + b5) * kHadamardScale, (b2 + b6) * kHadamardScale,
            (b3 + b7) * kHadamardScale, (b0 - b4) * kHadamardScale, (b1 - b5) * kHadamardScale,
            (b2 - b6) * kHadamardScale, (b3 - b7) * kHadamardScale};
}

bool silent(const float* samples, std::uint32_t frames) noexcept {
    return std::all_of(samples, samples + frames, [](float sample) { return sample == 0.0F; });
}

}  // namespace

void Reverb::prepare(float sampleRate, std::uint32_t /*maxBlockFrames*/) {
    sampleRate_ = std::max(sampleRate, 1.0F);
    std::uint32_t previous = 0;
    for (std::size_t i = 0; i < kLines; ++i) {
        // Strictly increasing primes: mutually prime, whatever the rate.
        previous = primeFrames(kLineSeconds[i], sampleRate_, previous + 1);
        lines_[i].delay.prepare(previous);
    }
    for (std::size_t i = 0; i < kDiffusersPerSide; ++i) {
        leftDiffusers_[i].prepare(primeFrames(kLeftDiffuserSeconds[i], sampleRate_, 1));
        rightDiffusers_[i].prepare(primeFrames(kRightDiffuserSeconds[i], sampleRate_, 1));
    }
    longestDelayFrames_ = previous;  // the lines are longer than the all-passes
    updateLineFilters();
    reset();
}

void Reverb::setParameters(const Parameters& parameters) noexcept {
    parameters_.decaySeconds = std::clamp(parameters.decaySeconds, kShortestDecaySeconds, kLongestDecaySeconds);
    parameters_.damping = std::clamp(parameters.damping, 0.0F, 1.0F);
    parameters_.wetLevel = std::max(parameters.wetLevel, 0.0F);
    updateLineFilters();
}

void Reverb::reset() noexcept {
    for (Line& line : lines_) {
        line.delay.reset();
        line.state = 0.0F;
    }
    for (DiffuserChain* chain : {&leftDiffusers_, &rightDiffusers_}) {
        for (FixedDelay& diffuser : *chain) diffuser.reset();
    }
    quietFrames_ = longestDelayFrames_;
}

// A line of d frames must lose 60 dB per decaySeconds, so its gain per pass is 10^(-3·d / (T·rate)):
// this is the low-pass's gain at DC. At Nyquist the decay time is shortened by the damping, which
// raises that gain to a power ≥ 1. With H(z) = g(1-p) / (1 - p·z⁻¹), DC gain is g and Nyquist gain
// g(1-p)/(1+p), so p follows from the ratio r of the two: p = (1-r)/(1+r).
void Reverb::updateLineFilters() noexcept {
    if (sampleRate_ <= 0.0F) return;
    const float highDecayRatio = 1.0F - kMaxHighFrequencyShortening * parameters_.damping;
    for (Line& line : lines_) {
        const float passes = parameters_.decaySeconds * sampleRate_ / static_cast<float>(line.delay.length());
        const float dcGain = std::pow(10.0F, -3.0F / passes);
        const float ratio = std::pow(dcGain, 1.0F / highDecayRatio - 1.0F);
        line.pole = (1.0F - ratio) / (1.0F + ratio);
        line.feed = dcGain * (1.0F - line.pole);
    }
}

void Reverb::process(const float* sendLeft, const float* sendRight, float* outLeft, float* outRight,
                     std::uint32_t frames) noexcept {
    if (sampleRate_ <= 0.0F) return;
    // All delays hold zeros and nothing arrives: the output would be exact silence.
    if (idle() && silent(sendLeft, frames) && silent(sendRight, frames)) return;
    std::uint32_t done = 0;
    while (done < frames) {
        std::uint32_t run = frames - done;
        for (const Line& line : lines_) run = std::min(run, line.delay.framesBeforeWrap());
        for (const DiffuserChain* chain : {&leftDiffusers_, &rightDiffusers_}) {
            for (const FixedDelay& diffuser : *chain) run = std::min(run, diffuser.framesBeforeWrap());
        }
        processRun(sendLeft + done, sendRight + done, outLeft + done, outRight + done, run);
        for (Line& line : lines_) line.delay.advance(run);
        for (DiffuserChain* chain : {&leftDiffusers_, &rightDiffusers_}) {
            for (FixedDelay& diffuser : *chain) diffuser.advance(run);
        }
        done += run;
    }
}

void Reverb::processRun(const float* sendLeft, const float* sendRight, float* outLeft, float* outRight,
                        std::uint32_t frames) noexcept {
    const float outputGain = parameters_.wetLevel * kTapScale;
    // Everything the frames carry from one to the next lives in locals: written through float
    // pointers, members would be reloaded from memory at every frame.
    std::array<float*, kLines> lines{};
    std::array<float, kLines> feeds{};
    std::array<float, kLines> poles{};
    std::array<float, kLines> states{};
    for (std::size_t i = 0; i < kLines; ++i) {
        lines[i] = lines_[i].delay.head();
        feeds[i] = lines_[i].feed;
        poles[i] = lines_[i].pole;
        states[i] = lines_[i].state;
    }
    std::array<float*, kDiffusersPerSide> leftDiffusers{};
    std::array<float*, kDiffusersPerSide> rightDiffusers{};
    for (std::size_t i = 0; i < kDiffusersPerSide; ++i) {
        leftDiffusers[i] = leftDiffusers_[i].head();
        rightDiffusers[i] = rightDiffusers_[i].head();
    }
    // A Schroeder all-pass: flat in magnitude, it only spreads each input sample over time.
    const auto diffuse = [](const std::array<float*, kDiffusersPerSide>& chain, std::uint32_t frame, float input) {
        for (float* ring : chain) {
            const float delayed = ring[frame];
            const float stored = flushTiny(input + kDiffusion * delayed);
            ring[frame] = stored;
            input = delayed - kDiffusion * stored;
        }
        return input;
    };

    std::uint32_t quietFrames = quietFrames_;
    for (std::uint32_t frame = 0; frame < frames; ++frame) {
        const float left = diffuse(leftDiffusers, frame, sendLeft[frame]);
        const float right = diffuse(rightDiffusers, frame, sendRight[frame]);
        // The sends, the all-passes' outputs (zero only when their delays hold zeros) and the lines'
        // outputs: all zero for longestDelayFrames_ in a row means every delay holds only zeros.
        float activity = std::abs(sendLeft[frame]) + std::abs(sendRight[frame]) + std::abs(left) + std::abs(right);

        float wetLeft = 0.0F;
        float wetRight = 0.0F;
        for (std::size_t i = 0; i < kLines; ++i) {
            states[i] = flushTiny(feeds[i] * lines[i][frame] + poles[i] * states[i]);
            activity += std::abs(states[i]);
            wetLeft += kLeftTaps[i] * states[i];
            wetRight += kRightTaps[i] * states[i];
        }
        outLeft[frame] += outputGain * wetLeft;
        outRight[frame] += outputGain * wetRight;

        const std::array<float, kLines> circulating = hadamard(states);
        for (std::size_t i = 0; i < kLines; i += 2) {
            lines[i][frame] = circulating[i] + kInjectionGain * left;
            lines[i + 1][frame] = circulating[i + 1] + kInjectionGain * right;
        }
        quietFrames = activity == 0.0F ? std::min(quietFrames + 1, longestDelayFrames_) : 0;
    }
    quietFrames_ = quietFrames;
    for (std::size_t i = 0; i < kLines; ++i) lines_[i].state = states[i];
}

}  // namespace mos::audio::effects
