// XML helpers for REFI-QDA files.
#include "exchange/xml.h"

#include <algorithm>
#include <regex>
#include <sstream>

#include "exchange/exchange.h"
#include "ingest/zip.h"
#include "store/util.h"
#include "text/utf8.h"

namespace telaah::exchange {

int64_t parse_xml_safely(pugi::xml_document& doc, std::string_view bytes, const std::string& what) {
  try {
    ingest::check_xml_is_safe(bytes, what);  // the importers' one definition of safe XML
  } catch (const ingest::ImportError& e) {
    throw ExchangeError(e.what());
  }
  pugi::xml_parse_result r =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_auto);
  if (!r)
    throw ExchangeError(what + " is not well-formed XML (" + r.description() + " at byte " + std::to_string(r.offset) +
                        ")");
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_doctype) continue;
    std::string_view v = n.value();
    if (v.find("ENTITY") != std::string_view::npos)
      throw ExchangeError(what +
                          " declares XML entities in its DOCTYPE; such files can expand to gigabytes "
                          "(\"billion laughs\") and no QDA tool writes them: refused as unsafe");
  }
  if (!doc.document_element()) throw ExchangeError(what + " contains no XML element");
  struct Repair : pugi::xml_tree_walker {
    int64_t fixed = 0;
    bool for_each(pugi::xml_node& n) override {
      if (text::find_invalid_utf8(n.value())) {
        n.set_value(store::sanitise_utf8(n.value()).c_str());
        ++fixed;
      }
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (text::find_invalid_utf8(a.value())) {
          a.set_value(store::sanitise_utf8(a.value()).c_str());
          ++fixed;
        }
      return true;
    }
  } walker;
  doc.traverse(walker);
  return walker.fixed;
}

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view s = n.name();
  size_t c = s.find(':');
  return c == std::string_view::npos ? s : s.substr(c + 1);
}

pugi::xml_node child_named(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

std::vector<pugi::xml_node> children_named(const pugi::xml_node& n, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
  return out;
}

std::vector<pugi::xml_node> descendants_named(const pugi::xml_node& n, std::string_view name) {
  std::vector<pugi::xml_node> out;
  struct Walker : pugi::xml_tree_walker {
    std::string_view want;
    std::vector<pugi::xml_node>* out;
    bool for_each(pugi::xml_node& x) override {
      if (x.type() == pugi::node_element && local_name(x) == want) out->push_back(x);
      return true;
    }
  } w;
  w.want = name;
  w.out = &out;
  const_cast<pugi::xml_node&>(n).traverse(w);
  return out;
}

std::string child_text(const pugi::xml_node& n, std::string_view name) {
  pugi::xml_node c = child_named(n, name);
  return c ? std::string(c.text().get()) : std::string();
}

std::string xml_text(std::string_view s, int64_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t at = i;
    char32_t c = text::decode_next(s, i);
    if (c == '\r') {
      if (i < s.size() && s[i] == '\n') ++i;
      out += '\n';
      continue;
    }
    const bool ok = c == '\t' || c == '\n' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    if (ok)
      out.append(s.substr(at, i - at));
    else {
      text::append_utf8(out, 0xFFFD);
      if (replaced) ++*replaced;
    }
  }
  return out;
}

bool is_xsd_datetime(std::string_view s) {
  static const std::regex re(
      R"(^-?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$)");
  return std::regex_match(s.begin(), s.end(), re);
}

// Hand-written: these run once per selection of an import, where a regex costs microseconds.
static bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

static std::string_view unsigned_part(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  return s;
}

bool is_xsd_integer(std::string_view s) {
  return digits(unsigned_part(s));
}

bool is_xsd_decimal(std::string_view s) {
  s = unsigned_part(s);
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return digits(s);
  std::string_view a = s.substr(0, dot), b = s.substr(dot + 1);
  return (a.empty() || digits(a)) && (b.empty() || digits(b)) && !(a.empty() && b.empty());
}

bool is_xsd_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) ||
      !digits(s.substr(8, 2)))
    return false;
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);  // a calendar date: no 2015-02-30
}

std::string to_xml_string(const pugi::xml_document& doc) {
  std::ostringstream os;
  doc.save(os, "  ", pugi::format_indent, pugi::encoding_utf8);
  return os.str();
}

}  // namespace telaah::exchange
