// Stable name-based GUIDs (UUID v5) and GUID normalisation.
#include "exchange/guid.h"

#include <openssl/evp.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace telaah::exchange {

// The namespace UUID of Telaah exports (random, fixed forever).
static constexpr std::array<unsigned char, 16> kNamespace = {0x5b, 0x0e, 0x3c, 0x71, 0x9a, 0x2d, 0x4f, 0x86,
                                                             0xb1, 0x47, 0x2e, 0xc0, 0x6a, 0xd9, 0x13, 0x58};

std::string stable_guid(std::string_view project_id, std::string_view kind, std::string_view key) {
  std::string name;
  name.reserve(project_id.size() + kind.size() + key.size() + 2);
  name.append(project_id).append("/").append(kind).append("/").append(key);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (!ctx) throw std::runtime_error("cannot allocate a SHA-1 context");
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  bool ok = EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx, kNamespace.data(), kNamespace.size()) == 1 &&
            EVP_DigestUpdate(ctx, name.data(), name.size()) == 1 && EVP_DigestFinal_ex(ctx, md, &len) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok || len < 16) throw std::runtime_error("SHA-1 failed");
  md[6] = static_cast<unsigned char>((md[6] & 0x0F) | 0x50);  // version 5
  md[8] = static_cast<unsigned char>((md[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char buf[37];
  std::snprintf(buf, sizeof buf, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", md[0], md[1],
                md[2], md[3], md[4], md[5], md[6], md[7], md[8], md[9], md[10], md[11], md[12], md[13], md[14], md[15]);
  return buf;
}

std::string canonical_guid(std::string_view g) {
  while (!g.empty() && std::isspace(static_cast<unsigned char>(g.front()))) g.remove_prefix(1);
  while (!g.empty() && std::isspace(static_cast<unsigned char>(g.back()))) g.remove_suffix(1);
  if (g.size() == 38 && g.front() == '{' && g.back() == '}') g = g.substr(1, 36);
  if (g.size() != 36) return "";
  std::string out(g);
  for (size_t i = 0; i < out.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (out[i] == '-')) return "";
    if (!dash) {
      if (!std::isxdigit(static_cast<unsigned char>(out[i]))) return "";
      out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    }
  }
  return out;
}

}  // namespace telaah::exchange
