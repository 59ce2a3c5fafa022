// Hashing and JSON <-> SQLite row conversion for the change log.
#include "store/util.h"

#include <openssl/evp.h>

#include <cctype>

#include "store/errors.h"
#include "store/project.h"
#include "text/utf8.h"

namespace telaah::store {

std::vector<Id> ids_of(const Project& p, const std::string& sql, Id value) {
  SQLite::Statement q(p.db(), sql);
  q.bind(1, value);
  std::vector<Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr)) throw InternalError("SHA-256 failed");
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
      case SQLITE_INTEGER:
        row[name] = c.getInt64();
        break;
      case SQLITE_FLOAT:
        row[name] = c.getDouble();
        break;
      case SQLITE_NULL:
        row[name] = nullptr;
        break;
      case SQLITE_TEXT:
        row[name] = c.getString();
        break;
      default:
        throw InternalError("cannot record a binary column (" + name + ") in the change log");
    }
  }
  return row;
}

void bind_json(SQLite::Statement& st, int index, const nlohmann::json& v) {
  if (v.is_null())
    st.bind(index);
  else if (v.is_number_integer() || v.is_boolean())
    st.bind(index, static_cast<int64_t>(v.get<int64_t>()));
  else if (v.is_number())
    st.bind(index, v.get<double>());
  else if (v.is_string())
    st.bind(index, v.get<std::string>());
  else
    st.bind(index, v.dump());
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

void require_text(const std::string& s, const std::string& what) {
  if (auto bad = text::find_invalid_utf8(s))
    throw ValidationError(what + " is not valid UTF-8 (first bad byte at position " + std::to_string(*bad) + ")");
}

std::string sanitise_utf8(const std::string& s) {
  std::string out;
  std::string_view rest = s;
  while (auto bad = text::find_invalid_utf8(rest)) {
    out.append(rest.substr(0, *bad));
    out += "\xEF\xBF\xBD";
    rest.remove_prefix(*bad + 1);
  }
  out.append(rest);
  return out;
}

bool is_blank(const std::string& s) {
  for (unsigned char c : s)
    if (!std::isspace(c)) return false;
  return true;
}

void validate_date(const std::string& date, const std::string& what) {
  if (date.empty()) return;
  auto digits = [&](size_t a, size_t n) {
    for (size_t i = a; i < a + n; ++i)
      if (i >= date.size() || !std::isdigit(static_cast<unsigned char>(date[i]))) return false;
    return true;
  };
  bool ok = (date.size() == 4 && digits(0, 4)) ||
            (date.size() == 7 && digits(0, 4) && date[4] == '-' && digits(5, 2)) ||
            (date.size() == 10 && digits(0, 4) && date[4] == '-' && digits(5, 2) && date[7] == '-' && digits(8, 2));
  if (ok && date.size() >= 7) {
    const int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
    ok = m >= 1 && m <= 12;
    if (ok && date.size() == 10) {
      static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      const int d = std::stoi(date.substr(8, 2));
      ok = d >= 1 && d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
    }
  }
  if (!ok) throw ValidationError(what + " '" + date + "' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)");
}

std::optional<int64_t> parse_id(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  return std::stoll(s);
}

}  // namespace telaah::store
