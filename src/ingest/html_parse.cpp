// Tolerant HTML tokenizer and tree builder (see html.h).
#include <algorithm>
#include <array>
#include <cctype>

#include "ingest/html.h"

namespace telaah::ingest::html {

namespace {

bool in(std::string_view t, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), t) != set.end();
}

bool is_void(std::string_view t) {
  return in(t, {"area",  "base",   "br",    "col", "embed",  "hr",      "img",      "input",   "link",  "meta",
                "param", "source", "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image"});
}

// Elements whose start closes an open <p> (HTML's "p closers").
bool closes_p(std::string_view t) {
  return in(t, {"address",  "article",    "aside",   "blockquote", "center", "details", "dialog", "dir", "div", "dl",
                "fieldset", "figcaption", "figure",  "footer",     "form",   "h1",      "h2",     "h3",  "h4",  "h5",
                "h6",       "header",     "hgroup",  "hr",         "li",     "main",    "menu",   "nav", "ol",  "p",
                "pre",      "section",    "summary", "table",      "ul",     "dd",      "dt"});
}

bool is_heading(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Position of "</tag" (case-insensitive) followed by a delimiter, or npos.
size_t find_end_tag(std::string_view s, size_t from, std::string_view tag) {
  while (true) {
    size_t lt = s.find("</", from);
    if (lt == std::string_view::npos) return lt;
    size_t k = lt + 2;
    if (k + tag.size() <= s.size() && lower(s.substr(k, tag.size())) == tag &&
        (k + tag.size() == s.size() || is_space(s[k + tag.size()]) || s[k + tag.size()] == '>' ||
         s[k + tag.size()] == '/'))
      return lt;
    from = lt + 2;
  }
}

class Builder {
 public:
  Builder(Document& d, unsigned max_depth) : d_(d), max_depth_(max_depth) {
    d_.nodes.push_back(Node{});
    d_.nodes[0].tag = "#root";
    stack_.push_back(0);
  }

  bool is_open(int idx) const { return idx >= 0 && stack_.back() == idx; }

  void text(std::string t) {
    if (t.empty()) return;
    const int cur = stack_.back();
    auto& kids = d_.nodes[cur].children;
    if (!kids.empty() && d_.nodes[kids.back()].is_text) {
      d_.nodes[kids.back()].text += t;
      return;
    }
    Node n;
    n.is_text = true;
    n.text = std::move(t);
    add(std::move(n));
  }

  // Returns the new element's index.
  int start(std::string tag, std::vector<std::pair<std::string, std::string>> attrs) {
    if (tag == "html" || tag == "body" || tag == "head") {
      if (seen_[tag == "html" ? 0 : tag == "body" ? 1 : 2]++) return -1;  // a second <body> adds nothing
    }
    if (closes_p(tag)) close_in_scope("p", {"table", "td", "th", "button", "#root"});
    if (tag == "li") close_in_scope("li", {"ul", "ol", "menu", "table", "td", "th", "#root"});
    if (tag == "dt" || tag == "dd") {
      close_in_scope("dt", {"dl", "table", "#root"});
      close_in_scope("dd", {"dl", "table", "#root"});
    }
    if (tag == "tr") close_in_scope("tr", {"table", "tbody", "thead", "tfoot", "#root"});
    if (tag == "td" || tag == "th") {
      close_in_scope("td", {"tr", "table", "#root"});
      close_in_scope("th", {"tr", "table", "#root"});
    }
    if (tag == "option") close_in_scope("option", {"select", "#root"});
    if (is_heading(tag) && is_heading(d_.nodes[stack_.back()].tag)) stack_.pop_back();
    Node n;
    n.tag = std::move(tag);
    n.attrs = std::move(attrs);
    const bool v = is_void(n.tag);
    const int idx = add(std::move(n));
    if (!v) {
      if (stack_.size() < max_depth_)
        stack_.push_back(idx);
      else
        d_.depth_capped = true;  // children go to the parent: the tree stays shallow
    }
    return idx;
  }

  void end(const std::string& tag) {
    if (tag == "br") {
      start("br", {});
      return;
    }
    for (size_t k = stack_.size(); k-- > 1;) {
      if (d_.nodes[stack_[k]].tag == tag) {
        stack_.resize(k);
        return;
      }
      // An end tag does not close through a table cell or the table itself.
      if (in(d_.nodes[stack_[k]].tag, {"td", "th", "table"}) && !in(tag, {"td", "th", "table", "tr", "tbody"})) return;
    }
  }

 private:
  int add(Node n) {
    n.parent = stack_.back();
    d_.nodes.push_back(std::move(n));
    const int idx = static_cast<int>(d_.nodes.size() - 1);
    d_.nodes[d_.nodes[idx].parent].children.push_back(idx);
    return idx;
  }

  void close_in_scope(std::string_view tag, std::initializer_list<std::string_view> barriers) {
    for (size_t k = stack_.size(); k-- > 1;) {
      const std::string& t = d_.nodes[stack_[k]].tag;
      if (t == tag) {
        stack_.resize(k);
        return;
      }
      if (in(t, barriers)) return;
    }
  }

  Document& d_;
  unsigned max_depth_;
  std::vector<int> stack_;
  std::array<int, 3> seen_{};  // html, body, head start tags seen
};

}  // namespace

Document parse(std::string_view s, unsigned max_depth) {
  Document d;
  Builder b(d, std::max(4u, max_depth));
  size_t i = 0;
  const size_t n = s.size();
  std::string pending;  // raw text waiting for entity decoding
  auto flush_text = [&] {
    if (!pending.empty()) b.text(decode_entities(pending));
    pending.clear();
  };
  while (i < n) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      pending.append(s.substr(i));
      break;
    }
    pending.append(s.substr(i, lt - i));
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {  // comment
      flush_text();
      size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? n : e + 3;
      continue;
    }
    if (s.compare(i, 9, "<![CDATA[") == 0) {
      size_t e = s.find("]]>", i + 9);
      flush_text();
      b.text(std::string(s.substr(i + 9, (e == std::string_view::npos ? n : e) - (i + 9))));
      i = e == std::string_view::npos ? n : e + 3;
      continue;
    }
    if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {  // doctype, processing instruction
      flush_text();
      size_t e = s.find('>', i);
      i = e == std::string_view::npos ? n : e + 1;
      continue;
    }
    const bool closing = i + 1 < n && s[i + 1] == '/';
    size_t k = i + (closing ? 2 : 1);
    if (k >= n || !std::isalpha(static_cast<unsigned char>(s[k]))) {
      if (closing) {  // "</>" or "</ junk>": skipped like a bogus comment
        flush_text();
        size_t e = s.find('>', k);
        i = e == std::string_view::npos ? n : e + 1;
      } else {
        pending += '<';
        ++i;
      }
      continue;
    }
    flush_text();
    size_t name_end = k;
    while (name_end < n && is_name_char(s[name_end])) ++name_end;
    std::string tag = lower(s.substr(k, name_end - k));
    if (closing) {
      size_t e = s.find('>', name_end);
      i = e == std::string_view::npos ? n : e + 1;
      b.end(tag);
      continue;
    }
    // Attributes.
    std::vector<std::pair<std::string, std::string>> attrs;
    size_t j = name_end;
    while (j < n && s[j] != '>') {
      if (is_space(s[j]) || s[j] == '/') {
        ++j;
        continue;
      }
      size_t an = j++;
      while (j < n && !is_space(s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/') ++j;
      std::string aname = lower(s.substr(an, j - an));
      while (j < n && is_space(s[j])) ++j;
      std::string value;
      if (j < n && s[j] == '=') {
        ++j;
        while (j < n && is_space(s[j])) ++j;
        if (j < n && (s[j] == '"' || s[j] == '\'')) {
          const char q = s[j++];
          size_t e = s.find(q, j);
          if (e == std::string_view::npos) e = n;
          value = decode_entities(s.substr(j, e - j), true);
          j = e < n ? e + 1 : n;
        } else {
          size_t vs = j;
          while (j < n && !is_space(s[j]) && s[j] != '>') ++j;
          value = decode_entities(s.substr(vs, j - vs), true);
        }
      }
      if (attrs.size() < 64 && !aname.empty()) attrs.emplace_back(std::move(aname), std::move(value));
    }
    i = j < n ? j + 1 : n;
    const int el = b.start(tag, std::move(attrs));
    // Raw text elements: their content is not markup.
    const bool raw = in(tag, {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"});
    const bool rcdata = in(tag, {"title", "textarea"});
    if (raw || rcdata) {
      size_t e = find_end_tag(s, i, tag);
      std::string_view body = s.substr(i, (e == std::string_view::npos ? n : e) - i);
      if (b.is_open(el)) b.text(rcdata ? decode_entities(body) : std::string(body));  // never into the parent
      if (e == std::string_view::npos) {
        i = n;
      } else {
        size_t gt = s.find('>', e);
        i = gt == std::string_view::npos ? n : gt + 1;
      }
      b.end(tag);
    } else if (tag == "plaintext" && b.is_open(el)) {
      b.text(std::string(s.substr(i)));
      i = n;
    }
  }
  flush_text();
  return d;
}

std::string text_of(const Document& d, int node) {
  std::string out;
  if (node < 0 || node >= static_cast<int>(d.nodes.size())) return out;
  std::vector<std::pair<int, size_t>> st{{node, 0}};
  if (d.nodes[node].is_text) return d.nodes[node].text;
  while (!st.empty()) {
    auto& [n, k] = st.back();
    const Node& nd = d.nodes[n];
    if (k >= nd.children.size()) {
      st.pop_back();
      continue;
    }
    const int c = nd.children[k++];
    if (d.nodes[c].is_text)
      out += d.nodes[c].text;
    else if (d.nodes[c].tag != "script" && d.nodes[c].tag != "style")
      st.push_back({c, 0});
  }
  return out;
}

}  // namespace telaah::ingest::html
