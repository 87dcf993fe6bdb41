#pragma once
// Known-answer vectors for the EVM precompiles ecAdd (0x06, EIP-196), ecMul (0x07,
// EIP-196) and ecPairing (0x08, EIP-197): input and expected output as hex, as published
// in the Ethereum clients' precompile test data (go-ethereum
// core/vm/testdata/precompiles/bn256{Add,ScalarMul,Pairing}.json; names kept). An empty
// `expected` marks an input every client must reject (the failure cases follow the rules
// of the EIPs: coordinates >= p, points off the curve, G2 points outside the subgroup,
// pairing input not a multiple of 192 bytes).
#include <string>
#include <vector>

namespace evm_vectors {

struct Vector {
    const char* name;
    std::string input;
    std::string expected;  // empty: the call must fail
};

inline const std::string Z32 = "0000000000000000000000000000000000000000000000000000000000000000";
inline const std::string ONE32 = "0000000000000000000000000000000000000000000000000000000000000001";
inline const std::string TWO32 = "0000000000000000000000000000000000000000000000000000000000000002";
inline const std::string THREE32 = "0000000000000000000000000000000000000000000000000000000000000003";
// p itself, the BN254 base-field modulus (not a valid coordinate).
inline const std::string P32 = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";
inline const std::string G1_GEN = ONE32 + TWO32;
// EIP-197's G2 generator and its negation, x.c1 || x.c0 || y.c1 || y.c0.
inline const std::string G2_X =
    "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
    "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed";
inline const std::string G2_GEN = G2_X +
    "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
    "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
inline const std::string G2_GEN_NEG = G2_X +
    "275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec"
    "1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d";
// 5·G1 and -(5·G1)
inline const std::string G1_5 =
    "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa9"
    "01e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c";
inline const std::string G1_5_NEG =
    "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa9"
    "2e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb";
inline const std::string ZERO64 = Z32 + Z32;

inline std::vector<Vector> ec_add() {
    return {
        {"chfast1",
         "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9"
         "063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266"
         "07c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed"
         "06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7",
         "2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703"
         "301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915"},
        {"chfast2",
         "2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703"
         "301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915"
         "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9"
         "063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266",
         "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb7"
         "21611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204"},
        {"cdetrio1", ZERO64 + ZERO64 + ZERO64 + ZERO64, ZERO64},
        {"cdetrio2", ZERO64 + ZERO64, ZERO64},
        {"cdetrio3", ZERO64 + Z32 + Z32 + Z32, ZERO64},
        {"cdetrio4", "", ZERO64},
        {"cdetrio6", ZERO64 + G1_GEN, G1_GEN},
        {"cdetrio7", ZERO64 + G1_GEN + ZERO64, G1_GEN},
        {"cdetrio8", G1_GEN, G1_GEN},
        {"cdetrio9", G1_GEN + ZERO64, G1_GEN},
        {"cdetrio11", G1_GEN + G1_GEN,
         "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
         "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4"},
        {"cdetrio13",
         G1_5 +
             "039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869"
             "073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98",
         "15bf2bb17880144b5d1cd2b1f46eff9d617bffd1ca57c37fb5a49bd84e53cf66"
         "049c797f9ce0d17083deb32b5e36f2ea2a212ee036598dd7624c168993d1355f"},
        {"cdetrio14", G1_5 + G1_5_NEG + ZERO64, ZERO64},
        // Failure cases (EIP-196: "the call fails" for invalid points).
        {"fail: (1, 3) is not on the curve", ONE32 + THREE32 + G1_GEN, ""},
        {"fail: second point off the curve", G1_GEN + ONE32 + ONE32, ""},
        {"fail: x = p", P32 + TWO32 + G1_GEN, ""},
        {"fail: (0, 1) is not the encoding of infinity", Z32 + ONE32 + G1_GEN, ""},
    };
}

inline std::vector<Vector> ec_mul() {
    const std::string p1 =
        "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3"
        "1a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6";
    const std::string p3 =
        "039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869"
        "073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98";
    const std::string r32 = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000";
    const std::string max32 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    const std::string two128 = "0000000000000000000000000000000100000000000000000000000000000000";
    const std::string nine = "0000000000000000000000000000000000000000000000000000000000000009";
    return {
        {"chfast1",
         "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb7"
         "21611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204"
         "00000000000000000000000000000000000000000000000011138ce750fa15c2",
         "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c"
         "031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc"},
        {"chfast2",
         "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c"
         "031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc"
         "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46",
         "025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb"
         "2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e"},
        {"chfast3",
         "025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb"
         "2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e"
         "183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea3",
         "14789d0d4a730b354403b5fac948113739e276c23e0258d8596ee72f9cd9d323"
         "0af18a63153e0ec25ff9f2951dd3fa90ed0197bfef6e2a1a62b5095b9d2b4a27"},
        {"cdetrio1", p1 + max32,
         "2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c41"
         "1aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11"},
        {"cdetrio2", p1 + r32,
         "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3"
         "163511ddc1c3f25d396745388200081287b3fd1472d8339d5fecb2eae0830451"},
        {"cdetrio3", p1 + two128,
         "1051acb0700ec6d42a88215852d582efbaef31529b6fcbc3277b5c1b300f5cf0"
         "135b2394bb45ab04b8bd7611bd2dfe1de6a4e6e2ccea1ea1955f577cd66af85b"},
        {"cdetrio4", p1 + nine,
         "1dbad7d39dbc56379f78fac1bca147dc8e66de1b9d183c7b167351bfe0aeab74"
         "2cd757d51289cd8dbd0acf9e673ad67d0f0a89f912af47ed1be53664f5692575"},
        {"cdetrio5", p1 + ONE32, p1},
        {"cdetrio6", G1_5 + max32,
         "29e587aadd7c06722aabba753017c093f70ba7eb1f1c0104ec0564e7e3e21f60"
         "22b1143f6a41008e7755c71c3d00b6b915d386de21783ef590486d8afa8453b1"},
        {"cdetrio7", G1_5 + r32, G1_5_NEG},
        {"cdetrio8", G1_5 + two128,
         "221a3577763877920d0d14a91cd59b9479f83b87a653bb41f82a3f6f120cea7c"
         "2752c7f64cdd7f0e494bff7b60419f242210f2026ed2ec70f89f78a4c56a1f15"},
        {"cdetrio9", G1_5 + nine,
         "228e687a379ba154554040f8821f4e41ee2be287c201aa9c3bc02c9dd12f1e69"
         "1e0fd6ee672d04cfd924ed8fdc7ba5f2d06c53c1edc30f65f2af5a5b97f0a76a"},
        {"cdetrio11", p3 + max32,
         "00a1a234d08efaa2616607e31eca1980128b00b415c845ff25bba3afcb81dc00"
         "242077290ed33906aeb8e42fd98c41bcb9057ba03421af3f2d08cfc441186024"},
        {"cdetrio13", p3 + two128,
         "1071b63011e8c222c5a771dfa03c2e11aac9666dd097f2c620852c3951a4376a"
         "2f46fe2f73e1cf310a168d56baa5575a8319389d7bfa6b29ee2d908305791434"},
        {"cdetrio14", p3 + nine,
         "19f75b9dd68c080a688774a6213f131e3052bd353a304a189d7a2ee367e3c258"
         "2612f545fb9fc89fde80fd81c68fc7dcb27fea5fc124eeda69433cf5c46d2d7f"},
        {"infinity times anything", ZERO64 + max32, ZERO64},
        {"short input is zero-padded (scalar 0)", G1_GEN, ZERO64},
        {"fail: (1, 3) is not on the curve", ONE32 + THREE32 + TWO32, ""},
        {"fail: y = p", ONE32 + P32 + TWO32, ""},
        {"fail: off-curve point times zero", ONE32 + ONE32 + Z32, ""},
    };
}

std::vector<Vector> ec_pairing();  // evm_pairing_vectors.cpp (long inputs)

}  // namespace evm_vectors
