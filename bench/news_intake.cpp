// Benchmark of news intake (issue 23 item 4): a generated CSV of N articles
// (title, outlet, date, author, url, text; the search benchmark's generated
// Indonesian/English prose, one article per row, texts quoted with commas
// and line breaks inside) imported by the real binary,
//   telaah import P news.csv --split table --quiet
// against a baseline in the same run: a tiny program (this one, started
// with --baseline) that parses the same CSV and inserts the same rows into a
// bare SQLite table (no blocks, no attributes, no change log, no checks) in
// one transaction. For each: wall and CPU time and peak resident memory
// (ru_maxrss of wait4), articles/s and MB/s of CSV. Results go to
// docs/performance.md ("News intake").
//
// Usage: news_intake [--quick] [--rows N] [--telaah PATH] [--keep DIR]
//   --quick: 2,000 rows. Run under `nice -n 10` on a shared machine.
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "search_corpus.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  double wall = 0, cpu = 0, rss_mb = 0;
  std::string out;
};

Run run(const std::vector<std::string>& argv) {
  Run r;
  int pipefd[2];
  if (::pipe(pipefd) != 0) return r;
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipefd[1], 1);
    ::dup2(pipefd[1], 2);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(pipefd[1]);
  char buf[65536];
  for (ssize_t n; (n = ::read(pipefd[0], buf, sizeof buf)) > 0;)
    if (r.out.size() < 4096) r.out.append(buf, static_cast<size_t>(n));
  ::close(pipefd[0]);
  int st = 0;
  rusage ru{};
  ::wait4(pid, &st, 0, &ru);
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

std::string quote(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
}

// The baseline: the same CSV into a bare table, one transaction, nothing else.
int baseline(const std::string& csv, const std::string& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) return 2;
  sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  sqlite3_exec(db,
               "CREATE TABLE articles(id INTEGER PRIMARY KEY, title TEXT, outlet TEXT, date TEXT, author TEXT, url "
               "TEXT, text TEXT)",
               nullptr, nullptr, nullptr);
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO articles(title, outlet, date, author, url, text) VALUES (?,?,?,?,?,?)", -1, &st,
                     nullptr);
  std::ifstream in(csv, std::ios::binary);
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, header = true;
  size_t rows = 0;
  auto end_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    if (header) {
      header = false;
    } else if (row.size() == 6) {
      for (int k = 0; k < 6; ++k)
        sqlite3_bind_text(st, k + 1, row[k].data(), static_cast<int>(row[k].size()), SQLITE_STATIC);
      sqlite3_step(st);
      sqlite3_reset(st);
      ++rows;
    }
    row.clear();
  };
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = in.gcount();
    for (std::streamsize i = 0; i < n; ++i) {
      const char c = buf[static_cast<size_t>(i)];
      if (quoted) {
        if (c == '"') {
          const char nx = i + 1 < n ? buf[static_cast<size_t>(i) + 1] : '\0';
          if (nx == '"') {
            cell += '"';
            ++i;
          } else
            quoted = false;
        } else
          cell += c;
      } else if (c == '"')
        quoted = true;
      else if (c == ',') {
        row.push_back(std::move(cell));
        cell.clear();
      } else if (c == '\n')
        end_row();
      else if (c != '\r')
        cell += c;
    }
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::cout << rows << " rows\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "--baseline") return baseline(args[1], args[2]);
  size_t rows = 100000;
  std::string telaah = (fs::path(argv[0]).parent_path().parent_path() / "telaah").string();
  std::string keep;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--quick")
      rows = 2000;
    else if (args[i] == "--rows" && i + 1 < args.size())
      rows = std::stoul(args[++i]);
    else if (args[i] == "--telaah" && i + 1 < args.size())
      telaah = args[++i];
    else if (args[i] == "--keep" && i + 1 < args.size())
      keep = args[++i];
    else {
      std::cout << "usage: news_intake [--quick] [--rows N] [--telaah PATH] [--keep DIR]\n";
      return args[i] == "--help" ? 0 : 1;
    }
  }
  const fs::path dir =
      keep.empty() ? fs::temp_directory_path() / ("news_intake_" + std::to_string(::getpid())) : fs::path(keep);
  fs::create_directories(dir);
  const fs::path csv = dir / "news.csv";
  {
    bench::CorpusGenerator gen;
    std::ofstream o(csv, std::ios::binary);
    o << "title,outlet,date,author,url,text\n";
    for (size_t i = 0; i < rows; ++i) {
      bench::GenDoc d = gen.make(i);
      std::string text = d.text.substr(0, std::min<size_t>(d.text.size(), 6000));
      while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
      if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
      o << quote(d.title + " " + std::to_string(i)) << ',' << quote(d.outlet.empty() ? "Harian Contoh" : d.outlet)
        << ',' << (d.date.empty() ? "2014-05-01" : d.date) << ',' << quote(d.author) << ",https://example.org/" << i
        << ',' << quote(text) << "\n";
    }
  }
  const double mb = static_cast<double>(fs::file_size(csv)) / (1024.0 * 1024.0);
  std::cout << "rows " << rows << ", CSV " << mb << " MB\n";
  const std::string project = (dir / "p.telaah").string();
  fs::remove(project);
  Run init = run({telaah, "new", project, "--empty"});
  if (init.status != 0) init = run({telaah, "new", project});
  Run imp = run({telaah, "import", project, csv.string(), "--split", "table", "--quiet"});
  if (imp.status != 0) {
    std::cerr << "import failed: " << imp.out << "\n";
    return 1;
  }
  const std::string db = (dir / "bare.sqlite").string();
  fs::remove(db);
  Run base = run({fs::absolute(argv[0]).string(), "--baseline", csv.string(), db});
  auto line = [&](const char* what, const Run& r) {
    std::printf("%-32s %8.2f s wall %8.2f s CPU %8.0f MB peak  %9.0f articles/s  %6.2f MB/s\n", what, r.wall, r.cpu,
                r.rss_mb, static_cast<double>(rows) / r.wall, mb / r.wall);
  };
  line("telaah import --split table", imp);
  line("bare SQLite table (baseline)", base);
  std::printf("ratio (telaah / baseline wall)   %.1fx\n", imp.wall / base.wall);
  std::printf("project %.0f MB, bare table %.0f MB\n", static_cast<double>(fs::file_size(project)) / 1048576.0,
              static_cast<double>(fs::file_size(db)) / 1048576.0);
  if (keep.empty()) fs::remove_all(dir);
  return 0;
}
