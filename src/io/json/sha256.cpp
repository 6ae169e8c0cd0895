// SHA-256 of an input document for the report's receipt, with OpenSSL's
// libcrypto (Debian libssl-dev), not hand-written. The digest algorithm is
// fetched once and each thread keeps one digest context: EVP_Digest with
// EVP_sha256() fetches the algorithm and allocates a context on every call,
// which costs as much as hashing a small agreement (SHA-NI does 2 KB in
// about a microsecond).
#include <avtal/io/json.hpp>

#include <openssl/evp.h>

#include <memory>

namespace avtal::json {

namespace {

/// The SHA-256 implementation of the default provider, fetched once (null
/// when the provider has none; then EVP_sha256() is used per call).
const EVP_MD* sha256_md() {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

struct ContextFree {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};

} // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    thread_local const std::unique_ptr<EVP_MD_CTX, ContextFree> ctx{EVP_MD_CTX_new()};
    const EVP_MD* md = sha256_md();
    if (ctx && md) {
        if (EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1 || EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
            EVP_DigestFinal_ex(ctx.get(), digest, &len) != 1)
            return {};
    } else if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1) {
        return {};
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(2 * static_cast<std::size_t>(len), '\0');
    for (std::size_t i = 0; i < len; ++i) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 0x0F];
    }
    return out;
}

} // namespace avtal::json
