// Cases and summary cells (see judgement.h).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/judgement.h"
#include "store/rating_citations.h"
#include "store/util.h"

namespace telaah::store {

namespace {

std::string type_of(const Attribute& a) {
  return a.type.empty() ? "text" : a.type;
}

}  // namespace

void validate_attribute(const Attribute& attr, const std::string& where) {
  if (is_blank(attr.name)) throw ValidationError(where + ": an attribute has no name");
  require_text(attr.name, where + ": an attribute name");
  require_text(attr.value, where + ": the value of attribute '" + attr.name + "'");
  const std::string type = type_of(attr);
  if (type != "text" && type != "number" && type != "date" && type != "boolean")
    throw ValidationError(where + ": attribute type must be text, number, date or boolean, not '" + attr.type + "'");
  if (type == "number" && !attr.value.empty()) {
    try {
      size_t used = 0;
      (void)std::stod(attr.value, &used);
      if (used != attr.value.size()) throw std::invalid_argument("");
    } catch (const std::exception&) {
      throw ValidationError(where + ": attribute '" + attr.name + "' is a number, and '" + attr.value + "' is not");
    }
  }
  if (type == "date") validate_date(attr.value, where + ": attribute '" + attr.name + "'");
  if (type == "boolean" && attr.value != "true" && attr.value != "false" && !attr.value.empty())
    throw ValidationError(where + ": attribute '" + attr.name + "' is true or false, not '" + attr.value + "'");
}

// --- cases ---
std::vector<Case> cases(const Project& p) {
  std::vector<Case> out;
  {
    SQLite::Statement q(p.db(), "SELECT id, name, description, created FROM cases ORDER BY name, id");
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(),
                     q.getColumn(1).getString(),
                     q.getColumn(2).getString(),
                     q.getColumn(3).getString(),
                     {},
                     {}});
  }
  std::map<Id, Case*> by_id;
  for (auto& c : out) by_id[c.id] = &c;
  SQLite::Statement a(p.db(), "SELECT case_id, name, type, value FROM case_attributes ORDER BY case_id, name");
  while (a.executeStep())
    if (auto it = by_id.find(a.getColumn(0).getInt64()); it != by_id.end())
      it->second->attributes.push_back(
          {a.getColumn(1).getString(), a.getColumn(2).getString(), a.getColumn(3).getString()});
  SQLite::Statement m(p.db(),
                      "SELECT m.id, m.case_id, m.doc_id, m.start, m.end FROM case_members m JOIN documents d ON "
                      "d.id=m.doc_id WHERE d.deleted=0 ORDER BY m.case_id, m.doc_id, m.start, m.id");
  while (m.executeStep()) {
    CaseMember cm;
    cm.id = m.getColumn(0).getInt64();
    cm.case_id = m.getColumn(1).getInt64();
    cm.doc = m.getColumn(2).getInt64();
    if (!m.getColumn(3).isNull()) cm.start = m.getColumn(3).getInt64();
    if (!m.getColumn(4).isNull()) cm.end = m.getColumn(4).getInt64();
    if (auto it = by_id.find(cm.case_id); it != by_id.end()) it->second->members.push_back(cm);
  }
  return out;
}

Case find_case(const Project& p, const std::string& name_or_id) {
  auto all = cases(p);
  for (auto& c : all)
    if (c.name == name_or_id) return c;
  if (auto id = parse_id(name_or_id))
    for (auto& c : all)
      if (c.id == *id) return c;
  throw NotFound("no case '" + name_or_id + "' in this project");
}

static void require_case_name(const Project& p, const std::string& name, const std::string& where) {
  require_text(name, where + ": the case name");
  if (is_blank(name)) throw ValidationError(where + ": a case needs a name");
  if (parse_id(name)) throw ValidationError(where + ": a case name cannot be a number ('" + name + "')");
  SQLite::Statement q(p.db(), "SELECT 1 FROM cases WHERE name=?");
  q.bind(1, name);
  if (q.executeStep()) throw ValidationError(where + ": the case '" + name + "' exists already");
}

static Id insert_case(ActionScope& a, const std::string& name, const std::string& description,
                      const std::vector<Attribute>& attributes) {
  Id id = a.insert("cases", {{"name", name}, {"description", description}, {"created", now_iso()}});
  for (const auto& at : attributes)
    a.insert("case_attributes", {{"case_id", id}, {"name", at.name}, {"type", type_of(at)}, {"value", at.value}});
  return id;
}

Id add_case(Project& p, const std::string& name, const std::string& description,
            const std::vector<Attribute>& attributes) {
  require_case_name(p, name, "case '" + name + "'");
  require_text(description, "the case's description");
  std::set<std::string> seen;
  for (const auto& at : attributes) {
    validate_attribute(at, "case '" + name + "'");
    if (!seen.insert(at.name).second)
      throw ValidationError("case '" + name + "': the attribute '" + at.name + "' is given twice");
  }
  auto a = p.begin_action("Add case " + name);
  Id id = insert_case(a, name, description, attributes);
  a.commit();
  return id;
}

void remove_case(Project& p, const std::string& name_or_id) {
  Case c = find_case(p, name_or_id);
  auto a = p.begin_action("Remove case " + c.name);
  for (Id s : ids_of(p, "SELECT id FROM summaries WHERE case_id=? ORDER BY id", c.id)) {
    for (Id r : ids_of(p, "SELECT id FROM summary_citations WHERE summary_id=? ORDER BY id", s))
      a.remove("summary_citations", r);
    remove_summary_from_ratings(p, a, s);  // a rating citing it shows a broken citation
    a.remove("summaries", s);
  }
  for (Id r : ids_of(p, "SELECT id FROM case_members WHERE case_id=? ORDER BY id", c.id)) a.remove("case_members", r);
  for (Id r : ids_of(p, "SELECT id FROM case_attributes WHERE case_id=? ORDER BY id", c.id))
    a.remove("case_attributes", r);
  a.remove("cases", c.id);
  a.commit();
}

void rename_case(Project& p, const std::string& name_or_id, const std::string& new_name) {
  Case c = find_case(p, name_or_id);
  if (new_name == c.name) return;
  require_case_name(p, new_name, "case '" + c.name + "'");
  auto a = p.begin_action("Rename case " + c.name + " to " + new_name);
  a.update("cases", c.id, {{"name", new_name}});
  a.commit();
}

void remove_case_attribute(Project& p, const std::string& case_name, const std::string& attribute) {
  Case c = find_case(p, case_name);
  SQLite::Statement q(p.db(), "SELECT id FROM case_attributes WHERE case_id=? AND name=?");
  q.bind(1, c.id);
  q.bind(2, attribute);
  if (!q.executeStep()) throw NotFound("case '" + c.name + "' has no attribute '" + attribute + "'");
  const Id row = q.getColumn(0).getInt64();
  q.reset();
  auto a = p.begin_action("Remove " + attribute + " of case " + c.name);
  a.remove("case_attributes", row);
  a.commit();
}

static void put_attribute(Project& p, ActionScope& a, Id case_id, const Attribute& at) {
  SQLite::Statement q(p.db(), "SELECT id FROM case_attributes WHERE case_id=? AND name=?");
  q.bind(1, case_id);
  q.bind(2, at.name);
  if (q.executeStep())
    a.update("case_attributes", q.getColumn(0).getInt64(), {{"type", type_of(at)}, {"value", at.value}});
  else
    a.insert("case_attributes", {{"case_id", case_id}, {"name", at.name}, {"type", type_of(at)}, {"value", at.value}});
}

void set_case_attribute(Project& p, const std::string& case_name, const Attribute& at) {
  Case c = find_case(p, case_name);
  validate_attribute(at, "case '" + c.name + "'");
  auto a = p.begin_action("Set " + at.name + " of case " + c.name);
  put_attribute(p, a, c.id, at);
  a.commit();
}

Id assign_to_case(Project& p, const std::string& case_name, Id doc, std::optional<int64_t> start,
                  std::optional<int64_t> end) {
  Case c = find_case(p, case_name);
  Document d = p.document(doc);
  if (start.has_value() != end.has_value())
    throw ValidationError("give both the start and the end of the part, or neither");
  if (start && (*start < 0 || *end > d.length_cp || *end <= *start))
    throw ValidationError("offsets " + std::to_string(*start) + ".." + std::to_string(*end) +
                          " are outside document '" + d.title + "' (it has " + std::to_string(d.length_cp) +
                          " characters; the end must be greater than the start)");
  for (const auto& m : c.members)
    if (m.doc == doc && m.start == start && m.end == end)
      throw ValidationError("'" + d.title + "'" + (start ? " (that part)" : "") + " is in case '" + c.name +
                            "' already");
  auto a = p.begin_action("Assign " + d.title + " to case " + c.name);
  nlohmann::json row = {{"case_id", c.id}, {"doc_id", doc}, {"start", nullptr}, {"end", nullptr}};
  if (start) {
    row["start"] = *start;
    row["end"] = *end;
  }
  Id id = a.insert("case_members", row);
  a.commit();
  return id;
}

int unassign_from_case(Project& p, const std::string& case_name, Id doc) {
  Case c = find_case(p, case_name);
  Document d = p.document(doc);
  std::vector<Id> rows;
  for (const auto& m : c.members)
    if (m.doc == doc) rows.push_back(m.id);
  if (rows.empty()) throw NotFound("'" + d.title + "' is not in case '" + c.name + "'");
  auto a = p.begin_action("Take " + d.title + " out of case " + c.name);
  for (Id r : rows) a.remove("case_members", r);
  a.commit();
  return static_cast<int>(rows.size());
}

int import_cases(Project& p, const std::vector<CaseRow>& rows, const std::string& label) {
  // Validate everything before the first write: a bad row imports nothing.
  std::set<std::string> names;
  for (const auto& r : rows) {
    const std::string where = "row " + std::to_string(r.line);
    require_text(r.name, where + ": the case name");
    if (is_blank(r.name)) throw ValidationError(where + ": the case has no name");
    if (parse_id(r.name)) throw ValidationError(where + ": a case name cannot be a number ('" + r.name + "')");
    if (!names.insert(r.name).second)
      throw ValidationError(where + ": the case '" + r.name + "' is named twice in the file");
    require_text(r.description, where + ": the description");
    std::set<std::string> seen;
    for (const auto& at : r.attributes) {
      validate_attribute(at, where);
      if (!seen.insert(at.name).second)
        throw ValidationError(where + ": the attribute '" + at.name + "' is given twice");
    }
  }
  std::map<std::string, Id> existing;
  {
    SQLite::Statement q(p.db(), "SELECT name, id FROM cases");
    while (q.executeStep()) existing[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
  }
  auto a = p.begin_action(label.empty() ? "Import " + std::to_string(rows.size()) + " cases" : label);
  for (const auto& r : rows) {
    auto it = existing.find(r.name);
    if (it == existing.end()) {
      insert_case(a, r.name, r.description, r.attributes);
      continue;
    }
    if (!r.description.empty()) a.update("cases", it->second, {{"description", r.description}});
    for (const auto& at : r.attributes) put_attribute(p, a, it->second, at);
  }
  a.commit();
  return static_cast<int>(rows.size());
}

// --- summaries ---
std::vector<Id> citation_markers(const std::string& text) {
  std::vector<Id> out;
  for (size_t i = text.find("[#"); i != std::string::npos; i = text.find("[#", i + 1)) {
    size_t j = i + 2;
    while (j < text.size() && j - i < 20 && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i + 2 || j >= text.size() || text[j] != ']') continue;
    const Id id = std::stoll(text.substr(i + 2, j - i - 2));
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

static const char* kSummaryCols =
    "SELECT s.id, s.code_id, s.source_type_id, s.case_id, coalesce(t.name, k.name), s.text, s.coder, s.modified "
    "FROM summaries s LEFT JOIN source_types t ON t.id=s.source_type_id LEFT JOIN cases k ON k.id=s.case_id";

static Summary read_summary(SQLite::Statement& q) {
  Summary s;
  s.id = q.getColumn(0).getInt64();
  s.code = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) s.source_type = q.getColumn(2).getInt64();
  if (!q.getColumn(3).isNull()) s.case_id = q.getColumn(3).getInt64();
  s.column = q.getColumn(4).getString();
  s.text = q.getColumn(5).getString();
  s.coder = q.getColumn(6).getString();
  s.modified = q.getColumn(7).getString();
  return s;
}

std::vector<Summary> summaries(const Project& p, std::optional<Id> code) {
  std::string sql = kSummaryCols;
  if (code) sql += " WHERE s.code_id=" + std::to_string(*code);
  sql += " ORDER BY s.code_id, s.case_id IS NOT NULL, coalesce(t.ord, 0), coalesce(t.name, k.name), s.id";
  SQLite::Statement q(p.db(), sql);
  std::vector<Summary> out;
  while (q.executeStep()) out.push_back(read_summary(q));
  return out;
}

std::vector<Citation> citations(const Project& p, const Summary& s) {
  std::set<Id> valid;
  SQLite::Statement q(p.db(),
                      "SELECT r.coding_id FROM summary_citations r JOIN codings c ON c.id=r.coding_id JOIN documents "
                      "d ON d.id=c.doc_id WHERE d.deleted=0 AND r.summary_id=?");
  q.bind(1, s.id);
  while (q.executeStep()) valid.insert(q.getColumn(0).getInt64());
  std::vector<Citation> out;
  for (Id c : citation_markers(s.text)) out.push_back({c, valid.count(c) > 0});
  return out;
}

void set_summary(Project& p, Id code, const std::string& dimension, const std::string& column,
                 const std::string& text) {
  Code k = p.code(code);
  require_text(text, "the summary");
  std::optional<Id> type, kase;
  if (dimension == "type")
    type = p.source_type_id(column);
  else if (dimension == "case")
    kase = find_case(p, column).id;
  else
    throw ValidationError("a summary cell is per source type or per case, not '" + dimension + "'");
  SQLite::Statement q(p.db(),
                      "SELECT id, text FROM summaries WHERE code_id=? AND source_type_id IS ? AND case_id IS ?");
  q.bind(1, code);
  if (type) q.bind(2, *type);
  if (kase) q.bind(3, *kase);
  std::optional<Id> id;
  std::string old_text;
  if (q.executeStep()) {
    id = q.getColumn(0).getInt64();
    old_text = q.getColumn(1).getString();
  }
  q.reset();
  std::map<Id, Id> rows;  // coding -> citation row
  if (id) {
    SQLite::Statement r(p.db(), "SELECT coding_id, id FROM summary_citations WHERE summary_id=?");
    r.bind(1, *id);
    while (r.executeStep()) rows[r.getColumn(0).getInt64()] = r.getColumn(1).getInt64();
  }
  const auto before = citation_markers(old_text);
  const auto after = citation_markers(text);
  std::vector<Id> add;
  for (Id c : after) {
    if (rows.count(c)) continue;
    const bool held = std::find(before.begin(), before.end(), c) != before.end();
    if (held) continue;  // a broken citation stays broken
    try {
      p.coding(c);
    } catch (const NotFound&) {
      throw ValidationError("the summary cites coding #" + std::to_string(c) + ", which is not in this project");
    }
    add.push_back(c);
  }
  const std::string cell = k.name + " × " + column;
  if (!id && text.empty()) return;
  auto a = p.begin_action(text.empty() ? "Clear summary " + cell : "Write summary " + cell);
  for (const auto& [c, r] : rows)
    if (text.empty() || std::find(after.begin(), after.end(), c) == after.end()) a.remove("summary_citations", r);
  if (text.empty()) {
    remove_summary_from_ratings(p, a, *id);  // a rating citing it shows a broken citation
    a.remove("summaries", *id);
  } else {
    if (id)
      a.update("summaries", *id, {{"text", text}, {"coder", p.coder()}, {"modified", now_iso()}});
    else
      id = a.insert("summaries", {{"code_id", code},
                                  {"source_type_id", type ? nlohmann::json(*type) : nlohmann::json()},
                                  {"case_id", kase ? nlohmann::json(*kase) : nlohmann::json()},
                                  {"text", text},
                                  {"coder", p.coder()},
                                  {"modified", now_iso()}});
    for (Id c : add) a.insert("summary_citations", {{"summary_id", *id}, {"coding_id", c}});
  }
  a.commit();
}

void merge_summary_into(Project& p, ActionScope& a, Id from, Id into) {
  std::string text;
  {
    SQLite::Statement q(p.db(),
                        "SELECT (SELECT text FROM summaries WHERE id=?), (SELECT text FROM summaries WHERE id=?)");
    q.bind(1, into);
    q.bind(2, from);
    q.executeStep();  // one row always
    if (q.getColumn(0).isNull() || q.getColumn(1).isNull())
      throw NotFound("summary " + std::to_string(q.getColumn(0).isNull() ? into : from));
    text = q.getColumn(0).getString() + "\n\n" + q.getColumn(1).getString();
  }
  a.update("summaries", into, {{"text", text}, {"modified", now_iso()}});
  retarget_rating_citations(p, a, from, into);
  std::set<Id> have;
  for (Id c : ids_of(p, "SELECT coding_id FROM summary_citations WHERE summary_id=?", into)) have.insert(c);
  for (Id r : ids_of(p, "SELECT id FROM summary_citations WHERE summary_id=? ORDER BY id", from)) {
    const Id c = p.db().execAndGet("SELECT coding_id FROM summary_citations WHERE id=" + std::to_string(r)).getInt64();
    if (have.insert(c).second)
      a.update("summary_citations", r, {{"summary_id", into}});
    else
      a.remove("summary_citations", r);
  }
  a.remove("summaries", from);
}

void move_source_type_dependents(Project& p, ActionScope& a, Id from, Id into) {
  SQLite::Statement q(p.db(), "SELECT id, code_id, text FROM summaries WHERE source_type_id=? ORDER BY id");
  q.bind(1, from);
  struct S {
    Id id, code;
    std::string text;
  };
  std::vector<S> rows;
  while (q.executeStep())
    rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString()});
  q.reset();
  for (const auto& s : rows) {
    SQLite::Statement t(p.db(), "SELECT id FROM summaries WHERE code_id=? AND source_type_id=?");
    t.bind(1, s.code);
    t.bind(2, into);
    if (!t.executeStep()) {
      a.update("summaries", s.id, {{"source_type_id", into}});
      continue;
    }
    const Id target = t.getColumn(0).getInt64();
    t.reset();
    merge_summary_into(p, a, s.id, target);
  }
}

}  // namespace telaah::store
