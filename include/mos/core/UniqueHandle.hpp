#pragma once

// Ownership of C library handles (ALSA, JACK, libsndfile …): a unique_ptr whose deleter calls the
// library's own release function.
//
//   UniqueHandle<snd_seq_t, snd_seq_close> sequencer{raw};   // snd_seq_close(raw) at scope end

#include <memory>

namespace mos::core {

// Calls Release on a non-null pointer; whatever Release returns is dropped, as nothing can be done
// about a failed close during cleanup.
template <auto Release>
struct CallRelease {
    template <typename T>
    void operator()(T* handle) const noexcept {
        static_cast<void>(Release(handle));
    }
};

template <typename T, auto Release>
using UniqueHandle = std::unique_ptr<T, CallRelease<Release>>;

}  // namespace mos::core
