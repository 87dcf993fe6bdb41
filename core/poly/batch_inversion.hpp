#pragma once
// Montgomery's trick: invert many field elements with one inversion and 3 multiplications
// each (core/field/invert_each, in chunks over threads). Zeros are left as zero (like
// Fr::inverse), so callers need not filter them.
#include "core/field/fr.hpp"
#include <span>

namespace ps {

// values[i] := values[i]^-1 for every non-zero entry; parallel for large inputs.
void batch_invert(std::span<Fr> values);

}  // namespace ps
