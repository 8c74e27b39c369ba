#include "mos/core/Log.hpp"

#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/CapturedLog.hpp"

namespace mos::core {
namespace {

// Every test sees only its own log lines.
class LogTest : public ::testing::Test {
protected:
    std::string output() const { return log_.text(); }

    test::CapturedLog log_;
};

TEST_F(LogTest, FormatsLevelComponentAndMessage) {
    log::warn("audio", "device ", "hw:1", " lost after ", 3, " retries");
    EXPECT_EQ(output(), "mos [warn] audio: device hw:1 lost after 3 retries\n");
}

TEST_F(LogTest, EachLevelHasItsName) {
    log::trace("core", "t");
    log::debug("core", "d");
    log::info("core", "i");
    log::warn("core", "w");
    log::error("core", "e");
    EXPECT_EQ(output(),
              "mos [trace] core: t\nmos [debug] core: d\nmos [info] core: i\nmos [warn] core: w\n"
              "mos [error] core: e\n");
}

TEST_F(LogTest, ThresholdFiltersLessSevereMessages) {
    log::setLevel(LogLevel::Warn);
    log::info("core", "hidden");
    log::warn("core", "shown");
    log::error("core", "shown too");
    EXPECT_EQ(output(), "mos [warn] core: shown\nmos [error] core: shown too\n");
    EXPECT_FALSE(log::enabled(LogLevel::Info));
    EXPECT_TRUE(log::enabled(LogLevel::Error));
}

TEST_F(LogTest, OffSilencesEverything) {
    log::setLevel(LogLevel::Off);
    log::error("core", "hidden");
    log::write(LogLevel::Off, "core", "never a message level");
    EXPECT_EQ(output(), "");
}

// Streams an argument and counts how often that happens.
struct CountingArg {
    int* formatted;
};
std::ostream& operator<<(std::ostream& out, const CountingArg& arg) {
    ++*arg.formatted;
    return out << "counted";
}

TEST_F(LogTest, DisabledMessagesAreNotFormatted) {
    int formatted = 0;
    log::setLevel(LogLevel::Info);
    log::debug("core", CountingArg{&formatted});
    EXPECT_EQ(formatted, 0);
    log::info("core", CountingArg{&formatted});
    EXPECT_EQ(formatted, 1);
}

TEST(LogLevelTest, NamesRoundTripIgnoringCase) {
    for (const LogLevel level :
         {LogLevel::Trace, LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error, LogLevel::Off}) {
        EXPECT_EQ(parseLogLevel(toString(level)), level);
    }
    EXPECT_EQ(parseLogLevel("DEBUG"), LogLevel::Debug);
    EXPECT_EQ(parseLogLevel("Warn"), LogLevel::Warn);
    EXPECT_EQ(parseLogLevel("warning"), std::nullopt);
    EXPECT_EQ(parseLogLevel(""), std::nullopt);
}

// Sets MOS_LOG for one test and restores the environment after it.
class LogEnvironmentTest : public LogTest {
protected:
    LogEnvironmentTest() {
        if (const char* value = std::getenv("MOS_LOG")) saved_ = value;
    }
    ~LogEnvironmentTest() override {
        if (saved_) {
            ::setenv("MOS_LOG", saved_->c_str(), 1);
        } else {
            ::unsetenv("MOS_LOG");
        }
    }

    std::optional<std::string> saved_;
};

TEST_F(LogEnvironmentTest, MosLogSetsTheThreshold) {
    ::setenv("MOS_LOG", "debug", 1);
    EXPECT_EQ(log::configureFromEnvironment(), LogLevel::Debug);
    EXPECT_EQ(log::level(), LogLevel::Debug);
    ::setenv("MOS_LOG", "ERROR", 1);
    EXPECT_EQ(log::configureFromEnvironment(), LogLevel::Error);
    EXPECT_EQ(output(), "");
}

TEST_F(LogEnvironmentTest, UnsetOrEmptyMosLogMeansInfo) {
    ::unsetenv("MOS_LOG");
    EXPECT_EQ(log::configureFromEnvironment(), LogLevel::Info);
    ::setenv("MOS_LOG", "", 1);
    EXPECT_EQ(log::configureFromEnvironment(), LogLevel::Info);
    EXPECT_EQ(output(), "");
}

TEST_F(LogEnvironmentTest, BadMosLogWarnsAndFallsBackToInfo) {
    log::setLevel(LogLevel::Off);
    ::setenv("MOS_LOG", "verbose", 1);
    EXPECT_EQ(log::configureFromEnvironment(), LogLevel::Info);
    EXPECT_EQ(output(),
              "mos [warn] core: MOS_LOG=\"verbose\" names no log level (trace, debug, info, warn, error, off); "
              "using info\n");
}

TEST(LogSinkTest, ConcurrentMessagesArriveAsWholeLines) {
    // The sink writes each line one character at a time: only the logger's serialisation keeps
    // lines from different threads from interleaving (and keeps ThreadSanitizer quiet).
    std::string received;
    log::Sink previous = log::setSink([&received](std::string_view line) {
        for (const char c : line) received.push_back(c);
    });
    const LogLevel previousLevel = log::level();
    log::setLevel(LogLevel::Info);

    constexpr int kThreads = 4;
    constexpr int kLinesPerThread = 200;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t] {
            for (int i = 0; i < kLinesPerThread; ++i) log::info("test", "thread ", t, " line ", i, " done");
        });
    }
    for (std::thread& thread : threads) thread.join();
    log::setSink(std::move(previous));
    log::setLevel(previousLevel);

    std::istringstream lines{received};
    const std::regex wholeLine{R"(mos \[info\] test: thread (\d) line (\d+) done)"};
    std::vector<int> nextLine(kThreads, 0);
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        std::smatch match;
        ASSERT_TRUE(std::regex_match(line, match, wholeLine)) << line;
        const int thread = std::stoi(match[1]);
        // Each thread's own lines keep their order.
        EXPECT_EQ(std::stoi(match[2]), nextLine[static_cast<std::size_t>(thread)]++);
    }
    EXPECT_EQ(count, kThreads * kLinesPerThread);
}

}  // namespace
}  // namespace mos::core
