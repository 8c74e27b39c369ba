#pragma once

// A real JACK server on the dummy driver (no sound card needed), under a name no other test uses,
// so tests can point libjack at it through the server name or JACK_DEFAULT_SERVER and leave the
// machine's own server alone.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include <unistd.h>

#include "mos/audio/DeviceProbe.hpp"
#include "support/ChildProcess.hpp"
#include "support/TempDirectory.hpp"

namespace mos::test {

class DummyJackServer {
public:
    // Normal: `-r`, no real-time scheduling, which every machine grants. Realtime: the server and its
    // clients' process threads run SCHED_FIFO where the process may (CAP_SYS_NICE or an rtprio
    // limit), so a busy machine's other work cannot preempt a callback; jackd falls back to normal
    // scheduling where it may not.
    enum class Scheduling { Normal, Realtime };

    // Starts `jackd -n <unique name> [-r] -d dummy -r <sampleRate> -p <bufferFrames>`.
    DummyJackServer(std::uint32_t sampleRate, std::uint32_t bufferFrames, Scheduling scheduling = Scheduling::Normal)
        : name_{uniqueName()},
          jackd_{{"jackd", "-n", name_, scheduling == Scheduling::Normal ? "-r" : "-R", "-d", "dummy", "-r",
                  std::to_string(sampleRate), "-p", std::to_string(bufferFrames)},
                 environmentWith({}),
                 logs_.path() / "jackd.out",
                 logs_.path() / "jackd.err"} {}

    const std::string& name() const { return name_; }

    // Waits until a client can connect, polling for at most `timeout`; false when jackd exited or
    // the time ran out (log() then says why).
    bool waitUntilReady(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (jackd_.poll()) return false;
            if (audio::probeJack(name_).running) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds{50});
        }
        return false;
    }

    // What jackd printed so far.
    std::string log() const { return readFile(logs_.path() / "jackd.out") + readFile(logs_.path() / "jackd.err"); }

private:
    static std::string uniqueName() {
        static std::atomic<int> counter{0};
        return "mos-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    }

    TempDirectory logs_;  // declared before jackd_: outlives the server writing into it
    std::string name_;
    ChildProcess jackd_;
};

}  // namespace mos::test
