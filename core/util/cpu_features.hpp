#pragma once
// What the CPU we run on offers beyond the build's target, read once with cpuid. A build for
// any x86-64 (PROOFSCOPE_PORTABLE=ON, the package) still takes the mulx/adcx/adox products
// where the CPU has them: the assembly is always assembled, only its use is decided here.
namespace ps::cpu {

// BMI2 (mulx) and ADX (adcx, adox): general-purpose-register instructions, so the OS need not
// enable any state for them.
bool detect_mulx_adx() noexcept;

// AVX-512 Foundation and IFMA (vpmadd52luq/huq: 52-bit products in eight 64-bit lanes), with
// the OS saving the zmm and mask registers (XCR0): the 8-lane field products (field/mul_each).
bool detect_avx512_ifma() noexcept;

// True when the environment variable PROOFSCOPE_NO_AVX512 is set (and not "0"): the
// element-wise products then take the one-at-a-time path on any CPU, so that path can be
// tested and timed on a machine that has IFMA.
bool avx512_disabled_by_environment() noexcept;

// Read in every field product of a portable build: a load and a well-predicted branch. Before
// this is initialised (another translation unit's static initialiser) it reads false and the
// portable product runs, which gives the same results.
inline const bool has_mulx_adx = detect_mulx_adx();
// Whether the 8-lane IFMA paths run: cpuid's answer, unless PROOFSCOPE_NO_AVX512 says no.
inline const bool has_avx512_ifma = detect_avx512_ifma() && !avx512_disabled_by_environment();

// True when the field products run on mulx/adcx/adox: a constant where the build's target has
// them (no check at run time), cpuid's answer in a portable x86-64 build.
[[gnu::always_inline]] inline bool use_mulx_adx() {
#if defined(__BMI2__) && defined(__ADX__)
    return true;
#elif defined(__x86_64__)
    return has_mulx_adx;
#else
    return false;
#endif
}

}  // namespace ps::cpu
