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

// Read in every field product of a portable build: a load and a well-predicted branch. Before
// this is initialised (another translation unit's static initialiser) it reads false and the
// portable product runs, which gives the same results.
inline const bool has_mulx_adx = detect_mulx_adx();
inline const bool has_avx512_ifma = detect_avx512_ifma();

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
