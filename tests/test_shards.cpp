// The search index on Xapian's remote shards: three `xapian-tcpsrv
// --writable` servers started here on loopback (skipped, with a message,
// when xapian-tools is not installed). The fixture corpus of test_index.cpp
// indexed sharded answers the same query table with the same documents,
// scores, facets, snippets and offsets as the local index; a shard killed or
// hung mid-session gives partial results, flagged, within the timeout; a
// restarted one makes them complete again; catch-up, status, the CLI.
#include <doctest/doctest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "helpers/index_fixture.h"
#include "helpers/run.h"
#include "helpers/shard_servers.h"
#include "helpers/temp_dir.h"
#include "index/autocode.h"
#include "index/query.h"
#include "index/search.h"
#include "index/shards.h"
#include "index/sync.h"
#include "store/project.h"

using namespace telaah;
using namespace telaah::index;
namespace fs = std::filesystem;
using test::Docs;
using test::docs_of;

namespace {

Results run(Index& idx, const std::string& text, bool facets = false, bool synonyms = false) {
  Query q;
  q.text = text;
  q.limit = 100;
  q.facets = facets;
  q.synonyms = synonyms;
  return idx.search(q);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A fixture project, its local index, three shard servers and the sharded
// index over them. Everything is removed at the end, servers killed, also
// when a check fails.
struct Setup {
  std::string tcpsrv = test::find_tcpsrv();
  test::TempDir dir{"telaah-shards-test"};
  fs::path project = dir / "study.telaah";
  std::unique_ptr<test::ShardServers> servers;
  ShardConfig cfg;
  std::unique_ptr<Index> local, sharded;

  bool start() {
    if (tcpsrv.empty()) {
      MESSAGE("SKIPPED: xapian-tcpsrv is not installed (Debian package xapian-tools, in scripts/packages.txt)");
      return false;
    }
    test::build_index_fixture(project);
    local = Index::open(project);
    local->ensure_current();
    servers = std::make_unique<test::ShardServers>(tcpsrv, dir.path(), 3);
    cfg.endpoints = parse_endpoints(servers->list());
    cfg.timeout_ms = 1500;
    cfg.connect_timeout_ms = 1000;
    cfg.retry_ms = 0;  // retry a down shard on every search
    sharded = Index::open(project, cfg);
    SyncReport r = sharded->ensure_current();
    CHECK(r.action == SyncReport::Action::rebuilt);
    CHECK(r.shards_down.empty());
    CHECK(r.documents == 7);
    return true;
  }
};

// The documents of the fixture not on shard k of 3.
Docs without_shard(const Docs& d, size_t k) {
  Docs out;
  for (auto id : d)
    if (shard_of(id, 3) != k) out.push_back(id);
  return out;
}

}  // namespace

TEST_CASE("endpoints and the document hash") {
  auto e = parse_endpoints(" 127.0.0.1:7001, shard-b.example.org:7002 ,[::1]:7003");
  REQUIRE(e.size() == 3);
  CHECK(e[0].str() == "127.0.0.1:7001");
  CHECK(e[1].host == "shard-b.example.org");
  CHECK(e[2].host == "::1");
  CHECK(parse_endpoints("").empty());
  for (const char* bad : {"localhost", "host:", ":80", "host:0", "host:65536", "host:8x", "a:1,,b:2", "a:1,a:1"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_endpoints(bad), UserError);
  }
  // Stable: the same shard on every machine and run (FNV-1a of the id).
  CHECK(shard_of(1, 3) == shard_of(1, 3));
  CHECK(shard_of(7, 1) == 0);
  std::vector<int> per(3, 0);
  for (store::Id id = 1; id <= 30000; ++id) ++per[shard_of(id, 3)];
  for (int n : per) CHECK(std::abs(n - 10000) < 600);  // roughly even
  CHECK(std::vector<size_t>{shard_of(1, 3), shard_of(2, 3), shard_of(3, 3), shard_of(1000003, 3)} ==
        std::vector<size_t>{0, 0, 2, 0});  // pinned: changing the hash moves every document
}

TEST_CASE("three loopback shards answer the query table exactly as the local index") {
  Setup s;
  if (!s.start()) return;
  CHECK(s.sharded->sharded());
  CHECK(!s.local->sharded());
  // The documents are spread over the shards, as the hash says.
  auto status = shards_status(s.project, s.cfg);
  REQUIRE(status.size() == 3);
  int64_t docs = 0;
  for (const auto& st : status) {
    CHECK(st.reachable);
    CHECK(st.current());
    CHECK(st.problem.empty());
    docs += st.documents;
    int64_t expect = 0;
    for (store::Id id = 1; id <= 7; ++id) expect += shard_of(id, 3) == st.index ? 1 : 0;
    CHECK(st.documents == expect);
  }
  CHECK(docs == 7);
  CHECK(s.sharded->index_revision() == s.local->index_revision());

  for (const auto& c : test::kQueryCases) {
    const std::string query = c.query;
    CAPTURE(query);
    Results l = run(*s.local, c.query, true), r = run(*s.sharded, c.query, true);
    CHECK(docs_of(l) == c.expected);
    CHECK(docs_of(r) == c.expected);
    CHECK(!r.partial);
    CHECK(r.total == l.total);
    REQUIRE(r.hits.size() == l.hits.size());
    for (size_t i = 0; i < l.hits.size(); ++i) {  // the same ranking, scores, passages, snippets and offsets
      CHECK(r.hits[i].doc == l.hits[i].doc);
      CHECK(std::abs(r.hits[i].score - l.hits[i].score) < 1e-9);
      CHECK(r.hits[i].start == l.hits[i].start);
      CHECK(r.hits[i].snippet == l.hits[i].snippet);
      CHECK(r.hits[i].snippet_start == l.hits[i].snippet_start);
      CHECK(r.hits[i].passages.size() == l.hits[i].passages.size());
      CHECK(r.hits[i].matches.size() == l.hits[i].matches.size());
      for (size_t m = 0; m < std::min(r.hits[i].matches.size(), l.hits[i].matches.size()); ++m)
        CHECK((r.hits[i].matches[m].start == l.hits[i].matches[m].start &&
               r.hits[i].matches[m].end == l.hits[i].matches[m].end));
    }
    auto same = [](const std::vector<FacetValue>& a, const std::vector<FacetValue>& b) {
      std::map<std::string, int64_t> x, y;
      for (const auto& v : a) x[v.value] = v.count;
      for (const auto& v : b) y[v.value] = v.count;
      return x == y;
    };
    CHECK(same(r.facets.source_type, l.facets.source_type));
    CHECK(same(r.facets.year, l.facets.year));
    CHECK(same(r.facets.language, l.facets.language));
    CHECK(same(r.facets.outlet, l.facets.outlet));
    CHECK(same(r.facets.code, l.facets.code));
  }
  // Passages, paging, date order, synonyms and "did you mean" (the local companion).
  Query q;
  q.text = "pelatihan";
  q.limit = 100;
  q.by_document = false;
  CHECK(s.sharded->search(q).hits.size() == s.local->search(q).hits.size());
  q.text = "Seoul";
  q.by_document = true;
  q.limit = 4;
  q.offset = 4;
  CHECK(docs_of(s.sharded->search(q)) == docs_of(s.local->search(q)));
  q.offset = 0;
  q.limit = 100;
  q.sort = Query::Sort::date_oldest;
  CHECK(s.sharded->search(q).hits.front().doc == 3);
  CHECK(docs_of(run(*s.sharded, "cooperation", false, true)) == Docs{1, 2, 3, 4, 5});
  CHECK(run(*s.sharded, "pelatihn Seoul").did_you_mean == "pelatihan Seoul");
  // Malformed queries fail the same way.
  CHECK_THROWS_AS(run(*s.sharded, "(Seoul OR rempah"), QueryError);
}

TEST_CASE("a shard killed mid-session: partial results, flagged, in bounded time; restarted: complete again") {
  Setup s;
  if (!s.start()) return;
  const Docs all = docs_of(run(*s.sharded, "Seoul"));
  REQUIRE(all == Docs{1, 2, 3, 4, 5, 6});
  const size_t victim = shard_of(2, 3);  // the shard that holds document 2
  (*s.servers)[victim].kill();

  auto t0 = std::chrono::steady_clock::now();
  Results r = run(*s.sharded, "Seoul", true);
  const double took = seconds_since(t0);
  CHECK(took < 5.0);  // one connection attempt, refused; never the operating system's TCP timeouts
  CHECK(r.partial);
  REQUIRE(r.missing_shards.size() == 1);
  CHECK(r.missing_shards[0] == (*s.servers)[victim].endpoint());
  CHECK(docs_of(r) == without_shard(all, victim));
  CHECK(r.total == static_cast<int64_t>(without_shard(all, victim).size()));
  bool said = false;
  for (const auto& n : r.notes)
    said = said ||
           (n.find((*s.servers)[victim].endpoint()) != std::string::npos && n.find("partial") != std::string::npos);
  CHECK(said);
  // Auto-coding refuses to work on an incomplete set.
  CHECK_THROWS_AS(autocode_plan(*s.sharded, "Seoul", Scope::hit, 1), UserError);
  // Status says which one is down; sync updates the others and names it.
  auto status = shards_status(s.project, s.cfg);
  CHECK(!status[victim].reachable);
  CHECK(!status[victim].error.empty());
  {
    auto p = store::Project::open(s.project);
    store::NewDocument d;
    d.title = "Baru";
    d.source_type = "news";
    d.language = "id";
    d.date = "2016-02-02";
    d.text = "Pameran dagang Seoul dibuka lagi.";
    p->add_document(d);
  }
  SyncReport rep = s.sharded->ensure_current();
  REQUIRE(rep.shards_down.size() == 1);
  CHECK(rep.shards_down[0] == (*s.servers)[victim].endpoint());

  // Restarted on the same port: the next search finds it again, complete.
  (*s.servers)[victim].start();
  s.sharded->ensure_current();  // the restarted shard catches up
  s.local->ensure_current();
  r = run(*s.sharded, "Seoul");
  CHECK(!r.partial);
  CHECK(r.missing_shards.empty());
  CHECK(docs_of(r) == docs_of(run(*s.local, "Seoul")));
  CHECK(docs_of(r).size() == 7);
  for (const auto& st : shards_status(s.project, s.cfg)) CHECK(st.current());
}

TEST_CASE("a hung shard is left out after the timeout, and comes back") {
  Setup s;
  if (!s.start()) return;
  const Docs all = docs_of(run(*s.sharded, "Seoul"));
  const size_t victim = 1;
  (*s.servers)[victim].stop();  // SIGSTOP: accepts connections, never answers
  auto t0 = std::chrono::steady_clock::now();
  Results r = run(*s.sharded, "Seoul");
  const double took = seconds_since(t0);
  // The open connection times out (1.5 s), then reconnecting does (1.5 s).
  CHECK(took < 6.0);
  CHECK(took >= 1.0);
  CHECK(r.partial);
  CHECK(docs_of(r) == without_shard(all, victim));
  bool said = false;
  for (const auto& n : r.notes) said = said || n.find("Timeout") != std::string::npos;
  CHECK(said);
  (*s.servers)[victim].resume();
  r = run(*s.sharded, "Seoul");
  CHECK(!r.partial);
  CHECK(docs_of(r) == all);
}

TEST_CASE("shards keep step with the project, refuse another project's index, and rebuild on request") {
  Setup s;
  if (!s.start()) return;
  CHECK(s.sharded->ensure_current().action == SyncReport::Action::none);
  {  // an edit, an undo, a delete: caught up, not rebuilt
    auto p = store::Project::open(s.project);
    p->delete_document(3);
  }
  SyncReport r = s.sharded->ensure_current();
  CHECK(r.action == SyncReport::Action::caught_up);
  CHECK(docs_of(run(*s.sharded, "Seoul")) == Docs{1, 2, 4, 5, 6});
  {
    auto p = store::Project::open(s.project);
    p->undo();
  }
  CHECK(s.sharded->ensure_current().action == SyncReport::Action::caught_up);
  CHECK(docs_of(run(*s.sharded, "Seoul")) == Docs{1, 2, 3, 4, 5, 6});
  int64_t total = 0;
  for (const auto& st : shards_status(s.project, s.cfg)) {
    CHECK(st.current());
    total += st.documents;
  }
  CHECK(total == 7);
  s.local->ensure_current();
  CHECK(check_index(s.project).empty());  // no shard setting in the project: this checks the local index

  // Another project pointed at the same shards: searched nowhere, rebuilt only when asked.
  const fs::path other = s.dir / "other.telaah";
  test::build_index_fixture(other);
  auto o = Index::open(other, s.cfg);
  CHECK(!o->ready());
  SyncReport refused = sync_shards(other, s.cfg);
  CHECK(refused.shards_down.size() == 3);
  CHECK(refused.action == SyncReport::Action::none);
  CHECK(run(*s.sharded, "Seoul").hits.size() == 6);  // untouched
  SyncOptions force;
  force.force_rebuild = true;
  CHECK(sync_shards(other, s.cfg, force).action == SyncReport::Action::rebuilt);
  s.sharded->refresh();
  CHECK(!s.sharded->ready());  // now they hold the other project
  CHECK_THROWS_AS(run(*s.sharded, "Seoul"), UserError);
}

TEST_CASE("the command line: shards set, reindex --shards, shards status, search with a shard down") {
  Setup s;
  if (!s.start()) return;
  const std::string bin = TELAAH_BINARY, p = s.project.string();
  auto r = test::run({bin, "shards", "set", p, s.servers->list(), "--timeout", "1500"});
  REQUIRE(r.status == 0);
  r = test::run({bin, "reindex", p, "--shards", "--full", "--json"});
  CAPTURE(r.err);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["action"] == "rebuilt");
  r = test::run({bin, "shards", "status", p, "--json"});
  CHECK(r.status == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["documents"] == 7);
  CHECK(j["ok"] == true);
  CHECK(j["shards"].size() == 3);
  r = test::run({bin, "search", p, "Seoul", "--json", "--facets"});
  CHECK(r.status == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["sharded"] == true);
  CHECK(j["partial"] == false);
  CHECK(j["hits"].size() == 6);

  (*s.servers)[0].kill();
  auto t0 = std::chrono::steady_clock::now();
  r = test::run({bin, "search", p, "Seoul", "--json"});
  CHECK(seconds_since(t0) < 8.0);
  CHECK(r.status == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["partial"] == true);
  CHECK(j["missing_shards"].size() == 1);
  CHECK(j["hits"].size() == without_shard({1, 2, 3, 4, 5, 6}, 0).size());
  r = test::run({bin, "search", p, "Seoul"});
  CHECK(r.err.find("warning: partial results") != std::string::npos);
  CHECK(r.out.rfind("partial: ", 0) == 0);
  r = test::run({bin, "shards", "status", p, "--json"});
  CHECK(r.status == 1);
  j = nlohmann::json::parse(r.out);
  CHECK(j["shards"][0]["reachable"] == false);
  CHECK(r.err.find("cannot be reached") != std::string::npos);
  r = test::run({bin, "reindex", p, "--shards"});
  CHECK(r.status == 1);
  CHECK(r.err.find((*s.servers)[0].endpoint()) != std::string::npos);

  (*s.servers)[0].start();
  r = test::run({bin, "search", p, "Seoul", "--json"});
  j = nlohmann::json::parse(r.out);
  CHECK(j["partial"] == false);
  CHECK(j["hits"].size() == 6);
  r = test::run({bin, "shards", "set", p, "nonsense"});
  CHECK(r.status == 1);
  r = test::run({bin, "shards", "clear", p});
  CHECK(r.status == 0);
  r = test::run({bin, "search", p, "Seoul", "--json"});
  j = nlohmann::json::parse(r.out);
  CHECK(j["sharded"] == false);
}
