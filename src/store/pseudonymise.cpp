// Replacing names by roles as one undoable action (see pseudonymise.h).
#include "store/pseudonymise.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "store/project.h"
#include "text/structure.h"
#include "text/utf8.h"

using nlohmann::json;

namespace telaah::store {
namespace {

std::u32string decode(std::string_view s, bool fold) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c = text::decode_next(s, i);
    out += fold ? static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)) : c;
  }
  return out;
}

// Rewrites a short field (title, memo, speaker); returns the number of names replaced.
int rewrite_field(std::string& s, const std::vector<Replacement>& repl, bool ignore_case) {
  if (s.empty()) return 0;
  Rewrite r = rewrite_names(s, repl, ignore_case);
  if (r.edits.empty()) return 0;
  s = std::move(r.text);
  return static_cast<int>(r.edits.size());
}

}  // namespace

Replacement parse_replacement(const std::string& spec) {
  auto eq = spec.find('=');
  if (eq == std::string::npos || spec.find('=', eq + 1) != std::string::npos)
    throw ValidationError(
        "'" + spec + "' is not NAME=ROLE (one '=' between the name and the role, e.g. \"Budi Santoso=Informant B\")");
  Replacement r{spec.substr(0, eq), spec.substr(eq + 1)};
  auto trim = [](std::string& x) {
    while (!x.empty() && (x.back() == ' ' || x.back() == '\t')) x.pop_back();
    size_t i = 0;
    while (i < x.size() && (x[i] == ' ' || x[i] == '\t')) ++i;
    x.erase(0, i);
  };
  trim(r.name);
  trim(r.role);
  return r;
}

int64_t Rewrite::map(int64_t p, bool end) const {
  // The first edit that ends after p (an end at e.end is past the name).
  auto it = std::upper_bound(edits.begin(), edits.end(), p, [](int64_t v, const NameEdit& e) { return v < e.end; });
  size_t i = static_cast<size_t>(it - edits.begin());
  const int64_t shift = shift_before_.empty() ? 0 : shift_before_[i];
  if (it == edits.end() || p <= it->start) return p + shift;
  return it->start + shift + (end ? it->role_len : 0);  // inside a name: widen to the role
}

int64_t Rewrite::map_start(int64_t p) const {
  return map(p, false);
}
int64_t Rewrite::map_end(int64_t p) const {
  return map(p, true);
}

Rewrite rewrite_names(std::string_view body, const std::vector<Replacement>& repl, bool ignore_case) {
  struct Pattern {
    std::u32string cps;
    size_t which;
    int64_t role_len;
    bool word_start, word_end;
  };
  std::vector<Pattern> pats;
  for (size_t k = 0; k < repl.size(); ++k) {
    Pattern pt{decode(repl[k].name, ignore_case), k, static_cast<int64_t>(text::count_code_points(repl[k].role)), false,
               false};
    if (pt.cps.empty()) continue;
    pt.word_start = text::is_word_char(pt.cps.front());
    pt.word_end = text::is_word_char(pt.cps.back());
    pats.push_back(std::move(pt));
  }
  // Longest first, so "Budi Santoso" wins over "Budi" at the same place.
  std::stable_sort(pats.begin(), pats.end(),
                   [](const Pattern& a, const Pattern& b) { return a.cps.size() > b.cps.size(); });

  const std::u32string raw = decode(body, false);
  const std::u32string cmp = ignore_case ? decode(body, true) : raw;
  Rewrite out;
  out.text.reserve(body.size());
  const size_t n = raw.size();
  for (size_t i = 0; i < n;) {
    const Pattern* hit = nullptr;
    const bool after_word = i > 0 && text::is_word_char(raw[i - 1]);
    for (const auto& pt : pats) {
      if (pt.word_start && after_word) continue;
      if (i + pt.cps.size() > n || cmp.compare(i, pt.cps.size(), pt.cps) != 0) continue;
      size_t j = i + pt.cps.size();
      if (pt.word_end && j < n && text::is_word_char(raw[j])) continue;
      hit = &pt;
      break;
    }
    if (!hit) {
      text::append_utf8(out.text, raw[i]);
      ++i;
      continue;
    }
    out.text += repl[hit->which].role;
    out.edits.push_back(
        {static_cast<int64_t>(i), static_cast<int64_t>(i + hit->cps.size()), hit->role_len, hit->which});
    i += hit->cps.size();
  }
  out.shift_before_.assign(out.edits.size() + 1, 0);
  for (size_t k = 0; k < out.edits.size(); ++k)
    out.shift_before_[k + 1] = out.shift_before_[k] + out.edits[k].role_len - (out.edits[k].end - out.edits[k].start);
  return out;
}

PseudonymiseReport pseudonymise(Project& p, const std::vector<Replacement>& in, const PseudonymiseOptions& opt) {
  if (in.empty()) throw ValidationError("give at least one NAME=ROLE replacement");
  std::vector<Replacement> repl;
  std::set<std::string> names;
  for (const auto& r : in) {
    text::require_valid_utf8(r.name, "the name '" + r.name + "'");
    text::require_valid_utf8(r.role, "the role for '" + r.name + "'");
    if (r.name.empty()) throw ValidationError("a replacement has an empty name (use NAME=ROLE)");
    if (r.role.empty())
      throw ValidationError("give a role for '" + r.name + "' (NAME=ROLE, e.g. \"" + r.name + "=Informant A\")");
    if (r.name.find('\n') != std::string::npos || r.role.find('\n') != std::string::npos)
      throw ValidationError("names and roles are single lines ('" + r.name + "')");
    Replacement n{text::to_nfc(r.name), text::to_nfc(r.role)};
    std::string key = n.name;
    if (opt.ignore_case) {
      key.clear();
      for (char32_t c : decode(n.name, true)) text::append_utf8(key, c);
    }
    if (!names.insert(key).second) throw ValidationError("the name '" + r.name + "' is given twice");
    repl.push_back(std::move(n));
  }

  std::vector<std::pair<Id, bool>> targets;  // id, deleted
  if (opt.docs.empty()) {
    SQLite::Statement q(p.db(), "SELECT id, deleted FROM documents ORDER BY id");
    while (q.executeStep()) targets.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0});
  } else {
    for (Id id : opt.docs) {
      p.document(id);  // NotFound for a wrong number
      targets.push_back({id, false});
    }
  }

  PseudonymiseReport report;
  const std::string now = now_iso();
  auto action = p.begin_action("Pseudonymise");
  for (auto [id, deleted] : targets) {
    std::string title, body;
    {
      SQLite::Statement q(p.db(), "SELECT title, text FROM documents WHERE id=?");
      q.bind(1, id);
      if (!q.executeStep()) continue;
      title = q.getColumn(0).getString();
      body = q.getColumn(1).getString();
    }
    PseudonymiseDocReport dr;
    dr.id = id;
    dr.title = title;
    dr.deleted = deleted;
    Rewrite rw = rewrite_names(body, repl, opt.ignore_case);
    for (const auto& e : rw.edits) ++dr.hits[repl[e.which].name];
    if (!rw.edits.empty() && !text::is_nfc(rw.text))
      throw ValidationError(
          "replacing names in '" + title +
          "' would leave text that is not in Unicode normal form; check the roles' first and last characters");

    json doc_cols = json::object();
    if (!rw.edits.empty()) {
      doc_cols["text"] = rw.text;
      doc_cols["length_cp"] = static_cast<int64_t>(text::count_code_points(rw.text));
    }
    std::string new_title = title;
    dr.other_hits += rewrite_field(new_title, repl, opt.ignore_case);
    if (new_title != title) doc_cols["title"] = new_title;

    // Rows that point into the text, and short fields that may hold names.
    struct RowEdit {
      const char* table;
      Id id;
      json cols;
    };
    std::vector<RowEdit> edits;
    {
      SQLite::Statement q(p.db(), "SELECT id, start, end, speaker FROM blocks WHERE doc_id=?");
      q.bind(1, id);
      while (q.executeStep()) {
        const int64_t s = q.getColumn(1).getInt64(), e = q.getColumn(2).getInt64();
        std::string speaker = q.getColumn(3).getString();
        json cols = json::object();
        int64_t ns = rw.map_start(s), ne = std::max(ns, rw.map_end(e));
        if (ns != s) cols["start"] = ns;
        if (ne != e) cols["end"] = ne;
        int h = rewrite_field(speaker, repl, opt.ignore_case);
        if (h) {
          cols["speaker"] = speaker;
          dr.other_hits += h;
        }
        if (!cols.empty()) edits.push_back({"blocks", q.getColumn(0).getInt64(), cols});
      }
    }
    {
      SQLite::Statement q(p.db(), "SELECT id, start FROM pages WHERE doc_id=?");
      q.bind(1, id);
      while (q.executeStep()) {
        const int64_t s = q.getColumn(1).getInt64();
        if (int64_t ns = rw.map_start(s); ns != s)
          edits.push_back({"pages", q.getColumn(0).getInt64(), {{"start", ns}}});
      }
    }
    {
      SQLite::Statement q(p.db(), "SELECT id, start, end, memo FROM codings WHERE doc_id=?");
      q.bind(1, id);
      while (q.executeStep()) {
        const int64_t s = q.getColumn(1).getInt64(), e = q.getColumn(2).getInt64();
        std::string memo = q.getColumn(3).getString();
        json cols = json::object();
        int64_t ns = rw.map_start(s), ne = rw.map_end(e);
        if (ns != s) cols["start"] = ns;
        if (ne != e) cols["end"] = ne;
        if (ns != s || ne != e) ++dr.codings_shifted;
        int h = rewrite_field(memo, repl, opt.ignore_case);
        if (h) {
          cols["memo"] = memo;
          dr.other_hits += h;
        }
        if (!cols.empty()) edits.push_back({"codings", q.getColumn(0).getInt64(), cols});
      }
    }
    {
      // Parts of the document in cases move with the text, like codings.
      SQLite::Statement q(p.db(), "SELECT id, start, end FROM case_members WHERE doc_id=? AND start IS NOT NULL");
      q.bind(1, id);
      while (q.executeStep()) {
        const int64_t s = q.getColumn(1).getInt64(), e = q.getColumn(2).getInt64();
        const int64_t ns = rw.map_start(s), ne = std::max(ns + 1, rw.map_end(e));
        if (ns != s || ne != e)
          edits.push_back({"case_members", q.getColumn(0).getInt64(), {{"start", ns}, {"end", ne}}});
      }
    }
    {
      SQLite::Statement q(p.db(), "SELECT id, value FROM attributes WHERE doc_id=?");
      q.bind(1, id);
      while (q.executeStep()) {
        std::string v = q.getColumn(1).getString();
        if (int h = rewrite_field(v, repl, opt.ignore_case)) {
          dr.other_hits += h;
          edits.push_back({"attributes", q.getColumn(0).getInt64(), {{"value", v}}});
        }
      }
    }
    {
      SQLite::Statement q(p.db(), "SELECT id, title, body FROM memos WHERE kind='document' AND target_id=?");
      q.bind(1, id);
      while (q.executeStep()) {
        std::string t = q.getColumn(1).getString(), b = q.getColumn(2).getString();
        int h = rewrite_field(t, repl, opt.ignore_case) + rewrite_field(b, repl, opt.ignore_case);
        if (h) {
          dr.other_hits += h;
          edits.push_back({"memos", q.getColumn(0).getInt64(), {{"title", t}, {"body", b}, {"modified", now}}});
        }
      }
    }
    int total = dr.other_hits;
    for (const auto& [name, k] : dr.hits) total += k;
    if (total == 0) continue;
    report.total += total;
    report.docs.push_back(dr);
    if (opt.dry_run) continue;
    if (!doc_cols.empty()) {
      doc_cols["modified"] = now;
      action.update("documents", id, doc_cols);
    }
    for (const auto& e : edits) action.update(e.table, e.id, e.cols);
    action.touch_doc(id);
  }
  if (opt.dry_run || report.total == 0) return report;  // the scope rolls back: nothing written
  std::string label = "Pseudonymise " + std::to_string(repl.size()) + (repl.size() == 1 ? " name" : " names") + " in " +
                      std::to_string(report.docs.size()) + (report.docs.size() == 1 ? " document" : " documents");
  action.set_label(label);
  report.revision = action.commit();
  return report;
}

}  // namespace telaah::store
