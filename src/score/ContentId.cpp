#include "mos/score/ContentId.hpp"

#include <array>
#include <string_view>

#include <sodium.h>

#include "mos/score/UmfJson.hpp"

namespace mos::score {

std::string contentId(const Score& score) {
    // libsodium wants sodium_init() before use; it is idempotent and thread-safe.
    [[maybe_unused]] static const int initialised = sodium_init();
    const std::string canonical = writeUmf(score, UmfStyle::Compact);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string id = "sha256:";
    id.reserve(id.size() + 2 * digest.size());
    for (const unsigned char byte : digest) {
        id += kHex[byte >> 4U];
        id += kHex[byte & 0xFU];
    }
    return id;
}

}  // namespace mos::score
