#pragma once

// Live playing on the terminal, shared by `mos play` and `mos metronome`: an engine on the chosen
// device, a bar:beat position line (one JSON object per change with --json), space to pause and
// resume, q or Ctrl-C to quit, and a closing report of how the audio callbacks kept their budget.

#include <memory>
#include <string>

#include "mos/core/Result.hpp"
#include "mos/engine/Engine.hpp"

namespace mos::cli {

// Starts an engine on `device` ("jack", "alsa", "null"; empty: JACK when a server runs, else ALSA,
// else null). Thread: main. RT-safe: no.
core::Result<std::unique_ptr<engine::Engine>> startEngine(const std::string& device);

// Plays the loaded score from where the transport stands until it ends, or the user quits.
// Thread: main. RT-safe: no.
void playLive(engine::Engine& engine, const engine::LoadedScore& loaded, bool json);

}  // namespace mos::cli
