// SHA-256 of an input document for the report's receipt, with OpenSSL's
// libcrypto (Debian libssl-dev), not hand-written.
#include <avtal/io/json.hpp>

#include <openssl/evp.h>

namespace avtal::json {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1) return {};
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * static_cast<std::size_t>(len));
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0F];
    }
    return out;
}

} // namespace avtal::json
