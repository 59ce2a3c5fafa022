// Installing Telaah as a package (issue 26): --version, finding the data of an
// installed copy, the man page and bash completion generated from the CLI.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <xapian.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "helpers/run.h"
#include "helpers/temp_dir.h"

namespace fs = std::filesystem;
using telaah::test::run;
using telaah::test::TempDir;

namespace {

const std::string kBinary = TELAAH_BINARY;
const fs::path kSource = TELAAH_SOURCE_DIR;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The version written in the top CMakeLists.txt's project(... VERSION x.y.z).
std::string cmake_project_version() {
  std::smatch m;
  const std::string top = read_file(kSource / "CMakeLists.txt");
  REQUIRE(std::regex_search(top, m, std::regex(R"(project\(telaah VERSION ([0-9.]+))")));
  return m[1];
}

}  // namespace

TEST_CASE("--version names this build and the SQLite, Xapian and ImGui it runs with") {
  auto r = run({kBinary, "--version"});
  CHECK(r.status == 0);
  INFO(r.out);
  CHECK(r.out.rfind("telaah " + cmake_project_version() + "\n", 0) == 0);
  CHECK(r.out.find("SQLite " + std::string(sqlite3_libversion()) + "\n") != std::string::npos);
  CHECK(r.out.find("Xapian " + std::string(Xapian::version_string()) + "\n") != std::string::npos);
  CHECK(std::regex_search(r.out, std::regex(R"(\nDear ImGui [0-9]+\.[0-9]+)")));
}

// Which corpus `telaah sample` used shows in its error for a corpus folder that
// has a manifest but no framework.json.
static fs::path fake_corpus(const fs::path& dir) {
  fs::create_directories(dir);
  std::ofstream(dir / "manifest.tsv") << "file\ttype\n";
  return dir;
}

TEST_CASE("the sample corpus is found through TELAAH_DATA_DIR, then next to an installed binary") {
  TempDir t;
  SUBCASE("$TELAAH_DATA_DIR/corpus") {
    const fs::path corpus = fake_corpus(t / "data/corpus");
    auto r = run({kBinary, "sample", (t / "p.telaah").string()}, {"TELAAH_DATA_DIR=" + (t / "data").string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("framework.json: " + (corpus / "framework.json").string()) != std::string::npos);
  }
  SUBCASE("$TELAAH_DATA_DIR naming the corpus folder itself") {
    const fs::path corpus = fake_corpus(t / "mycorpus");
    auto r = run({kBinary, "sample", (t / "p.telaah").string()}, {"TELAAH_DATA_DIR=" + corpus.string()});
    CHECK(r.status == 1);
    CHECK(r.err.find((corpus / "framework.json").string()) != std::string::npos);
  }
  SUBCASE("<exe dir>/../share/telaah/corpus wins over the source tree it was built from") {
    fs::create_directories(t / "usr/bin");
    fs::copy_file(kBinary, t / "usr/bin/telaah");
    const fs::path corpus = fake_corpus(t / "usr/share/telaah/corpus");
    auto r = run({(t / "usr/bin/telaah").string(), "sample", (t / "p.telaah").string()});
    CHECK(r.status == 1);
    CHECK(r.err.find((corpus / "framework.json").string()) != std::string::npos);
  }
  SUBCASE("without either, the build tree's corpus builds the sample") {
    auto r = run({kBinary, "sample", (t / "p.telaah").string()}, {"TELAAH_DATA_DIR="});
    CHECK(r.status == 0);
    CHECK(fs::exists(t / "p.telaah"));
  }
}

// The commands `telaah --help` lists (CLI11: the lines under "Subcommands:").
static std::vector<std::string> help_commands() {
  auto r = run({kBinary, "--help"});
  REQUIRE(r.status == 0);
  std::vector<std::string> names;
  std::istringstream in(r.out);
  std::string line;
  bool in_list = false;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0 || line.rfind("SUBCOMMANDS:", 0) == 0) {
      in_list = true;
      continue;
    }
    if (!in_list) continue;
    if (line.empty() || line[0] != ' ') break;
    // "  pseudonymise, pseudonymize  Replace names ...": the name column holds aliases too.
    std::string column = line.substr(line.find_first_not_of(' '));
    column = column.substr(0, column.find("  "));
    for (size_t at = 0; at <= column.size();) {
      const size_t comma = column.find(", ", at);
      names.push_back(column.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
      if (comma == std::string::npos) break;
      at = comma + 2;
    }
  }
  return names;
}

TEST_CASE("the man page documents every command that --help lists") {
  const auto commands = help_commands();
  REQUIRE(commands.size() >= 10);
  auto man = run({kBinary, "help-man"});
  REQUIRE(man.status == 0);
  CHECK(man.out.rfind(".TH TELAAH 1", 0) == 0);
  for (const auto& c : commands) {
    INFO(c);
    std::string roff_name;  // '-' is written \- in roff
    for (char ch : c) roff_name += ch == '-' ? std::string("\\-") : std::string(1, ch);
    CHECK((man.out.find(".SS \"telaah " + roff_name) != std::string::npos ||
           man.out.find("Also spelled \\fB" + roff_name + "\\fR") != std::string::npos));
  }
  // The hidden packaging commands stay out of both.
  CHECK(std::find(commands.begin(), commands.end(), "help-man") == commands.end());
  CHECK(man.out.find(".SS \"telaah help\\-man") == std::string::npos);
  // An option of a command, with its help text.
  CHECK(man.out.find("\\fB\\-\\-screenshot\\fR") != std::string::npos);
  CHECK(man.out.find("draw, write this PNG file and exit") != std::string::npos);
}

// Runs the generated completion function for the words typed so far (the last
// one is the word being completed) and returns COMPREPLY, one entry a line.
static std::set<std::string> complete(const std::string& script, const std::vector<std::string>& words,
                                      const fs::path& cwd) {
  std::string w = "COMP_WORDS=(";
  for (const auto& x : words) w += "'" + x + "' ";
  w += "); COMP_CWORD=" + std::to_string(words.size() - 1) + "; ";
  auto r = run({"/bin/bash", "--norc", "-c",
                "cd '" + cwd.string() + "' && source '" + script + "' && " + w +
                    "_telaah && printf '%s\\n' \"${COMPREPLY[@]}\""});
  REQUIRE(r.status == 0);
  INFO(r.err);
  std::set<std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.insert(line);
  return out;
}

TEST_CASE("bash completion offers every command, their options and project files") {
  TempDir t;
  auto gen = run({kBinary, "help-bash"});
  REQUIRE(gen.status == 0);
  const fs::path script = t.write("telaah.bash", gen.out);
  fs::create_directories(t / "work");
  t.write("work/study.telaah", "");
  t.write("work/shared.qdpx", "");
  t.write("work/notes.txt", "");

  const auto all = complete(script, {"telaah", ""}, t / "work");
  for (const auto& c : help_commands()) {
    INFO(c);
    CHECK(all.count(c) == 1);
  }
  CHECK(all.count("help-man") == 0);
  CHECK(complete(script, {"telaah", "--ver"}, t / "work") == std::set<std::string>{"--version"});
  CHECK(complete(script, {"telaah", "gui", "--scr"}, t / "work") == std::set<std::string>{"--screenshot"});
  // A project argument offers .telaah files; gui also .qdpx (it imports them).
  CHECK(complete(script, {"telaah", "sample", ""}, t / "work") == std::set<std::string>{"study.telaah"});
  CHECK(complete(script, {"telaah", "gui", "s"}, t / "work") == std::set<std::string>{"study.telaah", "shared.qdpx"});
  // The value of an option is any file.
  CHECK(complete(script, {"telaah", "gui", "--screenshot", "n"}, t / "work") == std::set<std::string>{"notes.txt"});
  // Nested commands: `shards` offers its own subcommands.
  const auto shards = complete(script, {"telaah", "shards", ""}, t / "work");
  CHECK(shards.count("status") == 1);
  CHECK(shards.count("set") == 1);
  // An alias is a command too: its options complete.
  CHECK(complete(script, {"telaah", "pseudonymize", "--js"}, t / "work") == std::set<std::string>{"--json"});
}

TEST_CASE("the desktop entry and the MIME types validate") {
  const fs::path pkg = kSource / "packaging";
  auto d = run({"/usr/bin/desktop-file-validate", (pkg / "telaah.desktop").string()});
  INFO(d.out, d.err);
  CHECK(d.status == 0);
  CHECK(d.out.empty());  // no warnings or hints either
  const std::string desktop = read_file(pkg / "telaah.desktop");
  CHECK(desktop.find("\nMimeType=application/x-telaah;application/x-qdpx;\n") != std::string::npos);
  CHECK(desktop.find("\nName[id]=") != std::string::npos);
  CHECK(desktop.find("\nComment[id]=") != std::string::npos);

  auto x = run({"/usr/bin/xmllint", "--noout", (pkg / "telaah.xml").string(), (pkg / "telaah.svg").string()});
  INFO(x.err);
  CHECK(x.status == 0);
  // shared-mime-info compiles it: the globs land in the database.
  TempDir t;
  fs::create_directories(t / "mime/packages");
  fs::copy_file(pkg / "telaah.xml", t / "mime/packages/telaah.xml");
  auto u = run({"/usr/bin/update-mime-database", (t / "mime").string()});
  INFO(u.err);
  CHECK(u.status == 0);
  const std::string globs = read_file(t / "mime/globs2");
  CHECK(globs.find("application/x-telaah:*.telaah") != std::string::npos);
  CHECK(globs.find("application/x-qdpx:*.qdpx") != std::string::npos);
}
