#pragma once
// Where each part of a proof sits in its bytes, derived from the verifying key alone:
// for proof inspectors (GUI), size reports, and tests that tamper with one section.
#include "core/plonk/keys.hpp"

#include <string>
#include <vector>

namespace ps::plonk {

struct ProofSection {
    std::string name;
    size_t offset = 0;
    size_t count = 0;      // items
    size_t item_size = 0;  // 32 (digest, scalar) or 64 (point)
    size_t size() const { return count * item_size; }
};

std::vector<ProofSection> proof_layout(const VerifyingKey& vk);
size_t proof_size(const VerifyingKey& vk);
// The section named `name` (throws std::out_of_range when there is none). By value: the
// natural call section(proof_layout(vk), name) passes a temporary layout, and a reference
// into it dangled (ASan, run-tests.sh --sanitize).
ProofSection section(const std::vector<ProofSection>& layout, const std::string& name);

}  // namespace ps::plonk
