// Writes the hand-built sample scores as UMF into a folder, so the schema test can check what MOS
// writes with an independent validator (tests/node/validate-umf.mjs).
//
//   mos_umf_samples OUT_DIR

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "UmfSamples.hpp"
#include "mos/score/UmfJson.hpp"

namespace {

bool writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out{path, std::ios::binary};
    out << text;
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: mos_umf_samples OUT_DIR\n");
        return 2;
    }
    using mos::score::UmfStyle;
    using mos::score::writeUmf;
    namespace testing = mos::score::testing;
    const std::filesystem::path folder{argv[1]};
    std::filesystem::create_directories(folder);
    const bool written =
        writeFile(folder / "every-field.umf.json", writeUmf(testing::everyFieldScore(), UmfStyle::Pretty)) &&
        writeFile(folder / "every-field.compact.umf.json", writeUmf(testing::everyFieldScore(), UmfStyle::Compact)) &&
        writeFile(folder / "minimal.umf.json", writeUmf(testing::minimalScore(), UmfStyle::Pretty));
    if (!written) {
        std::fprintf(stderr, "mos_umf_samples: cannot write into %s\n", folder.c_str());
        return 1;
    }
    return 0;
}
