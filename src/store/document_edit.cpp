// A document's properties saved together, and edits of many documents at
// once: each one action (see doc_sets.h).
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/doc_sets.h"
#include "store/judgement.h"
#include "store/util.h"

using nlohmann::json;

namespace telaah::store {

namespace {

std::string type_of(const Attribute& a) {
  return a.type.empty() ? "text" : a.type;
}

// The live documents among `docs` (each once, by id); NotFound for one that is not.
std::vector<Document> live(const Project& p, const std::vector<Id>& docs) {
  const std::set<Id> ids(docs.begin(), docs.end());
  auto out = p.documents(std::vector<Id>(ids.begin(), ids.end()));
  if (out.size() != ids.size())
    for (Id id : ids) p.document(id);  // names the missing one
  if (out.empty()) throw ValidationError("no documents chosen");
  return out;
}

std::string count_label(size_t n) {
  return std::to_string(n) + (n == 1 ? " document" : " documents");
}

// The membership rows of `doc` in document sets (removed with the document).
std::vector<Id> membership_rows(const Project& p, Id doc) {
  std::vector<Id> out;
  SQLite::Statement q(p.db(), "SELECT id FROM doc_set_members WHERE doc_id=? ORDER BY id");
  q.bind(1, doc);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::optional<Id> attribute_row(const Project& p, Id doc, const std::string& name) {
  SQLite::Statement q(p.db(), "SELECT id FROM attributes WHERE doc_id=? AND name=?");
  q.bind(1, doc);
  q.bind(2, name);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

}  // namespace

bool edit_document(Project& p, Id doc, const DocumentEdit& e) {
  const Document d = p.document(doc);
  require_text(e.title, "the title");
  if (is_blank(e.title)) throw ValidationError("a document needs a title");
  require_text(e.language, "the language");
  require_text(e.author, "the author");
  validate_date(e.date, "the date");
  const Id type = p.source_type_id(e.source_type);
  std::set<std::string> names;
  for (const auto& a : e.attributes) {
    validate_attribute(a, "'" + e.title + "'");
    if (!names.insert(a.name).second)
      throw ValidationError("attribute '" + a.name + "' is given twice for '" + e.title + "'");
  }
  json cols = json::object();
  if (e.title != d.title) cols["title"] = e.title;
  if (type != d.source_type_id) cols["source_type_id"] = type;
  if (e.language != d.language) cols["language"] = e.language;
  if (e.date != d.date) cols["date"] = e.date;
  if (e.author != d.author) cols["author"] = e.author;
  std::map<std::string, Attribute> before;
  for (auto& a : p.attributes(doc)) before[a.name] = a;
  bool attrs_changed = false;
  for (const auto& a : e.attributes) {
    auto it = before.find(a.name);
    attrs_changed |= it == before.end() || it->second.value != a.value || it->second.type != type_of(a);
  }
  for (const auto& [name, a] : before) attrs_changed |= !names.count(name);
  if (cols.empty() && !attrs_changed) return false;
  auto act = p.begin_action("Edit document " + e.title);
  if (!cols.empty()) {
    cols["modified"] = now_iso();
    act.update("documents", doc, cols);
  }
  for (const auto& a : e.attributes) {
    auto it = before.find(a.name);
    if (it == before.end())
      act.insert("attributes", {{"doc_id", doc}, {"name", a.name}, {"type", type_of(a)}, {"value", a.value}});
    else if (it->second.value != a.value || it->second.type != type_of(a))
      act.update("attributes", *attribute_row(p, doc, a.name), {{"type", type_of(a)}, {"value", a.value}});
  }
  for (const auto& [name, a] : before)
    if (!names.count(name)) act.remove("attributes", *attribute_row(p, doc, name));
  act.commit();
  return true;
}

void set_documents_field(Project& p, const std::vector<Id>& docs, const std::string& field, const std::string& value) {
  const auto ds = live(p, docs);
  require_text(value, "the new " + field);
  json cols;
  if (field == "source_type")
    cols["source_type_id"] = p.source_type_id(value);
  else if (field == "date") {
    validate_date(value);
    cols["date"] = value;
  } else if (field == "language" || field == "author" || field == "title") {
    if (field == "title" && is_blank(value)) throw ValidationError("a document needs a title");
    cols[field] = value;
  } else
    throw ValidationError("unknown document field '" + field + "' (use title, language, date, author, source_type)");
  cols["modified"] = now_iso();
  auto a = p.begin_action("Set " + field + " of " + count_label(ds.size()));
  for (const auto& d : ds) a.update("documents", d.id, cols);
  a.commit();
}

void set_documents_attribute(Project& p, const std::vector<Id>& docs, const Attribute& attr) {
  const auto ds = live(p, docs);
  validate_attribute(attr, "the attribute");
  auto a = p.begin_action("Set attribute " + attr.name + " of " + count_label(ds.size()));
  for (const auto& d : ds) {
    if (auto row = attribute_row(p, d.id, attr.name))
      a.update("attributes", *row, {{"type", type_of(attr)}, {"value", attr.value}});
    else
      a.insert("attributes", {{"doc_id", d.id}, {"name", attr.name}, {"type", type_of(attr)}, {"value", attr.value}});
  }
  a.commit();
}

int64_t remove_documents_attribute(Project& p, const std::vector<Id>& docs, const std::string& name) {
  const auto ds = live(p, docs);
  std::vector<Id> rows;
  for (const auto& d : ds)
    if (auto row = attribute_row(p, d.id, name)) rows.push_back(*row);
  if (rows.empty()) return 0;
  auto a = p.begin_action("Remove attribute " + name + " of " + count_label(rows.size()));
  for (Id r : rows) a.remove("attributes", r);
  a.commit();
  return static_cast<int64_t>(rows.size());
}

void delete_documents(Project& p, const std::vector<Id>& docs) {
  const auto ds = live(p, docs);
  auto a = p.begin_action(ds.size() == 1 ? "Delete document " + ds[0].title : "Delete " + count_label(ds.size()));
  for (const auto& d : ds) {
    for (Id r : membership_rows(p, d.id)) a.remove("doc_set_members", r);
    a.update("documents", d.id, {{"deleted", 1}});
  }
  a.commit();
}

int64_t codings_on_documents(const Project& p, const std::vector<Id>& docs) {
  SQLite::Statement q(p.db(),
                      "SELECT count(*) FROM codings c JOIN documents d ON d.id=c.doc_id WHERE c.doc_id=? AND "
                      "d.deleted=0");
  int64_t n = 0;
  for (Id id : std::set<Id>(docs.begin(), docs.end())) {
    q.bind(1, id);
    if (q.executeStep()) n += q.getColumn(0).getInt64();
    q.reset();
  }
  return n;
}

std::vector<std::pair<std::string, std::string>> attribute_names(const Project& p) {
  std::vector<std::pair<std::string, std::string>> out;
  SQLite::Statement q(p.db(),
                      "SELECT a.name, min(a.type) FROM attributes a JOIN documents d ON d.id=a.doc_id WHERE "
                      "d.deleted=0 GROUP BY a.name ORDER BY a.name");
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

}  // namespace telaah::store
