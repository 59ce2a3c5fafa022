// REFI-QDA export: project.qde (+ sources/GUID.txt) in a .qdpx, and .qdc
// codebooks. Strict: every element in the order of Project.xsd, every GUID
// stable per project, every text XML 1.0 can hold; what REFI-QDA cannot
// hold goes into the summary.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <set>

#include "exchange/archive.h"
#include "exchange/exchange.h"
#include "exchange/guid.h"
#include "exchange/refi_areas.h"
#include "exchange/refi_media.h"
#include "exchange/refi_names.h"
#include "exchange/xml.h"
#include "store/judgement.h"
#include "store/project.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::exchange {
namespace {

constexpr const char* kOrigin = "Telaah 0.1.0";
constexpr uint64_t kMaxInternalFile = 2147483647ull;  // REFI-QDA 8.5
constexpr size_t kNameQuoteLength = 100;              // selection names quote the passage, like ATLAS.ti

int64_t count_sql(const store::Project& p, const std::string& sql) {
  return p.db().execAndGet(sql).getInt64();
}

// Builds the XML; one instance per export.
class Writer {
 public:
  explicit Writer(const store::Project& p) : pid_(p.project_id()) {}

  std::string guid(std::string_view kind, std::string_view key) const { return stable_guid(pid_, kind, key); }
  std::string guid(std::string_view kind, store::Id id) const { return guid(kind, std::to_string(id)); }
  std::string clean(std::string_view s) { return xml_text(s, &replaced_); }
  int64_t replaced() const { return replaced_; }

  void set_text(pugi::xml_node n, std::string_view s) { n.text().set(clean(s).c_str()); }
  void set_attr(pugi::xml_node n, const char* name, std::string_view v) {
    n.append_attribute(name).set_value(clean(v).c_str());
  }
  void set_time(pugi::xml_node n, const char* name, const std::string& t) {
    if (is_xsd_datetime(t)) n.append_attribute(name).set_value(t.c_str());
  }

  // The code tree under `parent` (nullopt: the roots). Project codes may carry NoteRefs.
  void codes(pugi::xml_node into, std::optional<store::Id> parent, bool note_refs,
             const std::map<store::Id, std::vector<store::Id>>& code_memos) {
    for (const auto& c : all_codes_) {
      if (c.parent != parent) continue;
      pugi::xml_node e = into.append_child("Code");
      e.append_attribute("guid").set_value(guid("codes", c.id).c_str());
      set_attr(e, "name", c.name);
      e.append_attribute("isCodable").set_value("true");
      e.append_attribute("color").set_value(c.colour.c_str());
      std::string d = refi::code_description(c);
      if (!d.empty()) set_text(e.append_child("Description"), d);
      if (note_refs)
        if (auto it = code_memos.find(c.id); it != code_memos.end())
          for (store::Id m : it->second)
            e.append_child("NoteRef").append_attribute("targetGUID").set_value(guid("memos", m).c_str());
      codes(e, c.id, note_refs, code_memos);
    }
  }

  // Sets carrying the code kind (variable / indicator). A member's GUID is
  // in "targetGUID" in a project, in "guid" in a codebook file.
  void kind_sets(pugi::xml_node root, const char* member_attr) {
    pugi::xml_node sets;
    for (auto [kind, name] : {std::pair{store::CodeKind::variable, refi::kSetVariables},
                              std::pair{store::CodeKind::indicator, refi::kSetIndicators}}) {
      std::vector<store::Id> members;
      for (const auto& c : all_codes_)
        if (c.kind == kind) members.push_back(c.id);
      if (members.empty()) continue;
      if (!sets) sets = root.append_child("Sets");
      pugi::xml_node set = sets.append_child("Set");
      set.append_attribute("guid").set_value(guid("sets", name).c_str());
      set.append_attribute("name").set_value(name);
      set_text(set.append_child("Description"), std::string("Telaah: the codes of the evaluation framework that are ") +
                                                    (kind == store::CodeKind::variable ? "variables" : "indicators"));
      for (store::Id m : members)
        set.append_child("MemberCode").append_attribute(member_attr).set_value(guid("codes", m).c_str());
    }
  }

  std::vector<store::Code> all_codes_;

 private:
  std::string pid_;
  int64_t replaced_ = 0;
};

struct VariableDef {
  std::string name, type;  // type: Text | Integer | Float | Date
  std::string description;
};

// The REFI type of an attribute across all documents: typed only when every value fits.
std::string attribute_type(const std::vector<store::Attribute>& values) {
  bool integer = true, decimal = true, date = true;
  for (const auto& a : values) {
    integer = integer && a.type == "number" && is_xsd_integer(a.value);
    decimal = decimal && a.type == "number" && is_xsd_decimal(a.value);
    date = date && a.type == "date" && is_xsd_date(a.value);
  }
  return integer ? "Integer" : decimal ? "Float" : date ? "Date" : "Text";
}

void add_value(pugi::xml_node owner, const std::string& var_guid, const std::string& type, const std::string& value,
               Writer& w) {
  pugi::xml_node vv = owner.append_child("VariableValue");
  vv.append_child("VariableRef").append_attribute("targetGUID").set_value(var_guid.c_str());
  w.set_text(vv.append_child((type + "Value").c_str()), value);
}

// ".pdf", ".png", ... of an original file name (lower case; "" when none).
std::string original_extension(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || name.size() - dot > 6) return "";
  std::string e = name.substr(dot);
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

std::string cut_quote(std::string_view q) {
  if (text::count_code_points(q) <= kNameQuoteLength) return std::string(q);
  text::OffsetMap m(q);
  return std::string(text::slice_cp(q, m, 0, kNameQuoteLength)) + "\xE2\x80\xA6";
}

// An XML declaration and the root element in the REFI-QDA namespace.
pugi::xml_node new_root(pugi::xml_document& doc, const char* name, const char* ns) {
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = doc.append_child(name);
  root.append_attribute("xmlns").set_value(ns);
  return root;
}

const char* kEncodedDescription =
    "code definition, inclusion, exclusion, example and aliases in the code's Description, as labelled paragraphs "
    "('Inclusion: ...')";
const char* kEncodedKinds = "code kinds as Sets 'Framework: variables' and 'Framework: indicators'";

// "3 documents", "1 document"
std::string n_of(int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void lost(ExportSummary& s, int64_t n, const std::string& what, const std::string& one, const std::string& many) {
  if (n > 0) s.lost.push_back(what + ": " + n_of(n, one, many));
}

void common_losses(const store::Project& p, ExportSummary& s) {
  lost(s, count_sql(p, "SELECT count(*) FROM evaluations"),
       "indicator evaluations (ratings, justifications; use the report export)", "evaluation", "evaluations");
  lost(s, count_sql(p, "SELECT count(*) FROM overrides"), "triangulation label overrides", "override", "overrides");
  lost(s, count_sql(p, "SELECT count(*) FROM settings"),
       "project settings (triangulation thresholds, default coder, ...)", "setting", "settings");
  lost(s, count_sql(p, "SELECT count(*) FROM change_log"), "the undo history (the export holds the current state)",
       "action", "actions");
  lost(s, count_sql(p, "SELECT count(*) FROM impediments"),
       "impediment findings (title, description, indicators, evidence; use the report export)", "finding", "findings");
  lost(s, count_sql(p, "SELECT count(*) FROM coding_indicators"), "explicit attachments of codings to indicators",
       "attachment", "attachments");
  lost(s, count_sql(p, "SELECT count(*) FROM summaries"), "summary cells (use 'telaah summaries P ls --csv')", "cell",
       "cells");
}

// The REFI type of a case attribute across all cases: typed only when every value fits.
std::string case_attribute_type(const std::vector<store::Attribute>& values) {
  bool integer = true, decimal = true, date = true, boolean = true;
  for (const auto& a : values) {
    integer = integer && a.type == "number" && is_xsd_integer(a.value);
    decimal = decimal && a.type == "number" && is_xsd_decimal(a.value);
    date = date && a.type == "date" && is_xsd_date(a.value);
    boolean = boolean && a.type == "boolean" && (a.value == "true" || a.value == "false");
  }
  return integer ? "Integer" : decimal ? "Float" : date ? "Date" : boolean ? "Boolean" : "Text";
}

}  // namespace

int64_t ExportSummary::count(const std::string& what) const {
  for (const auto& [k, v] : counts)
    if (k == what) return v;
  return 0;
}

std::string project_qde(const store::Project& p, ExportSummary* summary) {
  ExportSummary local;
  ExportSummary& s = summary ? *summary : local;
  Writer w(p);
  w.all_codes_ = p.codes();
  const auto docs = p.documents();
  const auto codings = p.codings();
  const auto coders = p.coders();
  const auto memos = p.memos();
  std::set<store::Id> live_docs;
  for (const auto& d : docs) live_docs.insert(d.id);
  s.encoded.insert(s.encoded.end(), {"each coding as its own PlainTextSelection (code points, end exclusive) with one "
                                     "Coding whose creatingUser is the coder",
                                     "stance as Cases 'Stance: supports/contradicts/neutral' (SelectionRef) and as the "
                                     "selection's Description 'Stance: X'",
                                     "coding memos as Notes referenced from their Coding (NoteRef); document, code and "
                                     "project memos as Notes referenced from the TextSource, the Code and the Project",
                                     kEncodedDescription, kEncodedKinds,
                                     "source type, language, date, author and attributes as Variables with a "
                                     "VariableValue on each TextSource; source types also as Cases 'Source type: X'",
                                     "documents as UTF-8 plain text (LF line breaks) in sources/GUID.txt; the original "
                                     "file name in the source's Description"});
  if (count_sql(p, "SELECT count(*) FROM links"))
    s.encoded.push_back(
        "links between codings as Links between their selections (the relation as the name, "
        "OneWay or Associative, its colour; a link's memo as a Note)");
  if (count_sql(p, "SELECT count(*) FROM cases"))
    s.encoded.push_back(
        "cases as Cases: attributes as VariableValues, whole documents as SourceRef, parts of "
        "documents as SelectionRef to selections of their own (without codes)");

  pugi::xml_document doc;
  pugi::xml_node root = new_root(doc, "Project", refi::kProjectNs);
  w.set_attr(root, "name", p.path().stem().string());
  root.append_attribute("origin").set_value(kOrigin);
  if (!coders.empty()) root.append_attribute("creatingUserGUID").set_value(w.guid("coders", coders.front().id).c_str());
  w.set_time(root, "creationDateTime",
             p.db().execAndGet("SELECT coalesce((SELECT value FROM meta WHERE key='created'), '')").getString());
  if (!coders.empty())
    root.append_attribute("modifyingUserGUID").set_value(w.guid("coders", coders.front().id).c_str());
  // The time of the last action, not of the export: exporting twice gives the same file.
  w.set_time(root, "modifiedDateTime", p.db().execAndGet("SELECT coalesce(max(at), '') FROM change_log").getString());

  // Users
  if (!coders.empty()) {
    pugi::xml_node users = root.append_child("Users");
    for (const auto& c : coders) {
      pugi::xml_node u = users.append_child("User");
      u.append_attribute("guid").set_value(w.guid("coders", c.id).c_str());
      w.set_attr(u, "name", c.name);
    }
  }
  // Memos by what they belong to.
  std::map<store::Id, std::vector<store::Id>> code_memos, doc_memos;
  std::vector<store::Id> project_memos, exported_memos;
  int64_t orphan_memos = 0;
  for (const auto& m : memos) {
    if (m.kind == "code")
      code_memos[m.target].push_back(m.id);
    else if (m.kind == "document" && live_docs.count(m.target))
      doc_memos[m.target].push_back(m.id);
    else if (m.kind == "project")
      project_memos.push_back(m.id);
    else {
      ++orphan_memos;
      continue;
    }
    exported_memos.push_back(m.id);
  }
  // CodeBook
  if (!w.all_codes_.empty())
    w.codes(root.append_child("CodeBook").append_child("Codes"), std::nullopt, true, code_memos);

  // Variables: the fixed ones, then one per attribute name.
  std::map<std::string, std::vector<store::Attribute>> attr_values;
  std::map<store::Id, std::vector<store::Attribute>> doc_attrs;
  for (const auto& d : docs) {
    doc_attrs[d.id] = p.attributes(d.id);
    for (const auto& a : doc_attrs[d.id]) attr_values[a.name].push_back(a);
  }
  std::vector<VariableDef> vars = {
      {refi::kVarSourceType, "Text",
       "Telaah: the kind of source (interview, news, official, ...), used for triangulation"},
      {refi::kVarLanguage, "Text", "Telaah: the document's language (ISO 639-1)"},
      {refi::kVarDate, "Text", "Telaah: the document's date (YYYY-MM-DD, YYYY-MM or YYYY)"},
      {refi::kVarAuthor, "Text", "Telaah: the document's author or outlet"},
      {refi::kVarStance, "Text",
       "Telaah: what a coded passage says about its indicator (supports, contradicts, neutral)"}};
  std::map<std::string, std::string> attr_var_name;  // attribute name -> variable name
  int64_t retyped = 0;
  for (const auto& [name, values] : attr_values) {
    std::string vname = refi::is_reserved_variable(name) ? name + refi::kAttributeSuffix : name;
    if (vname != name)
      s.encoded.push_back("attribute '" + name + "' exported as variable '" + vname + "' (its name is taken)");
    attr_var_name[name] = vname;
    std::string type = attribute_type(values);
    for (const auto& a : values)
      if ((a.type == "number" && type == "Text") || (a.type == "date" && type == "Text")) ++retyped;
    vars.push_back({vname, type, "Telaah: document attribute"});
  }
  // Case attributes: variables of their own ("NAME (case)" when a document variable has the name).
  const auto user_cases = store::cases(p);
  std::map<std::string, std::vector<store::Attribute>> case_values;
  for (const auto& c : user_cases)
    for (const auto& a : c.attributes) case_values[a.name].push_back(a);
  std::map<std::string, std::string> case_var_name;  // case attribute name -> variable name
  {
    std::set<std::string> taken;
    for (const auto& v : vars) taken.insert(v.name);
    for (const auto& [name, values] : case_values) {
      std::string vname = taken.count(name) ? name + " (case)" : name;
      if (vname != name)
        s.encoded.push_back("case attribute '" + name + "' exported as variable '" + vname + "' (its name is taken)");
      case_var_name[name] = vname;
      vars.push_back({vname, case_attribute_type(values), "Telaah: case attribute"});
    }
  }
  lost(s, retyped,
       "attribute types: number or date values exported as text (partial dates such as 2015-03, numbers xsd:decimal "
       "cannot hold, or mixed types under one name)",
       "value", "values");
  std::map<std::string, std::pair<std::string, std::string>> var;  // name -> (guid, type)
  {
    pugi::xml_node vs = root.append_child("Variables");
    for (const auto& v : vars) {
      pugi::xml_node e = vs.append_child("Variable");
      std::string g = w.guid("variables", v.name);
      e.append_attribute("guid").set_value(g.c_str());
      w.set_attr(e, "name", v.name);
      e.append_attribute("typeOfVariable").set_value(v.type.c_str());
      w.set_text(e.append_child("Description"), v.description);
      var[v.name] = {g, v.type};
    }
  }

  // Cases: documents by source type, selections (one per coding) by stance.
  std::map<std::string, std::vector<store::Id>> by_type;
  for (const auto& d : docs) by_type[d.source_type].push_back(d.id);
  std::map<store::Stance, std::vector<store::Id>> by_stance;
  for (const auto& c : codings) by_stance[c.stance].push_back(c.id);
  std::map<store::Id, std::vector<const store::CaseMember*>> case_parts;  // document -> parts of cases
  if (!by_type.empty() || !by_stance.empty() || !user_cases.empty()) {
    pugi::xml_node cases = root.append_child("Cases");
    // The project's own cases: attributes as VariableValues, whole documents as
    // SourceRefs, parts of documents as SelectionRefs to selections of their own.
    for (const auto& uc : user_cases) {
      pugi::xml_node c = cases.append_child("Case");
      c.append_attribute("guid").set_value(w.guid("cases", uc.id).c_str());
      w.set_attr(c, "name", uc.name);
      if (!uc.description.empty()) w.set_text(c.append_child("Description"), uc.description);
      for (const auto& a : uc.attributes) {
        const auto& [vg, vt] = var[case_var_name[a.name]];
        add_value(c, vg, vt, a.value, w);
      }
      for (const auto& m : uc.members)
        if (!m.start && live_docs.count(m.doc))
          c.append_child("SourceRef").append_attribute("targetGUID").set_value(w.guid("documents", m.doc).c_str());
      for (const auto& m : uc.members)
        if (m.start && live_docs.count(m.doc)) {
          c.append_child("SelectionRef").append_attribute("targetGUID").set_value(w.guid("case-parts", m.id).c_str());
          case_parts[m.doc].push_back(&m);
        }
    }
    for (const auto& t : p.source_types()) {
      auto it = by_type.find(t.name);
      if (it == by_type.end()) continue;
      pugi::xml_node c = cases.append_child("Case");
      c.append_attribute("guid").set_value(w.guid("cases-type", t.name).c_str());
      w.set_attr(c, "name", refi::kCaseSourceType + t.name);
      w.set_text(c.append_child("Description"), "Telaah: the documents of source type " + t.name);
      add_value(c, var[refi::kVarSourceType].first, "Text", t.name, w);
      for (store::Id d : it->second)
        c.append_child("SourceRef").append_attribute("targetGUID").set_value(w.guid("documents", d).c_str());
    }
    for (store::Stance st : {store::Stance::supports, store::Stance::contradicts, store::Stance::neutral}) {
      auto it = by_stance.find(st);
      if (it == by_stance.end()) continue;
      pugi::xml_node c = cases.append_child("Case");
      c.append_attribute("guid").set_value(w.guid("cases-stance", store::to_string(st)).c_str());
      w.set_attr(c, "name", refi::stance_line(st));
      w.set_text(
          c.append_child("Description"),
          std::string("Telaah: the coded passages whose stance towards their indicator is ") + store::to_string(st));
      add_value(c, var[refi::kVarStance].first, "Text", store::to_string(st), w);
      for (store::Id k : it->second)
        c.append_child("SelectionRef").append_attribute("targetGUID").set_value(w.guid("codings", k).c_str());
    }
  }

  // Sources
  std::map<store::Id, std::string> code_names;
  for (const auto& c : w.all_codes_) code_names[c.id] = c.name;
  std::vector<std::pair<store::Id, const store::Coding*>> coding_memo_notes;
  int64_t areas_exported = 0, areas_lost = 0, area_heights_assumed = 0;
  if (!docs.empty()) {
    pugi::xml_node sources = root.append_child("Sources");
    size_t ci = 0;
    for (const auto& d : docs) {
      // A PDF or image with area codings: a PDFSource (its text the
      // Representation) or a PictureSource (its text the TextDescription).
      std::map<store::Id, store::CodingArea> areas;
      for (const auto& a : p.coding_areas(d.id)) areas[a.coding] = a;
      const std::string fkind = areas.empty() ? "" : refi_area::kind_of(d.original_name);
      const std::string original = fkind.empty() ? std::string() : p.original_bytes(d.id);
      const std::string g = w.guid("documents", d.id);
      pugi::xml_node owner, ts;
      double scale = 0;
      if (!fkind.empty()) {
        owner = sources.append_child(fkind == "pdf" ? "PDFSource" : "PictureSource");
        owner.append_attribute("guid").set_value(g.c_str());
        w.set_attr(owner, "name", d.title);
        if (!original.empty())
          owner.append_attribute("path").set_value(("internal://" + g + original_extension(d.original_name)).c_str());
        w.set_time(owner, "creationDateTime", d.created);
        w.set_time(owner, "modifiedDateTime", d.modified);
        if (!d.original_name.empty())
          w.set_text(owner.append_child("Description"), refi::kOriginalFile + d.original_name);
        bool found = true;
        scale = fkind == "pdf" ? refi_area::pdf_page_height(original, &found) : refi_area::image_dpi(original);
        if (!found) ++area_heights_assumed;
        if (fkind == "image") ts = owner.append_child("TextDescription");
      } else {
        owner = ts = sources.append_child("TextSource");
        ts.append_attribute("guid").set_value(g.c_str());
        w.set_attr(ts, "name", d.title);
      }
      const std::string body = p.text(d.id);
      text::OffsetMap map(body);
      auto add_coding = [&](pugi::xml_node sel, const store::Coding& c) {
        const std::string coder = w.guid("coders", c.coder);
        sel.append_attribute("creatingUser").set_value(coder.c_str());
        w.set_time(sel, "creationDateTime", c.created);
        sel.append_attribute("modifyingUser").set_value(coder.c_str());
        w.set_time(sel, "modifiedDateTime", c.modified);
        w.set_text(sel.append_child("Description"), refi::stance_line(c.stance));
      };
      auto add_code_ref = [&](pugi::xml_node sel, const store::Coding& c) {
        pugi::xml_node cod = sel.append_child("Coding");
        cod.append_attribute("guid").set_value(w.guid("coding-refs", c.id).c_str());
        cod.append_attribute("creatingUser").set_value(w.guid("coders", c.coder).c_str());
        w.set_time(cod, "creationDateTime", c.created);
        cod.append_child("CodeRef").append_attribute("targetGUID").set_value(w.guid("codes", c.code).c_str());
        if (!c.memo.empty()) {
          cod.append_child("NoteRef").append_attribute("targetGUID").set_value(w.guid("coding-memos", c.id).c_str());
          coding_memo_notes.push_back({c.id, &c});
        }
      };
      while (ci < codings.size() && codings[ci].doc < d.id) ++ci;
      const size_t first = ci;
      size_t end = ci;
      while (end < codings.size() && codings[end].doc == d.id) ++end;
      // An area the standard can place: a PDF's page, or a one-page picture.
      auto placeable = [&](store::Id id) {
        auto it = areas.find(id);
        return !fkind.empty() && it != areas.end() && (fkind == "pdf" || it->second.page == 1);
      };
      auto area_selections = [&] {
        for (size_t k = first; k < end; ++k) {
          const store::Coding& c = codings[k];
          if (!placeable(c.id)) continue;
          const store::CodingArea& a = areas[c.id];
          const std::string quote(text::slice_cp(body, map, static_cast<size_t>(c.start), static_cast<size_t>(c.end)));
          pugi::xml_node sel = owner.append_child(fkind == "pdf" ? "PDFSelection" : "PictureSelection");
          sel.append_attribute("guid").set_value(w.guid("codings", c.id).c_str());
          w.set_attr(sel, "name", cut_quote(quote));
          refi_area::Rect r;
          if (fkind == "pdf") {
            int page0 = 0;
            r = refi_area::to_pdf(a, scale, &page0);
            sel.append_attribute("page").set_value(page0);
          } else {
            r = refi_area::to_picture(a, scale);
          }
          sel.append_attribute("firstX").set_value(r.x1);
          sel.append_attribute("firstY").set_value(r.y1);
          sel.append_attribute("secondX").set_value(r.x2);
          sel.append_attribute("secondY").set_value(r.y2);
          add_coding(sel, c);
          if (fkind == "pdf") {
            pugi::xml_node rep = sel.append_child("Representation");
            rep.append_attribute("guid").set_value(w.guid("area-texts", c.id).c_str());
            w.set_text(rep.append_child("PlainTextContent"), quote);
          }
          add_code_ref(sel, c);
          ++areas_exported;
        }
      };
      if (fkind == "pdf") {
        area_selections();
        ts = owner.append_child("Representation");
      }
      if (!fkind.empty()) {
        ts.append_attribute("guid").set_value(w.guid("representations", d.id).c_str());
        w.set_attr(ts, "name", d.title);
      }
      ts.append_attribute("plainTextPath").set_value(("internal://" + g + ".txt").c_str());
      if (fkind.empty()) {
        w.set_time(ts, "creationDateTime", d.created);
        w.set_time(ts, "modifiedDateTime", d.modified);
        if (!d.original_name.empty()) w.set_text(ts.append_child("Description"), refi::kOriginalFile + d.original_name);
      }
      areas_lost += static_cast<int64_t>(areas.size());
      for (ci = first; ci < end; ++ci) {
        const store::Coding& c = codings[ci];
        if (placeable(c.id)) {
          --areas_lost;
          continue;
        }
        pugi::xml_node sel = ts.append_child("PlainTextSelection");
        sel.append_attribute("guid").set_value(w.guid("codings", c.id).c_str());
        w.set_attr(sel, "name",
                   cut_quote(text::slice_cp(body, map, static_cast<size_t>(c.start), static_cast<size_t>(c.end))));
        sel.append_attribute("startPosition").set_value(c.start);
        sel.append_attribute("endPosition").set_value(c.end);
        add_coding(sel, c);
        add_code_ref(sel, c);
      }
      if (auto it = case_parts.find(d.id); it != case_parts.end())
        for (const store::CaseMember* m : it->second) {
          pugi::xml_node sel = ts.append_child("PlainTextSelection");
          sel.append_attribute("guid").set_value(w.guid("case-parts", m->id).c_str());
          w.set_attr(
              sel, "name",
              cut_quote(text::slice_cp(body, map, static_cast<size_t>(*m->start), static_cast<size_t>(*m->end))));
          sel.append_attribute("startPosition").set_value(*m->start);
          sel.append_attribute("endPosition").set_value(*m->end);
          w.set_text(sel.append_child("Description"), "Telaah: a part of the document in a case");
        }
      if (fkind == "image") area_selections();
      if (auto it = doc_memos.find(d.id); it != doc_memos.end())
        for (store::Id m : it->second)
          owner.append_child("NoteRef").append_attribute("targetGUID").set_value(w.guid("memos", m).c_str());
      add_value(owner, var[refi::kVarSourceType].first, "Text", d.source_type, w);
      if (!d.language.empty()) add_value(owner, var[refi::kVarLanguage].first, "Text", d.language, w);
      if (!d.date.empty()) add_value(owner, var[refi::kVarDate].first, "Text", d.date, w);
      if (!d.author.empty()) add_value(owner, var[refi::kVarAuthor].first, "Text", d.author, w);
      for (const auto& a : doc_attrs[d.id]) {
        const auto& [vg, vt] = var[attr_var_name[a.name]];
        add_value(owner, vg, vt, a.value, w);
      }
    }
    media_sources_export(p, sources);  // transcripts of recordings become media sources (refi_media.h)
  }

  // Links between codings of live documents (both ends exported as selections).
  std::vector<store::Link> links;
  {
    std::set<store::Id> exported_codings;
    for (const auto& c : codings) exported_codings.insert(c.id);
    for (auto& l : store::all_links(p))
      if (exported_codings.count(l.from) && exported_codings.count(l.to)) links.push_back(std::move(l));
  }
  std::map<store::Id, std::string> link_colour;
  for (const auto& t : store::link_types(p)) link_colour[t.id] = t.colour;
  // Notes: the memos, then the memos of codings, then those of links.
  if (!exported_memos.empty() || !coding_memo_notes.empty() ||
      std::any_of(links.begin(), links.end(), [](const auto& l) { return !l.memo.empty(); })) {
    pugi::xml_node notes = root.append_child("Notes");
    const std::set<store::Id> exported(exported_memos.begin(), exported_memos.end());
    for (const auto& m : memos) {
      if (!exported.count(m.id)) continue;
      pugi::xml_node n = notes.append_child("Note");
      n.append_attribute("guid").set_value(w.guid("memos", m.id).c_str());
      w.set_attr(n, "name", m.title.empty() ? "Memo" : m.title);
      w.set_time(n, "creationDateTime", m.created);
      w.set_time(n, "modifiedDateTime", m.modified);
      w.set_text(n.append_child("PlainTextContent"), m.body);
    }
    for (const auto& [id, c] : coding_memo_notes) {
      pugi::xml_node n = notes.append_child("Note");
      n.append_attribute("guid").set_value(w.guid("coding-memos", id).c_str());
      w.set_attr(n, "name", "Memo on a passage coded " + code_names[c->code]);
      n.append_attribute("creatingUser").set_value(w.guid("coders", c->coder).c_str());
      w.set_time(n, "creationDateTime", c->created);
      w.set_time(n, "modifiedDateTime", c->modified);
      w.set_text(n.append_child("PlainTextContent"), c->memo);
    }
    for (const auto& l : links) {
      if (l.memo.empty()) continue;
      pugi::xml_node n = notes.append_child("Note");
      n.append_attribute("guid").set_value(w.guid("link-memos", l.id).c_str());
      w.set_attr(n, "name", "Memo on a link (" + l.type_name + ")");
      w.set_time(n, "creationDateTime", l.created);
      w.set_text(n.append_child("PlainTextContent"), l.memo);
    }
  }
  if (!links.empty()) {
    pugi::xml_node ls = root.append_child("Links");
    for (const auto& l : links) {
      pugi::xml_node e = ls.append_child("Link");
      if (!l.memo.empty())
        e.append_child("NoteRef").append_attribute("targetGUID").set_value(w.guid("link-memos", l.id).c_str());
      e.append_attribute("guid").set_value(w.guid("links", l.id).c_str());
      w.set_attr(e, "name", l.type_name);
      e.append_attribute("direction").set_value(l.directed ? "OneWay" : "Associative");
      e.append_attribute("color").set_value(link_colour[l.type].c_str());
      e.append_attribute("originGUID").set_value(w.guid("codings", l.from).c_str());
      e.append_attribute("targetGUID").set_value(w.guid("codings", l.to).c_str());
    }
  }
  w.kind_sets(root, "targetGUID");
  for (store::Id m : project_memos)
    root.append_child("NoteRef").append_attribute("targetGUID").set_value(w.guid("memos", m).c_str());

  // The summary.
  s.format = s.format.empty() ? "qde" : s.format;
  s.add("users (coders)", static_cast<int64_t>(coders.size()));
  s.add("codes", static_cast<int64_t>(w.all_codes_.size()));
  s.add("sources", static_cast<int64_t>(docs.size()));
  s.add("selections", static_cast<int64_t>(codings.size()));
  if (areas_exported) {
    s.add("area selections", areas_exported);
    s.encoded.push_back(
        "area codings of PDFs as PDFSelections (page from 0, points from the page's bottom-left) and of images as "
        "PictureSelections (pixels from the top-left at the image's resolution), the file in sources/; their text "
        "span as the source's text selection is not written (an importer takes the words inside)");
  }
  lost(s, areas_lost,
       "rectangles of area codings on documents that are not PDFs or images, or on a picture's later pages "
       "(exported as text selections of their span)",
       "area coding", "area codings");
  lost(s, area_heights_assumed,
       "exact places of PDF areas whose page height could not be read from the PDF (A4 assumed)", "document",
       "documents");
  if (!links.empty()) s.add("links", static_cast<int64_t>(links.size()));
  if (!user_cases.empty()) s.add("cases", static_cast<int64_t>(user_cases.size()));
  s.add("codings", static_cast<int64_t>(codings.size()));
  s.add("notes", static_cast<int64_t>(exported_memos.size() + coding_memo_notes.size()));
  s.add("variables", static_cast<int64_t>(vars.size()));
  common_losses(p, s);
  int64_t structured = count_sql(
      p,
      "SELECT count(DISTINCT d.id) FROM documents d JOIN blocks b ON b.doc_id=d.id WHERE d.deleted=0 AND b.kind<>'p'");
  lost(s, structured, "document structure (headings, list items, speaker turns; the text itself is complete)",
       "document", "documents");
  int64_t paged =
      count_sql(p, "SELECT count(DISTINCT d.id) FROM documents d JOIN pages g ON g.doc_id=d.id WHERE d.deleted=0");
  lost(s, paged, "page numbers (REFI-QDA text sources have no pages)", "document", "documents");
  int64_t originals = 0;
  for (const auto& d : docs) {
    auto dot = d.original_name.rfind('.');
    std::string ext = dot == std::string::npos ? "" : d.original_name.substr(dot);
    if (!ext.empty() && ext != ".txt" && ext != ".TXT") ++originals;
  }
  lost(s, originals, "original files (PDF, DOCX, HTML, ...; sources are exported as their plain text)", "document",
       "documents");
  int64_t origins = 0;
  for (const auto& c : codings) origins += c.origin.empty() ? 0 : 1;
  lost(s, origins, "how codings were made (by hand, from a search, by import)", "coding", "codings");
  lost(s, orphan_memos, "memos on deleted documents", "memo", "memos");
  int64_t colours = static_cast<int64_t>(p.source_types().size());
  lost(s, colours, "source type colours", "source type", "source types");
  lost(s, w.replaced(), "control characters in names, descriptions or memos (replaced by U+FFFD; XML cannot hold them)",
       "character", "characters");
  return to_xml_string(doc);
}

std::string codebook_qdc(const store::Project& p, ExportSummary* summary) {
  ExportSummary local;
  ExportSummary& s = summary ? *summary : local;
  Writer w(p);
  w.all_codes_ = p.codes();
  if (w.all_codes_.empty()) throw UserError("the codebook is empty: there is nothing to export");
  pugi::xml_document doc;
  pugi::xml_node root = new_root(doc, "CodeBook", refi::kCodebookNs);
  root.append_attribute("origin").set_value(kOrigin);
  w.codes(root.append_child("Codes"), std::nullopt, false, {});
  w.kind_sets(root, "guid");
  s.format = s.format.empty() ? "qdc" : s.format;
  s.add("codes", static_cast<int64_t>(w.all_codes_.size()));
  s.encoded = {kEncodedDescription, kEncodedKinds};
  int64_t memos = static_cast<int64_t>(p.memos("code").size());
  lost(s, memos, "code memos (a codebook file has no notes; export a .qdpx to keep them)", "memo", "memos");
  lost(s, w.replaced(), "control characters in names or descriptions (replaced by U+FFFD; XML cannot hold them)",
       "character", "characters");
  return to_xml_string(doc);
}

ExportSummary export_qdpx(const store::Project& p, const fs::path& out, const ExportOptions& opt) {
  std::error_code ec;
  if (!opt.overwrite && fs::exists(out, ec)) throw UserError(out.string() + " exists already");
  ExportSummary s;
  s.file = out.string();
  s.format = "qdpx";
  std::string qde = project_qde(p, &s);
  ZipWriter z(out);
  z.add("project.qde", std::move(qde));
  z.add_dir("sources");
  for (const auto& d : p.documents()) {
    std::string body = p.text(d.id);
    if (body.size() > kMaxInternalFile)
      throw UserError("document #" + std::to_string(d.id) + " '" + d.title +
                      "' is over 2 GB, the REFI-QDA limit for a source file");
    const std::string g = stable_guid(p.project_id(), "documents", std::to_string(d.id));
    z.add("sources/" + g + ".txt", std::move(body));
    // The PDF or image of a document with area codings (the PDFSource's or PictureSource's path).
    if (!refi_area::kind_of(d.original_name).empty() && !p.coding_areas(d.id).empty()) {
      std::string original = p.original_bytes(d.id);
      if (!original.empty()) z.add("sources/" + g + original_extension(d.original_name), std::move(original));
    }
  }
  media_files_export(p, z);
  z.commit();
  return s;
}

ExportSummary export_qdc(const store::Project& p, const fs::path& out, const ExportOptions& opt) {
  std::error_code ec;
  if (!opt.overwrite && fs::exists(out, ec)) throw UserError(out.string() + " exists already");
  ExportSummary s;
  s.file = out.string();
  s.format = "qdc";
  write_file_atomic(out, codebook_qdc(p, &s));
  return s;
}

}  // namespace telaah::exchange
