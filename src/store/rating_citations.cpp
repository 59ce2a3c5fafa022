// A rating's justification citing summary cells (see rating_citations.h).
#include "store/rating_citations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "store/errors.h"
#include "store/util.h"

namespace telaah::store {

namespace {

// The rating of `code`: its row id and justification.
std::optional<std::pair<Id, std::string>> rating_of(const Project& p, Id code) {
  SQLite::Statement q(p.db(), "SELECT id, justification FROM evaluations WHERE code_id=?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return std::make_pair(q.getColumn(0).getInt64(), q.getColumn(1).getString());
}

// summary id -> its citation row, for the rating of `code`.
std::map<Id, Id> rows_of(const Project& p, Id code) {
  SQLite::Statement q(p.db(), "SELECT summary_id, id FROM rating_citations WHERE code_id=?");
  q.bind(1, code);
  std::map<Id, Id> out;
  while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
  return out;
}

bool summary_exists(const Project& p, Id summary) {
  return !ids_of(p, "SELECT id FROM summaries WHERE id=?", summary).empty();
}

std::string replace_all(std::string s, const std::string& what, const std::string& with) {
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + with.size()))
    s.replace(i, what.size(), with);
  return s;
}

}  // namespace

std::string summary_marker(Id summary) {
  return "[S#" + std::to_string(summary) + "]";
}

std::vector<Id> summary_markers(const std::string& text) {
  std::vector<Id> out;
  for (size_t i = text.find("[S#"); i != std::string::npos; i = text.find("[S#", i + 1)) {
    size_t j = i + 3;
    while (j < text.size() && j - i < 21 && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i + 3 || j >= text.size() || text[j] != ']') continue;
    const Id id = std::stoll(text.substr(i + 3, j - i - 3));
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

std::vector<RatingCitation> rating_citations(const Project& p, Id code) {
  const auto r = rating_of(p, code);
  if (!r) return {};
  const auto rows = rows_of(p, code);
  std::vector<RatingCitation> out;
  for (Id s : summary_markers(r->second)) out.push_back({s, rows.count(s) > 0});
  return out;
}

void check_rating_markers(const Project& p, Id code, const std::string& before, const std::string& after) {
  const auto held = summary_markers(before);
  const auto rows = rows_of(p, code);
  for (Id s : summary_markers(after)) {
    if (rows.count(s) || std::find(held.begin(), held.end(), s) != held.end()) continue;
    if (!summary_exists(p, s))
      throw ValidationError("the justification cites summary cell " + summary_marker(s) +
                            ", which is not in this project");
  }
}

void sync_rating_citations(Project& p, ActionScope& a, Id code, const std::string& before, const std::string& after) {
  check_rating_markers(p, code, before, after);
  const auto held = summary_markers(before);
  const auto want = summary_markers(after);
  const auto rows = rows_of(p, code);
  for (const auto& [s, r] : rows)
    if (std::find(want.begin(), want.end(), s) == want.end()) a.remove("rating_citations", r);
  for (Id s : want) {
    if (rows.count(s) || std::find(held.begin(), held.end(), s) != held.end()) continue;  // broken stays broken
    a.insert("rating_citations", {{"code_id", code}, {"summary_id", s}});
  }
}

void remove_rating_citations(Project& p, ActionScope& a, Id code) {
  for (Id r : ids_of(p, "SELECT id FROM rating_citations WHERE code_id=? ORDER BY id", code))
    a.remove("rating_citations", r);
}

void remove_summary_from_ratings(Project& p, ActionScope& a, Id summary) {
  for (Id r : ids_of(p, "SELECT id FROM rating_citations WHERE summary_id=? ORDER BY id", summary))
    a.remove("rating_citations", r);
}

void retarget_rating_citations(Project& p, ActionScope& a, Id from, Id into) {
  for (Id r : ids_of(p, "SELECT id FROM rating_citations WHERE summary_id=? ORDER BY id", from)) {
    const Id code = p.db().execAndGet("SELECT code_id FROM rating_citations WHERE id=" + std::to_string(r)).getInt64();
    if (auto e = rating_of(p, code)) {
      const std::string text = replace_all(e->second, summary_marker(from), summary_marker(into));
      if (text != e->second) a.update("evaluations", e->first, {{"justification", text}});
    }
    if (rows_of(p, code).count(into))
      a.remove("rating_citations", r);
    else
      a.update("rating_citations", r, {{"summary_id", into}});
  }
}

void move_rating_citations(Project& p, ActionScope& a, Id from, Id into) {
  const bool into_rated = rating_of(p, into).has_value();
  for (Id r : ids_of(p, "SELECT id FROM rating_citations WHERE code_id=? ORDER BY id", from)) {
    if (into_rated)
      a.remove("rating_citations", r);
    else
      a.update("rating_citations", r, {{"code_id", into}});
  }
}

void check_rating_citations(const Project& p, std::vector<std::string>& problems) {
  SQLite::Statement q(p.db(),
                      "SELECT r.code_id, r.summary_id, e.justification FROM rating_citations r LEFT JOIN evaluations "
                      "e ON e.code_id=r.code_id ORDER BY r.id");
  while (q.executeStep()) {
    const Id code = q.getColumn(0).getInt64(), s = q.getColumn(1).getInt64();
    const std::string who = "the rating of code #" + std::to_string(code);
    if (q.getColumn(2).isNull()) {
      problems.push_back("a citation of summary cell " + summary_marker(s) + " belongs to code #" +
                         std::to_string(code) + ", which has no rating");
      continue;
    }
    const auto markers = summary_markers(q.getColumn(2).getString());
    if (std::find(markers.begin(), markers.end(), s) == markers.end())
      problems.push_back(who + " keeps a citation of summary cell " + summary_marker(s) +
                         " that its justification no longer names");
  }
}

}  // namespace telaah::store
