#include "core/util/cpu_features.hpp"

#include <cstdlib>
#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace ps::cpu {

bool detect_mulx_adx() noexcept {
#if defined(__x86_64__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    constexpr unsigned BMI2 = 1u << 8, ADX = 1u << 19;  // CPUID.(EAX=7, ECX=0):EBX
    return (ebx & BMI2) && (ebx & ADX);
#else
    return false;
#endif
}

bool detect_avx512_ifma() noexcept {
#if defined(__x86_64__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    constexpr unsigned OSXSAVE = 1u << 27;  // CPUID.1:ECX: XGETBV is available
    if (!(ecx & OSXSAVE)) return false;
    unsigned xcr0_lo = 0, xcr0_hi = 0;
    asm volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    constexpr unsigned ZMM_STATE = 0xe6;  // SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM
    if ((xcr0_lo & ZMM_STATE) != ZMM_STATE) return false;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    constexpr unsigned AVX512F = 1u << 16, AVX512IFMA = 1u << 21;  // CPUID.(EAX=7, ECX=0):EBX
    return (ebx & AVX512F) && (ebx & AVX512IFMA);
#else
    return false;
#endif
}

bool avx512_disabled_by_environment() noexcept {
    const char* v = std::getenv("PROOFSCOPE_NO_AVX512");
    return v && *v && std::strcmp(v, "0") != 0;
}

}  // namespace ps::cpu
