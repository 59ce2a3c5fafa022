// Facet filters in the query text (see search_filters.h).
#include "ui/search/search_filters.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "index/query.h"

namespace telaah::ui {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\n");
  if (a == std::string::npos) return "";
  const size_t b = s.find_last_not_of(" \t\n");
  return s.substr(a, b - a + 1);
}

// The filters ANDed at the top level of the parse tree.
void top_filters(const index::QueryNode& n, std::vector<const index::QueryNode*>& out) {
  using K = index::QueryNode::Kind;
  switch (n.kind) {
    case K::field:
      out.push_back(&n);
      break;
    case K::and_:
      for (const auto& k : n.kids)
        if (k.kind == K::field) out.push_back(&k);
      break;
    case K::and_not:
      if (!n.kids.empty()) top_filters(n.kids[0], out);
      break;
    default:
      break;
  }
}

const index::QueryNode* find_filter(const index::QueryNode& tree, const std::string& field, const std::string& value) {
  std::vector<const index::QueryNode*> fs;
  top_filters(tree, fs);
  const std::string f = lower(field), v = lower(trim(value));
  for (const auto* n : fs)
    if (n->field == f && lower(trim(n->text)) == v && !n->value_is_wildcard) return n;
  return nullptr;
}

}  // namespace

std::string filter_token(const std::string& field, const std::string& value) {
  const bool plain = !value.empty() && std::none_of(value.begin(), value.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '"' || c == '(' || c == ')' || c == '*' || c == ':';
  });
  if (plain) return field + ":" + value;
  std::string v;
  for (char c : value)
    if (c != '"') v += c;  // a quote cannot be escaped in the query language
  return field + ":\"" + v + "\"";
}

bool has_filter(const std::string& query, const std::string& field, const std::string& value) {
  try {
    return find_filter(index::parse_query(query), field, value) != nullptr;
  } catch (const index::QueryError&) {
    return false;
  }
}

std::string toggle_filter(const std::string& query, const std::string& field, const std::string& value) {
  const std::string token = filter_token(field, value);
  const std::string q = trim(query);
  if (q.empty()) return token;
  index::QueryNode tree;
  try {
    tree = index::parse_query(q);
  } catch (const index::QueryError&) {
    return q + " " + token;  // the user sees the error and can fix it; the filter is kept
  }
  if (const auto* n = find_filter(tree, field, value)) {
    size_t a = n->pos, b = n->pos + n->len;
    // An "AND" that joined it goes with it: "x AND type:news" -> "x".
    size_t p = a;
    while (p > 0 && q[p - 1] == ' ') --p;
    if (p >= 3 && q.compare(p - 3, 3, "AND") == 0 && (p == 3 || q[p - 4] == ' '))
      a = p - 3;
    else {  // "type:news AND x" -> "x"
      size_t e = b;
      while (e < q.size() && q[e] == ' ') ++e;
      if (q.compare(e, 3, "AND") == 0 && (e + 3 == q.size() || q[e + 3] == ' ')) b = e + 3;
    }
    std::string out = q.substr(0, a) + " " + q.substr(b);
    std::string collapsed;
    for (char c : out)
      if (!(c == ' ' && (collapsed.empty() || collapsed.back() == ' '))) collapsed += c;
    return trim(collapsed);
  }
  if (tree.kind == index::QueryNode::Kind::or_) return "(" + q + ") " + token;
  return q + " " + token;
}

}  // namespace telaah::ui
