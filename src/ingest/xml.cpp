// Safe XML parsing for DOCX and ODT parts (see xml.h).
#include "ingest/xml.h"

#include "ingest/importer.h"
#include "ingest/zip.h"

namespace telaah::ingest {

void check_xml_is_safe(std::string_view x, const std::string& what) {
  size_t dt = x.find("<!DOCTYPE");
  if (dt == std::string_view::npos) return;
  // Entity declarations live in the DOCTYPE's internal subset; office
  // formats never need them, so any declaration means a hostile file.
  if (x.find("<!ENTITY", dt) != std::string_view::npos)
    throw ImportError(what + " declares XML entities (a 'billion laughs' attack?); refused");
}

namespace xml {

void parse(pugi::xml_document& doc, const std::string& text, const std::string& what) {
  check_xml_is_safe(text, what);
  // parse_ws_pcdata keeps <w:t xml:space="preserve"> </w:t>; no parse_doctype, no entity expansion.
  const unsigned flags = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_doctype;
  pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_auto);
  if (!r)
    throw ImportError(what + " is not well-formed XML (" + r.description() + " at byte " + std::to_string(r.offset) +
                      "); the file is damaged");
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c) == name) return c;
  return {};
}

std::string attr(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
    if (local(a) == name) return a.value();
  return "";
}

std::string text(const pugi::xml_node& n) {
  std::string out;
  struct Collect : pugi::xml_tree_walker {
    std::string* out;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) *out += node.value();
      return out->size() < 4096;
    }
  } w;
  w.out = &out;
  pugi::xml_node copy = n;
  copy.traverse(w);
  return out;
}

}  // namespace xml
}  // namespace telaah::ingest
