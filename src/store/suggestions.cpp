// Rejected suggestions and batches of suggestion decisions (see suggestions.h).
#include "store/suggestions.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "store/util.h"

namespace telaah::store {

namespace {

Rejection read_rejection(SQLite::Statement& q) {
  Rejection r;
  r.id = q.getColumn(0).getInt64();
  r.code = q.getColumn(1).getInt64();
  r.doc = q.getColumn(2).getInt64();
  r.start = q.getColumn(3).getInt64();
  r.end = q.getColumn(4).getInt64();
  r.coder = q.getColumn(5).getString();
  r.created = q.getColumn(6).getString();
  return r;
}

const char* kCols = "SELECT id, code_id, doc_id, start, end, coder, created FROM suggestion_rejections";

}  // namespace

std::vector<Rejection> suggestion_rejections(const Project& p, const std::vector<Id>& codes) {
  std::vector<Rejection> out;
  SQLite::Statement q(p.db(), std::string(kCols) + " ORDER BY doc_id, start, end, id");
  std::set<Id> want(codes.begin(), codes.end());
  while (q.executeStep()) {
    Rejection r = read_rejection(q);
    if (want.empty() || want.count(r.code)) out.push_back(std::move(r));
  }
  return out;
}

bool suggestions_enabled(const Project& p) {
  std::string v = p.setting(kSuggestionsEnabledKey, "true");
  for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return !(v == "false" || v == "off" || v == "no" || v == "0");
}

std::string suggestions_coder(const Project& p) {
  std::string v = p.setting(kSuggestionsCoderKey, "");
  return is_blank(v) ? std::string(kDefaultSuggestionsCoder) : v;
}

int64_t suggestion_coding_count(const Project& p) {
  auto coder = p.find_coder(suggestions_coder(p));
  if (!coder) return 0;
  CodingFilter f;
  f.coder = *coder;
  int64_t n = 0;
  p.for_each_coding(f, [&](const Coding&) { ++n; });
  return n;
}

DecisionResult apply_suggestion_decisions(Project& p, Id code, const std::vector<SuggestionDecision>& decisions) {
  if (!suggestions_enabled(p))
    throw UserError(
        "suggestions are switched off in this project (setting suggestions.enabled); "
        "switch them on with: telaah settings FILE suggestions.enabled true");
  DecisionResult res;
  if (decisions.empty()) return res;
  const std::string code_path = p.code_path(code);  // throws NotFound
  // Check everything first: a bad span changes nothing.
  for (const auto& d : decisions) {
    const Document doc = p.document(d.doc);  // throws NotFound (deleted or absent)
    if (d.start < 0 || d.end > doc.length_cp || d.end <= d.start)
      throw ValidationError("suggestion " + std::to_string(d.doc) + ":" + std::to_string(d.start) + "-" +
                            std::to_string(d.end) + " is outside document #" + std::to_string(d.doc) + " '" +
                            doc.title + "' (it has " + std::to_string(doc.length_cp) + " characters)");
    if (d.code != code) p.code_path(d.code);
  }
  int64_t accepted = 0, rejected = 0;
  for (const auto& d : decisions) (d.kind == SuggestionDecision::Kind::accept ? accepted : rejected) += 1;
  const std::string label = "Suggestions for " + code_path + ": " + std::to_string(accepted) + " accepted, " +
                            std::to_string(rejected) + " rejected";
  auto a = p.begin_action(label);
  const std::string coder_name = suggestions_coder(p);
  std::vector<Coding> cs;
  std::set<std::tuple<Id, Id, int64_t, int64_t>> seen;
  for (const auto& d : decisions) {
    const Id with = d.code ? d.code : code;
    if (!seen.insert({with * 2 + (d.kind == SuggestionDecision::Kind::reject), d.doc, d.start, d.end}).second) {
      ++res.skipped;
      continue;
    }
    if (d.kind == SuggestionDecision::Kind::accept) {
      bool have = false;
      CodingFilter f;
      f.doc = d.doc;
      f.codes = {with};
      p.for_each_coding(f, [&](const Coding& c) { have = have || (c.start == d.start && c.end == d.end); });
      if (have) {
        ++res.skipped;
        continue;
      }
      Coding c;
      c.doc = d.doc;
      c.code = with;
      c.start = d.start;
      c.end = d.end;
      c.origin = kSuggestionOrigin;
      cs.push_back(std::move(c));
    } else {
      SQLite::Statement q(p.db(),
                          "SELECT id FROM suggestion_rejections WHERE code_id=? AND doc_id=? AND start=? AND end=?");
      q.bind(1, with);
      q.bind(2, d.doc);
      q.bind(3, d.start);
      q.bind(4, d.end);
      if (q.executeStep()) {
        ++res.skipped;
        continue;
      }
      res.rejections.push_back(a.insert("suggestion_rejections", {{"code_id", with},
                                                                  {"doc_id", d.doc},
                                                                  {"start", d.start},
                                                                  {"end", d.end},
                                                                  {"coder", p.coder()},
                                                                  {"created", now_iso()}}));
    }
  }
  if (!cs.empty()) {
    const Id coder = p.ensure_coder(coder_name);
    for (auto& c : cs) c.coder = coder;
    res.codings = p.add_codings(cs, label);
  }
  if (res.codings.empty() && res.rejections.empty()) return res;  // nothing to record: the action rolls back
  res.revision = a.commit();
  return res;
}

void remove_code_rejections(Project& p, ActionScope& a, Id code) {
  for (const auto& r : suggestion_rejections(p, {code})) a.remove("suggestion_rejections", r.id);
}

void move_code_rejections(Project& p, ActionScope& a, Id from, Id into) {
  std::set<std::tuple<Id, int64_t, int64_t>> have;
  for (const auto& r : suggestion_rejections(p, {into})) have.insert({r.doc, r.start, r.end});
  for (const auto& r : suggestion_rejections(p, {from})) {
    if (have.count({r.doc, r.start, r.end}))
      a.remove("suggestion_rejections", r.id);
    else
      a.update("suggestion_rejections", r.id, {{"code_id", into}});
  }
}

std::vector<std::string> check_rejections(const Project& p) {
  // Missing codes and documents are caught by PRAGMA foreign_key_check; here: spans outside their document.
  std::vector<std::string> out;
  SQLite::Statement q(p.db(),
                      "SELECT r.id, r.doc_id, r.start, r.end FROM suggestion_rejections r "
                      "JOIN documents d ON d.id=r.doc_id WHERE r.end > d.length_cp ORDER BY r.id");
  while (q.executeStep())
    out.push_back("rejected suggestion #" + std::to_string(q.getColumn(0).getInt64()) + " (" +
                  std::to_string(q.getColumn(2).getInt64()) + ".." + std::to_string(q.getColumn(3).getInt64()) +
                  ") lies outside document #" + std::to_string(q.getColumn(1).getInt64()));
  return out;
}

}  // namespace telaah::store
