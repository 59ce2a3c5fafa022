// REFI-QDA import of text sources: find and decode the text, detect the
// position convention of its selections, turn selections into codings.
// PDF and picture area selections become area codings (refi_areas.h); media
// sources are losses.
#include <algorithm>
#include <cstring>

#include "exchange/guid.h"
#include "exchange/offsets.h"
#include "exchange/refi_areas.h"
#include "exchange/refi_import_plan.h"
#include "exchange/refi_names.h"
#include "exchange/xml.h"
#include "text/utf8.h"

namespace telaah::exchange::detail {
namespace {

constexpr size_t kQuoteInMessages = 60;

std::string short_quote(const std::string& s) {
  std::string q;
  for (char c : s) q += (c == '\n' || c == '\t') ? ' ' : c;
  if (text::count_code_points(q) > kQuoteInMessages) {
    text::OffsetMap m(q);
    q = std::string(text::slice_cp(q, m, 0, kQuoteInMessages)) + "\xE2\x80\xA6";
  }
  return "\"" + q + "\"";
}

std::optional<int64_t> parse_position(const pugi::xml_node& n, const char* name) {
  std::string v = attr(n, name);
  if (!is_xsd_integer(v) || v.size() > 15) return std::nullopt;
  return std::stoll(v);
}

// One candidate text of a source: what the file holds, or a variant of text
// converted from a DOCX/PDF (whose paragraph breaks another tool may count differently).
struct Candidate {
  std::string raw;
  bool bom = false;
  std::string label;
};

struct SourceText_ {
  std::vector<Candidate> candidates;
  std::vector<store::Page> pages;          // of the first candidate, when Telaah converted the file
  std::vector<store::WordBox> word_boxes;  // (a PDF's or an OCR'd picture's: area codings need them)
  std::string text_from, original_name, original_bytes;
};

// Raw file bytes -> UTF-8 text, reporting a byte-order mark or a legacy encoding.
Candidate decode(Context& cx, const std::string& bytes, const std::string& what) {
  Candidate c;
  std::string_view b = bytes;
  if (b.size() >= 3 && std::memcmp(b.data(), "\xEF\xBB\xBF", 3) == 0) {
    b.remove_prefix(3);
    c.bom = true;
    cx.findings.deviation(
        "text files that begin with a UTF-8 byte-order mark (removed; the position convention is checked with and "
        "without it)",
        what);
  }
  if (!text::find_invalid_utf8(b)) {
    c.raw = std::string(b);
    return c;
  }
  std::vector<std::string> notes;
  c.raw = ingest::decode_to_utf8(b, cx.opt.encoding, what, &notes);  // ImportError: the caller skips the source
  std::string how = notes.empty()
                        ? (cx.opt.encoding.empty() ? "decoded" : "decoded as " + cx.opt.encoding + " (--encoding)")
                        : notes.front();
  cx.findings.deviation("text files that are not UTF-8 as the standard requires (" + how + ")", what);
  return c;
}

// The text of a TextSource-like element (TextSource, a PDF's Representation).
std::optional<SourceText_> source_text(Context& cx, const pugi::xml_node& ts, const std::string& name) {
  SourceText_ out;
  pugi::xml_node content = child_named(ts, "PlainTextContent");
  const std::string plain = attr(ts, "plainTextPath"), rich = attr(ts, "richTextPath");
  if (content) {
    out.candidates.push_back({content.text().get(), false, "PlainTextContent"});
    out.text_from = "PlainTextContent in the XML";
    if (!plain.empty())
      cx.findings.deviation(
          "sources with both PlainTextContent and plainTextPath (the standard allows one; the content was used)", name);
    return out;
  }
  if (!plain.empty()) {
    std::string where;
    if (auto bytes = cx.files.fetch(plain, cx.findings, &where)) {
      try {
        out.candidates.push_back(decode(cx, *bytes, name));
      } catch (const ingest::ImportError& e) {
        // One source that cannot be decoded costs that source, not the import.
        cx.bad_value(
            "sources whose text cannot be decoded (not imported; give --encoding ENC, e.g. windows-1252, if you "
            "know the file's encoding)",
            name + ": " + e.what());
        return std::nullopt;
      }
      out.text_from = "plainTextPath " + plain;
      out.original_bytes = std::move(*bytes);
      return out;
    }
  }
  if (!rich.empty()) {
    std::string where;
    if (auto bytes = cx.files.fetch(rich, cx.findings, &where)) {
      std::string file = where.empty() ? rich : where;
      ingest::ImportOptions io;
      io.limits = cx.opt.limits;
      try {
        ingest::Extracted e = ingest::extract(file, *bytes, io);
        out.candidates.push_back({e.text, false, "text converted from " + e.format});
        out.pages = e.pages;
        out.word_boxes = e.word_boxes;
        // Other tools join paragraphs with one line break where Telaah's importers leave a blank line.
        std::string single;
        for (size_t i = 0; i < e.text.size(); ++i) {
          if (e.text[i] == '\n' && i + 1 < e.text.size() && e.text[i + 1] == '\n') continue;
          single += e.text[i];
        }
        if (single != e.text)
          out.candidates.push_back({single, false, "text converted from " + e.format + ", paragraphs on single lines"});
        out.text_from = "richTextPath " + rich + " (converted by Telaah)";
        out.original_bytes = std::move(*bytes);
        cx.findings.deviation(plain.empty()
                                  ? "sources with only a rich-text (DOCX) or PDF file and no plain text: converted by "
                                    "Telaah, selection positions checked against the conversion"
                                  : "sources whose plain-text file is missing: the rich-text (DOCX) file was converted "
                                    "by Telaah instead, selection positions checked against the conversion",
                              name);
        return out;
      } catch (const UserError& e) {
        cx.findings.loss("sources whose rich-text file cannot be read (the source and its selections are not imported)",
                         name + ": " + e.what());
        return std::nullopt;
      }
    }
  }
  if (plain.empty() && rich.empty())
    cx.findings.loss(
        "text sources with no text at all (no PlainTextContent, plainTextPath or richTextPath; not imported)", name);
  else
    cx.findings.loss(
        "text sources whose text file is not in the archive (the source and its selections are not imported; give "
        "--sources DIR if you have the files)",
        name + " (" + (plain.empty() ? rich : plain) + ")");
  return std::nullopt;
}

int64_t count_codings(const pugi::xml_node& n) {
  return static_cast<int64_t>(descendants_named(n, "Coding").size());
}

}  // namespace

// Imports one text source with its selections and source-level codings.
void text_source(Context& cx, const pugi::xml_node& ts, const std::string& name, const std::string& guid,
                 const pugi::xml_node& vars_owner) {
  SourceReport rep;
  rep.name = name;
  rep.guid = guid;
  auto selections = children_named(ts, "PlainTextSelection");
  rep.selections = static_cast<int64_t>(selections.size());
  auto txt = source_text(cx, ts, name);
  if (!txt) {
    if (!selections.empty())
      cx.findings.loss("text selections on sources that could not be imported",
                       std::to_string(selections.size()) + " on " + name);
    cx.report.source_details.push_back(rep);
    return;
  }
  rep.text_from = txt->text_from;
  for (const auto& c : txt->candidates)
    if (c.raw.size() > cx.opt.limits.max_text_bytes) {
      cx.bad_value("sources whose text is over the limit of " + std::to_string(cx.opt.limits.max_text_bytes >> 20) +
                       " MB per document (not imported)",
                   name + " (" + std::to_string(c.raw.size() >> 20) + " MB)");
      cx.report.source_details.push_back(rep);
      return;
    }

  std::vector<RawSelection> raw;
  std::vector<pugi::xml_node> nodes;
  for (const auto& s : selections) {
    auto a = parse_position(s, "startPosition"), b = parse_position(s, "endPosition");
    if (!a || !b) {
      cx.findings.loss("selections without valid startPosition/endPosition", attr(s, "name") + " in " + name);
      continue;
    }
    raw.push_back({*a, *b, attr(s, "name")});
    nodes.push_back(s);
  }
  // The candidate text and convention under which the selections fit best.
  std::optional<SourceText> best_text;
  Detection best;
  std::string best_label;
  for (const auto& c : txt->candidates) {
    SourceText st(c.raw, c.bom);
    Detection d = detect_convention(st, raw);
    auto key = [](const Detection& x) { return std::make_tuple(x.in_range, x.name_matches, x.on_boundaries); };
    if (!best_text || key(d) > key(best)) {
      best_text.emplace(std::move(st));
      best = std::move(d);
      best_label = c.label;
    }
  }
  const SourceText& st = *best_text;
  if (txt->candidates.size() > 1) rep.text_from += "; used: " + best_label;
  if (!raw.empty()) {
    rep.convention = best.convention.describe();
    if (!best.convention.standard())
      cx.findings.deviation(
          "sources whose selection positions do not count code points of the file as the standard says; converted "
          "from: " +
              best.convention.describe(),
          name);
  }
  if (st.has_crlf())
    cx.findings.deviation("text files with CR LF line breaks (stored with LF; positions converted)", name);
  if (!st.was_nfc()) cx.findings.deviation("texts not in Unicode NFC (normalised; positions converted)", name);

  store::NewDocument d;
  d.title = name;
  if (d.title.empty()) {  // QualCoder leaves names empty: the text file's name is the best title
    std::string path = attr(ts, "plainTextPath").empty() ? attr(ts, "richTextPath") : attr(ts, "plainTextPath");
    d.title = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    if (d.title.empty() || d.title.size() > 200) d.title = "Source " + std::to_string(cx.plan.docs.size() + 1);
    cx.findings.deviation("sources without a name (named after their file)", d.title);
  }
  rep.name = d.title;
  d.text = st.text();
  if (best_label == txt->candidates.front().label && d.text == txt->candidates.front().raw) {
    d.pages = txt->pages;  // the conversion's own text: its page map and word boxes fit it
    d.word_boxes = txt->word_boxes;
  }
  d.source_type = cx.opt.default_source_type;
  d.original_bytes = txt->original_bytes;
  std::string desc = child_text(ts, "Description");
  if (desc.rfind(refi::kOriginalFile, 0) == 0 && desc.find('\n') == std::string::npos) {
    d.original_name = desc.substr(std::strlen(refi::kOriginalFile));
    desc.clear();
  } else {
    d.original_name = name;
  }
  const int doc = static_cast<int>(cx.plan.docs.size());
  bool typed = false;
  for (const auto& vv : children_named(vars_owner, "VariableValue")) {
    std::string vg = canonical_guid(attr(child_named(vv, "VariableRef"), "targetGUID"));
    auto it = cx.variables.find(vg);
    if (it == cx.variables.end()) {
      cx.findings.loss("variable values whose Variable is not declared", name);
      continue;
    }
    apply_variable(cx, d, it->second.first, it->second.second, variable_value(vv, nullptr));
    typed = typed || it->second.first == refi::kVarSourceType;
  }
  if (auto it = cx.type_by_source.find(guid); it != cx.type_by_source.end() && !typed) {
    apply_variable(cx, d, refi::kVarSourceType, "Text", it->second);
    typed = true;
  }
  if (auto it = cx.attrs_by_source.find(guid); it != cx.attrs_by_source.end())
    for (const auto& a : it->second) apply_variable(cx, d, a.name, a.type == "number" ? "Float" : "Text", a.value);
  if (!typed) {
    apply_variable(cx, d, refi::kVarSourceType, "Text", cx.opt.default_source_type);
    cx.findings.deviation(
        "sources without a source type (set to '" + cx.opt.default_source_type + "'; change it in Telaah)", d.title);
  }

  // Selections -> codings.
  for (size_t i = 0; i < nodes.size(); ++i) {
    const pugi::xml_node& s = nodes[i];
    const std::string sname = attr(s, "name");
    const std::string label =
        (sname.empty() ? "[" + std::to_string(raw[i].start) + "," + std::to_string(raw[i].end) + ")"
                       : short_quote(sname)) +
        " in " + d.title;
    if (!best.spans[i]) {
      cx.findings.loss(
          "selections outside their source's text or empty (not imported)",
          (sname.empty() ? label
                         : label + " [" + std::to_string(raw[i].start) + "," + std::to_string(raw[i].end) + ")") +
              " (the text has " + std::to_string(st.length()) + " characters)");
      continue;
    }
    auto [a, b] = *best.spans[i];
    const std::string sel_guid = canonical_guid(attr(s, "guid"));
    cx.selection_span[sel_guid] = {doc, a, b};
    auto codings = children_named(s, "Coding");
    std::string memo = child_text(s, "Description");
    std::optional<store::Stance> stance = refi::take_stance_line(memo);
    if (auto it = cx.stance_by_selection.find(canonical_guid(attr(s, "guid"))); it != cx.stance_by_selection.end()) {
      if (stance && *stance != it->second)
        cx.findings.deviation("selections whose stance case and stance description disagree (the case was used)",
                              label);
      stance = it->second;
    }
    std::string notes = cx.note_text(s, true);
    if (codings.empty() && cx.case_selections.count(sel_guid)) {  // a part of a document in a case
      ++rep.selections_imported;
      ++cx.report.text_selections.imported;
      continue;
    }
    if (codings.empty()) {
      cx.findings.loss("selections without any code (Telaah keeps passages only as codings)",
                       label + (memo.empty() ? "" : ", comment: " + short_quote(memo)));
      continue;
    }
    int made = 0;
    for (const auto& c : codings) {
      std::string cg = canonical_guid(attr(child_named(c, "CodeRef"), "targetGUID"));
      auto code = cx.code_by_guid.find(cg);
      if (code == cx.code_by_guid.end()) {
        cx.findings.loss("codings that refer to a code the codebook does not have", label);
        continue;
      }
      std::string user = attr(c, "creatingUser");
      if (user.empty()) user = attr(s, "creatingUser");
      PlanCoding pc;
      pc.doc = doc;
      pc.code = code->second;
      pc.coder = cx.coder_for(user);
      pc.start = a;
      pc.end = b;
      pc.stance = stance.value_or(store::Stance::neutral);
      std::string m = memo;
      for (const std::string& part : {notes, cx.note_text(c, true)})
        if (!part.empty()) m += (m.empty() ? "" : "\n\n") + part;
      pc.memo = m;
      std::string created = attr(c, "creationDateTime");
      if (created.empty()) created = attr(s, "creationDateTime");
      if (is_xsd_datetime(created)) pc.created = created;
      std::string modified = attr(s, "modifiedDateTime");
      if (is_xsd_datetime(modified)) pc.modified = modified;
      if (!cx.selection_coding.count(sel_guid))
        cx.selection_coding[sel_guid] = static_cast<int>(cx.plan.codings.size());
      cx.plan.codings.push_back(std::move(pc));
      ++made;
    }
    if (!made) continue;
    ++rep.selections_imported;
    ++cx.report.text_selections.imported;
    if (!st.on_word_boundary(a) || !st.on_word_boundary(b)) {
      ++rep.off_word_boundary;
      cx.findings.deviation(
          "selections that start or end inside a word (imported as they are; check them)",
          short_quote(st.slice(a, std::min<int64_t>(b, a + static_cast<int64_t>(kQuoteInMessages) + 1))) + " in " +
              d.title);
    }
    // Only for tools that quote the passage in the name (most names match).
    if (!sname.empty() && best.name_matches * 2 > static_cast<int64_t>(nodes.size()) && !st.name_matches(sname, a, b))
      cx.findings.deviation("selections whose name quotes a text other than the one at their positions", label);
  }
  // Codings of the whole source.
  for (const auto& c : children_named(ts, "Coding")) {
    std::string cg = canonical_guid(attr(child_named(c, "CodeRef"), "targetGUID"));
    auto code = cx.code_by_guid.find(cg);
    if (code == cx.code_by_guid.end() || st.length() == 0) {
      cx.findings.loss(
          st.length() == 0 ? "codings of empty sources" : "codings that refer to a code the codebook does not have",
          d.title);
      continue;
    }
    PlanCoding pc;
    pc.doc = doc;
    pc.code = code->second;
    pc.coder = cx.coder_for(attr(c, "creatingUser"));
    pc.start = 0;
    pc.end = st.length();
    pc.memo = cx.note_text(c, true);
    std::string created = attr(c, "creationDateTime");
    if (is_xsd_datetime(created)) pc.created = created;
    cx.plan.codings.push_back(std::move(pc));
    cx.findings.deviation("codings of a whole source (imported as a coding of the whole text)", d.title);
  }
  // Notes on the source and a description that is not ours become document memos.
  if (!desc.empty()) cx.plan.memos.push_back({"document", doc, "Description", desc});
  for (const auto& nr : children_named(ts, "NoteRef")) {
    auto it = cx.notes.find(canonical_guid(attr(nr, "targetGUID")));
    if (it == cx.notes.end()) continue;
    it->second.used = true;
    cx.plan.memos.push_back({"document", doc, it->second.title, it->second.body});
  }
  cx.doc_by_guid[guid] = doc;
  cx.plan.docs.push_back(std::move(d));
  rep.imported = true;
  ++cx.report.sources.imported;
  cx.report.source_details.push_back(rep);
}

namespace {

// Where `needle` stands in `text` with white space ignored (other tools join a
// PDF's lines without it): code points [start, end), nullopt when absent.
std::optional<std::pair<int64_t, int64_t>> find_ignoring_space(const std::string& text, const std::string& needle) {
  auto squeeze = [](const std::string& s, std::vector<int64_t>* cps) {
    std::u32string out;
    size_t i = 0;
    int64_t cp = 0;
    while (i < s.size()) {
      const char32_t c = text::decode_next(s, i);
      if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0)) {
        out += c;
        if (cps) cps->push_back(cp);
      }
      ++cp;
    }
    return out;
  };
  std::vector<int64_t> at;
  const std::u32string hay = squeeze(text, &at), n = squeeze(text::to_nfc(needle), nullptr);
  if (n.empty()) return std::nullopt;
  const size_t k = hay.find(n);
  if (k == std::u32string::npos) return std::nullopt;
  return std::make_pair(at[k], at[k + n.size() - 1] + 1);
}

std::optional<long long> coordinate(const pugi::xml_node& n, const char* name) {
  const std::string v = attr(n, name);
  if (!is_xsd_integer(v) || v.size() > 9) return std::nullopt;
  return std::stoll(v);
}

// The PDFSelections or PictureSelections of `owner`, whose text was imported
// as document `doc`: each coding one area coding. A selection whose plain-text
// twin (same GUID, as ATLAS.ti writes them) was imported gives its rectangle
// to the twin's coding of the same code; otherwise the span is the
// selection's own text where found, else the store's rule (the words inside).
void area_selections(Context& cx, const pugi::xml_node& owner, bool pdf, int doc, double scale,
                     const std::string& name) {
  const char* kind = pdf ? "PDFSelection" : "PictureSelection";
  const std::string& text = cx.plan.docs[static_cast<size_t>(doc)].text;
  for (const auto& s : children_named(owner, kind)) {
    const std::string sel_guid = canonical_guid(attr(s, "guid"));
    const std::string label = (attr(s, "name").empty() ? std::string(kind) : attr(s, "name")) + " in " + name;
    auto x1 = coordinate(s, "firstX"), y1 = coordinate(s, "firstY"), x2 = coordinate(s, "secondX"),
         y2 = coordinate(s, "secondY");
    auto page = pdf ? coordinate(s, "page") : std::optional<long long>(0);
    if (!x1 || !y1 || !x2 || !y2 || !page || *page < 0 || *page > 100000 || *x1 == *x2 || *y1 == *y2) {
      cx.findings.loss("area selections without a page and a rectangle of integers (not imported)", label);
      continue;
    }
    const refi_area::Rect r{*x1, *y1, *x2, *y2};
    store::CodingArea area =
        pdf ? refi_area::from_pdf(static_cast<int>(*page), r, scale) : refi_area::from_picture(r, scale);
    if (!(area.w > 0) || !(area.h > 0)) {
      cx.findings.loss("area selections outside their page (not imported)", label);
      continue;
    }
    if (text.empty()) {
      cx.findings.loss("area selections on a source with no text (Telaah's codings need one; not imported)", label);
      continue;
    }
    std::string memo = child_text(s, "Description");
    std::optional<store::Stance> stance = refi::take_stance_line(memo);
    if (auto it = cx.stance_by_selection.find(sel_guid); it != cx.stance_by_selection.end()) stance = it->second;
    std::string notes = cx.note_text(s, true);
    if (!notes.empty()) memo += (memo.empty() ? "" : "\n\n") + notes;
    // The span: the twin's, else the selection's text, else the store's rule.
    std::optional<std::pair<int64_t, int64_t>> span;
    int twin = -1;
    if (auto it = cx.selection_coding.find(sel_guid); it != cx.selection_coding.end()) {
      twin = it->second;
      const auto& t = cx.plan.codings[static_cast<size_t>(twin)];
      if (t.doc == doc) span = std::make_pair(t.start, t.end);
    }
    if (!span)
      if (pugi::xml_node rep = child_named(s, "Representation"))
        span = find_ignoring_space(text, child_text(rep, "PlainTextContent"));
    const auto codings = children_named(s, "Coding");
    if (codings.empty()) {
      cx.findings.loss("selections without any code (Telaah keeps passages only as codings)", label);
      continue;
    }
    int made = 0;
    for (const auto& c : codings) {
      std::string cg = canonical_guid(attr(child_named(c, "CodeRef"), "targetGUID"));
      auto code = cx.code_by_guid.find(cg);
      if (code == cx.code_by_guid.end()) {
        cx.findings.loss("codings that refer to a code the codebook does not have", label);
        continue;
      }
      ++made;
      bool given = false;  // to the twin's coding of the same code
      if (twin >= 0)
        for (size_t i = static_cast<size_t>(twin); i < cx.plan.codings.size(); ++i) {
          auto& t = cx.plan.codings[i];
          if (t.doc != doc || !span || t.start != span->first || t.end != span->second) break;
          if (t.code == code->second && !t.area) {
            t.area = area;
            given = true;
            cx.findings.deviation(
                "area selections with a plain-text twin of the same GUID (one coding holds both the text span and "
                "the rectangle)",
                label);
            break;
          }
        }
      if (given) continue;
      std::string user = attr(c, "creatingUser");
      if (user.empty()) user = attr(s, "creatingUser");
      PlanCoding pc;
      pc.doc = doc;
      pc.code = code->second;
      pc.coder = cx.coder_for(user);
      pc.area = area;
      if (span) {
        pc.start = span->first;
        pc.end = span->second;
      } else {
        pc.span_from_area = true;
      }
      pc.stance = stance.value_or(store::Stance::neutral);
      pc.memo = memo;
      const std::string coding_notes = cx.note_text(c, true);  // a memo on the coding itself
      if (!coding_notes.empty()) pc.memo += (pc.memo.empty() ? "" : "\n\n") + coding_notes;
      std::string created = attr(c, "creationDateTime");
      if (created.empty()) created = attr(s, "creationDateTime");
      if (is_xsd_datetime(created)) pc.created = created;
      std::string modified = attr(s, "modifiedDateTime");
      if (is_xsd_datetime(modified)) pc.modified = modified;
      if (!cx.selection_coding.count(sel_guid))
        cx.selection_coding[sel_guid] = static_cast<int>(cx.plan.codings.size());
      cx.plan.codings.push_back(std::move(pc));
    }
    if (made) ++cx.report.other_selections.imported;
  }
}

}  // namespace

void plan_sources(Context& cx, const pugi::xml_node& sources) {
  for (pugi::xml_node s = sources.first_child(); s; s = s.next_sibling()) {
    if (s.type() != pugi::node_element) continue;
    const std::string_view kind = local_name(s);
    const std::string name = attr(s, "name");
    const std::string guid = canonical_guid(attr(s, "guid"));
    if (kind == "TextSource") {
      text_source(cx, s, name, guid, s);
    } else if (kind == "PDFSource" || kind == "PictureSource") {
      const bool pdf = kind == "PDFSource";
      // The file itself: the document's original, and the page height (PDF) or resolution (picture).
      const std::string path = attr(s, "path");
      std::optional<std::string> file;
      if (!path.empty()) {
        Findings quiet;  // a missing original costs nothing when a text is there
        file = cx.files.fetch(path, quiet);
      }
      pugi::xml_node rep = child_named(s, pdf ? "Representation" : "TextDescription");
      pugi::xml_document fake;
      if (!rep) {
        // No text representation: the file itself, converted by Telaah (a picture by OCR).
        rep = fake.append_child("TextSource");
        rep.append_attribute("richTextPath").set_value(path.c_str());
        cx.findings.deviation(std::string(pdf ? "PDF" : "picture") +
                                  " sources without a plain-text representation (the file was converted by Telaah" +
                                  (pdf ? ")" : ", by OCR)"),
                              name);
      }
      const size_t before = cx.plan.docs.size();
      text_source(cx, rep, name, guid, s);
      const auto sels = children_named(s, pdf ? "PDFSelection" : "PictureSelection");
      if (cx.plan.docs.size() == before) {
        if (!sels.empty())
          cx.findings.loss("area selections on sources that could not be imported",
                           std::to_string(sels.size()) + " on " + name);
        continue;
      }
      const int doc = static_cast<int>(before);
      auto& d = cx.plan.docs.back();
      if (file) {
        d.original_bytes = *file;
        d.original_name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
        if (refi_area::kind_of(name) == refi_area::kind_of(d.original_name)) d.original_name = name;
      }
      const std::string desc = child_text(s, "Description");  // Telaah's "Original file: NAME"
      if (desc.rfind(refi::kOriginalFile, 0) == 0 && desc.find('\n') == std::string::npos)
        d.original_name = desc.substr(std::strlen(refi::kOriginalFile));
      if (sels.empty()) continue;
      double scale = 0;
      if (pdf) {
        bool found = false;
        scale = refi_area::pdf_page_height(file ? *file : std::string(), &found);
        if (!found)
          cx.findings.deviation(
              "PDF area selections on a PDF whose page height Telaah cannot read (the file is missing or its page "
              "size compressed; A4, 842 points, assumed to turn the standard's bottom-up y into Telaah's top-down)",
              name);
      } else {
        scale = refi_area::image_dpi(file ? *file : std::string());
        if (!file)
          cx.findings.deviation(
              "picture selections on an image that is not in the archive (300 dpi assumed to turn pixels into "
              "points)",
              name);
      }
      area_selections(cx, s, pdf, doc, scale, name);
    } else if ((kind == "AudioSource" || kind == "VideoSource") && media_source(cx, s, name, guid)) {
      continue;  // a recording with its transcript (refi_import_media.cpp)
    } else if (kind == "AudioSource" || kind == "VideoSource") {
      std::string what = kind == "AudioSource" ? "audio" : "video";
      int64_t sels = 0;
      for (const char* k : {"AudioSelection", "VideoSelection", "TranscriptSelection"})
        sels += static_cast<int64_t>(descendants_named(s, k).size());
      cx.findings.loss(
          "audio and video sources (Telaah holds text; their selections, codings and transcripts are not "
          "imported)",
          name + " (" + what + ", " + std::to_string(sels) + " selections, " + std::to_string(count_codings(s)) +
              " codings)");
      SourceReport rep;
      rep.name = name;
      rep.guid = guid;
      rep.text_from = what + " (not imported)";
      cx.report.source_details.push_back(rep);
    } else {
      cx.findings.loss("unknown source elements", std::string(kind) + " " + name);
    }
  }
}

}  // namespace telaah::exchange::detail
