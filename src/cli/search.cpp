// telaah search | synonyms
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/index_errors.h"
#include "cli/set_option.h"
#include "index/search.h"
#include "index/shards.h"
#include "index/synonyms.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::cli {
namespace {

nlohmann::json spans(const std::vector<index::Match>& ms) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& m : ms) a.push_back({m.start, m.end});
  return a;
}

nlohmann::json facets_json(const std::vector<index::FacetValue>& f) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& v : f) a.push_back({{"value", v.value}, {"count", v.count}});
  return a;
}

// Brings the index up to date; another process updating it is not fatal.
// Remote shards are only caught up here, never rebuilt (that replaces data
// others may be searching: 'telaah reindex --shards' does it), and a shard
// that is down does not stop the search.
void bring_up_to_date(index::Index& idx, std::vector<std::string>& notes) {
  if (idx.sharded()) {
    auto status = index::shards_status(idx.source().path(), idx.shards()->config());
    bool rebuild = false, behind = false;
    for (const auto& st : status) {
      rebuild = rebuild || (st.reachable && !st.problem.empty());
      behind = behind || (st.reachable && st.problem.empty() && st.revision < st.project_revision);
    }
    if (rebuild) {
      notes.push_back("some shards must be rebuilt ('telaah reindex " + idx.source().path().string() +
                      " --shards'); searching them as they are");
      return;
    }
    if (!behind) return;
    try {
      auto r = idx.ensure_current();
      if (r.action == index::SyncReport::Action::caught_up)
        notes.push_back("the shards caught up first (" + std::to_string(r.documents) + " documents)");
    } catch (const index::IndexBusy& e) {
      notes.push_back(std::string(e.what()) + "; searching the shards as they are");
    }
    return;
  }
  try {
    auto r = idx.ensure_current();
    if (r.action == index::SyncReport::Action::rebuilt)
      notes.push_back("the search index was rebuilt first (" + r.reason + ", " + std::to_string(r.documents) +
                      " documents, " + std::to_string(static_cast<int>(r.seconds * 1000)) + " ms)");
    for (auto& n : r.notes) notes.push_back(n);
  } catch (const index::IndexBusy& e) {
    if (!idx.ready()) throw;
    notes.push_back(std::string(e.what()) + "; searching the index as it is");
  }
}

struct SearchArgs {
  std::string project, query, sort = "relevance", shards, set;
  int64_t limit = 20, offset = 0, shard_timeout = 0;
  bool facets = false, synonyms = false, passages = false;
};

Registrar reg_search(60, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<SearchArgs>();
  auto* cmd =
      app.add_subcommand("search",
                         "Full-text search: words, \"phrases\", =exact =\"exact phrase\", AND OR NOT, NEAR/n, prefix*, "
                         "type: lang: year:2013..2015 date: outlet: author: speaker: title: code:\"...\" doc:");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("query", a->query,
                  "the query (quote it for the shell); words and phrases also match their stemmed forms "
                  "(\"learned that\" finds \"learn that\"), =word and =\"a phrase\" only these exact forms")
      ->required();
  cmd->add_option("--limit", a->limit, "hits per page (default 20, at most 1000000)");
  cmd->add_option("--offset", a->offset, "skip this many hits (paging)");
  cmd->add_option("--sort", a->sort, "relevance (default), date (newest first) or oldest");
  cmd->add_flag("--facets", a->facets, "count matches by source type, year, language, outlet and code");
  cmd->add_flag("--synonyms", a->synonyms, "also find synonyms (e.g. kerjasama = kerja sama = cooperation)");
  cmd->add_option("--set", a->set, std::string(kSetHelp) + " (totals and --facets count only them)");
  cmd->add_flag("--passages", a->passages, "one hit per matching passage instead of per document");
  cmd->add_option("--shards", a->shards,
                  "search these xapian-tcpsrv shards (host:port,host:port,...) instead of the project's setting");
  cmd->add_option("--shard-timeout", a->shard_timeout,
                  "milliseconds a shard may take to answer before it is left out (default 5000)");
  cmd->callback(index_errors_as_user_errors(a->project, [a, &ctx] {
    index::Query q;
    q.text = a->query;
    q.limit = a->limit;
    q.offset = a->offset;
    q.facets = a->facets;
    q.synonyms = a->synonyms;
    q.by_document = !a->passages;
    if (a->sort == "relevance")
      q.sort = index::Query::Sort::relevance;
    else if (a->sort == "date" || a->sort == "newest")
      q.sort = index::Query::Sort::date_newest;
    else if (a->sort == "oldest")
      q.sort = index::Query::Sort::date_oldest;
    else
      throw UserError("--sort must be relevance, date or oldest, not '" + a->sort + "'");
    if (a->limit < 0 || a->offset < 0) throw UserError("--limit and --offset cannot be negative");
    // The index counts hits in 32 bits: a larger number would wrap to nothing.
    if (a->limit > 1000000 || a->offset > 1000000000)
      throw UserError("--limit can be at most 1000000 hits per page and --offset at most 1000000000");
    if (a->shard_timeout < 0 || a->shard_timeout > 600000)
      throw UserError("--shard-timeout must be milliseconds from 1 to 600000");
    index::ShardConfig sc = index::shard_config(fs::path(a->project), a->shards);
    if (a->shard_timeout > 0) {
      sc.timeout_ms = static_cast<int>(a->shard_timeout);
      sc.connect_timeout_ms = std::min(sc.connect_timeout_ms, sc.timeout_ms);
    }
    if (!a->set.empty()) q.docs = set_members(*open_for_reading(a->project), a->set);
    auto idx = index::Index::open(a->project, sc);
    std::vector<std::string> notes;
    bring_up_to_date(*idx, notes);
    index::Results r = idx->search(q);
    for (auto& n : r.notes) notes.push_back(n);
    const char* unit = q.by_document ? "documents" : "passages";
    if (ctx.json) {
      nlohmann::json hits = nlohmann::json::array();
      for (const auto& h : r.hits)
        hits.push_back({{"rank", h.rank},
                        {"document", h.doc},
                        {"block", h.block},
                        {"start", h.start},
                        {"end", h.end},
                        {"score", h.score},
                        {"title", h.title},
                        {"source_type", h.source_type},
                        {"language", h.language},
                        {"date", h.date},
                        {"outlet", h.outlet},
                        {"speaker", h.speaker},
                        {"snippet", h.snippet},
                        {"snippet_start", h.snippet_start},
                        {"snippet_marks", spans(h.snippet_marks)},
                        {"passages", spans(h.passages)},
                        {"matches", spans(h.matches)}});
      nlohmann::json j = {{"query", a->query},
                          {"unit", unit},
                          {"total", r.total},
                          {"exact", r.exact},
                          {"offset", a->offset},
                          {"limit", a->limit},
                          {"index_revision", r.index_revision},
                          {"did_you_mean", r.did_you_mean},
                          {"notes", notes},
                          {"hits", hits},
                          {"sharded", idx->sharded()},
                          {"partial", r.partial},
                          {"missing_shards", r.missing_shards}};
      if (a->facets)
        j["facets"] = {{"source_type", facets_json(r.facets.source_type)},
                       {"year", facets_json(r.facets.year)},
                       {"language", facets_json(r.facets.language)},
                       {"outlet", facets_json(r.facets.outlet)},
                       {"code", facets_json(r.facets.code)}};
      return print_json(j);
    }
    for (const auto& n : notes) std::cerr << "note: " << n << "\n";
    if (r.partial)
      std::cerr << "warning: partial results: " << r.missing_shards.size() << " of " << idx->shards()->size()
                << " shards did not answer, their documents are missing\n";
    std::cout << (r.partial ? "partial: " : "") << (r.exact ? "" : "about ") << r.total << " " << unit << " match";
    if (!r.hits.empty())
      std::cout << "; showing " << a->offset + 1 << "-" << a->offset + static_cast<int64_t>(r.hits.size());
    std::cout << "\n";
    if (!r.did_you_mean.empty()) std::cout << "did you mean: " << r.did_you_mean << "\n";
    for (const auto& h : r.hits) {
      std::cout << "\n"
                << h.rank + 1 << ". doc " << h.doc << " [" << h.start << "," << h.end << ")  " << h.title << "  ("
                << h.source_type;
      if (!h.date.empty()) std::cout << ", " << h.date;
      if (!h.outlet.empty()) std::cout << ", " << h.outlet;
      std::cout << ")";
      if (q.by_document && h.passages.size() > 1) std::cout << "  " << h.passages.size() << " passages";
      std::cout << "\n   ";
      if (!h.speaker.empty()) std::cout << h.speaker << ": ";
      std::string s = index::marked_snippet(h);
      for (auto& c : s)
        if (c == '\n') c = ' ';
      std::cout << (h.snippet_start > h.start ? "..." : "") << s
                << (h.snippet_start + static_cast<int64_t>(text::count_code_points(h.snippet)) < h.end ? "..." : "")
                << "\n";
      if (!h.matches.empty()) {  // a filter-only query has no words to point at
        std::cout << "   matches at";
        size_t shown = 0;
        for (const auto& m : h.matches) {
          if (++shown > 8) {
            std::cout << " ... (" << h.matches.size() << ")";
            break;
          }
          std::cout << " [" << m.start << "," << m.end << ")";
        }
        std::cout << "\n";
      }
    }
    if (a->facets) {
      auto show = [](const char* name, const std::vector<index::FacetValue>& f) {
        if (f.empty()) return;
        std::cout << "  " << name << ":";
        for (const auto& v : f) std::cout << "  " << v.value << " " << v.count;
        std::cout << "\n";
      };
      std::cout << "\nfacets (" << unit << ")\n";
      show("type", r.facets.source_type);
      show("year", r.facets.year);
      show("language", r.facets.language);
      show("outlet", r.facets.outlet);
      show("code", r.facets.code);
    }
  }));
});

struct SynArgs {
  std::string project, set_file, add;
  bool reset = false;
};

Registrar reg_synonyms(64, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<SynArgs>();
  auto* cmd = app.add_subcommand("synonyms", "Show or edit the search synonym table (used by 'search --synonyms')");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--set", a->set_file,
                  "replace the table with a JSON file: [[\"kerjasama\", \"kerja sama\", \"cooperation\"], ...]");
  cmd->add_option("--add", a->add, "add one group, comma-separated: \"pelatihan, diklat, training\"");
  cmd->add_flag("--reset", a->reset, "go back to the built-in glossary plus the codebook's bilingual labels");
  cmd->callback(index_errors_as_user_errors(a->project, [a, &ctx] {
    if (static_cast<int>(!a->set_file.empty()) + static_cast<int>(!a->add.empty()) + static_cast<int>(a->reset) > 1)
      throw UserError("give only one of --set, --add, --reset");
    auto p = open_project(a->project);
    if (!a->set_file.empty() || !a->add.empty() || a->reset) {
      index::SynonymGroups groups;
      if (!a->set_file.empty()) {
        std::ifstream in(a->set_file);
        if (!in) throw UserError("cannot read " + a->set_file);
        std::stringstream ss;
        ss << in.rdbuf();
        groups = index::parse_synonyms(ss.str());
      } else if (!a->add.empty()) {
        index::ProjectSource src(a->project);
        groups = index::project_synonyms(src);
        std::vector<std::string> g;
        std::stringstream ss(a->add);
        std::string item;
        while (std::getline(ss, item, ',')) {
          item.erase(0, item.find_first_not_of(' '));
          item.erase(item.find_last_not_of(' ') + 1);
          if (!item.empty()) g.push_back(item);
        }
        groups.push_back(g);
        groups = index::parse_synonyms(index::synonyms_to_json(groups));  // validates the new group
      }
      p->set_setting(index::kSynonymSetting, a->reset ? "" : index::synonyms_to_json(groups));
    }
    index::ProjectSource src(a->project);
    auto groups = index::project_synonyms(src);
    if (ctx.json) return print_json(groups);
    for (const auto& g : groups) {
      for (size_t i = 0; i < g.size(); ++i) std::cout << (i ? " = " : "") << g[i];
      std::cout << "\n";
    }
  }));
});

}  // namespace
}  // namespace telaah::cli
