// DOCX (Office Open XML): paragraphs, headings by style, list items, tables
// (one line per row, cells tab-separated), text boxes, footnotes and
// endnotes appended at the end; title / author / date from docProps/core.xml;
// Word comments (word/comments.xml) anchored on the span between their
// commentRangeStart and commentRangeEnd (a point at the commentReference when
// there is no range), reported in the import notes.
// Read from memory through ZipArchive; nothing is extracted to disk.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "ingest/importer.h"
#include "ingest/office.h"
#include "ingest/xml.h"
#include "ingest/zip.h"

namespace telaah::ingest {

namespace {

using office::Para;

struct Style {
  std::string name, based_on;
  int outline = -1;   // w:outlineLvl, 0 = level 1
  bool list = false;  // w:numPr in the style
};

class Styles {
 public:
  void load(const pugi::xml_node& root) {
    for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
      if (xml::local(s) != "style") continue;
      Style st;
      st.name = xml::attr(xml::child(s, "name"), "val");
      st.based_on = xml::attr(xml::child(s, "basedOn"), "val");
      pugi::xml_node ppr = xml::child(s, "pPr");
      if (pugi::xml_node o = xml::child(ppr, "outlineLvl")) st.outline = std::atoi(xml::attr(o, "val").c_str());
      st.list = static_cast<bool>(xml::child(ppr, "numPr"));
      by_id_[xml::attr(s, "styleId")] = st;
    }
  }
  // Follows basedOn (bounded: a cycle must not hang).
  int heading_level(std::string id) const {
    for (int hop = 0; hop < 12 && !id.empty(); ++hop) {
      auto it = by_id_.find(id);
      if (it == by_id_.end()) break;
      if (int h = office::heading_level_from_style_name(it->second.name)) return h;
      if (it->second.outline >= 0 && it->second.outline < 9) return std::min(6, it->second.outline + 1);
      id = it->second.based_on;
    }
    return office::heading_level_from_style_name(id);  // "Heading1" without styles.xml
  }
  bool is_list(std::string id) const {
    for (int hop = 0; hop < 12 && !id.empty(); ++hop) {
      auto it = by_id_.find(id);
      if (it == by_id_.end()) return false;
      if (it->second.list) return true;
      id = it->second.based_on;
    }
    return false;
  }
  std::string name(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? id : it->second.name;
  }

 private:
  std::map<std::string, Style> by_id_;
};

// <w:vanish/> (or w:val="true"/"1"/"on") in a run's properties: hidden text.
bool hidden(const pugi::xml_node& run) {
  pugi::xml_node v = xml::child(xml::child(run, "rPr"), "vanish");
  if (!v) return false;
  const std::string val = xml::attr(v, "val");
  return val.empty() || val == "true" || val == "1" || val == "on";
}

class Reader {
 public:
  Reader(const Styles& styles, unsigned max_depth, std::string what)
      : styles_(styles), max_depth_(max_depth), what_(std::move(what)) {}

  std::map<std::string, pugi::xml_node> footnotes, endnotes;
  std::vector<office::Note> notes;
  std::map<std::string, size_t> comment_index;  // w:id -> index in the comments
  std::string date_paragraph;                   // text of a paragraph styled "Date"

  // Block-level content: paragraphs, tables, content controls.
  void body(const pugi::xml_node& n, std::vector<Para>& out, unsigned depth) {
    guard(depth);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const auto l = xml::local(c);
      if (l == "p")
        paragraph(c, out, depth + 1);
      else if (l == "tbl")
        table(c, out, depth + 1);
      else if (l == "sdt")
        body(xml::child(c, "sdtContent"), out, depth + 1);
      else if (l == "customXml" || l == "ins" || l == "moveTo" || l == "txbxContent")
        body(c, out, depth + 1);
      else if (l == "AlternateContent")
        body(xml::child(c, "Choice"), out, depth + 1);
      else if (l == "commentRangeStart")
        pending_ += comment_mark(c, false);
      else if (l == "commentRangeEnd" && !out.empty())
        out.back().text += comment_mark(c, true);
      else if (l == "commentRangeEnd")
        pending_ += comment_mark(c, true);
    }
  }

 private:
  void guard(unsigned depth) const {
    if (depth > max_depth_)
      throw ImportError(what_ + ": elements are nested more than " + std::to_string(max_depth_) +
                        " levels deep; refused as damaged or hostile");
  }

  void paragraph(const pugi::xml_node& p, std::vector<Para>& out, unsigned depth) {
    pugi::xml_node ppr = xml::child(p, "pPr");
    const std::string style = xml::attr(xml::child(ppr, "pStyle"), "val");
    std::string kind = "p";
    int level = styles_.heading_level(style);
    if (pugi::xml_node o = xml::child(ppr, "outlineLvl")) {
      int v = std::atoi(xml::attr(o, "val").c_str());
      if (v >= 0 && v < 9) level = std::min(6, v + 1);
    }
    pugi::xml_node num = xml::child(ppr, "numPr");
    const bool list = (num && xml::attr(xml::child(num, "numId"), "val") != "0") || styles_.is_list(style);
    if (level > 0)
      kind = "h" + std::to_string(level);
    else if (list)
      kind = "li";
    // A table of contents repeats the headings that follow.
    std::string sname = styles_.name(style);
    for (char& ch : sname) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (sname.rfind("toc ", 0) == 0 || sname == "toc heading" || sname.rfind("tableofcontents", 0) == 0) return;
    std::string text = std::move(pending_);
    pending_.clear();
    std::vector<pugi::xml_node> boxes;
    runs(p, text, boxes, depth + 1);
    if (styles_.name(style) == "Date" && date_paragraph.empty()) date_paragraph = text;
    office::push_paragraph(out, kind, text);
    for (const auto& b : boxes) body(b, out, depth + 1);  // text boxes follow their anchor paragraph
  }

  void runs(const pugi::xml_node& n, std::string& text, std::vector<pugi::xml_node>& boxes, unsigned depth) {
    guard(depth);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const auto l = xml::local(c);
      if (l == "t") {
        for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling())
          if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) text += t.value();
      } else if (l == "tab" || l == "ptab") {
        text += '\t';
      } else if (l == "br" || l == "cr") {
        text += xml::attr(c, "type") == "page" || xml::attr(c, "type") == "column" ? ' ' : '\n';
      } else if (l == "noBreakHyphen") {
        text += '-';
      } else if (l == "footnoteReference" || l == "endnoteReference") {
        text += note_marker(l == "footnoteReference", xml::attr(c, "id"), depth);
      } else if (l == "txbxContent") {
        boxes.push_back(c);
      } else if (l == "commentRangeStart" || l == "commentRangeEnd") {
        text += comment_mark(c, l == "commentRangeEnd");
      } else if (l == "commentReference") {  // a comment without a range: a point here
        const std::string id = xml::attr(c, "id");
        if (!marked_start_.count(id)) text += comment_mark(c, false) + comment_mark(c, true);
      } else if (l == "AlternateContent") {
        runs(xml::child(c, "Choice"), text, boxes, depth + 1);
      } else if (l == "r" && hidden(c)) {
        continue;  // hidden text is not part of what the reader sees
      } else if (l == "delText" || l == "instrText" || l == "del" || l == "moveFrom" || l == "pPr" || l == "rPr" ||
                 l == "fldChar" || l == "footnoteRef" || l == "endnoteRef" || l == "annotationRef" ||
                 l == "softHyphen" || l == "sym" || l == "object") {
        continue;
      } else {  // r, hyperlink, ins, moveTo, smartTag, sdt, sdtContent, fldSimple, drawing, pict, ...
        runs(c, text, boxes, depth + 1);
      }
    }
  }

  void table(const pugi::xml_node& tbl, std::vector<Para>& out, unsigned depth) {
    guard(depth);
    for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (xml::local(tr) != "tr") continue;
      std::string row;
      bool first = true;
      for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
        if (xml::local(tc) != "tc") continue;
        std::vector<Para> cell;
        body(tc, cell, depth + 2);  // nested tables become part of the cell's line
        std::string text;
        for (const auto& p : cell) {
          std::string t = p.text;
          for (char& ch : t)
            if (ch == '\t' || ch == '\n') ch = ' ';
          if (!t.empty()) text += (text.empty() ? "" : " ") + t;
        }
        row += (first ? "" : "\t") + text;
        first = false;
      }
      if (row.find_first_not_of('\t') != std::string::npos) out.push_back({"row", row});
    }
  }

  std::string note_marker(bool foot, const std::string& id, unsigned depth) {
    auto& src = foot ? footnotes : endnotes;
    auto it = src.find(id);
    if (it == src.end()) return "";
    const std::string key = (foot ? "f" : "e") + id;
    auto seen = numbers_.find(key);
    if (seen != numbers_.end()) return notes[seen->second].marker;
    office::Note note;
    note.marker = "[" + std::to_string(notes.size() + 1) + "]";
    numbers_[key] = notes.size();
    notes.push_back(note);
    const size_t index = notes.size() - 1;
    std::vector<Para> paras;
    const pugi::xml_node node = it->second;
    src.erase(it);  // a note that references itself must not recurse
    body(node, paras, depth + 1);
    for (const auto& p : paras)
      if (!p.text.empty()) notes[index].paras.push_back(p.text);
    return notes[index].marker;
  }

  // The anchor mark of a comment's range start or end (once each; "" for an unknown id).
  std::string comment_mark(const pugi::xml_node& n, bool end) {
    const std::string id = xml::attr(n, "id");
    auto it = comment_index.find(id);
    if (it == comment_index.end()) return "";
    auto& done = end ? marked_end_ : marked_start_;
    if (!done.insert(id).second) return "";
    return office::anchor_mark(it->second, end);
  }

  const Styles& styles_;
  unsigned max_depth_;
  std::string what_;
  std::map<std::string, size_t> numbers_;
  std::string pending_;  // marks met between paragraphs, for the next one
  std::set<std::string> marked_start_, marked_end_;
};

// Footnotes or endnotes by id, without Word's separator pseudo-notes.
std::map<std::string, pugi::xml_node> load_notes(const pugi::xml_document& doc) {
  std::map<std::string, pugi::xml_node> out;
  for (pugi::xml_node n = doc.document_element().first_child(); n; n = n.next_sibling()) {
    if (xml::local(n) != "footnote" && xml::local(n) != "endnote") continue;
    const std::string type = xml::attr(n, "type");
    if (!type.empty() && type != "normal") continue;
    out[xml::attr(n, "id")] = n;
  }
  return out;
}

}  // namespace

Extracted extract_docx(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e;
  e.format = "docx";
  ZipArchive zip(bytes, opt.limits, name);
  auto main = zip.read("word/document.xml");
  if (!main) {
    if (zip.has("content.xml")) throw ImportError(name + ": this is an OpenDocument file, not DOCX; rename it to .odt");
    throw ImportError(name + ": not a Word document (the archive has no word/document.xml)");
  }
  pugi::xml_document doc, styles_doc, foot_doc, end_doc, core_doc;
  xml::parse(doc, *main, name + ": word/document.xml");
  Styles styles;
  std::string default_lang;
  if (auto s = zip.read("word/styles.xml")) {
    xml::parse(styles_doc, *s, name + ": word/styles.xml");
    styles.load(styles_doc.document_element());
    pugi::xml_node rpr =
        xml::child(xml::child(xml::child(styles_doc.document_element(), "docDefaults"), "rPrDefault"), "rPr");
    default_lang = xml::attr(xml::child(rpr, "lang"), "val");
  }
  Reader r(styles, opt.limits.max_nesting, name);
  if (auto f = zip.read("word/footnotes.xml")) {
    xml::parse(foot_doc, *f, name + ": word/footnotes.xml");
    r.footnotes = load_notes(foot_doc);
  }
  if (auto f = zip.read("word/endnotes.xml")) {
    xml::parse(end_doc, *f, name + ": word/endnotes.xml");
    r.endnotes = load_notes(end_doc);
  }
  // Word comments: their text first (read like a body), then anchored while the body is read.
  pugi::xml_document comments_doc;
  std::vector<Comment> comments;
  if (auto c = zip.read("word/comments.xml")) {
    xml::parse(comments_doc, *c, name + ": word/comments.xml");
    for (pugi::xml_node n = comments_doc.document_element().first_child(); n; n = n.next_sibling()) {
      if (xml::local(n) != "comment") continue;
      std::vector<Para> cps;
      r.body(n, cps, 1);
      Comment cm;
      cm.author = xml::attr(n, "author");
      cm.date = normalise_date(xml::attr(n, "date"));
      for (const auto& p : cps)
        if (!p.text.empty()) cm.text += (cm.text.empty() ? "" : "\n") + p.text;
      const std::string id = xml::attr(n, "id");
      if (r.comment_index.count(id)) continue;  // a repeated id: the first one counts
      r.comment_index[id] = comments.size();
      comments.push_back(std::move(cm));
    }
  }
  std::vector<Para> paras;
  r.body(xml::child(doc.document_element(), "body"), paras, 0);

  if (auto c = zip.read("docProps/core.xml")) {
    xml::parse(core_doc, *c, name + ": docProps/core.xml");
    pugi::xml_node core = core_doc.document_element();
    e.title = xml::text(xml::child(core, "title"));
    e.author = xml::text(xml::child(core, "creator"));
    e.language = xml::text(xml::child(core, "language"));
    e.date = xml::text(xml::child(core, "created"));
  }
  // A date written in the document outranks the file's creation time stamp.
  if (!normalise_date(r.date_paragraph).empty()) e.date = r.date_paragraph;
  if (e.language.empty()) e.language = default_lang;
  if (e.title.empty())
    for (const auto& p : paras)
      if (p.kind == "h1" && !p.text.empty()) {
        e.title = p.text;
        break;
      }
  office::emit(e, paras, r.notes, name, std::move(comments));
  return e;
}

}  // namespace telaah::ingest
