// Benchmark of one large document (issue 19: the default maximum document
// size, `import --max-mb`): plain text, HTML and PDF files whose text is
// 5, 10, 20 and 50 MB of generated Indonesian/English prose (the search
// benchmark's corpus generator: Zipf-distributed words from hunspell-id and
// wamerican, paragraphs, names, numbers), each imported into a fresh project
// by the real `telaah` binary and then indexed, as a researcher would:
//   telaah import P FILE --max-mb 1024      (extraction, normalisation, store)
//   telaah reindex P                        (the search index of that document)
//   telaah search P WORD                    (the first search afterwards)
//   telaah show P 1                         (the whole text read back, as the view does)
// For each step: wall time, CPU time (user + system, of the process and the
// children it waited for, e.g. the PDF sandbox) and peak resident memory
// (ru_maxrss of wait4, which covers the waited-for children too). PDFs are
// written here by hand (uncompressed content streams, Helvetica, about 20 KB
// of text per page) so that no PDF tool is needed. Results go to
// docs/performance.md ("One large document").
//
// Usage: document_size [--quick] [--sizes 5,10,20,50] [--formats txt,html,pdf]
//                      [--telaah PATH] [--keep DIR] [--no-index]
//   --quick: 1 and 2 MB only (a minute); the full run takes 10-20 minutes.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
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

// Runs argv with stdout captured (first 4 KB kept) and stderr to /dev/null;
// wait4's rusage gives the CPU time and peak RSS of the process and its
// waited-for children.
Run run(const std::vector<std::string>& argv) {
  Run r;
  int pipefd[2];
  if (::pipe(pipefd) != 0) return r;
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipefd[1], 1);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    std::FILE* devnull = std::fopen("/dev/null", "w");
    if (devnull) ::dup2(fileno(devnull), 2);
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

// Paragraphs of generated prose until `bytes` of text: the corpus
// generator's documents one after another, each headed by its title.
std::vector<std::string> paragraphs(const bench::CorpusGenerator& gen, size_t bytes) {
  std::vector<std::string> out;
  size_t n = 0;
  for (uint64_t i = 0; n < bytes; ++i) {
    const bench::GenDoc d = gen.make(i);
    out.push_back(d.title);
    n += d.title.size() + 2;
    std::istringstream in(d.text);
    std::string para, line;
    auto flush = [&] {
      if (!para.empty() && n < bytes) {
        n += para.size() + 2;
        out.push_back(std::move(para));
      }
      para.clear();
    };
    while (std::getline(in, line)) {
      if (line.empty())
        flush();
      else
        para += (para.empty() ? "" : " ") + line;
    }
    flush();
  }
  return out;
}

void write_txt(const fs::path& f, const std::vector<std::string>& ps) {
  std::ofstream o(f, std::ios::binary);
  for (const auto& p : ps) o << p << "\n\n";
}

std::string html_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '&')
      o += "&amp;";
    else if (c == '<')
      o += "&lt;";
    else if (c == '>')
      o += "&gt;";
    else
      o += c;
  }
  return o;
}

void write_html(const fs::path& f, const std::vector<std::string>& ps) {
  std::ofstream o(f, std::ios::binary);
  o << "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>Kumpulan berita</title></head>\n"
       "<body><article>\n";
  for (size_t i = 0; i < ps.size(); ++i) {
    const bool heading = ps[i].size() < 120 && ps[i].find('.') == std::string::npos;
    o << (heading ? "<h2>" : "<p>") << html_escape(ps[i]) << (heading ? "</h2>\n" : "</p>\n");
  }
  o << "</article></body></html>\n";
}

// A PDF string in WinAnsi: Latin-1 code points as bytes, others '?'.
std::string pdf_string(const std::string& s) {
  std::string o = "(";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0) {
      cp = '?';
      len = c >= 0xF0 ? 4 : 3;
    }
    i += len;
    if (cp == '(' || cp == ')' || cp == '\\') o += '\\';
    if (cp > 0xFF) cp = '?';
    o += static_cast<char>(cp);
  }
  return o + ")";
}

// Lines of at most `width` characters, broken at spaces.
std::vector<std::string> wrap(const std::string& p, size_t width) {
  std::vector<std::string> lines;
  std::istringstream in(p);
  std::string w, line;
  while (in >> w) {
    if (!line.empty() && line.size() + 1 + w.size() > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    line += (line.empty() ? "" : " ") + w;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

void write_pdf(const fs::path& f, const std::vector<std::string>& ps) {
  // Pages of 128 lines of up to 190 characters (Helvetica 5 pt, leading 6 pt)
  // with a blank line between paragraphs.
  std::vector<std::string> pages;
  std::string content;
  int lines_on_page = 0;
  auto new_page = [&] {
    if (lines_on_page > 0) pages.push_back(content + "ET\n");
    content = "BT\n/F1 5 Tf\n6 TL\n24 812 Td\n";
    lines_on_page = 0;
  };
  new_page();
  for (const auto& p : ps) {
    for (const auto& l : wrap(p, 190)) {
      if (lines_on_page >= 128) new_page();
      content += pdf_string(l) + " '\n";
      ++lines_on_page;
    }
    if (lines_on_page < 128) {
      content += "T*\n";
      ++lines_on_page;
    }
  }
  new_page();
  std::ofstream o(f, std::ios::binary);
  std::vector<size_t> offsets;
  size_t pos = 0;
  auto put = [&](const std::string& s) {
    o << s;
    pos += s.size();
  };
  auto obj = [&](const std::string& body) {
    offsets.push_back(pos);
    put(std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n");
  };
  put("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  obj("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  obj("<< /Type /Pages /Count " + std::to_string(pages.size()) + " /Kids [" + kids + "] >>");
  obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
        std::to_string(5 + 2 * i) + " 0 R >>");
    obj("<< /Length " + std::to_string(pages[i].size()) + " >>\nstream\n" + pages[i] + "endstream");
  }
  const size_t xref = pos;
  put("xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n");
  char buf[32];
  for (size_t off : offsets) {
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    put(buf);
  }
  put("trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
      std::to_string(xref) + "\n%%EOF\n");
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string x; std::getline(in, x, ',');)
    if (!x.empty()) out.push_back(x);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> sizes = {"5", "10", "20", "50"}, formats = {"txt", "html", "pdf"};
  fs::path telaah = fs::path(argv[0]).parent_path() / ".." / "telaah";
  fs::path keep;
  bool index = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << "document_size: import + indexing time and peak memory of one large document\n"
                   "(plain text, HTML, PDF of generated Indonesian/English prose), by the telaah binary.\n"
                   "Usage: document_size [--quick] [--sizes 5,10,20,50] [--formats txt,html,pdf]\n"
                   "                     [--telaah PATH] [--keep DIR] [--no-index]\n"
                   "  --quick    1 and 2 MB only\n"
                   "  --sizes    text sizes in MB (default 5,10,20,50)\n"
                   "  --formats  any of txt, html, pdf\n"
                   "  --telaah   the binary to measure (default: ../telaah beside this program)\n"
                   "  --keep     write the files and projects into DIR and keep them\n"
                   "  --no-index import only (the indexing of the same text differs little between formats)\n"
                   "Needs hunspell-id and wamerican (the word lists). Results: docs/performance.md.\n";
      return 0;
    }
    if (a == "--quick")
      sizes = {"1", "2"};
    else if (a == "--sizes" && i + 1 < argc)
      sizes = split(argv[++i]);
    else if (a == "--formats" && i + 1 < argc)
      formats = split(argv[++i]);
    else if (a == "--telaah" && i + 1 < argc)
      telaah = argv[++i];
    else if (a == "--keep" && i + 1 < argc)
      keep = argv[++i];
    else if (a == "--no-index")
      index = false;
    else {
      std::cerr << "document_size: unknown argument '" << a << "' (see --help)\n";
      return 1;
    }
  }
  std::error_code ec;
  telaah = fs::weakly_canonical(telaah, ec);
  if (!fs::exists(telaah)) {
    std::cerr << "document_size: no telaah binary at " << telaah << " (give --telaah PATH)\n";
    return 1;
  }
  const fs::path dir =
      keep.empty() ? fs::temp_directory_path() / ("telaah-docsize-" + std::to_string(::getpid())) : keep;
  fs::create_directories(dir);
  bench::CorpusGenerator gen;
  std::printf("%-5s %6s %9s | %-8s %8s %8s %8s | %-8s %8s %8s %8s | %8s %8s | %8s %8s | %s\n", "fmt", "text", "file",
              "import", "wall s", "cpu s", "RSS MB", "reindex", "wall s", "cpu s", "RSS MB", "search s", "RSS MB",
              "show s", "RSS MB", "notes");
  bool failed = false;
  for (const auto& sz : sizes) {
    const size_t bytes = static_cast<size_t>(std::stod(sz) * 1048576.0);
    const std::vector<std::string> ps = paragraphs(gen, bytes);
    // A word from the middle of the text, for the search.
    std::string word = "kerja";
    {
      std::istringstream in(ps[ps.size() / 2]);
      for (std::string w; in >> w;)
        if (w.size() >= 6 &&
            std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
          word = w;
          break;
        }
    }
    for (const auto& fmt : formats) {
      const fs::path file = dir / ("doc-" + sz + "mb." + fmt);
      if (fmt == "txt")
        write_txt(file, ps);
      else if (fmt == "html")
        write_html(file, ps);
      else if (fmt == "pdf")
        write_pdf(file, ps);
      else {
        std::cerr << "document_size: unknown format '" << fmt << "'\n";
        return 1;
      }
      const fs::path proj = dir / ("p-" + sz + "-" + fmt + ".telaah");
      fs::remove(proj, ec);
      fs::remove_all(dir / ("p-" + sz + "-" + fmt + ".telaah-index"), ec);
      const std::string T = telaah.string(), P = proj.string();
      Run mk = run({T, "new", P});
      if (mk.status != 0) {
        std::cerr << "document_size: telaah new failed (" << mk.status << ")\n";
        return 1;
      }
      const Run im = run({T, "import", P, file.string(), "--max-mb", "1024", "--quiet"});
      std::string notes;
      Run rx, se, sh;
      if (im.status != 0) {
        notes = "import exit " + std::to_string(im.status);
        failed = true;
      } else if (index) {
        rx = run({T, "reindex", P});
        se = run({T, "search", P, word, "--limit", "5"});
        sh = run({T, "show", P, "1"});
        if (rx.status || se.status || sh.status) {
          notes =
              "exit " + std::to_string(rx.status) + "/" + std::to_string(se.status) + "/" + std::to_string(sh.status);
          failed = true;
        }
      }
      std::printf(
          "%-5s %4s MB %6.1f MB | %-8s %8.1f %8.1f %8.0f | %-8s %8.1f %8.1f %8.0f | %8.2f %8.0f | %8.2f %8.0f | %s\n",
          fmt.c_str(), sz.c_str(), static_cast<double>(fs::file_size(file)) / 1048576.0, "", im.wall, im.cpu, im.rss_mb,
          "", rx.wall, rx.cpu, rx.rss_mb, se.wall, se.rss_mb, sh.wall, sh.rss_mb, notes.c_str());
      std::fflush(stdout);
      if (keep.empty()) {
        fs::remove(file, ec);
        fs::remove(proj, ec);
        fs::remove_all(dir / ("p-" + sz + "-" + fmt + ".telaah-index"), ec);
        for (const auto& e : fs::directory_iterator(dir, ec))  // backups, locks
          if (e.path().filename().string().rfind("p-", 0) == 0) fs::remove_all(e.path(), ec);
      }
    }
  }
  if (keep.empty()) fs::remove_all(dir, ec);
  return failed ? 1 : 0;
}
