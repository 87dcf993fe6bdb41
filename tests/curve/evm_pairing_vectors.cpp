// ecPairing (EIP-197) known-answer vectors; see evm_vectors.hpp for the source.
#include "evm_vectors.hpp"

namespace evm_vectors {

std::vector<Vector> ec_pairing() {
    const std::string TRUE32 = ONE32;
    const std::string FALSE32 = Z32;
    std::string ten_points;
    for (int i = 0; i < 5; ++i) ten_points += G1_GEN + G2_GEN + G1_GEN + G2_GEN_NEG;
    return {
        {"jeff1",
         "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59"
         "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
         "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7"
         "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
         "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d"
         "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
         "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c"
         "2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411" +
             G2_GEN,
         TRUE32},
        {"jeff2",
         "2eca0c7238bf16e83e7a1e6c5d49540685ff51380f309842a98561558019fc02"
         "03d3260361bb8451de5ff5ecd17f010ff22f5c31cdf184e9020b06fa5997db84"
         "1213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee"
         "2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f"
         "21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237"
         "096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f"
         "06967a1237ebfeca9aaae0d6d0bab8e28c198c5a339ef8a2407e31cdac516db9"
         "22160fa257a5fd5b280642ff47b65eca77e626cb685c84fa6d3b6882a283ddd1" +
             G2_GEN,
         TRUE32},
        {"jeff3",
         "0f25929bcb43d5a57391564615c9e70a992b10eafa4db109709649cf48c50dd2"
         "16da2f5cb6be7a0aa72c440c53c9bbdfec6c36c7d515536431b3a865468acbba"
         "2e89718ad33c8bed92e210e81d1853435399a271913a6520736a4729cf0d51eb"
         "01a9e2ffa2e92599b68e44de5bcf354fa2642bd4f26b259daa6f7ce3ed57aeb3"
         "14a9a87b789a58af499b314e13c3d65bede56c07ea2d418d6874857b70763713"
         "178fb49a2d6cd347dc58973ff49613a20757d0fcc22079f9abd10c3baee24590"
         "1b9e027bd5cfc2cb5db82d4dc9677ac795ec500ecd47deee3b5da006d6d049b8"
         "11d7511c78158de484232fc68daf8a45cf217d1c2fae693ff5871e8752d73b21" +
             G2_GEN,
         TRUE32},
        {"jeff5",
         "20a754d2071d4d53903e3b31a7e98ad6882d58aec240ef981fdf0a9d22c5926a"
         "29c853fcea789887315916bbeb89ca37edb355b4f980c9a12a94f30deeed3021"
         "1213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee"
         "2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f"
         "21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237"
         "096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f"
         "1abb4a25eb9379ae96c84fff9f0540abcfc0a0d11aeda02d4f37e4baf74cb0c1"
         "1073b3ff2cdbb38755f8691ea59e9606696b3ff278acfc098fa8226470d03869"
         "217cee0a9ad79a4493b5253e2e4e3a39fc2df38419f230d341f60cb064a0ac29"
         "0a3d76f140db8418ba512272381446eb73958670f00cf46f1d9e64cba057b53c"
         "26f64a8ec70387a13e41430ed3ee4a7db2059cc5fc13c067194bcc0cb49a9855"
         "2fd72bd9edb657346127da132e5b82ab908f5816c826acb499e22f2412d1a2d7"
         "0f25929bcb43d5a57391564615c9e70a992b10eafa4db109709649cf48c50dd2"
         "198a1f162a73261f112401aa2db79c7dab1533c9935c77290a6ce3b191f2318d" +
             G2_GEN,
         TRUE32},
        {"jeff6",
         "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59"
         "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
         "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7"
         "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
         "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d"
         "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
         "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c"
         "103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936" +
             G2_GEN,
         FALSE32},
        {"empty_data", "", TRUE32},
        {"one_point", G1_GEN + G2_GEN, FALSE32},
        {"two_point_match_2", G1_GEN + G2_GEN + G1_GEN + G2_GEN_NEG, TRUE32},
        {"two_point_match_3",
         G1_GEN +
             "203e205db4f19b37b60121b83a7333706db86431c6d835849957ed8c3928ad79"
             "27dc7234fd11d3e8c36c59277c3e6f149d5cd3cfa9a62aee49f8130962b4b3b9"
             "195e8aa5b7827463722b8c153931579d3505566b4edf48d498e185f0509de152"
             "04bb53b8977e5f92a0bc372742c4830944a59b4fe6b1c0466e2a6dad122b5d2e"
             "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
             "1a76dae6d3272396d0cbe61fced2bc532edac647851e3ac53ce1cc9c7e645a83" +
             G2_GEN,
         TRUE32},
        {"two_point_match_4",
         "105456a333e6d636854f987ea7bb713dfd0ae8371a72aea313ae0c32c0bf1016"
         "0cf031d41b41557f3e7e3ba0c51bebe5da8e6ecd855ec50fc87efcdeac168bcc"
         "0476be093a6d2b4bbf907172049874af11e1b6267606e00804d3ff0037ec57fd"
         "3010c68cb50161b7d1d96bb71edfec9880171954e56871abf3d93cc94d745fa1"
         "14c059d74e5b6c4ec14ae5864ebe23a71781d86c29fb8fb6cce94f70d3de7a21"
         "01b33461f39d9e887dbb100f170a2345dde3c07e256d1dfa2b657ba5cd030427" +
             G1_GEN +
             "1a2c3013d2ea92e13c800cde68ef56a294b883f6ac35d25f587c09b1b3c635f7"
             "290158a80cd3d66530f74dc94c94adb88f5cdb481acca997b6e60071f08a115f"
             "2f997f3dbd66a7afe07fe7862ce239edba9e05c5afff7f8a1259c9733b2dfbb9"
             "29d1691530ca701b4a106054688728c9972c8512e9789e9567aae23e302ccd75",
         TRUE32},
        {"ten_point_match_1", ten_points, TRUE32},
        {"infinity pairs are skipped", ZERO64 + G2_GEN + G1_GEN + ZERO64 + ZERO64, TRUE32},
        // Failure cases (EIP-197: "the call fails").
        {"fail: input not a multiple of 192 bytes", ten_points.substr(0, ten_points.size() - 2), ""},
        {"fail: G1 point (1, 3) not on the curve", ONE32 + THREE32 + G2_GEN, ""},
        {"fail: G1 coordinate = p", P32 + TWO32 + G2_GEN, ""},
        {"fail: G2 point off the twist", G1_GEN + G2_X + Z32 + ONE32, ""},
        {"fail: G2 coordinate = p", G1_GEN + P32 + G2_GEN.substr(64), ""},
    };
}

}  // namespace evm_vectors
