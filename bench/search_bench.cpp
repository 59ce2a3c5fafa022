// The search benchmark (issue 6): on one generated corpus, in one run,
// index throughput and size, and query latency p50/p99 with snippets for the
// top 20, for
//   telaah     the real index (sync_index, one thread and two), Index::search
//   xapian     a minimal raw-Xapian indexer/searcher (TermGenerator, English
//              stemming, positions, one Xapian document per document,
//              QueryParser, MSet::snippet) — the baseline
//   fts5       SQLite FTS5 (unicode61), snippet()
//   like       LIKE '%term%' over the documents table (how QualCoder searches)
//   memmem     a brute-force scan of the raw text in memory
//
//   search_bench --docs 10000 [--dir /tmp/telaah-bench] [--queries 200] [--scan-queries 20] [--generate-only 1]
//                [--systems xapian,telaah1,telaah2,fts5,like,memmem] [--reuse-index 1]
// --systems runs only those (default: all); --reuse-index keeps an index of
// Telaah's that is current and an FTS5 table built by an earlier run (their
// indexing is then not measured), for query runs after a search change.
// Prints markdown tables for docs/performance.md. Not a test.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>

#include "bench_util.h"
#include "index/schema.h"
#include "index/search.h"
#include "index/sync.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace bench;

namespace {

// CPU time of the calling thread: what a core spends, whatever else the
// (shared) machine is doing. Wall time is reported beside it.
double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::string fts_query(const QuerySpec& q) {
  if (q.phrase) return "\"" + q.joined() + "\"";
  std::string s;
  for (const auto& w : q.words) s += (s.empty() ? "" : " AND ") + ("\"" + w + "\"");
  return s;
}

struct Row {
  std::string system;
  double index_s = 0;    // wall
  double index_cpu = 0;  // CPU seconds on the critical path (one thread: all of it)
  double index_cpu_total = 0;
  int64_t size = 0;
  std::map<std::string, Stats> q, qcpu;
};

// Runs `f` for every query twice (the first pass warms the caches) and
// records wall and CPU milliseconds of the second.
void measure(Row& r, const std::vector<QuerySpec>& qs, const std::function<void(const QuerySpec&)>& f, int passes = 2) {
  std::map<std::string, std::vector<double>> wall, cpu;
  for (int pass = 0; pass < passes; ++pass)
    for (const auto& q : qs) {
      auto t = Clock::now();
      double c = cpu_now();
      f(q);
      if (pass == passes - 1) {
        wall[q.cls].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        cpu[q.cls].push_back((cpu_now() - c) * 1000);
      }
    }
  for (auto& [c, v] : wall) r.q[c] = stats(v);
  for (auto& [c, v] : cpu) r.qcpu[c] = stats(v);
}

std::atomic<size_t> g_sink{0};  // keeps the scans from being optimised away

}  // namespace

int main(int argc, char** argv) {
  int64_t ndocs = 10000;
  int per_class = 200, scan_per_class = 20;
  bool generate_only = false, reuse = false;
  std::string systems = "xapian,telaah1,telaah2,fts5,like,memmem";
  fs::path dir = "/tmp/telaah-bench";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--quick") {
      ndocs = 2000;
      per_class = 50;
      scan_per_class = 5;
    } else if (a == "--docs" && i + 1 < argc) {
      ndocs = std::stoll(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--queries" && i + 1 < argc) {
      per_class = std::stoi(argv[++i]);
    } else if (a == "--scan-queries" && i + 1 < argc) {
      scan_per_class = std::stoi(argv[++i]);
    } else if (a == "--generate-only" && i + 1 < argc) {
      generate_only = std::string(argv[++i]) == "1";
    } else if (a == "--reuse-index" && i + 1 < argc) {
      reuse = std::string(argv[++i]) == "1";
    } else if (a == "--systems" && i + 1 < argc) {
      systems = argv[++i];
    } else {
      const bool help = a == "--help" || a == "-h";
      (help ? std::cout : std::cerr)
          << "usage: search_bench [--quick] [--docs N] [--dir D] [--queries PER_CLASS] [--scan-queries PER_CLASS] "
             "[--generate-only 1] [--systems xapian,telaah1,telaah2,fts5,like,memmem] [--reuse-index 1]\n"
             "  Telaah's index against raw Xapian, SQLite FTS5, LIKE and memmem on N generated documents\n"
             "  (default 10000; --quick: 2000 documents, 50 queries per class, 5 for the scans).\n";
      return help ? 0 : 1;
    }
  }
  fs::create_directories(dir);
  bench::CorpusGenerator gen;
  const fs::path project = dir / ("bench-" + std::to_string(ndocs) + ".telaah");
  if (!fs::exists(project)) make_project(project, ndocs, gen);
  if (generate_only) return 0;
  int64_t text_bytes = 0;
  std::vector<std::string> texts;
  {
    SQLite::Database db(project.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT text FROM documents WHERE deleted=0 ORDER BY id");
    while (q.executeStep()) {
      texts.push_back(q.getColumn(0).getString());
      text_bytes += static_cast<int64_t>(texts.back().size());
    }
  }
  const double mb = text_bytes / 1e6;
  std::cerr << ndocs << " documents, " << mb << " MB of text\n";
  const auto queries = workload(gen, ndocs, per_class);
  std::vector<Row> rows;
  auto run = [&](const std::string& name) { return ("," + systems + ",").find("," + name + ",") != std::string::npos; };

  // --- minimal raw Xapian (the baseline); indexed first, with Xapian's default flushing
  if (run("xapian")) {
    Row r;
    r.system = "raw Xapian (baseline)";
    const fs::path xdir = dir / ("raw-" + std::to_string(ndocs) + ".xapian");
    fs::remove_all(xdir);
    auto t0 = Clock::now();
    double c0 = cpu_now();
    {
      Xapian::WritableDatabase db(xdir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator tg;
      tg.set_stemmer(Xapian::Stem("english"));
      tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
      SQLite::Database src(project.string(), SQLite::OPEN_READONLY);
      SQLite::Statement q(src,
                          "SELECT d.id, d.text, s.name, d.language, substr(d.date,1,4) FROM documents d "
                          "JOIN source_types s ON s.id=d.source_type_id WHERE d.deleted=0 ORDER BY d.id");
      int64_t n = 0;
      while (q.executeStep()) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(q.getColumn(1).getString());
        doc.add_boolean_term("XT" + q.getColumn(2).getString());
        doc.add_boolean_term("XL" + q.getColumn(3).getString());
        doc.add_value(0, q.getColumn(4).getString());
        doc.add_value(1, std::to_string(q.getColumn(0).getInt64()));
        db.add_document(doc);
        if (++n % 10000 == 0) db.commit();  // Xapian's default: every 10,000 documents
      }
      db.commit();
    }
    r.index_s = secs(t0);
    r.index_cpu = r.index_cpu_total = cpu_now() - c0;
    r.size = dir_bytes(xdir);
    Xapian::Database db(xdir.string());
    SQLite::Database src(project.string(), SQLite::OPEN_READONLY);
    SQLite::Statement text_of(src, "SELECT text FROM documents WHERE id=?");
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_database(db);
    measure(r, queries, [&](const QuerySpec& qs) {
      std::string text = qs.joined();
      if (qs.phrase) text = "\"" + text + "\"";
      Xapian::Query query = qp.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
      if (qs.filtered)
        query = Xapian::Query(
            Xapian::Query::OP_FILTER, query,
            Xapian::Query(Xapian::Query::OP_AND,
                          Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("XTnews"), Xapian::Query("XLid")),
                          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, "2013", "2016")));
      Xapian::Enquire enq(db);
      enq.set_query(query);
      Xapian::MSet m = enq.get_mset(0, 20);
      for (auto it = m.begin(); it != m.end(); ++it) {
        text_of.reset();
        text_of.bind(1, static_cast<int64_t>(std::stoll(it.get_document().get_value(1))));
        if (text_of.executeStep()) g_sink += m.snippet(text_of.getColumn(0).getString(), 240).size();
      }
    });
    rows.push_back(r);
  }

  // --- Telaah, one thread, then two
  for (unsigned threads : {1u, 2u}) {
    if (!run("telaah" + std::to_string(threads))) continue;
    Row r;
    r.system = "Telaah, " + std::to_string(threads) + " thread" + (threads > 1 ? "s" : "");
    bool current = false;
    if (reuse) {
      auto idx = telaah::index::Index::open(project);
      current = !idx->stale();
    }
    if (!current) {
      auto rep = telaah::index::sync_index(project, {.threads = threads, .force_rebuild = true});
      r.index_s = rep.seconds;
      r.index_cpu = rep.cpu.indexing_max + rep.cpu.merging + rep.cpu.finishing;
      r.index_cpu_total = rep.cpu.indexing_total + rep.cpu.merging + rep.cpu.finishing;
      std::cerr << r.system << ": indexing CPU max " << rep.cpu.indexing_max << " s, total " << rep.cpu.indexing_total
                << " s, merge " << rep.cpu.merging << " s, finish " << rep.cpu.finishing << " s, wall " << rep.seconds
                << " s\n";
    }
    r.size = dir_bytes(telaah::index::index_dir_for(project.string()));
    if (threads == 2) {
      auto idx = telaah::index::Index::open(project);
      measure(r, queries, [&](const QuerySpec& qs) {
        telaah::index::Query q;
        q.text = telaah_query(qs);
        q.limit = 20;
        g_sink += idx->search(q).hits.size();
      });
    }
    rows.push_back(r);
  }

  // --- SQLite FTS5
  if (run("fts5")) {
    Row r;
    r.system = "SQLite FTS5";
    const fs::path fdb = dir / ("fts-" + std::to_string(ndocs) + ".sqlite");
    const bool have = reuse && fs::exists(fdb) && fs::exists(dir / ("fts-" + std::to_string(ndocs) + ".done"));
    if (!have) fs::remove(fdb);
    SQLite::Database db(fdb.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    if (!have) {
      db.exec("ATTACH DATABASE '" + project.string() + "' AS p");
      auto t0 = Clock::now();
      double c0 = cpu_now();
      db.exec(
          "CREATE VIRTUAL TABLE docs USING fts5(title, body, type UNINDEXED, lang UNINDEXED, year UNINDEXED, "
          "tokenize='unicode61')");
      db.exec(
          "INSERT INTO docs(rowid, title, body, type, lang, year) SELECT d.id, d.title, d.text, s.name, d.language, "
          "CAST(substr(d.date,1,4) AS INTEGER) FROM p.documents d JOIN p.source_types s ON s.id=d.source_type_id WHERE "
          "d.deleted=0");
      r.index_s = secs(t0);
      r.index_cpu = r.index_cpu_total = cpu_now() - c0;
      db.exec("DETACH DATABASE p");
      std::ofstream(dir / ("fts-" + std::to_string(ndocs) + ".done")) << "built\n";
    }
    r.size = dir_bytes(fdb);
    SQLite::Statement plain(
        db, "SELECT rowid, snippet(docs, 1, '[', ']', '...', 24) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20");
    SQLite::Statement filt(
        db,
        "SELECT rowid, snippet(docs, 1, '[', ']', '...', 24) FROM docs WHERE docs MATCH ? AND type='news' "
        "AND lang='id' AND year BETWEEN 2013 AND 2016 ORDER BY rank LIMIT 20");
    measure(r, queries, [&](const QuerySpec& qs) {
      SQLite::Statement& st = qs.filtered ? filt : plain;
      st.reset();
      st.bind(1, fts_query(qs));
      while (st.executeStep()) g_sink += st.getColumn(1).getString().size();
    });
    rows.push_back(r);
  }

  // --- LIKE scan and memmem: fewer queries, they are slow
  std::vector<QuerySpec> few;
  {
    std::map<std::string, int> taken;
    for (const auto& q : queries)
      if (taken[q.cls]++ < scan_per_class) few.push_back(q);
  }
  if (run("like")) {
    Row r;
    r.system = "LIKE '%term%' scan";
    SQLite::Database db(project.string(), SQLite::OPEN_READONLY);
    measure(
        r, few,
        [&](const QuerySpec& qs) {
          std::string sql = "SELECT d.id FROM documents d WHERE d.deleted=0";
          std::vector<std::string> binds;
          if (qs.phrase) {
            sql += " AND d.text LIKE ?";
            binds.push_back("%" + qs.joined() + "%");
          } else {
            for (const auto& w : qs.words) {
              sql += " AND d.text LIKE ?";
              binds.push_back("%" + w + "%");
            }
          }
          if (qs.filtered)
            sql +=
                " AND d.source_type_id=(SELECT id FROM source_types WHERE name='news') AND d.language='id' AND d.date "
                "BETWEEN '2013' AND '2016-99'";
          SQLite::Statement st(db, sql);
          for (size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i + 1), binds[i]);
          while (st.executeStep()) ++g_sink;
        },
        1);
    rows.push_back(r);
  }
  if (run("memmem")) {
    Row r;
    r.system = "memmem scan (in memory)";
    measure(
        r, few,
        [&](const QuerySpec& qs) {
          const std::string ph = qs.joined();
          for (const auto& text : texts) {
            bool all = true;
            if (qs.phrase)
              all = memmem(text.data(), text.size(), ph.data(), ph.size()) != nullptr;
            else
              for (const auto& w : qs.words)
                all = all && memmem(text.data(), text.size(), w.data(), w.size()) != nullptr;
            g_sink += all;
          }
        },
        1);
    rows.push_back(r);
  }

  // --- report
  if (rows.empty()) return 0;
  const Row& base = rows[0];
  std::cout << "\n### " << ndocs << " documents, " << static_cast<int>(mb + 0.5) << " MB of text\n\n";
  std::cout << "Indexing. CPU = CPU seconds on the critical path (the slowest thread plus the merge); throughput and "
               "the ratio use it.\n\n";
  std::cout << "| system | CPU | wall | throughput (CPU) | vs raw Xapian | index size | size / text |\n"
               "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& r : rows) {
    if (r.index_cpu <= 0) continue;
    char line[320];
    std::snprintf(line, sizeof line, "| %s | %.1f s | %.1f s | %.2f MB/s | %.2f× | %.0f MB | %.2f× |\n",
                  r.system.c_str(), r.index_cpu, r.index_s, mb / r.index_cpu,
                  base.index_cpu > 0 ? base.index_cpu / r.index_cpu : 0.0, r.size / 1e6,
                  static_cast<double>(r.size) / text_bytes);
    std::cout << line;
  }
  std::vector<std::string> classes = {"1 word", "2 words", "3 words", "phrase", "filtered"};
  for (int kind = 0; kind < 2; ++kind) {
    std::cout << "\nQuery " << (kind ? "wall" : "CPU") << " time in ms, p50 / p99 (top 20 with snippets; " << per_class
              << " queries per class for the indexes, " << scan_per_class << " for the scans):\n\n| system |";
    for (const auto& c : classes) std::cout << " " << c << " |";
    std::cout << "\n|---|";
    for (size_t i = 0; i < classes.size(); ++i) std::cout << "---:|";
    std::cout << "\n";
    for (const auto& r : rows) {
      const auto& m = kind ? r.q : r.qcpu;
      if (m.empty()) continue;
      std::cout << "| " << r.system << " |";
      for (const auto& c : classes) {
        auto it = m.find(c);
        char cell[64];
        if (it == m.end())
          std::snprintf(cell, sizeof cell, " – |");
        else
          std::snprintf(cell, sizeof cell, " %.2f / %.2f |", it->second.p50, it->second.p99);
        std::cout << cell;
      }
      std::cout << "\n";
    }
  }
  return 0;
}
