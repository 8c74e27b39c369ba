// Runs a fuzz target without a fuzzing engine: every file under the given folders, then a fixed
// number of deterministic byte-level mutations of each. A crash or sanitizer report fails the test.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr int kMutationsPerInput = 2000;

std::vector<std::uint8_t> readFile(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

void mutate(std::vector<std::uint8_t>& bytes, std::mt19937& rng) {
    std::uniform_int_distribution<int> op{0, 3};
    std::uniform_int_distribution<int> byte{0, 255};
    const auto at = [&] { return std::uniform_int_distribution<std::size_t>{0, bytes.size()}(rng); };
    switch (op(rng)) {
        case 0:
            if (!bytes.empty()) bytes[at() % bytes.size()] = static_cast<std::uint8_t>(byte(rng));
            break;
        case 1:
            bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at()), static_cast<std::uint8_t>(byte(rng)));
            break;
        case 2:
            if (!bytes.empty()) bytes.erase(bytes.begin() + static_cast<std::ptrdiff_t>(at() % bytes.size()));
            break;
        default:
            if (!bytes.empty()) bytes[at() % bytes.size()] ^= static_cast<std::uint8_t>(1U << (byte(rng) % 8));
            break;
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path root{argv[i]};
        if (std::filesystem::is_regular_file(root)) {
            inputs.push_back(root);
            continue;
        }
        for (const auto& entry : std::filesystem::recursive_directory_iterator{root}) {
            if (entry.is_regular_file()) inputs.push_back(entry.path());
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "fuzz replay: no inputs found\n");
        return 1;
    }
    std::mt19937 rng{20261124};
    for (const auto& path : inputs) {
        const auto seed = readFile(path);
        LLVMFuzzerTestOneInput(seed.data(), seed.size());
        auto bytes = seed;
        for (int i = 0; i < kMutationsPerInput; ++i) {
            mutate(bytes, rng);
            LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
            if (i % 16 == 15) bytes = seed;  // wander, but not too far from real input
        }
    }
    std::printf("fuzz replay: %zu inputs, %d mutations each\n", inputs.size(), kMutationsPerInput);
    return 0;
}
