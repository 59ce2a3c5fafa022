// A tolerant HTML parser for saved web pages (internal to the importers).
// Real pages are not XML: unclosed tags, stray end tags, unquoted attributes,
// scripts full of '<'. The tokenizer never fails; the tree builder applies
// the implied end tags that matter for text (p, li, dt/dd, tr/td, headings)
// and caps nesting depth so that walking the tree stays bounded.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace telaah::ingest::html {

// Character references: named (&amp; &nbsp; &rsquo; ...) and numeric.
std::optional<char32_t> named_entity(std::string_view name);
std::string decode_entities(std::string_view s, bool in_attribute = false);

struct Node {
  bool is_text = false;
  std::string tag;                                         // lowercase element name; "#root" for the document
  std::vector<std::pair<std::string, std::string>> attrs;  // names lowercase, values decoded
  std::string text;                                        // text nodes: decoded text (raw for script/style)
  int parent = -1;
  std::vector<int> children;
  const std::string* attr(std::string_view name) const {
    for (const auto& [k, v] : attrs)
      if (k == name) return &v;
    return nullptr;
  }
};

struct Document {
  std::vector<Node> nodes;  // nodes[0] is the root
  bool depth_capped = false;
};

// Valid UTF-8 in; never throws on malformed markup.
Document parse(std::string_view utf8, unsigned max_depth);

// The decoded text of a subtree (no whitespace collapsing).
std::string text_of(const Document& d, int node);

}  // namespace telaah::ingest::html
