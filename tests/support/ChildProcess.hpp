#pragma once

// Runs another program the way a user's shell would: its own environment, stdout and stderr captured
// in files, exit status collected. Used to drive the `mos` binary and to host a real JACK server.

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace mos::test {

// This process's environment with `overrides` replacing (or adding) variables, as "NAME=value".
inline std::vector<std::string> environmentWith(const std::map<std::string, std::string>& overrides) {
    std::vector<std::string> entries;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string text{*entry};
        if (!overrides.contains(text.substr(0, text.find('=')))) entries.push_back(text);
    }
    for (const auto& [name, value] : overrides) {
        std::string entry = name;
        entry += '=';
        entry += value;
        entries.push_back(std::move(entry));
    }
    return entries;
}

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream file{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
}

class ChildProcess {
public:
    // Starts `arguments[0]` (looked up in PATH when it has no slash) with `environment`, reading
    // stdin from `stdinFile` and writing its stdout and stderr to the two files.
    ChildProcess(const std::vector<std::string>& arguments, const std::vector<std::string>& environment,
                 const std::filesystem::path& stdoutFile, const std::filesystem::path& stderrFile,
                 const std::filesystem::path& stdinFile = "/dev/null") {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdinFile.c_str(), O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        const std::vector<char*> argv = pointers(arguments);
        const std::vector<char*> envp = pointers(environment);
        const int error = ::posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        if (error != 0) throw std::runtime_error{"cannot start " + arguments[0] + ": " + std::strerror(error)};
    }

    ~ChildProcess() {
        if (!exitStatus_) stop(std::chrono::seconds{10});
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The exit status once the child has ended, without waiting: 128 + signal when a signal ended it,
    // -1 when the system lost track of the child.
    std::optional<int> poll() {
        if (!exitStatus_) reap(WNOHANG);
        return exitStatus_;
    }

    // Waits for the child to end and returns its exit status, as poll() gives it.
    int wait() {
        while (!exitStatus_) reap(0);
        return *exitStatus_;
    }

    // Asks the child to end (SIGTERM), and forces it (SIGKILL) after `grace`; returns its exit status.
    int stop(std::chrono::milliseconds grace) {
        if (poll()) return *exitStatus_;
        ::kill(pid_, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + grace;
        while (!poll() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds{20});
        }
        if (!exitStatus_) ::kill(pid_, SIGKILL);
        return wait();
    }

private:
    static std::vector<char*> pointers(const std::vector<std::string>& texts) {
        std::vector<char*> result;
        result.reserve(texts.size() + 1);
        for (const std::string& text : texts) result.push_back(const_cast<char*>(text.c_str()));
        result.push_back(nullptr);
        return result;
    }

    void reap(int options) {
        int status = 0;
        const pid_t reaped = ::waitpid(pid_, &status, options);
        if (reaped < 0 && errno != EINTR) exitStatus_ = -1;
        if (reaped != pid_) return;
        exitStatus_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    pid_t pid_ = 0;
    std::optional<int> exitStatus_;
};

}  // namespace mos::test
