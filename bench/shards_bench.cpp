// The sharded-index benchmark (issue 12): on one generated corpus
// (bench/search_corpus.h), in one run, the local index against N
// `xapian-tcpsrv --writable` shards on loopback, started here:
//   indexing   wall time, documents/s and MB/s of text, CPU seconds of this
//              process (the servers' posting work is not in it), index size;
//   queries    p50/p99 of Index::search with snippets and match offsets for
//              the top 20, per query class (1-3 words, phrase, filtered),
//              and with facets;
//   protocol   one remote round trip (get_metadata on one shard), and the
//              per-query overhead (sharded minus local).
//
//   shards_bench --docs 100000 [--dir /tmp/telaah-shards-bench] [--queries 100] [--shards 3]
// The project (bench-N.telaah) is generated on the first run and reused.
// Prints a markdown table for docs/performance.md. Not a test.
#include <sys/resource.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "../tests/helpers/shard_servers.h"
#include "bench_util.h"
#include "index/schema.h"
#include "index/search.h"
#include "index/shards.h"
#include "index/sync.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace bench;

namespace {

double process_cpu() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Row {
  std::string system;
  double index_s = 0, cpu_client = 0;  // CPU of this process; the servers' per-connection processes are not counted
  int64_t size = 0, docs = 0, bytes = 0;
  std::map<std::string, Stats> q;
  std::vector<double> all;
};

// Every query twice; the second pass is measured (the first warms caches).
void measure(Row& r, telaah::index::Index& idx, const std::vector<QuerySpec>& qs) {
  std::map<std::string, std::vector<double>> ms;
  size_t sink = 0;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& spec : qs)
      for (bool facets : {false, true}) {
        telaah::index::Query q;
        q.text = telaah_query(spec);
        q.limit = 20;
        q.facets = facets;
        auto t = Clock::now();
        auto res = idx.search(q);
        const double d = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
        if (res.partial) throw std::runtime_error("a shard did not answer during the benchmark");
        sink += res.hits.size();
        if (pass == 1) {
          ms[facets ? spec.cls + " +facets" : spec.cls].push_back(d);
          if (!facets) r.all.push_back(d);
        }
      }
  for (auto& [c, v] : ms) r.q[c] = stats(v);
  if (sink == 0) std::cerr << "(no hits at all?)\n";
}

}  // namespace

int main(int argc, char** argv) {
  int64_t ndocs = 100000;
  int per_class = 100, nshards = 3;
  fs::path dir = "/tmp/telaah-shards-bench";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--quick") {
      ndocs = 2000;
      per_class = 20;
    } else if (a == "--docs" && i + 1 < argc) {
      ndocs = std::stoll(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--queries" && i + 1 < argc) {
      per_class = std::stoi(argv[++i]);
    } else if (a == "--shards" && i + 1 < argc) {
      nshards = std::stoi(argv[++i]);
    } else {
      const bool help = a == "--help" || a == "-h";
      (help ? std::cout : std::cerr)
          << "usage: shards_bench [--quick] [--docs N] [--dir D] [--queries PER_CLASS] [--shards N]\n"
             "  The local index against N xapian-tcpsrv shards on loopback (default 100000 documents;\n"
             "  --quick: 2000 documents, 20 queries per class).\n";
      return help ? 0 : 1;
    }
  }
  const std::string tcpsrv = telaah::test::find_tcpsrv();
  if (tcpsrv.empty()) {
    std::cerr << "shards_bench needs xapian-tcpsrv (Debian package xapian-tools)\n";
    return 1;
  }
  fs::create_directories(dir);
  bench::CorpusGenerator gen;
  const fs::path project = dir / ("bench-" + std::to_string(ndocs) + ".telaah");
  if (!fs::exists(project)) make_project(project, ndocs, gen);
  const auto queries = workload(gen, ndocs, per_class);
  std::vector<Row> rows;

  // --- the local index (the default: one indexing thread per core, compacted)
  {
    Row r;
    r.system = "local index";
    const double c0 = process_cpu();
    auto rep = telaah::index::sync_index(project, {.force_rebuild = true});
    r.cpu_client = process_cpu() - c0;
    r.index_s = rep.seconds;
    r.docs = rep.documents;
    r.bytes = rep.bytes;
    r.size = dir_bytes(telaah::index::index_dir_for(project.string()));
    std::cerr << "local: " << rep.documents << " documents in " << rep.seconds << " s\n";
    auto idx = telaah::index::Index::open(project);
    measure(r, *idx, queries);
    rows.push_back(r);
  }

  // --- N shards on loopback
  double rtt_us = 0;
  {
    const fs::path sdir = dir / ("shards-" + std::to_string(ndocs));
    fs::remove_all(sdir);
    fs::create_directories(sdir);
    telaah::test::ShardServers servers(tcpsrv, sdir, nshards);
    telaah::index::ShardConfig cfg;
    cfg.endpoints = telaah::index::parse_endpoints(servers.list());
    cfg.timeout_ms = 60000;  // a loaded machine must not turn into "partial" results here
    Row r;
    r.system = std::to_string(nshards) + " shards (xapian-tcpsrv, loopback)";
    const double c0 = process_cpu();
    auto rep = telaah::index::sync_shards(project, cfg, {.force_rebuild = true});
    r.cpu_client = process_cpu() - c0;
    r.index_s = rep.seconds;
    r.docs = rep.documents;
    r.bytes = rep.bytes;
    for (size_t k = 0; k < servers.size(); ++k) r.size += dir_bytes(servers[k].dir());
    std::cerr << "sharded: " << rep.documents << " documents in " << rep.seconds << " s\n";
    if (!rep.shards_down.empty()) throw std::runtime_error("a shard failed during indexing");
    auto idx = telaah::index::Index::open(project, cfg);
    if (!idx->shards()->complete()) throw std::runtime_error("not every shard is searched");
    measure(r, *idx, queries);
    // one protocol round trip
    std::vector<double> rt;
    Xapian::Database one = *idx->shards()->shard(0);
    for (int i = 0; i < 2000; ++i) {
      auto t = Clock::now();
      one.get_metadata("telaah.revision");
      rt.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
    }
    rtt_us = stats(rt).p50;
    rows.push_back(r);
  }

  // --- report
  std::cout << std::fixed << std::setprecision(1);
  std::cout << "\n"
            << ndocs << " documents, " << rows[0].bytes / 1e6 << " MB of text, " << queries.size()
            << " queries x (without, with facets); machine: " << std::thread::hardware_concurrency()
            << " cores, shared\n\n";
  std::cout << "| | index wall s | docs/s | MB/s | CPU s (this process) | size MB |\n|---|---:|---:|---:|---:|---:|\n";
  for (const auto& r : rows)
    std::cout << "| " << r.system << " | " << r.index_s << " | " << static_cast<int64_t>(r.docs / r.index_s) << " | "
              << std::setprecision(2) << r.bytes / 1e6 / r.index_s << std::setprecision(1) << " | " << r.cpu_client
              << " | " << r.size / 1e6 << " |\n";
  std::cout << "\nquery latency, ms (p50 / p99), top 20 with snippets and match offsets\n\n| class |";
  for (const auto& r : rows) std::cout << " " << r.system << " |";
  std::cout << " overhead p50 |\n|---|";
  for (size_t i = 0; i <= rows.size(); ++i) std::cout << "---:|";
  std::cout << "\n" << std::setprecision(2);
  for (const auto& [cls, s0] : rows[0].q) {
    std::cout << "| " << cls << " |";
    for (const auto& r : rows) std::cout << " " << r.q.at(cls).p50 << " / " << r.q.at(cls).p99 << " |";
    std::cout << " +" << rows.back().q.at(cls).p50 - s0.p50 << " |\n";
  }
  const Stats la = stats(rows.front().all), sa = stats(rows.back().all);
  std::cout << "| all (no facets) |";
  for (const auto& r : rows) {
    Stats s = stats(r.all);
    std::cout << " " << s.p50 << " / " << s.p99 << " |";
  }
  std::cout << " +" << sa.p50 - la.p50 << " |\n";
  std::cout << "\none remote round trip (get_metadata, loopback): p50 " << rtt_us << " us\n";
  return 0;
}
