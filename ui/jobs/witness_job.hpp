#pragma once
// gen-witness as a job: network.ezkl + input.json → witness.json (atomic), the same
// steps and the same core calls as `proofscope-cli gen-witness`, so both write the same
// bytes for the same input.
#include "core/util/progress.hpp"

#include <QString>

namespace ps::ui {

struct WitnessJobFiles {
    QString compiled_circuit;  // network.ezkl
    QString input_json;
    QString witness_json;      // output
};

// True once core/witness (generate_witness) is part of the build.
bool witness_generation_available();

// Throws ps::Error (naming the file / field / layer) or ps::Cancelled.
void generate_witness_file(const WitnessJobFiles& files, ProgressSink& progress);

}  // namespace ps::ui
