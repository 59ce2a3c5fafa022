// telaah dictionaries: content-analysis dictionaries (store/dictionaries.h):
// made, listed, removed, their terms added and removed, counted per document
// or time slice, and used for auto-coding through a review list.
#include <iomanip>
#include <iostream>
#include <map>
#include <set>

#include "analysis/timeline.h"
#include "cli/cli.h"
#include "cli/index_errors.h"
#include "index/autocode.h"
#include "index/content.h"
#include "index/search.h"
#include "index/sync.h"
#include "store/dictionaries.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, action = "ls", code, memo, lang, by = "doc", scope = "hit", stance = "neutral", apply;
  std::vector<std::string> args;
  int64_t syn = 0;
};

nlohmann::json dict_json(const store::Project& p, const store::Dictionary& d) {
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : d.terms) terms.push_back({{"term", t.term}, {"language", t.language}, {"syn", t.syn}});
  return {{"id", d.id},
          {"name", d.name},
          {"code", d.code ? nlohmann::json(p.code_path(*d.code)) : nlohmann::json(nullptr)},
          {"memo", d.memo},
          {"terms", terms}};
}

std::unique_ptr<index::Index> open_current_index(const std::string& project) {
  auto idx = index::Index::open(project);
  try {
    idx->ensure_current();
  } catch (const index::IndexBusy& e) {
    if (!idx->ready()) throw;
    std::cerr << e.what() << "; reading the index as it is\n";
  }
  return idx;
}

std::vector<size_t> pick_list(const std::string& s, size_t n) {
  std::vector<size_t> out;
  if (s == "all") {
    for (size_t i = 0; i < n; ++i) out.push_back(i);
    return out;
  }
  std::set<size_t> seen;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    const std::string item = s.substr(i, j - i);
    const int64_t k = parse_int("--apply", item);
    if (k < 1 || static_cast<size_t>(k) > n)
      throw UserError("--apply: line " + item + " is not in the review list (1 to " + std::to_string(n) + ")");
    if (seen.insert(static_cast<size_t>(k - 1)).second) out.push_back(static_cast<size_t>(k - 1));
    i = j + 1;
  }
  return out;
}

const char* kUsage =
    "usage: telaah dictionaries P add NAME [--code C] [--memo M] | ls | rm NAME | terms NAME [add|rm TERM...] "
    "[--lang L] [--syn N] | count NAME [--by doc|year|quarter|month] | code NAME [--code C] [--apply all|1,3,...]";

Registrar reg(64, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("dictionaries",
                                 "Content-analysis dictionaries: add NAME, ls, rm NAME, terms NAME [add|rm TERM...], "
                                 "count NAME [--by doc|year|quarter|month], code NAME [--apply all|1,3,...]");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("action", a->action, "add, ls (default), rm, terms, count or code")
      ->check(CLI::IsMember({"add", "ls", "rm", "terms", "count", "code"}));
  cmd->add_option("args", a->args, "the dictionary's name, then (terms) add|rm and the terms");
  cmd->add_option("--code", a->code, "add: the indicator the dictionary is for; code: the code to apply");
  cmd->add_option("--memo", a->memo, "add: a memo");
  cmd->add_option("--lang", a->lang, "terms add: the terms' language (id, en; default any)");
  cmd->add_option("--syn", a->syn, "terms add: a synonym group (terms sharing a nonzero group are one concept)");
  cmd->add_option("--by", a->by, "count: per doc (default), year, quarter or month")
      ->check(CLI::IsMember({"doc", "year", "quarter", "month"}));
  cmd->add_option("--scope", a->scope, "code: hit (default), sentence, paragraph or document");
  cmd->add_option("--stance", a->stance, "code: supports, contradicts or neutral (default)");
  cmd->add_option("--apply", a->apply,
                  "code: the review list's lines to code, 'all' or numbers (1,3,5); without it the list is shown");
  cmd->footer(
      "Terms: a word matches that form only; a \"phrase\" (quote it for the shell: '\"kerja sama\"') those words "
      "in a row; word* every word that begins so. A term with --lang counts only in documents of that language. "
      "Terms sharing a nonzero --syn group are one concept: count shows one column per concept, and a place "
      "matched by two of its terms counts once. The dictionary as a search query is its terms ORed (shown by "
      "'terms NAME'). 'code' lists every place the dictionary finds (the review list, numbered); --apply codes "
      "the lines chosen as ONE undoable action (origin 'search: dictionary NAME'); places already coded are "
      "skipped. Counting per year, quarter or month uses the document's date (undated and less precise dates "
      "apart, as in telaah timeline).");
  cmd->callback(index_errors_as_user_errors(a->project, [a, &ctx] {
    auto name = [&](size_t min_args) {
      if (a->args.size() < min_args) throw UserError(kUsage);
      return a->args[0];
    };
    if (a->action == "add") {
      if (a->args.size() != 1) throw UserError(kUsage);
      auto p = open_project(a->project);
      std::optional<store::Id> code;
      if (!a->code.empty()) code = p->resolve_code(a->code);
      const store::Id id = store::create_dictionary(*p, a->args[0], code, a->memo);
      if (ctx.json) return print_json({{"id", id}});
      std::cout << "dictionary " << a->args[0] << " created (#" << id << ")\n";
      return;
    }
    if (a->action == "ls") {
      if (!a->args.empty()) throw UserError(kUsage);
      auto p = open_for_reading(a->project);
      const auto all = store::dictionaries(*p);
      if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& d : all) out.push_back(dict_json(*p, d));
        return print_json(out);
      }
      for (const auto& d : all)
        std::cout << d.name << "  " << d.terms.size() << " terms" << (d.code ? "  for " + p->code_path(*d.code) : "")
                  << "\n";
      if (all.empty()) std::cout << "no dictionaries\n";
      return;
    }
    if (a->action == "rm") {
      if (a->args.size() != 1) throw UserError(kUsage);
      auto p = open_project(a->project);
      store::delete_dictionary(*p, store::dictionary(*p, a->args[0]).id);
      std::cout << "dictionary " << a->args[0] << " deleted\n";
      return;
    }
    if (a->action == "terms") {
      const std::string n = name(1);
      if (a->args.size() > 1) {
        const std::string verb = a->args[1];
        if ((verb != "add" && verb != "rm") || a->args.size() < 3) throw UserError(kUsage);
        auto p = open_project(a->project);
        const auto d = store::dictionary(*p, n);
        std::vector<std::string> terms(a->args.begin() + 2, a->args.end());
        if (verb == "add") {
          std::vector<store::DictionaryTerm> add;
          for (const auto& t : terms) add.push_back({0, t, a->lang, a->syn});
          store::add_dictionary_terms(*p, d.id, add);
          std::cout << terms.size() << (terms.size() == 1 ? " term" : " terms") << " added to " << d.name << "\n";
        } else {
          const auto k = store::remove_dictionary_terms(*p, d.id, terms, a->lang);
          std::cout << k << (k == 1 ? " term" : " terms") << " removed from " << d.name << "\n";
        }
        return;
      }
      auto p = open_for_reading(a->project);
      const auto d = store::dictionary(*p, n);
      if (ctx.json) {
        auto j = dict_json(*p, d);
        j["query"] = d.terms.empty() ? "" : index::dictionary_query(d);
        return print_json(j);
      }
      for (const auto& t : d.terms)
        std::cout << t.term << (t.language.empty() ? "" : "  [" + t.language + "]")
                  << (t.syn ? "  syn " + std::to_string(t.syn) : "") << "\n";
      if (!d.terms.empty()) std::cout << "query: " << index::dictionary_query(d) << "\n";
      return;
    }
    if (a->action == "count") {
      const std::string n = name(1);
      if (a->args.size() != 1) throw UserError(kUsage);
      auto p = open_for_reading(a->project);
      const auto d = store::dictionary(*p, n);
      auto idx = open_current_index(a->project);
      const auto concepts = index::dictionary_concepts(d);
      const auto per_doc = index::count_dictionary(*idx, d);
      struct Row {
        std::string label, title;
        std::vector<int64_t> counts;
        int64_t total = 0, docs = 0;
      };
      std::vector<Row> rows;
      if (a->by == "doc") {
        for (const auto& c : per_doc) rows.push_back({"#" + std::to_string(c.doc), c.title, c.counts, c.total, 1});
      } else {
        const auto bin = analysis::time_bin_from(a->by);
        std::map<std::string, Row> bins;
        for (const auto& c : per_doc) {
          std::string l = analysis::bin_of(c.date, bin);
          if (l.empty()) l = c.date.empty() ? "undated" : "imprecise";
          auto& r = bins[l];
          r.label = l;
          r.counts.resize(concepts.size());
          for (size_t i = 0; i < concepts.size(); ++i) r.counts[i] += c.counts[i];
          r.total += c.total;
          ++r.docs;
        }
        for (auto& [l, r] : bins) rows.push_back(std::move(r));
      }
      if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : rows)
          out.push_back({{a->by == "doc" ? "document" : "bin", r.label},
                         {"title", r.title},
                         {"counts", r.counts},
                         {"total", r.total},
                         {"documents", r.docs}});
        return print_json({{"dictionary", d.name}, {"concepts", concepts}, {"by", a->by}, {"rows", out}});
      }
      std::cout << std::left << std::setw(12) << (a->by == "doc" ? "document" : a->by);
      for (const auto& c : concepts) std::cout << "  " << c;
      std::cout << "  total\n";
      for (const auto& r : rows) {
        std::cout << std::left << std::setw(12) << r.label;
        for (size_t i = 0; i < concepts.size(); ++i)
          std::cout << "  " << std::setw(static_cast<int>(text::count_code_points(concepts[i]))) << r.counts[i];
        std::cout << "  " << r.total
                  << (a->by == "doc" ? "  " + r.title
                                     : "  (" + std::to_string(r.docs) + (r.docs == 1 ? " doc)" : " docs)"))
                  << "\n";
      }
      return;
    }
    // code: the review list, then the lines chosen as one action.
    const std::string n = name(1);
    if (a->args.size() != 1) throw UserError(kUsage);
    const index::Scope scope = index::scope_from_string(a->scope);
    const store::Stance stance = store::stance_from_string(a->stance);
    auto p = a->apply.empty() ? open_for_reading(a->project) : open_project(a->project);
    const auto d = store::dictionary(*p, n);
    store::Id code = 0;
    if (!a->code.empty())
      code = p->resolve_code(a->code);
    else if (d.code)
      code = *d.code;
    else
      throw UserError("dictionary " + d.name + " is for no code: give --code");
    auto idx = open_current_index(a->project);
    const auto plan = index::autocode_plan(*idx, index::dictionary_query(d), scope, code);
    if (a->apply.empty()) {
      if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (size_t i = 0; i < plan.size(); ++i)
          out.push_back({{"line", i + 1},
                         {"document", plan[i].doc},
                         {"start", plan[i].start},
                         {"end", plan[i].end},
                         {"quote", plan[i].quote},
                         {"already_coded", plan[i].already_coded}});
        return print_json({{"code", p->code_path(code)}, {"review", out}});
      }
      for (size_t i = 0; i < plan.size(); ++i)
        std::cout << std::setw(4) << i + 1 << "  #" << plan[i].doc << ":" << plan[i].start << "  "
                  << text::one_line(plan[i].quote, 80, "…") << (plan[i].already_coded ? "  (coded already)" : "")
                  << "\n";
      std::cout << plan.size() << " places for " << p->code_path(code)
                << "; code them with --apply all or --apply 1,3,... (one undoable action)\n";
      return;
    }
    std::vector<index::AutocodeSpan> chosen;
    for (size_t i : pick_list(a->apply, plan.size())) chosen.push_back(plan[i]);
    const auto ids = index::autocode_apply(*p, chosen, code, "dictionary " + d.name, stance);
    if (ctx.json) return print_json({{"codings", ids}});
    std::cout << ids.size() << " codings of " << p->code_path(code) << " added from dictionary " << d.name << "\n";
  }));
});

}  // namespace
}  // namespace telaah::cli
