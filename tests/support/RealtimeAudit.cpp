#include "support/RealtimeAudit.hpp"

// The interposers. Defined in the test executable itself (mos_test_support is an OBJECT library),
// they come first in symbol lookup, ahead of libasan/libtsan and of libc and libstdc++, so every call
// from the test, from MOS and from the runtimes' own PLT calls lands here. Each one notes the call
// when the calling thread is audited and forwards to the next definition in lookup order, found with
// dlsym(RTLD_NEXT): the sanitizer's allocator and interceptors in sanitizer builds (which keeps their
// checks, such as new/delete mismatch, working), glibc and libstdc++ otherwise.
//
// The sanitizer runtimes call malloc while they initialise (their own dlsym lookups allocate), so
// this code runs before sanitizer shadow memory exists: the file is compiled with -fno-sanitize=all
// (tests/support/CMakeLists.txt), and the paths the interposers take use only compiler built-ins
// and functions with internal linkage, never inline std templates that an instrumented translation
// unit might supply at link time.

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <new>

#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

namespace mos::test {
namespace {

using Kind = RealtimeEvent::Kind;

// Every call an audit may need to list; later ones are only counted.
constexpr std::size_t kThreadEventLog = 64;

// Per-thread audit state. Zero-initialised static TLS in the executable: initial-exec access is a
// plain %fs-relative load, so the interposers reach it without calling __tls_get_addr, which could
// allocate and recurse into malloc.
struct ThreadState {
    unsigned depth;      // live RealtimeAudit objects on this thread
    unsigned muted;      // > 0 while inside an interposer's forwarded call
    unsigned resolving;  // > 0 while this thread is inside dlsym
    std::uint64_t allocations;
    std::uint64_t deallocations;
    std::uint64_t blockingCalls;
    std::uint64_t eventsSeen;
    RealtimeEvent events[kThreadEventLog];
};

[[gnu::tls_model("initial-exec")]] constinit thread_local ThreadState threadState{};

void record(Kind kind, const char* function, std::size_t bytes) noexcept {
    ThreadState& state = threadState;
    if (state.depth == 0 || state.muted != 0) return;
    switch (kind) {
        case Kind::Allocation:
            ++state.allocations;
            break;
        case Kind::Deallocation:
            ++state.deallocations;
            break;
        case Kind::BlockingCall:
            ++state.blockingCalls;
            break;
    }
    if (state.eventsSeen < kThreadEventLog) state.events[state.eventsSeen] = {kind, function, bytes};
    ++state.eventsSeen;
}

// Stops counting on this thread for its lifetime: the runtime an interposer forwards to may itself
// call interposed functions (libstdc++'s operator new calls malloc), which belong to the call
// already counted.
class Muted {
public:
    Muted() noexcept { ++threadState.muted; }
    ~Muted() { --threadState.muted; }
    Muted(const Muted&) = delete;
    Muted& operator=(const Muted&) = delete;
};

// Serves malloc/calloc/realloc while this thread is inside dlsym resolving the real allocator (glibc's
// dlsym may allocate). Bump allocation, never reused, so calloc's zeroing is free and free() just
// ignores these blocks. Each block starts with its size, for realloc.
constexpr std::size_t kBootstrapBytes = std::size_t{64} * 1024;
constexpr std::size_t kBootstrapAlign = alignof(std::max_align_t);
alignas(kBootstrapAlign) constinit std::byte bootstrapArena[kBootstrapBytes]{};
// Relaxed: fetch_add alone hands each caller a disjoint range; nothing else is published through it.
// Accessed only through __atomic built-ins, as Next::address_ is.
constinit std::size_t bootstrapUsed = 0;

void* bootstrapAllocate(std::size_t bytes) noexcept {
    const std::size_t rounded = (bytes + kBootstrapAlign - 1) / kBootstrapAlign * kBootstrapAlign;
    const std::size_t blockBytes = kBootstrapAlign + rounded;
    if (rounded < bytes || blockBytes > kBootstrapBytes) return nullptr;
    const std::size_t offset = __atomic_fetch_add(&bootstrapUsed, blockBytes, __ATOMIC_RELAXED);
    if (offset > kBootstrapBytes - blockBytes) return nullptr;
    std::byte* block = bootstrapArena + offset;
    __builtin_memcpy(block, &bytes, sizeof bytes);
    return block + kBootstrapAlign;
}

bool inBootstrapArena(const void* ptr) noexcept {
    // Compared as integers: relational comparison of unrelated pointers is unspecified.
    const auto address = reinterpret_cast<std::uintptr_t>(ptr);
    const auto begin = reinterpret_cast<std::uintptr_t>(bootstrapArena);
    return address >= begin && address < begin + kBootstrapBytes;
}

std::size_t bootstrapSize(const void* ptr) noexcept {
    std::size_t bytes = 0;
    __builtin_memcpy(&bytes, static_cast<const std::byte*>(ptr) - kBootstrapAlign, sizeof bytes);
    return bytes;
}

[[noreturn]] void dieUnresolved(const char* symbol) noexcept {
    // write(2) rather than stdio: stdio may allocate, and the allocator may be what is missing.
    static constexpr char kPrefix[] = "RealtimeAudit: dlsym(RTLD_NEXT) found no ";
    (void)!::write(STDERR_FILENO, kPrefix, sizeof kPrefix - 1);
    (void)!::write(STDERR_FILENO, symbol, std::strlen(symbol));
    (void)!::write(STDERR_FILENO, "\n", 1);
    std::abort();
}

// The next definition of an interposed function, resolved on first use.
template <typename Fn>
class Next {
public:
    consteval Next(const char* symbol, const char* label) : symbol_{symbol}, label_{label} {}
    consteval explicit Next(const char* symbol) : Next{symbol, symbol} {}

    const char* label() const noexcept { return label_; }

    bool resolved() const noexcept { return __atomic_load_n(&address_, __ATOMIC_RELAXED) != nullptr; }

    Fn* get() noexcept {
        // Relaxed: the address is the whole message; the code it points to was mapped before dlsym
        // returned it, and threads racing to resolve all store the same value. GCC's __atomic
        // built-ins rather than std::atomic, whose inline member functions may be linked in from an
        // instrumented translation unit (see the top of this file).
        void* address = __atomic_load_n(&address_, __ATOMIC_RELAXED);
        if (address == nullptr) {
            ++threadState.resolving;
            address = ::dlsym(RTLD_NEXT, symbol_);
            --threadState.resolving;
            if (address == nullptr) dieUnresolved(symbol_);
            __atomic_store_n(&address_, address, __ATOMIC_RELAXED);
        }
        return reinterpret_cast<Fn*>(address);
    }

private:
    const char* symbol_;       // the linker's name, mangled for C++ operators
    const char* label_;        // the name a report shows
    void* address_ = nullptr;  // accessed only through __atomic built-ins
};

// Notes one call and forwards it, muted so that the callee's own interposed calls are not counted.
template <typename Fn, typename... Args>
auto forwardAudited(Next<Fn>& next, Kind kind, std::size_t bytes, Args... args) {
    record(kind, next.label(), bytes);
    const Muted muted;
    return next.get()(args...);
}

bool resolvingOnThisThread() noexcept { return threadState.resolving != 0; }

// Signatures by hand rather than decltype(::malloc): decltype would carry glibc's attributes
// (nonnull, malloc), which template arguments cannot hold.
using AllocFn = void*(std::size_t);
using AllocPairFn = void*(std::size_t, std::size_t);
using ReallocFn = void*(void*, std::size_t);
using FreeFn = void(void*);
using PosixMemalignFn = int(void**, std::size_t, std::size_t);

constinit Next<AllocFn> nextMalloc{"malloc"};
constinit Next<AllocPairFn> nextCalloc{"calloc"};
constinit Next<ReallocFn> nextRealloc{"realloc"};
constinit Next<FreeFn> nextFree{"free"};
constinit Next<AllocPairFn> nextAlignedAlloc{"aligned_alloc"};
constinit Next<PosixMemalignFn> nextPosixMemalign{"posix_memalign"};
constinit Next<AllocPairFn> nextMemalign{"memalign"};
constinit Next<AllocFn> nextValloc{"valloc"};
constinit Next<AllocFn> nextPvalloc{"pvalloc"};

// C++ replaceable allocation functions, by their Itanium ABI names (std::size_t is unsigned long).
using NewAlignedFn = void*(std::size_t, std::align_val_t);
using NewNothrowFn = void*(std::size_t, const std::nothrow_t&);
using NewAlignedNothrowFn = void*(std::size_t, std::align_val_t, const std::nothrow_t&);
using DeleteSizedFn = void(void*, std::size_t);
using DeleteAlignedFn = void(void*, std::align_val_t);
using DeleteSizedAlignedFn = void(void*, std::size_t, std::align_val_t);
using DeleteNothrowFn = void(void*, const std::nothrow_t&);
using DeleteAlignedNothrowFn = void(void*, std::align_val_t, const std::nothrow_t&);

constinit Next<AllocFn> nextNew{"_Znwm", "operator new"};
constinit Next<AllocFn> nextNewArray{"_Znam", "operator new[]"};
constinit Next<NewAlignedFn> nextNewAligned{"_ZnwmSt11align_val_t", "operator new (aligned)"};
constinit Next<NewAlignedFn> nextNewArrayAligned{"_ZnamSt11align_val_t", "operator new[] (aligned)"};
constinit Next<NewNothrowFn> nextNewNothrow{"_ZnwmRKSt9nothrow_t", "operator new (nothrow)"};
constinit Next<NewNothrowFn> nextNewArrayNothrow{"_ZnamRKSt9nothrow_t", "operator new[] (nothrow)"};
constinit Next<NewAlignedNothrowFn> nextNewAlignedNothrow{"_ZnwmSt11align_val_tRKSt9nothrow_t",
                                                          "operator new (aligned, nothrow)"};
constinit Next<NewAlignedNothrowFn> nextNewArrayAlignedNothrow{"_ZnamSt11align_val_tRKSt9nothrow_t",
                                                               "operator new[] (aligned, nothrow)"};
constinit Next<FreeFn> nextDelete{"_ZdlPv", "operator delete"};
constinit Next<FreeFn> nextDeleteArray{"_ZdaPv", "operator delete[]"};
constinit Next<DeleteSizedFn> nextDeleteSized{"_ZdlPvm", "operator delete (sized)"};
constinit Next<DeleteSizedFn> nextDeleteArraySized{"_ZdaPvm", "operator delete[] (sized)"};
constinit Next<DeleteAlignedFn> nextDeleteAligned{"_ZdlPvSt11align_val_t", "operator delete (aligned)"};
constinit Next<DeleteAlignedFn> nextDeleteArrayAligned{"_ZdaPvSt11align_val_t", "operator delete[] (aligned)"};
constinit Next<DeleteSizedAlignedFn> nextDeleteSizedAligned{"_ZdlPvmSt11align_val_t",
                                                            "operator delete (sized, aligned)"};
constinit Next<DeleteSizedAlignedFn> nextDeleteArraySizedAligned{"_ZdaPvmSt11align_val_t",
                                                                 "operator delete[] (sized, aligned)"};
constinit Next<DeleteNothrowFn> nextDeleteNothrow{"_ZdlPvRKSt9nothrow_t", "operator delete (nothrow)"};
constinit Next<DeleteNothrowFn> nextDeleteArrayNothrow{"_ZdaPvRKSt9nothrow_t", "operator delete[] (nothrow)"};
constinit Next<DeleteAlignedNothrowFn> nextDeleteAlignedNothrow{"_ZdlPvSt11align_val_tRKSt9nothrow_t",
                                                                "operator delete (aligned, nothrow)"};
constinit Next<DeleteAlignedNothrowFn> nextDeleteArrayAlignedNothrow{"_ZdaPvSt11align_val_tRKSt9nothrow_t",
                                                                     "operator delete[] (aligned, nothrow)"};

// Blocking waits.
using MutexFn = int(pthread_mutex_t*);
using MutexTimedFn = int(pthread_mutex_t*, const timespec*);
using MutexClockFn = int(pthread_mutex_t*, clockid_t, const timespec*);
using RwlockFn = int(pthread_rwlock_t*);
using RwlockTimedFn = int(pthread_rwlock_t*, const timespec*);
using RwlockClockFn = int(pthread_rwlock_t*, clockid_t, const timespec*);
using CondFn = int(pthread_cond_t*, pthread_mutex_t*);
using CondTimedFn = int(pthread_cond_t*, pthread_mutex_t*, const timespec*);
using CondClockFn = int(pthread_cond_t*, pthread_mutex_t*, clockid_t, const timespec*);
using SemFn = int(sem_t*);
using SemTimedFn = int(sem_t*, const timespec*);
using SemClockFn = int(sem_t*, clockid_t, const timespec*);
using NanosleepFn = int(const timespec*, timespec*);
using ClockNanosleepFn = int(clockid_t, int, const timespec*, timespec*);
using UsleepFn = int(useconds_t);

constinit Next<MutexFn> nextMutexLock{"pthread_mutex_lock"};
constinit Next<MutexTimedFn> nextMutexTimedlock{"pthread_mutex_timedlock"};
constinit Next<MutexClockFn> nextMutexClocklock{"pthread_mutex_clocklock"};
constinit Next<RwlockFn> nextRwlockRdlock{"pthread_rwlock_rdlock"};
constinit Next<RwlockFn> nextRwlockWrlock{"pthread_rwlock_wrlock"};
constinit Next<RwlockTimedFn> nextRwlockTimedrdlock{"pthread_rwlock_timedrdlock"};
constinit Next<RwlockTimedFn> nextRwlockTimedwrlock{"pthread_rwlock_timedwrlock"};
constinit Next<RwlockClockFn> nextRwlockClockrdlock{"pthread_rwlock_clockrdlock"};
constinit Next<RwlockClockFn> nextRwlockClockwrlock{"pthread_rwlock_clockwrlock"};
constinit Next<CondFn> nextCondWait{"pthread_cond_wait"};
constinit Next<CondTimedFn> nextCondTimedwait{"pthread_cond_timedwait"};
constinit Next<CondClockFn> nextCondClockwait{"pthread_cond_clockwait"};
constinit Next<SemFn> nextSemWait{"sem_wait"};
constinit Next<SemTimedFn> nextSemTimedwait{"sem_timedwait"};
constinit Next<SemClockFn> nextSemClockwait{"sem_clockwait"};
constinit Next<NanosleepFn> nextNanosleep{"nanosleep"};
constinit Next<ClockNanosleepFn> nextClockNanosleep{"clock_nanosleep"};
constinit Next<UsleepFn> nextUsleep{"usleep"};

void appendCount(std::string& out, std::uint64_t count, const char* singular, const char* plural) {
    out += std::to_string(count);
    out += ' ';
    out += count == 1 ? singular : plural;
}

const char* kindName(Kind kind) noexcept {
    switch (kind) {
        case Kind::Allocation:
            return "allocation";
        case Kind::Deallocation:
            return "deallocation";
        case Kind::BlockingCall:
            return "blocking call";
    }
    return "call";
}

}  // namespace

std::string RealtimeReport::describe() const {
    std::string out = "made ";
    appendCount(out, allocations, "allocation", "allocations");
    out += ", ";
    appendCount(out, deallocations, "deallocation", "deallocations");
    out += " and ";
    appendCount(out, blockingCalls, "blocking call", "blocking calls");
    out += " on the audited thread";
    if (eventCount > 0) out += ':';
    for (std::size_t i = 0; i < eventCount; ++i) {
        const RealtimeEvent& event = events[i];
        out += "\n  ";
        out += kindName(event.kind);
        out += ": ";
        out += event.function;
        if (event.bytes != 0) {
            out += " (";
            appendCount(out, event.bytes, "byte", "bytes");
            out += ')';
        }
    }
    const std::uint64_t total = allocations + deallocations + blockingCalls;
    if (total > eventCount) {
        out += "\n  ... and ";
        out += std::to_string(total - eventCount);
        out += " more";
    }
    return out;
}

RealtimeAudit::RealtimeAudit() noexcept {
    ThreadState& state = threadState;
    if (state.depth == 0) {
        state.allocations = 0;
        state.deallocations = 0;
        state.blockingCalls = 0;
        state.eventsSeen = 0;
    }
    ++state.depth;
    startAllocations_ = state.allocations;
    startDeallocations_ = state.deallocations;
    startBlockingCalls_ = state.blockingCalls;
    startEvents_ = state.eventsSeen;
}

RealtimeAudit::~RealtimeAudit() { --threadState.depth; }

RealtimeReport RealtimeAudit::report() const noexcept {
    const ThreadState& state = threadState;
    RealtimeReport out;
    out.allocations = state.allocations - startAllocations_;
    out.deallocations = state.deallocations - startDeallocations_;
    out.blockingCalls = state.blockingCalls - startBlockingCalls_;
    const std::uint64_t logged = std::min<std::uint64_t>(state.eventsSeen, kThreadEventLog);
    for (std::uint64_t i = startEvents_; i < logged && out.eventCount < RealtimeReport::kMaxEvents; ++i) {
        out.events[out.eventCount++] = state.events[i];
    }
    return out;
}

bool RealtimeAudit::activeOnThisThread() noexcept { return threadState.depth != 0; }

namespace detail {

::testing::AssertionResult toAssertion(const RealtimeReport& report) {
    if (report.clean()) return ::testing::AssertionSuccess() << report.describe();
    return ::testing::AssertionFailure() << report.describe();
}

}  // namespace detail
}  // namespace mos::test

// The interposers live in the global namespace, where the linker looks for them; the helpers above
// are private to this file.
using namespace mos::test;

// LeakSanitizer ignores what the dynamic linker allocates for dlopen (libjack and alsa-lib load
// plug-ins that way) by looking at who called malloc. With malloc interposed here the caller it sees
// is this file, so name the linker's allocation site explicitly. Thread: any. RT-safe: yes.
// NOLINTNEXTLINE(bugprone-reserved-identifier,readability-identifier-naming): LSan looks up this name
extern "C" const char* __lsan_default_suppressions() { return "leak:_dl_map_object_deps\n"; }

// ---- C allocator ----

extern "C" void* malloc(std::size_t bytes) noexcept {
    if (resolvingOnThisThread()) return bootstrapAllocate(bytes);
    return forwardAudited(nextMalloc, Kind::Allocation, bytes, bytes);
}

extern "C" void* calloc(std::size_t count, std::size_t size) noexcept {
    if (resolvingOnThisThread()) {
        if (size != 0 && count > SIZE_MAX / size) return nullptr;
        return bootstrapAllocate(count * size);
    }
    // The product can overflow; the size shown is only a hint, the callee reports the overflow.
    return forwardAudited(nextCalloc, Kind::Allocation, count * size, count, size);
}

// Counted as one allocation: it may move the block, and growing in place still asks the allocator.
extern "C" void* realloc(void* ptr, std::size_t bytes) noexcept {
    if (ptr != nullptr && inBootstrapArena(ptr)) {
        const std::size_t oldBytes = bootstrapSize(ptr);
        void* moved = malloc(bytes);
        if (moved != nullptr) __builtin_memcpy(moved, ptr, bytes < oldBytes ? bytes : oldBytes);
        return moved;
    }
    if (resolvingOnThisThread()) return bootstrapAllocate(bytes);
    return forwardAudited(nextRealloc, Kind::Allocation, bytes, ptr, bytes);
}

// Null is a no-op, so it is neither counted nor forwarded.
extern "C" void free(void* ptr) noexcept {
    if (ptr == nullptr || inBootstrapArena(ptr)) return;
    // dlsym frees its previous error message before each lookup; while that lookup is for free
    // itself there is nowhere to forward to, so that one message is leaked.
    if (resolvingOnThisThread() && !nextFree.resolved()) return;
    forwardAudited(nextFree, Kind::Deallocation, 0, ptr);
}

extern "C" void* aligned_alloc(std::size_t alignment, std::size_t bytes) noexcept {
    return forwardAudited(nextAlignedAlloc, Kind::Allocation, bytes, alignment, bytes);
}

extern "C" int posix_memalign(void** out, std::size_t alignment, std::size_t bytes) noexcept {
    return forwardAudited(nextPosixMemalign, Kind::Allocation, bytes, out, alignment, bytes);
}

extern "C" void* memalign(std::size_t alignment, std::size_t bytes) noexcept {
    return forwardAudited(nextMemalign, Kind::Allocation, bytes, alignment, bytes);
}

extern "C" void* valloc(std::size_t bytes) noexcept {
    return forwardAudited(nextValloc, Kind::Allocation, bytes, bytes);
}

extern "C" void* pvalloc(std::size_t bytes) noexcept {
    return forwardAudited(nextPvalloc, Kind::Allocation, bytes, bytes);
}

// ---- C++ allocation functions ----

void* operator new(std::size_t bytes) { return forwardAudited(nextNew, Kind::Allocation, bytes, bytes); }
void* operator new[](std::size_t bytes) { return forwardAudited(nextNewArray, Kind::Allocation, bytes, bytes); }
void* operator new(std::size_t bytes, std::align_val_t alignment) {
    return forwardAudited(nextNewAligned, Kind::Allocation, bytes, bytes, alignment);
}
void* operator new[](std::size_t bytes, std::align_val_t alignment) {
    return forwardAudited(nextNewArrayAligned, Kind::Allocation, bytes, bytes, alignment);
}
void* operator new(std::size_t bytes, const std::nothrow_t& tag) noexcept {
    return forwardAudited(nextNewNothrow, Kind::Allocation, bytes, bytes, tag);
}
void* operator new[](std::size_t bytes, const std::nothrow_t& tag) noexcept {
    return forwardAudited(nextNewArrayNothrow, Kind::Allocation, bytes, bytes, tag);
}
void* operator new(std::size_t bytes, std::align_val_t alignment, const std::nothrow_t& tag) noexcept {
    return forwardAudited(nextNewAlignedNothrow, Kind::Allocation, bytes, bytes, alignment, tag);
}
void* operator new[](std::size_t bytes, std::align_val_t alignment, const std::nothrow_t& tag) noexcept {
    return forwardAudited(nextNewArrayAlignedNothrow, Kind::Allocation, bytes, bytes, alignment, tag);
}

// Deleting null is a no-op, so it is neither counted nor forwarded.
void operator delete(void* ptr) noexcept {
    if (ptr != nullptr) forwardAudited(nextDelete, Kind::Deallocation, 0, ptr);
}
void operator delete[](void* ptr) noexcept {
    if (ptr != nullptr) forwardAudited(nextDeleteArray, Kind::Deallocation, 0, ptr);
}
void operator delete(void* ptr, std::size_t bytes) noexcept {
    if (ptr != nullptr) forwardAudited(nextDeleteSized, Kind::Deallocation, bytes, ptr, bytes);
}
void operator delete[](void* ptr, std::size_t bytes) noexcept {
    if (ptr != nullptr) forwardAudited(nextDeleteArraySized, Kind::Deallocation, bytes, ptr, bytes);
}
void operator delete(void* ptr, std::align_val_t alignment) noexcept {
    if (ptr != nullptr) forwardAudited(nextDeleteAligned, Kind::Deallocation, 0, ptr, alignment);
}
void operator delete[](void* ptr, std::align_val_t alignment) noexcept {
    if (ptr != nullptr) forwardAudited(nextDeleteArrayAligned, Kind::Deallocation, 0, ptr, alignment);
}
void operator delete(void* ptr, std::size_t bytes, std::align_val_t alignment) noexcept {
    if (ptr != nullptr) {
        forwardAudited(nextDeleteSizedAligned, Kind::Deallocation, bytes, ptr, bytes, alignment);
    }
}
void operator delete[](void* ptr, std::size_t bytes, std::align_val_t alignment) noexcept {
    if (ptr != nullptr) {
        forwardAudited(nextDeleteArraySizedAligned, Kind::Deallocation, bytes, ptr, bytes, alignment);
    }
}
void operator delete(void* ptr, const std::nothrow_t& tag) noexcept {
    if (ptr != nullptr) {
        forwardAudited(nextDeleteNothrow, Kind::Deallocation, 0, ptr, tag);
    }
}
void operator delete[](void* ptr, const std::nothrow_t& tag) noexcept {
    if (ptr != nullptr) {
        forwardAudited(nextDeleteArrayNothrow, Kind::Deallocation, 0, ptr, tag);
    }
}
void operator delete(void* ptr, std::align_val_t alignment, const std::nothrow_t& tag) noexcept {
    if (ptr != nullptr) {
        forwardAudited(nextDeleteAlignedNothrow, Kind::Deallocation, 0, ptr, alignment, tag);
    }
}
void operator delete[](void* ptr, std::align_val_t alignment, const std::nothrow_t& tag) noexcept {
    if (ptr != nullptr) {
        forwardAudited(nextDeleteArrayAlignedNothrow, Kind::Deallocation, 0, ptr, alignment, tag);
    }
}

// ---- Blocking waits ----

extern "C" int pthread_mutex_lock(pthread_mutex_t* mutex) noexcept {
    return forwardAudited(nextMutexLock, Kind::BlockingCall, 0, mutex);
}
extern "C" int pthread_mutex_timedlock(pthread_mutex_t* mutex, const timespec* deadline) noexcept {
    return forwardAudited(nextMutexTimedlock, Kind::BlockingCall, 0, mutex, deadline);
}
extern "C" int pthread_mutex_clocklock(pthread_mutex_t* mutex, clockid_t clock, const timespec* deadline) noexcept {
    return forwardAudited(nextMutexClocklock, Kind::BlockingCall, 0, mutex, clock, deadline);
}
extern "C" int pthread_rwlock_rdlock(pthread_rwlock_t* lock) noexcept {
    return forwardAudited(nextRwlockRdlock, Kind::BlockingCall, 0, lock);
}
extern "C" int pthread_rwlock_wrlock(pthread_rwlock_t* lock) noexcept {
    return forwardAudited(nextRwlockWrlock, Kind::BlockingCall, 0, lock);
}
extern "C" int pthread_rwlock_timedrdlock(pthread_rwlock_t* lock, const timespec* deadline) noexcept {
    return forwardAudited(nextRwlockTimedrdlock, Kind::BlockingCall, 0, lock, deadline);
}
extern "C" int pthread_rwlock_timedwrlock(pthread_rwlock_t* lock, const timespec* deadline) noexcept {
    return forwardAudited(nextRwlockTimedwrlock, Kind::BlockingCall, 0, lock, deadline);
}
extern "C" int pthread_rwlock_clockrdlock(pthread_rwlock_t* lock, clockid_t clock, const timespec* deadline) noexcept {
    return forwardAudited(nextRwlockClockrdlock, Kind::BlockingCall, 0, lock, clock, deadline);
}
extern "C" int pthread_rwlock_clockwrlock(pthread_rwlock_t* lock, clockid_t clock, const timespec* deadline) noexcept {
    return forwardAudited(nextRwlockClockwrlock, Kind::BlockingCall, 0, lock, clock, deadline);
}
extern "C" int pthread_cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex) {
    return forwardAudited(nextCondWait, Kind::BlockingCall, 0, cond, mutex);
}
extern "C" int pthread_cond_timedwait(pthread_cond_t* cond, pthread_mutex_t* mutex, const timespec* deadline) {
    return forwardAudited(nextCondTimedwait, Kind::BlockingCall, 0, cond, mutex, deadline);
}
extern "C" int pthread_cond_clockwait(pthread_cond_t* cond, pthread_mutex_t* mutex, clockid_t clock,
                                      const timespec* deadline) {
    return forwardAudited(nextCondClockwait, Kind::BlockingCall, 0, cond, mutex, clock, deadline);
}
extern "C" int sem_wait(sem_t* sem) { return forwardAudited(nextSemWait, Kind::BlockingCall, 0, sem); }
extern "C" int sem_timedwait(sem_t* sem, const timespec* deadline) {
    return forwardAudited(nextSemTimedwait, Kind::BlockingCall, 0, sem, deadline);
}
extern "C" int sem_clockwait(sem_t* sem, clockid_t clock, const timespec* deadline) {
    return forwardAudited(nextSemClockwait, Kind::BlockingCall, 0, sem, clock, deadline);
}
extern "C" int nanosleep(const timespec* duration, timespec* remaining) {
    return forwardAudited(nextNanosleep, Kind::BlockingCall, 0, duration, remaining);
}
extern "C" int clock_nanosleep(clockid_t clock, int flags, const timespec* duration, timespec* remaining) {
    return forwardAudited(nextClockNanosleep, Kind::BlockingCall, 0, clock, flags, duration, remaining);
}
extern "C" int usleep(useconds_t microseconds) {
    return forwardAudited(nextUsleep, Kind::BlockingCall, 0, microseconds);
}
