// ABC import throughput over the whole Nottingham corpus (948 tunes in 12 books), from memory into
// full scores: tunes per second (items) and bytes per second. The goal is 36,000 tunes/s, five times
// musicxml-io's parseAbc on this kind of machine.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "mos/formats/AbcReader.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> nottinghamBooks() {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator{fs::path{MOS_SHARED_DIR} / "corpora" / "abc-nottingham"}) {
        if (entry.path().extension() == ".abc") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> books;
    for (const auto& path : paths) {
        std::ifstream in{path, std::ios::binary};
        books.emplace_back(std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{});
    }
    return books;
}

void BM_ReadAbcNottingham(benchmark::State& state) {
    const auto books = nottinghamBooks();
    const std::string name = "book.abc";
    std::int64_t bytes = 0;
    for (const auto& book : books) bytes += static_cast<std::int64_t>(book.size());
    std::int64_t tunes = 0;
    for (auto _ : state) {
        for (const auto& book : books) {
            auto imported = mos::formats::readAbc(book, name);
            tunes += static_cast<std::int64_t>(imported->scores.size());
            benchmark::DoNotOptimize(imported);
        }
    }
    state.SetItemsProcessed(tunes);
    state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ReadAbcNottingham)->Unit(benchmark::kMillisecond);

}  // namespace
