// XML helpers for REFI-QDA files: safe parsing (no entity declarations),
// namespace-prefix-tolerant element lookup, and text that XML 1.0 can hold.
#pragma once
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace telaah::exchange {

// Parses `bytes` into `doc`. Throws ExchangeError for malformed XML (with the
// position) and for a DOCTYPE that declares entities (billion-laughs files):
// pugixml never expands them, but such a file is not an honest export.
// Returns how many names and texts held bytes that are not UTF-8 (pugixml
// does not check): they are repaired with U+FFFD so nothing invalid reaches
// the project.
int64_t parse_xml_safely(pugi::xml_document& doc, std::string_view bytes, const std::string& what);

// The element name without a namespace prefix ("qda:Project" -> "Project").
std::string_view local_name(const pugi::xml_node& n);
pugi::xml_node child_named(const pugi::xml_node& n, std::string_view name);
std::vector<pugi::xml_node> children_named(const pugi::xml_node& n, std::string_view name);
// Every descendant element with that local name (document order).
std::vector<pugi::xml_node> descendants_named(const pugi::xml_node& n, std::string_view name);
// The text of a child element (Description, PlainTextContent), or "".
std::string child_text(const pugi::xml_node& n, std::string_view name);

// Replaces characters XML 1.0 cannot hold (C0 controls other than tab and
// line feed, U+FFFE, U+FFFF) with U+FFFD, and CR LF / CR with LF; counts the
// replacements into *replaced.
std::string xml_text(std::string_view s, int64_t* replaced = nullptr);

// xsd:dateTime as Telaah writes it: YYYY-MM-DDTHH:MM:SS with an optional
// fraction and zone.
bool is_xsd_datetime(std::string_view s);
// xsd:decimal ("-12.5"), xsd:integer ("42"), xsd:date ("2015-03-01", a
// real calendar date: "2015-02-30" is not one, "2016-02-29" is).
bool is_xsd_decimal(std::string_view s);
bool is_xsd_integer(std::string_view s);
bool is_xsd_date(std::string_view s);

// Serialises with two-space indentation and an XML declaration (UTF-8).
std::string to_xml_string(const pugi::xml_document& doc);

}  // namespace telaah::exchange
