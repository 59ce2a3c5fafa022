// Benchmark of the analysis read side on 1,000,000 codings over 100,000
// documents and 60 codes (generated into a temporary project with raw SQL in
// one transaction):
//   - the whole triangulation matrix from the in-memory evidence table
//     against the same crosstab as an SQL join + GROUP BY (same run, same
//     answer checked cell by cell);
//   - code co-occurrence by sort-and-sweep in memory against an SQL self-join
//     (same answer checked);
//   - opening the project to a usable table (Project::open + EvidenceTable::load),
//     warm, and an incremental refresh after one new coding against a full load.
// Usage: triangulation_matrix [--codings N] [--docs N] [--skip-selfjoin] [--project FILE]
// (--project keeps the generated project at FILE, and reuses it when it exists;
// --mmap sets PRAGMA mmap_size on the connection first, to measure what
// memory-mapped reads would save the store.)
#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "analysis/cooccurrence.h"
#include "analysis/evidence.h"
#include "analysis/triangulation.h"
#include "store/project.h"

using namespace telaah;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// Wall time and this process's CPU time: on a shared, loaded machine the
// CPU time is what the code costs; the wall time is what a user would wait.
struct Span {
  double wall = 0, cpu = 0;
};

double cpu_now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

template <class F>
Span timed(F&& f) {
  const auto w = Clock::now();
  const double c = cpu_now_ms();
  f();
  return {ms_since(w), cpu_now_ms() - c};
}

// Median of wall and of CPU time over `runs`.
template <class F>
Span median(int runs, F&& f) {
  std::vector<double> w, c;
  for (int i = 0; i < runs; ++i) {
    Span s = timed(f);
    w.push_back(s.wall);
    c.push_back(s.cpu);
  }
  std::sort(w.begin(), w.end());
  std::sort(c.begin(), c.end());
  return {w[w.size() / 2], c[c.size() / 2]};
}

std::string show(const Span& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, s.cpu < 10 ? "%.2f ms (cpu %.2f ms)" : "%.0f ms (cpu %.0f ms)", s.wall, s.cpu);
  return buf;
}

// 60 codes: 6 variables x 4 indicators, one sub-code per indicator, 6 codes
// outside the indicators (Impediment and friends).
std::vector<store::Id> make_codebook(store::Project& p) {
  nlohmann::json codes = nlohmann::json::array();
  for (int v = 0; v < 6; ++v) {
    nlohmann::json inds = nlohmann::json::array();
    for (int i = 0; i < 4; ++i)
      inds.push_back({{"name", "Indicator " + std::to_string(v) + "." + std::to_string(i)},
                      {"kind", "indicator"},
                      {"children", {{{"name", "Sub " + std::to_string(v) + "." + std::to_string(i)}}}}});
    codes.push_back({{"name", "Variable " + std::to_string(v)}, {"kind", "variable"}, {"children", inds}});
  }
  for (int c = 0; c < 6; ++c)
    codes.push_back({{"name", c == 0 ? std::string("Impediment") : "Other " + std::to_string(c)}});
  p.load_codebook({{"codes", codes}});
  std::vector<store::Id> ids;
  for (const auto& c : p.codes()) ids.push_back(c.id);
  return ids;
}

void generate(store::Project& p, int64_t ndocs, int64_t ncodings, const std::vector<store::Id>& codes) {
  auto& db = p.db();
  std::mt19937_64 rng(20240611);
  const std::string body(400, 'x');
  const auto now = store::now_iso();
  SQLite::Transaction tx(db);
  db.exec("INSERT INTO coders(name) VALUES ('ayu'), ('bima')");
  SQLite::Statement d(db,
                      "INSERT INTO documents(id, title, source_type_id, date, length_cp, text, created, modified) "
                      "VALUES (?, ?, ?, ?, 400, ?, ?, ?)");
  SQLite::Statement a(db, "INSERT INTO attributes(doc_id, name, value) VALUES (?, 'outlet', ?)");
  for (int64_t i = 1; i <= ndocs; ++i) {
    const int type = static_cast<int>(rng() % 3) + 1;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2011 + static_cast<int>(rng() % 7),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    d.bind(1, i);
    d.bind(2, "Document " + std::to_string(i));
    d.bind(3, type);
    d.bind(4, date);
    d.bind(5, body);
    d.bind(6, now);
    d.bind(7, now);
    d.exec();
    d.reset();
    if (type == 2) {
      a.bind(1, i);
      a.bind(2, "Outlet " + std::to_string(rng() % 12));
      a.exec();
      a.reset();
    }
  }
  SQLite::Statement c(db,
                      "INSERT INTO codings(doc_id, code_id, coder_id, start, end, stance, created, modified) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const char* stances[] = {"supports", "contradicts", "neutral"};
  for (int64_t i = 0; i < ncodings; ++i) {
    const int64_t start = static_cast<int64_t>(rng() % 360);
    c.bind(1, static_cast<int64_t>(rng() % static_cast<uint64_t>(ndocs)) + 1);
    c.bind(2, codes[rng() % codes.size()]);
    c.bind(3, rng() % 10 < 8 ? 1 : 2);
    c.bind(4, start);
    c.bind(5, start + 5 + static_cast<int64_t>(rng() % 36));
    c.bind(6, stances[rng() % 3]);
    c.bind(7, now);
    c.bind(8, now);
    c.exec();
    c.reset();
  }
  tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
  int64_t ncodings = 1000000, ndocs = 100000;
  bool selfjoin = true;
  std::string keep;
  bool mmap = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--codings") && i + 1 < argc)
      ncodings = std::atoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--docs") && i + 1 < argc)
      ndocs = std::atoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--skip-selfjoin"))
      selfjoin = false;
    else if (!std::strcmp(argv[i], "--project") && i + 1 < argc)
      keep = argv[++i];
    else if (!std::strcmp(argv[i], "--mmap"))
      mmap = true;
    else if (!std::strcmp(argv[i], "--quick")) {
      ncodings = 100000;
      ndocs = 10000;
      selfjoin = false;
    } else {
      const bool help = !std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h");
      (help ? std::cout : std::cerr)
          << "usage: triangulation_matrix [--quick] [--codings N] [--docs N] [--skip-selfjoin] [--project FILE] "
             "[--mmap]\n"
             "  The triangulation matrix, co-occurrence and the evidence table in memory against SQLite on a\n"
             "  generated project (default 1,000,000 codings over 100,000 documents; --quick: 100,000 over\n"
             "  10,000, without the slow self-join baseline).\n";
      return help ? 0 : 1;
    }
  }
  const fs::path dir = fs::temp_directory_path() / ("telaah-bench-tri-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = keep.empty() ? dir / "bench.telaah" : fs::path(keep);
  int failures = 0;
  if (!fs::exists(file)) {
    auto t0 = Clock::now();
    auto p = store::Project::create(file);
    auto codes = make_codebook(*p);
    generate(*p, ndocs, ncodings, codes);
    std::printf("generated %lld codings over %lld documents and %zu codes in %.0f ms\n",
                static_cast<long long>(ncodings), static_cast<long long>(ndocs), codes.size(), ms_since(t0));
    std::fflush(stdout);
  }

  // Open to usable, warm: the file is in the page cache after the first open.
  Span open_t, load_t;
  std::unique_ptr<store::Project> p;
  analysis::EvidenceTable t;
  for (int run = 0; run < 3; ++run) {
    p.reset();
    open_t = timed([&] {
      p = store::Project::open(file);
      if (mmap) p->db().exec("PRAGMA mmap_size=1073741824");
    });
    load_t = timed([&] { t = analysis::EvidenceTable::load(*p); });
  }
  std::printf("open %s + evidence table %s = %.0f ms wall, %.0f ms cpu to usable (target <= 1000 ms)\n",
              show(open_t).c_str(), show(load_t).c_str(), open_t.wall + load_t.wall, open_t.cpu + load_t.cpu);

  // The whole matrix: in memory ...
  analysis::Query q;  // every coder, columns by source type
  analysis::Matrix m;
  const Span mem = median(21, [&] { m = analysis::triangulate(t, q, {}); });
  // ... and the SQL crosstab that gives the same cells.
  std::string rollup = "VALUES ";
  for (size_t c = 0; c < t.code_count(); ++c)
    rollup += (c ? ",(" : "(") + std::to_string(t.code_id[c]) + "," +
              std::to_string(t.code_id[static_cast<size_t>(t.code_rollup[c])]) + ")";
  const std::string sql =
      "WITH r(code_id, target) AS (" + rollup +
      ") SELECT r.target, d.source_type_id, count(*), count(DISTINCT c.doc_id), sum(c.stance='supports'), "
      "sum(c.stance='contradicts'), sum(c.stance='neutral') FROM codings c JOIN documents d ON d.id = c.doc_id "
      "JOIN r ON r.code_id = c.code_id WHERE d.deleted = 0 GROUP BY r.target, d.source_type_id";
  std::map<std::pair<int64_t, int64_t>, std::array<int64_t, 5>> sql_cells;
  const Span sql_t = median(3, [&] {
    sql_cells.clear();
    SQLite::Statement st(p->db(), sql);
    while (st.executeStep())
      sql_cells[{st.getColumn(0).getInt64(), st.getColumn(1).getInt64()}] = {
          st.getColumn(2).getInt64(), st.getColumn(3).getInt64(), st.getColumn(4).getInt64(),
          st.getColumn(5).getInt64(), st.getColumn(6).getInt64()};
  });
  int mismatches = 0;
  for (const auto& row : m.rows)
    for (size_t k = 0; k < row.cells.size(); ++k) {
      const auto type = t.type_id[static_cast<size_t>(t.type_order[k])];
      const auto& c = row.cells[k];
      std::array<int64_t, 5> want{0, 0, 0, 0, 0};
      if (auto it = sql_cells.find({row.code_id, type}); it != sql_cells.end()) want = it->second;
      if (want != std::array<int64_t, 5>{c.codings, c.documents, c.supports, c.contradicts, c.neutral}) ++mismatches;
    }
  std::printf(
      "matrix (%zu indicators x %zu columns): in memory %s, SQL join + GROUP BY %s, ratio wall 1/%.0f, cpu 1/%.0f "
      "(target <= 50 ms and <= 1/25); %s\n",
      m.rows.size(), m.columns.labels.size(), show(mem).c_str(), show(sql_t).c_str(), sql_t.wall / mem.wall,
      sql_t.cpu / mem.cpu, mismatches ? "CELLS DIFFER" : "same cells");
  failures += mismatches != 0;

  // Attribute columns and filters cost the same pass.
  analysis::Query qa;
  qa.by = "outlet";
  qa.coders = {"ayu"};
  qa.from = "2013";
  qa.to = "2015";
  std::printf("matrix by outlet, one coder, 2013-2015: %s\n",
              show(median(11, [&] { analysis::triangulate(t, qa, {}); })).c_str());

  // Co-occurrence: sort-and-sweep ...
  analysis::CoOccurrence co;
  const Span co_t = median(5, [&] { co = analysis::cooccurrence(t); });
  std::printf("co-occurrence sort-and-sweep: %s (target <= 300 ms)\n", show(co_t).c_str());
  if (selfjoin) {  // ... against the SQL self-join (slow: run once)
    std::vector<int64_t> want(co.n * co.n, 0);
    const Span join_t = timed([&] {
      SQLite::Statement st(
          p->db(),
          "SELECT a.code_id, b.code_id, count(*) FROM codings a JOIN codings b ON b.doc_id = a.doc_id "
          "AND b.start < a.end AND a.start < b.end AND a.id < b.id JOIN documents d ON d.id = a.doc_id "
          "WHERE d.deleted = 0 GROUP BY a.code_id, b.code_id");
      while (st.executeStep()) {
        const auto x = static_cast<size_t>(t.code_index(st.getColumn(0).getInt64()));
        const auto y = static_cast<size_t>(t.code_index(st.getColumn(1).getInt64()));
        const int64_t n = st.getColumn(2).getInt64();
        want[x * co.n + y] += n;
        if (x != y) want[y * co.n + x] += n;
      }
    });
    const bool same = want == co.counts;
    std::printf("co-occurrence SQL self-join: %s, ratio wall 1/%.0f, cpu 1/%.0f; %s\n", show(join_t).c_str(),
                join_t.wall / co_t.wall, join_t.cpu / co_t.cpu, same ? "same counts" : "COUNTS DIFFER");
    failures += !same;
  }

  // One new coding: incremental refresh against a full reload.
  store::Coding c;
  c.doc = 1;
  c.code = t.code_id[static_cast<size_t>(t.code_order[1])];
  c.start = 0;
  c.end = 10;
  c.coder = 1;
  p->add_coding(c);
  const Span refresh_t = timed([&] { t.refresh(*p); });
  analysis::EvidenceTable full;
  const Span full_t = timed([&] { full = analysis::EvidenceTable::load(*p); });
  std::printf("after one new coding: incremental refresh %s, full load %s; %s\n", show(refresh_t).c_str(),
              show(full_t).c_str(), full.size() == t.size() ? "same size" : "SIZES DIFFER");
  failures += full.size() != t.size();

  p.reset();
  fs::remove_all(dir);
  if (!keep.empty()) std::printf("kept %s (it now has one coding more than generated)\n", keep.c_str());
  return failures ? 1 : 0;
}
