#include "mos/core/Error.hpp"

namespace mos::core {

std::string_view toString(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::InvalidArgument:
            return "invalid-argument";
        case ErrorCode::NotFound:
            return "not-found";
        case ErrorCode::ParseError:
            return "parse-error";
        case ErrorCode::Unsupported:
            return "unsupported";
        case ErrorCode::IoError:
            return "io-error";
        case ErrorCode::OutOfRange:
            return "out-of-range";
        case ErrorCode::Overflow:
            return "overflow";
        case ErrorCode::Internal:
            return "internal";
    }
    return "internal";
}

std::string SourceLocation::toString() const {
    std::string text = file;
    if (line) {
        text += (text.empty() ? "line " : ":") + std::to_string(*line);
        if (column) text += ':' + std::to_string(*column);
    }
    if (byteOffset) text += (text.empty() ? "byte " : " at byte ") + std::to_string(*byteOffset);
    if (!measure.empty()) text += (text.empty() ? "measure " : ", measure ") + measure;
    return text;
}

std::string Error::describe() const {
    const std::string place = where.toString();
    return place.empty() ? message : place + ": " + message;
}

}  // namespace mos::core
