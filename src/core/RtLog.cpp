#include "mos/core/RtLog.hpp"

#include <charconv>
#include <string_view>

namespace mos::core {
namespace {

void appendArg(std::string& out, const RtLogArg& arg) {
    // 32 bytes hold any int64, uint64 or shortest-form double ("-1.7976931348623157e+308" is 24).
    char digits[32];
    const std::to_chars_result result =
        std::visit([&digits](auto value) { return std::to_chars(std::begin(digits), std::end(digits), value); }, arg);
    out.append(digits, result.ptr);
}

}  // namespace

std::string formatRtLogRecord(const RtLogRecord& record) {
    const std::string_view format = record.format;
    std::string out;
    out.reserve(format.size() + std::size_t{16} * record.argCount);
    std::size_t used = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (used < record.argCount && format.compare(i, 2, "{}") == 0) {
            appendArg(out, record.args[used++]);
            ++i;
        } else {
            out.push_back(format[i]);
        }
    }
    if (used < record.argCount) {
        out += " (extra arguments: ";
        for (std::size_t i = used; i < record.argCount; ++i) {
            if (i != used) out += ", ";
            appendArg(out, record.args[i]);
        }
        out += ')';
    }
    return out;
}

RtLog::RtLog(std::size_t capacity) : ring_{capacity} {}

std::size_t RtLog::drain() {
    std::size_t written = 0;
    while (const RtLogRecord* record = ring_.front()) {
        log::write(record->level, record->component, formatRtLogRecord(*record));
        ring_.popFront();
        ++written;
    }
    const std::uint64_t droppedNow = dropped();
    if (droppedNow != droppedReported_) {
        log::warn("log", "audio log dropped ", droppedNow - droppedReported_, " records");
        droppedReported_ = droppedNow;
    }
    return written;
}

std::uint64_t RtLog::dropped() const noexcept {
    // Relaxed: see dropped_.
    return dropped_.load(std::memory_order_relaxed);
}

}  // namespace mos::core
