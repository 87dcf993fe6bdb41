#include "core/util/sha256.hpp"
#include <openssl/evp.h>
#include <stdexcept>

namespace ps {

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL: SHA-256 unavailable");
}
Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void Sha256::update(std::span<const uint8_t> bytes) {
    EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), bytes.data(), bytes.size());
}
void Sha256::update(std::string_view text) {
    EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), text.data(), text.size());
}
Sha256Digest Sha256::finish() {
    Sha256Digest d{};
    unsigned int len = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), d.data(), &len);
    return d;
}

Sha256Digest sha256(std::span<const uint8_t> bytes) {
    Sha256 h;
    h.update(bytes);
    return h.finish();
}
Sha256Digest sha256(std::string_view text) {
    Sha256 h;
    h.update(text);
    return h.finish();
}

std::string to_hex(std::span<const uint8_t> bytes) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(bytes.size() * 2);
    for (uint8_t b : bytes) {
        s.push_back(digits[b >> 4]);
        s.push_back(digits[b & 15]);
    }
    return s;
}

}  // namespace ps
