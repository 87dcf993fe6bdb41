#pragma once
// Shared by setup, mock, prove and verify: reading the compiled circuit and the SRS the
// way every proving step does, and the settings digest the keys carry.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/kzg/srs.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/plonk/keys.hpp"
#include "core/plonk/stage_timer.hpp"

#include <cstdio>
#include <filesystem>
#include <vector>

namespace ps::cli {

inline plonk::Digest32 key_digest(const Settings& s) { return settings_digest(s); }

inline void print_timings(const char* what, const std::vector<plonk::StageTiming>& timings) {
    double total = 0;
    for (const auto& t : timings) total += t.milliseconds;
    std::fprintf(stderr, "%s stages (%.1f ms):\n", what, total);
    for (const auto& t : timings) std::fprintf(stderr, "  %-28s %9.2f ms\n", t.stage.c_str(), t.milliseconds);
}

}  // namespace ps::cli
