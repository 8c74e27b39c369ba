// readSfz on arbitrary text: never crashes or hangs, whatever the comments, headers, #define and
// #include lines. The folder does not exist, so every sample and #include fails to load cleanly;
// what does load must hold regions within their samples.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mos/audio/SampleStore.hpp"
#include "mos/audio/SfzFile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mos::audio::SampleStore store;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto bank = mos::audio::readSfz(text, "/nonexistent/mos-fuzz-sfz", "fuzz.sfz", store);
    if (!bank) {
        if (bank.error().where.file.empty()) std::abort();  // every error names its file
        return 0;
    }
    if (bank->presets.size() != 1 || !bank->singleInstrument) std::abort();
    for (const auto& region : bank->presets.front().regions) {
        if (!region.sample || region.start > region.end || region.end > region.sample->frames) std::abort();
        if (region.loopEnd > region.sample->frames || region.loopStart > region.loopEnd) std::abort();
        if (region.loKey > 127 || region.hiKey > 127 || region.rootKey > 127) std::abort();
    }
    return 0;
}
