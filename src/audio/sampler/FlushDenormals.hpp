#pragma once

// While alive, the CPU treats subnormal floats as zero (x86's FTZ and DAZ bits), then restores the
// caller's mode. A voice's filter ringing out after its sample ends, or a release tail near silence,
// would otherwise run into subnormal numbers, which cost some x86 cores a hundred times the cycles.

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace mos::audio::sampler {

class FlushDenormals {
public:
    // Thread: audio. RT-safe: yes.
    FlushDenormals() noexcept {
#if defined(__SSE__)
        saved_ = _mm_getcsr();
        _mm_setcsr(saved_ | kFlushToZero | kDenormalsAreZero);
#endif
    }
    ~FlushDenormals() {
#if defined(__SSE__)
        _mm_setcsr(saved_);
#endif
    }
    FlushDenormals(const FlushDenormals&) = delete;
    FlushDenormals& operator=(const FlushDenormals&) = delete;

private:
#if defined(__SSE__)
    static constexpr unsigned kFlushToZero = 0x8000;
    static constexpr unsigned kDenormalsAreZero = 0x0040;
    unsigned saved_ = 0;
#endif
};

}  // namespace mos::audio::sampler
