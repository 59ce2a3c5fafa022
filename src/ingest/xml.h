// XML from office documents, parsed safely: a DOCTYPE that declares
// entities (the "billion laughs" attack) is refused before parsing, and
// pugixml never expands entities or fetches anything. Helpers match
// elements by local name so that unusual namespace prefixes still work.
#pragma once
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace telaah::ingest::xml {

// Parses `text` into `doc`; `what` names the part in messages ("file.docx: word/document.xml").
void parse(pugi::xml_document& doc, const std::string& text, const std::string& what);

// "w:p" -> "p"
inline std::string_view local(const pugi::xml_node& n) {
  std::string_view s = n.name();
  size_t c = s.find(':');
  return c == std::string_view::npos ? s : s.substr(c + 1);
}
inline std::string_view local(const pugi::xml_attribute& a) {
  std::string_view s = a.name();
  size_t c = s.find(':');
  return c == std::string_view::npos ? s : s.substr(c + 1);
}

// First child element with this local name (or an empty node).
pugi::xml_node child(const pugi::xml_node& n, std::string_view name);
// Attribute by local name ("" when absent).
std::string attr(const pugi::xml_node& n, std::string_view name);
// All text under a node (for metadata fields).
std::string text(const pugi::xml_node& n);

}  // namespace telaah::ingest::xml
