#include "core/kzg/commit.hpp"
#include "core/msm/msm.hpp"
#include "core/util/error.hpp"
#include <string>

namespace ps {

G1 commit_monomial(const Srs& srs, std::span<const Fr> coeffs, const ProgressSink* progress) {
    if (coeffs.size() > srs.g.size())
        throw Error("KZG commit", "polynomial has " + std::to_string(coeffs.size()) +
                                      " coefficients, the SRS only " + std::to_string(srs.g.size()) + " powers",
                    "use an SRS with larger k");
    return msm(std::span<const G1Affine>(srs.g).first(coeffs.size()), coeffs, progress);
}

G1 commit_lagrange(const Srs& srs, std::span<const Fr> evals, const ProgressSink* progress) {
    if (evals.size() != srs.g_lagrange.size())
        throw Error("KZG commit", std::to_string(evals.size()) + " values but the SRS's Lagrange basis has " +
                                      std::to_string(srs.g_lagrange.size()) + " points",
                    "downsize the SRS to the circuit's logrows first");
    return msm(srs.g_lagrange, evals, progress);
}

}  // namespace ps
