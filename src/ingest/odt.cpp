// ODT (OpenDocument Text): headings, paragraphs, lists, tables (one line
// per row, cells tab-separated), text frames, footnotes appended at the end;
// title / author / date from meta.xml; annotations (reviewers' comments)
// anchored on their span as Word comments are. Read from memory through ZipArchive.
#include <algorithm>
#include <map>

#include "ingest/importer.h"
#include "ingest/office.h"
#include "ingest/xml.h"
#include "ingest/zip.h"

namespace telaah::ingest {

namespace {

using office::Para;

class Reader {
 public:
  Reader(unsigned max_depth, std::string what) : max_depth_(max_depth), what_(std::move(what)) {}

  std::vector<office::Note> notes;
  std::string date_paragraph;
  std::vector<Comment> comments;  // office:annotation, anchored by office::anchor_mark

  void load_styles(const pugi::xml_node& container) {
    for (pugi::xml_node s = container.first_child(); s; s = s.next_sibling()) {
      if (xml::local(s) != "style") continue;
      const std::string n = xml::attr(s, "name");
      parent_[n] = xml::attr(s, "parent-style-name");
      if (std::string lvl = xml::attr(s, "default-outline-level"); !lvl.empty()) outline_[n] = std::atoi(lvl.c_str());
    }
  }

  void body(const pugi::xml_node& n, std::vector<Para>& out, unsigned depth, bool in_list = false) {
    guard(depth);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const auto l = xml::local(c);
      if (l == "p" || l == "h") {
        paragraph(c, out, depth + 1, in_list);
      } else if (l == "list") {
        for (pugi::xml_node item = c.first_child(); item; item = item.next_sibling())
          if (xml::local(item) == "list-item" || xml::local(item) == "list-header") body(item, out, depth + 2, true);
      } else if (l == "table") {
        table(c, out, depth + 1);
      } else if (l == "section" || l == "text-box" || l == "frame" || l == "index-body") {
        body(c, out, depth + 1, in_list);
      }
      // Skipped: tables of contents and indexes (they repeat headings), forms,
      // tracked deletions, sequence declarations.
    }
  }

 private:
  void guard(unsigned depth) const {
    if (depth > max_depth_)
      throw ImportError(what_ + ": elements are nested more than " + std::to_string(max_depth_) +
                        " levels deep; refused as damaged or hostile");
  }

  int style_level(std::string style) const {
    for (int hop = 0; hop < 12 && !style.empty(); ++hop) {
      if (int h = office::heading_level_from_style_name(style)) return h;
      if (auto o = outline_.find(style); o != outline_.end() && o->second > 0) return std::min(6, o->second);
      auto it = parent_.find(style);
      if (it == parent_.end()) break;
      style = it->second;
    }
    return 0;
  }

  bool style_is(std::string style, const std::string& want) const {
    for (int hop = 0; hop < 12 && !style.empty(); ++hop) {
      if (style == want) return true;
      auto it = parent_.find(style);
      if (it == parent_.end()) break;
      style = it->second;
    }
    return false;
  }

  void paragraph(const pugi::xml_node& p, std::vector<Para>& out, unsigned depth, bool in_list) {
    const std::string style = xml::attr(p, "style-name");
    int level = 0;
    if (xml::local(p) == "h") {
      const std::string ol = xml::attr(p, "outline-level");
      level = std::clamp(ol.empty() ? 1 : std::atoi(ol.c_str()), 1, 6);
    } else {
      level = style_level(style);
    }
    std::string kind = level ? "h" + std::to_string(level) : in_list ? "li" : "p";
    std::string text;
    std::vector<pugi::xml_node> boxes;
    bool space = true;  // ODF collapses white space, and drops it at the start of a paragraph
    inline_content(p, text, boxes, space, depth + 1);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (style_is(style, "Date") && date_paragraph.empty()) date_paragraph = text;
    office::push_paragraph(out, kind, text);
    for (const auto& b : boxes) body(b, out, depth + 1);
  }

  void inline_content(const pugi::xml_node& n, std::string& text, std::vector<pugi::xml_node>& boxes, bool& space,
                      unsigned depth) {
    guard(depth);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        for (const char* s = c.value(); *s; ++s) {
          const bool ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
          if (ws) {
            if (!space) text += ' ';
            space = true;
          } else {
            text += *s;
            space = false;
          }
        }
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const auto l = xml::local(c);
      if (l == "s") {
        const int count = std::clamp(xml::attr(c, "c").empty() ? 1 : std::atoi(xml::attr(c, "c").c_str()), 1, 64);
        text.append(static_cast<size_t>(count), ' ');
        space = true;
      } else if (l == "tab") {
        text += '\t';
        space = true;
      } else if (l == "line-break") {
        text += '\n';
        space = true;
      } else if (l == "note") {
        text += note(c, depth + 1);
        space = false;
      } else if (l == "frame" || l == "text-box") {
        if (l == "text-box")
          boxes.push_back(c);
        else
          for (pugi::xml_node b = c.first_child(); b; b = b.next_sibling())
            if (xml::local(b) == "text-box") boxes.push_back(b);
      } else if (l == "annotation") {
        text += annotation(c, depth + 1);
      } else if (l == "annotation-end") {
        auto it = open_annotations_.find(xml::attr(c, "name"));
        if (it != open_annotations_.end()) {
          text += office::anchor_mark(it->second, true);
          open_annotations_.erase(it);
        }
      } else if (l == "note-citation" || l == "ruby-text" || l == "tracked-changes" || l == "bookmark-ref" ||
                 l == "soft-page-break") {
        continue;
      } else {  // span, a, meta, ruby, ruby-base, date, page-number, sequence, ...
        inline_content(c, text, boxes, space, depth + 1);
      }
    }
  }

  // An annotation (a reviewer's comment): its text kept aside, its anchor
  // marked in the paragraph. With office:name it spans to the
  // office:annotation-end of that name; without, it is a point here.
  std::string annotation(const pugi::xml_node& n, unsigned depth) {
    Comment cm;
    cm.author = xml::text(xml::child(n, "creator"));
    cm.date = normalise_date(xml::text(xml::child(n, "date")));
    std::vector<Para> paras;
    body(n, paras, depth + 1);
    for (const auto& p : paras)
      if (!p.text.empty()) cm.text += (cm.text.empty() ? "" : "\n") + p.text;
    const size_t k = comments.size();
    comments.push_back(std::move(cm));
    const std::string name = xml::attr(n, "name");
    if (!name.empty() && open_annotations_.emplace(name, k).second) return office::anchor_mark(k, false);
    return office::anchor_mark(k, false) + office::anchor_mark(k, true);
  }

  std::string note(const pugi::xml_node& n, unsigned depth) {
    office::Note note;
    note.marker = "[" + std::to_string(notes.size() + 1) + "]";
    std::vector<Para> paras;
    body(xml::child(n, "note-body"), paras, depth + 1);
    for (const auto& p : paras)
      if (!p.text.empty()) note.paras.push_back(p.text);
    notes.push_back(note);
    return note.marker;
  }

  void rows(const pugi::xml_node& n, std::vector<Para>& out, unsigned depth) {
    guard(depth);
    for (pugi::xml_node r = n.first_child(); r; r = r.next_sibling()) {
      const auto l = xml::local(r);
      if (l == "table-header-rows" || l == "table-rows" || l == "table-row-group") {
        rows(r, out, depth + 1);
        continue;
      }
      if (l != "table-row") continue;
      std::string row;
      bool first = true;
      for (pugi::xml_node cell = r.first_child(); cell; cell = cell.next_sibling()) {
        const auto cl = xml::local(cell);
        if (cl != "table-cell" && cl != "covered-table-cell") continue;
        std::vector<Para> paras;
        body(cell, paras, depth + 2);
        std::string text;
        for (const auto& p : paras) {
          std::string t = p.text;
          for (char& ch : t)
            if (ch == '\t' || ch == '\n') ch = ' ';
          if (!t.empty()) text += (text.empty() ? "" : " ") + t;
        }
        // Repeated empty cells pad a spreadsheet-like table to its full width: drop them.
        const std::string rep = xml::attr(cell, "number-columns-repeated");
        const int times = text.empty() ? 1 : std::clamp(rep.empty() ? 1 : std::atoi(rep.c_str()), 1, 64);
        for (int k = 0; k < times; ++k) {
          row += (first ? "" : "\t") + text;
          first = false;
        }
      }
      while (!row.empty() && row.back() == '\t') row.pop_back();
      if (!row.empty()) out.push_back({"row", row});
    }
  }

  void table(const pugi::xml_node& t, std::vector<Para>& out, unsigned depth) { rows(t, out, depth + 1); }

  unsigned max_depth_;
  std::string what_;
  std::map<std::string, std::string> parent_;
  std::map<std::string, int> outline_;
  std::map<std::string, size_t> open_annotations_;  // office:name -> comment, until its annotation-end
};

}  // namespace

Extracted extract_odt(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "odt";
  ZipArchive zip(bytes, opt.limits, name);
  if (auto mt = zip.read("mimetype"); mt && mt->rfind("application/vnd.oasis.opendocument.text", 0) != 0)
    throw ImportError(name + ": an OpenDocument file of another kind (" + mt->substr(0, 60) +
                      "); only text documents (.odt) can be imported");
  auto content = zip.read("content.xml");
  if (!content) {
    if (zip.has("word/document.xml")) throw ImportError(name + ": this is a Word file, not ODT; rename it to .docx");
    throw ImportError(name + ": not an OpenDocument text (the archive has no content.xml)");
  }
  pugi::xml_document doc, styles_doc, meta_doc;
  xml::parse(doc, *content, name + ": content.xml");
  Reader r(opt.limits.max_nesting, name);
  if (auto s = zip.read("styles.xml")) {
    xml::parse(styles_doc, *s, name + ": styles.xml");
    r.load_styles(xml::child(styles_doc.document_element(), "styles"));
  }
  r.load_styles(xml::child(doc.document_element(), "automatic-styles"));
  std::vector<Para> paras;
  r.body(xml::child(xml::child(doc.document_element(), "body"), "text"), paras, 0);

  std::string user_date;
  if (auto m = zip.read("meta.xml")) {
    xml::parse(meta_doc, *m, name + ": meta.xml");
    pugi::xml_node meta = xml::child(meta_doc.document_element(), "meta");
    e.title = xml::text(xml::child(meta, "title"));
    e.author = xml::text(xml::child(meta, "creator"));
    if (e.author.empty()) e.author = xml::text(xml::child(meta, "initial-creator"));
    e.language = xml::text(xml::child(meta, "language"));
    e.date = xml::text(xml::child(meta, "creation-date"));
    if (e.date.empty()) e.date = xml::text(xml::child(meta, "date"));
    for (pugi::xml_node u = meta.first_child(); u; u = u.next_sibling())
      if (xml::local(u) == "user-defined" && xml::attr(u, "name") == "date") user_date = xml::text(u);
  }
  // A date written in the document outranks the file's time stamps.
  if (!normalise_date(user_date).empty()) e.date = user_date;
  if (!normalise_date(r.date_paragraph).empty()) e.date = r.date_paragraph;
  if (e.title.empty())
    for (const auto& p : paras)
      if (p.kind == "h1" && !p.text.empty()) {
        e.title = p.text;
        break;
      }
  office::emit(e, paras, r.notes, name, std::move(r.comments));
  return e;
}

}  // namespace telaah::ingest
