#pragma once
// The Miller-loop lines of the G2 points a KZG verifier pairs with (the G2 generator and
// the SRS's [τ]G2), computed once per point and shared by every later verification: a
// verification then only evaluates the lines at its two G1 points (pairing.hpp, G2Prepared).
#include "core/curve/pairing.hpp"
#include <memory>

namespace ps {

// Q's prepared lines: the G2 generator's are built at first use; other points are kept in
// a small thread-safe cache (a process verifies against one SRS, or a few), evicting the
// oldest entry when full. Never null.
std::shared_ptr<const G2Prepared> prepared_g2(const G2Affine& q);

// Π e(P_i, Q_i) == 1 for KZG checks, with the Q_i taken from prepared_g2.
bool kzg_pairing_check(std::span<const G1Affine> ps, std::span<const G2Affine> qs);

}  // namespace ps
