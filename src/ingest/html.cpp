// Saved news pages: metadata from meta tags and JSON-LD, the article body
// without navigation, ads, related links, comments and footers.
//
// The body is the <article> holding the densest block of <p> text (or that
// block itself when there is no <article>). Boilerplate is recognised by tag
// (nav, aside, footer, form, ...) and by class/id/role words (ad, promo,
// related, newsletter, cookie, share, comment and their Indonesian
// counterparts), but never when the element holds most of the page's
// paragraph text: broken pages leave a cookie banner's <div> unclosed around
// the whole article, and dropping it would drop the article.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <map>

#include "ingest/html.h"
#include "ingest/importer.h"
#include "text/utf8.h"

namespace telaah::ingest {

namespace {

using html::Document;
using html::Node;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Whitespace as HTML renders it: runs of spaces, tabs, newlines and NBSP become one space.
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
      if (nbsp) ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The charset a page declares in its first bytes (<meta charset>, http-equiv, XML declaration).
std::string declared_charset(std::string_view bytes) {
  std::string head = lower(std::string(bytes.substr(0, 4096)));
  for (const char* key : {"charset=", "encoding="}) {
    size_t p = head.find(key);
    while (p != std::string::npos) {
      size_t v = p + std::strlen(key);
      while (v < head.size() && (head[v] == '"' || head[v] == '\'' || head[v] == ' ')) ++v;
      size_t e = v;
      while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_'))
        ++e;
      if (e > v) return head.substr(v, e - v);
      p = head.find(key, p + 1);
    }
  }
  return "";
}

std::string decode_page(std::string_view bytes, const ImportOptions& opt, const std::string& name,
                        std::vector<std::string>& notes) {
  if (!opt.encoding.empty()) return decode_to_utf8(bytes, opt.encoding, name, &notes);
  const EncodingGuess g = guess_encoding(bytes);
  if (g.encoding == "utf-8" || g.encoding.rfind("utf-16", 0) == 0) return decode_to_utf8(bytes, "", name, &notes);
  const std::string declared = declared_charset(bytes);
  if (!declared.empty() && declared != "utf-8" && declared != "utf8") {
    try {
      return decode_to_utf8(bytes, declared, name, &notes);
    } catch (const ImportError&) {
      notes.push_back("the page declares " + declared + " but its bytes are not; the encoding was detected instead");
    }
  } else if (!declared.empty()) {
    notes.push_back("the page declares UTF-8 but is not valid UTF-8; the encoding was detected instead");
  }
  return decode_to_utf8(bytes, "", name, &notes);
}

// Words of class, id and role attributes ("in-content-ad widget_related" -> in, content, ad, widget, related).
std::vector<std::string> hint_words(const Node& n) {
  std::vector<std::string> words;
  for (const char* a : {"class", "id", "role"}) {
    const std::string* v = n.attr(a);
    if (!v) continue;
    std::string w;
    for (char c : lower(v->substr(0, 512)) + " ") {
      if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
  }
  return words;
}

bool boilerplate_hint(const Node& n) {
  static const char* const kWords[] = {
      "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "sponsor", "sponsored", "promo",
      "promoted", "promotion", "related", "newsletter", "subscribe", "subscription", "cookie", "cookies", "gdpr",
      "consent", "share", "sharing", "sharedaddy", "social", "comment", "comments", "disqus", "sidebar", "widget",
      "popular", "trending", "recommended", "breadcrumb", "breadcrumbs", "tags", "caption", "thumbnail", "banner",
      "navigation", "navbar", "menu", "masthead", "footer", "header", "byline", "meta", "complementary", "contentinfo",
      "search", "dialog", "modal", "popup", "ticker", "topbar",
      // Indonesian news sites
      "iklan", "terkait", "terpopuler", "komentar", "baca", "langganan", "sosial", "berbagi", "rekomendasi"};
  for (const auto& w : hint_words(n)) {
    for (const char* k : kWords)
      if (w == k) return true;
    if (w.rfind("adsby", 0) == 0 || w.rfind("advert", 0) == 0) return true;
  }
  if (const std::string* h = n.attr("aria-hidden"); h && *h == "true") return true;
  if (n.attr("hidden")) return true;
  if (const std::string* st = n.attr("style")) {
    std::string v = lower(*st);
    v.erase(std::remove(v.begin(), v.end(), ' '), v.end());
    if (v.find("display:none") != std::string::npos) return true;
  }
  return false;
}

bool never_content(const std::string& t) {
  static const char* const kTags[] = {"script", "style",  "noscript", "template", "svg",    "math",  "iframe", "object",
                                      "embed",  "canvas", "select",   "textarea", "button", "input", "head",   "title"};
  return std::any_of(std::begin(kTags), std::end(kTags), [&](const char* k) { return t == k; });
}

bool structural_boilerplate(const std::string& t) {
  return t == "nav" || t == "aside" || t == "footer" || t == "header" || t == "form" || t == "figure" || t == "menu" ||
         t == "dialog";
}

bool is_table_part(const std::string& t) {
  return t == "table" || t == "thead" || t == "tbody" || t == "tfoot" || t == "tr" || t == "td" || t == "th";
}

// Footnotes as pandoc, WordPress and kramdown write them: id="fn1" / "fn:1" / "fn-1".
int footnote_number(const Node& n) {
  const std::string* id = n.attr("id");
  if (!id || id->size() < 3 || id->compare(0, 2, "fn") != 0) return 0;
  size_t k = 2;
  if ((*id)[k] == ':' || (*id)[k] == '-') ++k;
  if (k >= id->size() || id->find_first_not_of("0123456789", k) != std::string::npos || id->size() - k > 4) return 0;
  return std::atoi(id->c_str() + k);
}

// A link back from a footnote to its reference ("↩").
bool is_backlink(const Node& n) {
  const std::string* href = n.attr("href");
  const std::string* role = n.attr("role");
  return (role && *role == "doc-backlink") || (href && href->rfind("#fnref", 0) == 0);
}

bool is_heading(const std::string& t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

bool is_block(const std::string& t) {
  static const char* const kTags[] = {"p",       "div",     "section", "article", "main",   "blockquote", "address",
                                      "center",  "dl",      "dt",      "dd",      "ul",     "ol",         "li",
                                      "table",   "tbody",   "thead",   "tfoot",   "tr",     "pre",        "hr",
                                      "details", "summary", "body",    "html",    "hgroup", "figcaption"};
  return is_heading(t) || std::any_of(std::begin(kTags), std::end(kTags), [&](const char* k) { return t == k; });
}

// Page facts computed once: paragraph text per subtree, parents.
struct Page {
  const Document& d;
  std::vector<size_t> ptext;  // bytes of <p> text in each subtree
  explicit Page(const Document& doc) : d(doc), ptext(doc.nodes.size(), 0) {
    // Children always come after their parent, so one backward pass sums subtrees.
    for (size_t i = d.nodes.size(); i-- > 1;) {
      const Node& n = d.nodes[i];
      if (!n.is_text && n.tag == "p") ptext[i] += collapse(html::text_of(d, static_cast<int>(i))).size();
      if (n.parent >= 0) ptext[n.parent] += ptext[i];
    }
  }
  // Boilerplate relative to a reference subtree: never when it holds most of its text.
  bool dropped(int i, int reference) const {
    const Node& n = d.nodes[i];
    if (n.is_text) return false;
    if (never_content(n.tag)) return true;
    if (is_table_part(n.tag)) return false;  // <tr class="header"> is a table's header row, not a page header
    if (!structural_boilerplate(n.tag) && !boilerplate_hint(n)) return false;
    return ptext[i] * 2 < ptext[reference] || ptext[reference] == 0;
  }
  bool dropped_path(int i, int reference) const {
    for (int k = i; k > 0 && k != reference; k = d.nodes[k].parent)
      if (dropped(k, reference)) return true;
    return false;
  }
  int nearest(int i, const char* tag) const {
    for (int k = i; k > 0; k = d.nodes[k].parent)
      if (d.nodes[k].tag == tag) return k;
    return -1;
  }
};

// The nodes whose content is the article, in document order.
std::vector<int> choose_body(const Page& pg) {
  const Document& d = pg.d;
  std::map<int, double> score;
  for (size_t i = 1; i < d.nodes.size(); ++i) {
    const Node& n = d.nodes[i];
    if (n.is_text || n.tag != "p" || pg.ptext[i] < 25 || pg.dropped_path(static_cast<int>(i), 0)) continue;
    const int parent = n.parent;
    score[parent] += static_cast<double>(pg.ptext[i]);
    if (parent > 0) score[d.nodes[parent].parent] += static_cast<double>(pg.ptext[i]) / 2;
  }
  if (score.empty()) {
    for (size_t i = 1; i < d.nodes.size(); ++i)
      if (d.nodes[i].tag == "body") return {static_cast<int>(i)};
    return {0};
  }
  auto best = std::max_element(score.begin(), score.end(), [](auto& a, auto& b) { return a.second < b.second; });
  const int top = best->first;
  if (int art = pg.nearest(top, "article"); art > 0) return {art};
  // Siblings that carry a good share of text too (content split by an ad).
  const int parent = d.nodes[top].parent;
  if (parent < 0) return {top};
  std::vector<int> out;
  for (int c : d.nodes[parent].children) {
    if (c == top)
      out.push_back(c);
    else if (auto it = score.find(c); it != score.end() && it->second >= best->second * 0.2 && !pg.dropped(c, parent))
      out.push_back(c);
  }
  return out;
}

// Walks the body and collects blocks: paragraphs, headings, list items, table rows.
class BlockWalker {
 public:
  BlockWalker(const Page& pg, int reference) : pg_(pg), ref_(reference) {}
  std::vector<std::pair<std::string, std::string>> blocks;  // kind, text

  void walk(int i) {
    const Node& n = pg_.d.nodes[i];
    if (n.is_text) {
      (in_cell_ ? cell_ : buf_) += n.text;
      return;
    }
    if (pg_.dropped(i, ref_)) return;
    const std::string& t = n.tag;
    if (t == "br") {
      if (in_cell_)
        cell_ += ' ';
      else
        flush();
      return;
    }
    if (t == "a" && is_backlink(n)) return;
    if (t == "a") {  // a footnote reference: <a href="#fn1"><sup>1</sup></a> -> [1]
      const std::string* href = n.attr("href");
      const std::string label = collapse(html::text_of(pg_.d, i));
      if (href && href->rfind("#fn", 0) == 0 && href->rfind("#fnref", 0) != 0 && !label.empty() &&
          label.find_first_not_of("0123456789") == std::string::npos) {
        (in_cell_ ? cell_ : buf_) += "[" + label + "]";
        return;
      }
    }
    if (t == "li" && footnote_number(n) && !in_cell_) {
      flush();
      prefix_ = "[" + std::to_string(footnote_number(n)) + "] ";
      children(i);
      flush();
      return;
    }
    if (t == "tr" && !in_cell_ && !in_row_) {
      flush();
      in_row_ = true;
      cells_.clear();
      children(i);
      in_row_ = false;
      std::string row;
      for (size_t k = 0; k < cells_.size(); ++k) row += (k ? "\t" : "") + cells_[k];
      if (row.find_first_not_of('\t') != std::string::npos) blocks.emplace_back("row", row);
      return;
    }
    if ((t == "td" || t == "th") && in_row_ && !in_cell_) {
      in_cell_ = true;
      cell_.clear();
      children(i);
      in_cell_ = false;
      std::string c = collapse(cell_);
      std::replace(c.begin(), c.end(), '\t', ' ');
      cells_.push_back(c);
      return;
    }
    if (in_cell_) {  // everything inside a cell is one line of text
      if (is_block(t)) cell_ += ' ';
      children(i);
      if (is_block(t)) cell_ += ' ';
      return;
    }
    if (t == "pre") {
      flush();
      std::string raw = html::text_of(pg_.d, i);
      size_t pos = 0;
      while (pos <= raw.size()) {
        size_t nl = raw.find('\n', pos);
        std::string line = raw.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        buf_ = line;
        flush();
        pos = nl == std::string::npos ? raw.size() + 1 : nl + 1;
      }
      return;
    }
    const bool block = is_block(t);
    if (block) flush();
    children(i);
    if (is_heading(t))
      flush(t);
    else if (t == "li" || t == "dt" || t == "dd")
      flush("li");
    else if (block)
      flush();
  }

 private:
  void children(int i) {
    for (int c : pg_.d.nodes[i].children) walk(c);
  }
  void flush(const std::string& kind = "p") {
    std::string s = collapse(buf_);
    buf_.clear();
    if (s.empty()) return;
    blocks.emplace_back(kind, prefix_ + s);
    prefix_.clear();
  }

  const Page& pg_;
  int ref_;
  std::string buf_, cell_;
  std::string prefix_;  // "[1] " before the text of a footnote
  std::vector<std::string> cells_;
  bool in_row_ = false, in_cell_ = false;
};

// Metadata from <meta>, keyed by lowercased name / property / itemprop / http-equiv.
std::map<std::string, std::string> meta_tags(const Document& d) {
  std::map<std::string, std::string> m;
  for (const Node& n : d.nodes) {
    if (n.is_text || n.tag != "meta") continue;
    const std::string* content = n.attr("content");
    if (!content) continue;
    for (const char* key : {"property", "name", "itemprop", "http-equiv"})
      if (const std::string* k = n.attr(key)) m.emplace(lower(*k), collapse(*content));
  }
  return m;
}

struct JsonLd {
  std::string headline, date, author, language;
};

std::string json_names(const nlohmann::json& a) {
  if (a.is_string()) return a.get<std::string>();
  if (a.is_object() && a.contains("name") && a["name"].is_string()) return a["name"].get<std::string>();
  if (a.is_array()) {
    std::string out;
    for (const auto& x : a) {
      std::string n = json_names(x.is_array() ? nlohmann::json() : x);  // one level only
      if (!n.empty()) out += (out.empty() ? "" : ", ") + n;
    }
    return out;
  }
  return "";
}

// JSON-LD (schema.org) blocks: the first object that looks like an article.
JsonLd json_ld(const Document& d) {
  JsonLd out;
  for (const Node& n : d.nodes) {
    if (n.is_text || n.tag != "script") continue;
    const std::string* type = n.attr("type");
    if (!type || lower(*type).find("ld+json") == std::string::npos) continue;
    std::string src = html::text_of(d, static_cast<int>(&n - d.nodes.data()));
    if (src.size() > (1u << 20)) continue;
    int depth = 0, max_depth = 0;  // bound nesting before handing it to the parser
    for (char c : src) {
      if (c == '{' || c == '[')
        max_depth = std::max(max_depth, ++depth);
      else if (c == '}' || c == ']')
        --depth;
    }
    if (max_depth > 64) continue;
    nlohmann::json j = nlohmann::json::parse(src, nullptr, false, true);
    if (j.is_discarded()) continue;
    std::deque<const nlohmann::json*> todo{&j};
    size_t visited = 0;
    while (!todo.empty() && ++visited < 10000) {
      const nlohmann::json* o = todo.front();
      todo.pop_front();
      if (o->is_array()) {
        for (const auto& x : *o) todo.push_back(&x);
        continue;
      }
      if (!o->is_object()) continue;
      if (o->contains("@graph")) todo.push_back(&(*o)["@graph"]);
      const bool article = o->contains("datePublished") || o->contains("headline");
      if (!article) continue;
      auto str = [&](const char* k) { return o->contains(k) && (*o)[k].is_string() ? (*o)[k].get<std::string>() : ""; };
      if (out.headline.empty()) out.headline = str("headline");
      if (out.date.empty()) out.date = str("datePublished");
      if (out.date.empty()) out.date = str("dateCreated");
      if (out.author.empty() && o->contains("author")) out.author = json_names((*o)["author"]);
      if (out.language.empty()) out.language = str("inLanguage");
    }
  }
  return out;
}

std::string first_nonempty(std::initializer_list<std::string> v) {
  for (const auto& s : v)
    if (!collapse(s).empty()) return collapse(s);
  return "";
}

std::string meta(const std::map<std::string, std::string>& m, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (auto it = m.find(k); it != m.end() && !it->second.empty()) return it->second;
  return "";
}

// "Headline – Site Name" -> "Headline".
std::string strip_site(std::string title, const std::string& site) {
  for (const char* sep : {" – ", " — ", " | ", " - ", " :: ", " » ", " · "}) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string tail = title.substr(p + std::strlen(sep));
    const bool is_site = !site.empty() && lower(tail) == lower(site);
    const bool short_tail = std::count(tail.begin(), tail.end(), ' ') < 4 && tail.size() * 2 < title.size();
    if (is_site || short_tail) return title.substr(0, p);
  }
  return title;
}

std::string without_by(std::string s) {
  for (const char* p : {"by ", "By ", "BY ", "oleh ", "Oleh ", "OLEH ",
                        "Reporter: ", "Reporter : ", "Penulis: ", "Penulis : ", "Written by "})
    if (s.rfind(p, 0) == 0) return s.substr(std::strlen(p));
  return s;
}

}  // namespace

Extracted extract_html(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "html";
  const std::string src = decode_page(bytes, opt, name, e.notes);
  const Document d = html::parse(src, opt.limits.max_nesting);
  if (d.depth_capped)
    e.notes.push_back("elements nested deeper than " + std::to_string(opt.limits.max_nesting) +
                      " levels were flattened");
  const Page pg(d);
  const auto m = meta_tags(d);
  const JsonLd ld = json_ld(d);
  const std::vector<int> body = choose_body(pg);
  const int reference = body.size() == 1 ? body[0] : d.nodes[body[0]].parent;

  BlockWalker w(pg, reference);
  for (int b : body) w.walk(b);

  // Title, byline, date, language.
  std::string h1, time_dt, time_published, byline, doc_title;
  int byline_tries = 0;
  for (size_t i = 1; i < d.nodes.size(); ++i) {
    const Node& n = d.nodes[i];
    if (n.is_text) continue;
    const int idx = static_cast<int>(i);
    if (n.tag == "h1" && h1.empty() && !pg.dropped_path(idx, 0)) h1 = collapse(html::text_of(d, idx));
    if (n.tag == "title" && doc_title.empty()) doc_title = collapse(html::text_of(d, idx));
    if (n.tag == "time") {
      const std::string* dt = n.attr("datetime");
      if (!dt) continue;
      if (time_dt.empty()) time_dt = *dt;
      const std::string* ip = n.attr("itemprop");
      const std::string* cl = n.attr("class");
      if (time_published.empty() &&
          ((ip && lower(*ip) == "datepublished") || (cl && lower(*cl).find("published") != std::string::npos)))
        time_published = *dt;
    }
    if (byline.empty() && byline_tries < 20) {  // bounded: nested "author" boxes must not make this quadratic
      const std::string* ip = n.attr("itemprop");
      const std::string* rel = n.attr("rel");
      bool is_byline = (ip && lower(*ip) == "author") || (rel && lower(*rel) == "author");
      for (const auto& wd : hint_words(n))
        is_byline |= wd == "author" || wd == "byline" || wd == "reporter" || wd == "penulis";
      if (is_byline && n.tag != "meta" && n.tag != "link" && n.tag != "body" && n.tag != "article") {
        ++byline_tries;
        byline = without_by(collapse(html::text_of(d, idx)));
      }
      if (byline.size() > 120) byline.clear();  // a bio box, not a byline
    }
  }
  const std::string site = meta(m, {"og:site_name", "application-name"});
  // <h1> is the headline when <title> agrees with it; otherwise the h1 may be a
  // logo or a section heading, and <title> (without the site's name) is safer.
  const std::string page_title = strip_site(doc_title, site);
  const bool h1_agrees = !h1.empty() && (page_title.empty() || lower(page_title).find(lower(h1)) != std::string::npos ||
                                         lower(h1).find(lower(page_title)) != std::string::npos);
  e.title = first_nonempty({meta(m, {"og:title"}), ld.headline, meta(m, {"twitter:title", "title", "dc.title"}),
                            h1_agrees ? h1 : page_title, h1});
  std::string author = meta(m, {"author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"});
  if (author.rfind("http", 0) == 0) author.clear();  // article:author is often a profile URL
  e.author = first_nonempty({without_by(author), ld.author, byline, site});
  e.date = first_nonempty(
      {meta(m, {"article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
                "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created", "dcterms.date", "sailthru.date",
                "parsely-pub-date", "og:published_time", "article.published"}),
       ld.date, time_published, time_dt});
  std::string lang;
  for (const Node& n : d.nodes)
    if (!n.is_text && n.tag == "html" && n.attr("lang")) lang = *n.attr("lang");
  e.language = first_nonempty({lang, meta(m, {"content-language", "og:locale", "dc.language"}), ld.language});
  if (!e.date.empty() && normalise_date(e.date).empty()) e.date.clear();

  // The headline leads the text unless the body already opens with it.
  const bool opens_with_title = !w.blocks.empty() && collapse(w.blocks.front().second) == collapse(e.title);
  if (!e.title.empty() && !opens_with_title) append_block(e, e.title, "h1");
  for (const auto& [kind, t] : w.blocks) append_block(e, t, kind);
  mark_turns(e);
  finish(e, name);
  return e;
}

}  // namespace telaah::ingest
