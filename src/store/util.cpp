// Hashing and JSON <-> SQLite row conversion for the change log.
#include "store/util.h"

#include <openssl/evp.h>

#include <cctype>

#include "store/errors.h"

namespace telaah::store {

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr))
    throw InternalError("SHA-256 failed");
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

nlohmann::json row_to_json(SQLite::Statement& st) {
  nlohmann::json row = nlohmann::json::object();
  for (int i = 0; i < st.getColumnCount(); ++i) {
    SQLite::Column c = st.getColumn(i);
    const std::string name = st.getColumnName(i);
    switch (c.getType()) {
      case SQLITE_INTEGER: row[name] = c.getInt64(); break;
      case SQLITE_FLOAT: row[name] = c.getDouble(); break;
      case SQLITE_NULL: row[name] = nullptr; break;
      case SQLITE_TEXT: row[name] = c.getString(); break;
      default: throw InternalError("cannot record a binary column (" + name + ") in the change log");
    }
  }
  return row;
}

void bind_json(SQLite::Statement& st, int index, const nlohmann::json& v) {
  if (v.is_null()) st.bind(index);
  else if (v.is_number_integer() || v.is_boolean()) st.bind(index, static_cast<int64_t>(v.get<int64_t>()));
  else if (v.is_number()) st.bind(index, v.get<double>());
  else if (v.is_string()) st.bind(index, v.get<std::string>());
  else st.bind(index, v.dump());
}

void require_identifier(const std::string& name) {
  if (name.empty()) throw InternalError("empty SQL identifier");
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) throw InternalError("bad SQL identifier: " + name);
}

bool valid_colour(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
  return true;
}

}  // namespace telaah::store
