// Content-analysis dictionaries (see dictionaries.h).
#include "store/dictionaries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>

#include "store/util.h"

namespace telaah::store {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

void check_name(const std::string& name) {
  if (is_blank(name)) throw ValidationError("a dictionary needs a name");
  require_text(name, "the dictionary's name");
}

void check_free(const Project& p, const std::string& name, Id self) {
  SQLite::Statement q(p.db(), "SELECT id FROM dictionaries WHERE name=?");
  q.bind(1, name);
  if (q.executeStep() && q.getColumn(0).getInt64() != self)
    throw ValidationError("a dictionary named '" + name + "' exists already");
}

std::vector<Id> ids(const Project& p, const std::string& sql, Id arg) {
  std::vector<Id> out;
  SQLite::Statement q(p.db(), sql);
  q.bind(1, arg);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

Dictionary read(const Project& p, SQLite::Statement& q) {
  Dictionary d;
  d.id = q.getColumn(0).getInt64();
  d.name = q.getColumn(1).getString();
  if (!q.getColumn(2).isNull()) d.code = q.getColumn(2).getInt64();
  d.memo = q.getColumn(3).getString();
  d.created = q.getColumn(4).getString();
  d.modified = q.getColumn(5).getString();
  SQLite::Statement t(p.db(), "SELECT id, term, language, syn FROM dictionary_terms WHERE dictionary_id=? ORDER BY id");
  t.bind(1, d.id);
  while (t.executeStep())
    d.terms.push_back(
        {t.getColumn(0).getInt64(), t.getColumn(1).getString(), t.getColumn(2).getString(), t.getColumn(3).getInt64()});
  return d;
}

const char* kSelect = "SELECT id, name, code_id, memo, created, modified FROM dictionaries";

}  // namespace

TermKind term_kind(const std::string& in) {
  const std::string t = trim(in);
  if (t.empty()) throw ValidationError("a dictionary term cannot be empty");
  require_text(t, "the term");
  if (t.front() == '"') {
    if (t.size() < 3 || t.back() != '"' || t.find('"', 1) != t.size() - 1)
      throw ValidationError("the phrase " + t + " needs one closing quote at its end");
    return TermKind::phrase;
  }
  for (char c : t)
    if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == ')' || c == ':')
      throw ValidationError("the term '" + t +
                            "' is not one word: write a phrase in quotes (\"kerja sama\"), a wildcard as word*");
  if (t.back() == '*') {
    if (t.size() < 2 || t.find('*') != t.size() - 1)
      throw ValidationError("the wildcard '" + t + "' needs letters before one '*' at its end");
    return TermKind::wildcard;
  }
  if (t.find('*') != std::string::npos) throw ValidationError("a '*' may only end a term: '" + t + "'");
  if (t == "AND" || t == "OR" || t == "NOT" || t.front() == '-' || t.front() == '=')
    throw ValidationError("the term '" + t + "' is an operator of the query language");
  return TermKind::word;
}

std::vector<Dictionary> dictionaries(const Project& p) {
  std::vector<Dictionary> out;
  SQLite::Statement q(p.db(), std::string(kSelect) + " ORDER BY name, id");
  while (q.executeStep()) out.push_back(read(p, q));
  return out;
}

Dictionary dictionary(const Project& p, const std::string& ref) {
  {
    SQLite::Statement q(p.db(), std::string(kSelect) + " WHERE name=?");
    q.bind(1, ref);
    if (q.executeStep()) return read(p, q);
  }
  if (auto id = parse_id(ref)) {
    SQLite::Statement q(p.db(), std::string(kSelect) + " WHERE id=?");
    q.bind(1, *id);
    if (q.executeStep()) return read(p, q);
  }
  throw NotFound("no dictionary named '" + ref + "'");
}

static Dictionary by_id(const Project& p, Id id) {
  return dictionary(p, std::to_string(id));
}

Id create_dictionary(Project& p, const std::string& name_in, std::optional<Id> code, const std::string& memo) {
  const std::string name = trim(name_in);
  check_name(name);
  check_free(p, name, 0);
  require_text(memo, "the dictionary's memo");
  if (code) p.code(*code);  // NotFound
  auto a = p.begin_action("Create dictionary " + name);
  const std::string now = now_iso();
  nlohmann::json row = {{"name", name}, {"memo", memo}, {"created", now}, {"modified", now}};
  row["code_id"] = code ? nlohmann::json(*code) : nlohmann::json(nullptr);
  const Id id = a.insert("dictionaries", row);
  a.commit();
  return id;
}

void rename_dictionary(Project& p, Id dict, const std::string& name_in) {
  const Dictionary d = by_id(p, dict);
  const std::string name = trim(name_in);
  check_name(name);
  check_free(p, name, dict);
  if (name == d.name) return;
  auto a = p.begin_action("Rename dictionary " + d.name + " to " + name);
  a.update("dictionaries", dict, {{"name", name}, {"modified", now_iso()}});
  a.commit();
}

void set_dictionary_code(Project& p, Id dict, std::optional<Id> code) {
  const Dictionary d = by_id(p, dict);
  if (code) p.code(*code);
  if (d.code == code) return;
  auto a = p.begin_action("Set the code of dictionary " + d.name);
  a.update("dictionaries", dict,
           {{"code_id", code ? nlohmann::json(*code) : nlohmann::json(nullptr)}, {"modified", now_iso()}});
  a.commit();
}

void delete_dictionary(Project& p, Id dict) {
  const Dictionary d = by_id(p, dict);
  auto a = p.begin_action("Delete dictionary " + d.name);
  for (const auto& t : d.terms) a.remove("dictionary_terms", t.id);
  a.remove("dictionaries", dict);
  a.commit();
}

std::vector<Id> add_dictionary_terms(Project& p, Id dict, const std::vector<DictionaryTerm>& terms) {
  const Dictionary d = by_id(p, dict);
  if (terms.empty()) throw ValidationError("no term to add");
  std::vector<DictionaryTerm> clean;
  for (const auto& t : terms) {
    DictionaryTerm c = t;
    c.term = trim(t.term);
    c.language = trim(t.language);
    term_kind(c.term);
    require_text(c.language, "the term's language");
    if (c.syn < 0) throw ValidationError("a synonym group is a number from 0 (none) up");
    const bool taken =
        std::any_of(d.terms.begin(), d.terms.end(),
                    [&](const DictionaryTerm& x) { return x.term == c.term && x.language == c.language; }) ||
        std::any_of(clean.begin(), clean.end(),
                    [&](const DictionaryTerm& x) { return x.term == c.term && x.language == c.language; });
    if (taken) throw ValidationError("dictionary " + d.name + " has the term " + c.term + " already");
    clean.push_back(std::move(c));
  }
  auto a = p.begin_action("Add " + std::to_string(clean.size()) + (clean.size() == 1 ? " term" : " terms") +
                          " to dictionary " + d.name);
  std::vector<Id> out;
  for (const auto& t : clean)
    out.push_back(a.insert("dictionary_terms",
                           {{"dictionary_id", dict}, {"term", t.term}, {"language", t.language}, {"syn", t.syn}}));
  a.update("dictionaries", dict, {{"modified", now_iso()}});
  a.commit();
  return out;
}

int64_t remove_dictionary_terms(Project& p, Id dict, const std::vector<std::string>& terms,
                                const std::string& language) {
  const Dictionary d = by_id(p, dict);
  std::vector<Id> gone;
  for (const auto& want : terms) {
    const std::string w = trim(want);
    bool found = false;
    for (const auto& t : d.terms)
      if (t.term == w && (language.empty() || t.language == language)) {
        gone.push_back(t.id);
        found = true;
      }
    if (!found) throw NotFound("dictionary " + d.name + " has no term " + w);
  }
  std::sort(gone.begin(), gone.end());
  gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
  auto a = p.begin_action("Remove " + std::to_string(gone.size()) + (gone.size() == 1 ? " term" : " terms") +
                          " from dictionary " + d.name);
  for (Id t : gone) a.remove("dictionary_terms", t);
  a.update("dictionaries", dict, {{"modified", now_iso()}});
  a.commit();
  return static_cast<int64_t>(gone.size());
}

void remove_code_dictionaries(Project& p, ActionScope& a, Id code) {
  for (Id d : ids(p, "SELECT id FROM dictionaries WHERE code_id=? ORDER BY id", code))
    a.update("dictionaries", d, {{"code_id", nullptr}});
}

void move_code_dictionaries(Project& p, ActionScope& a, Id from, Id into) {
  for (Id d : ids(p, "SELECT id FROM dictionaries WHERE code_id=? ORDER BY id", from))
    a.update("dictionaries", d, {{"code_id", into}});
}

std::vector<std::string> check_dictionaries(const Project& p) {
  std::vector<std::string> out;
  SQLite::Statement t(p.db(),
                      "SELECT t.id, t.dictionary_id FROM dictionary_terms t LEFT JOIN dictionaries d ON "
                      "d.id=t.dictionary_id WHERE d.id IS NULL ORDER BY t.id LIMIT 20");
  while (t.executeStep())
    out.push_back("dictionary term #" + std::to_string(t.getColumn(0).getInt64()) + " belongs to dictionary #" +
                  std::to_string(t.getColumn(1).getInt64()) + ", which does not exist");
  SQLite::Statement c(p.db(),
                      "SELECT d.name, d.code_id FROM dictionaries d LEFT JOIN codes c ON c.id=d.code_id WHERE "
                      "d.code_id IS NOT NULL AND c.id IS NULL ORDER BY d.id LIMIT 20");
  while (c.executeStep())
    out.push_back("dictionary '" + c.getColumn(0).getString() + "' is for code #" +
                  std::to_string(c.getColumn(1).getInt64()) + ", which does not exist");
  return out;
}

}  // namespace telaah::store
