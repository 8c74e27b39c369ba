#pragma once

// Captures everything MOS logs while it lives, at a chosen threshold, and restores the previous
// sink and threshold afterwards, so tests check log output without writing to stderr.

#include <sstream>
#include <string>

#include "mos/core/Log.hpp"

namespace mos::test {

class CapturedLog {
public:
    explicit CapturedLog(core::LogLevel threshold = core::LogLevel::Trace)
        : previousSink_{core::log::setSink(core::log::streamSink(captured_))}, previousLevel_{core::log::level()} {
        core::log::setLevel(threshold);
    }
    ~CapturedLog() {
        core::log::setSink(std::move(previousSink_));
        core::log::setLevel(previousLevel_);
    }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;

    // Every line logged so far, each ending in '\n'.
    std::string text() const { return captured_.str(); }
    void clear() { captured_.str(""); }

private:
    std::ostringstream captured_;
    core::log::Sink previousSink_;
    core::LogLevel previousLevel_;
};

}  // namespace mos::test
