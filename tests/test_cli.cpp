// Tests of the `telaah` command line, through the real binary: the issue's
// end-to-end pipeline, --help and --json of every command, and every kind of
// bad input (missing file, bad UTF-8, unknown code, offsets out of range,
// quote not found or ambiguous, project locked): one clear line on stderr,
// exit status 1, and the project unchanged.
#include <doctest/doctest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "helpers/project_fixture.h"
#include "helpers/run.h"
#include "text/utf8.h"

using namespace telaah;
using telaah::test::Result;
using telaah::test::TempDir;

namespace {

const std::string kBinary = TELAAH_BINARY;

Result tl(std::vector<std::string> args) {
  args.insert(args.begin(), kBinary);
  return telaah::test::run(args, {"USER=tester"});
}

// Interview notes with multi-byte characters (curly quotes, dashes, Hangul,
// an emoji) before the passages, so code points and bytes differ.
const std::string kNotes =
    "Pewawancara: “Apa dasar hukumnya?” — tanya saya. 서울특별시 👍\n\n"
    "Informan A: Komunike bersama 1984 tidak memuat hak dan kewajiban. Komunike itu pendek.\n";

struct Cli {
  TempDir dir{"telaah-cli"};
  std::string p = (dir / "p.telaah").string();
  Cli() {
    dir.write("notes.txt", kNotes);
    REQUIRE(tl({"new", p}).status == 0);
    REQUIRE(tl({"import", p, (dir / "notes.txt").string(), "--type", "interview", "--quiet"}).status == 0);
    REQUIRE(tl({"code", p, "--doc", "1", "--quote", "Komunike itu pendek", "--code", "Input/Legal infrastructure"})
                .status == 0);
    REQUIRE(tl({"memo", p, "--title", "Rencana", "--text", "triangulasi"}).status == 0);
  }
  // What a user could see, read through the model: equal dumps, same data.
  std::string dump() {
    auto proj = store::Project::open(p);
    return telaah::test::dump(*proj) + "rev " + std::to_string(proj->revision());
  }
};

int64_t cps(const std::string& s) {
  return static_cast<int64_t>(text::count_code_points(s));
}

// A failure the user caused: exit 1, one line on stderr that starts with
// "telaah: " and contains `expect`.
void check_user_error(const Result& r, const std::string& expect) {
  CAPTURE(r.err);
  CAPTURE(r.out);
  CHECK(r.status == 1);
  CHECK(r.err.rfind("telaah: ", 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.find(expect) != std::string::npos);
}

}  // namespace

TEST_CASE("the pipeline of the issue prints the coding with code-point offsets") {
  TempDir dir{"telaah-cli"};
  const auto notes = dir.write("notes.txt", kNotes);
  const std::string p = (dir / "p.telaah").string();
  const std::string quote = "tidak memuat hak dan kewajiban";
  REQUIRE(tl({"new", p}).status == 0);
  REQUIRE(tl({"import", p, notes.string(), "--type", "interview"}).status == 0);
  auto code = tl(
      {"code", p, "--doc", "1", "--quote", quote, "--code", "Input/Legal infrastructure", "--stance", "contradicts"});
  REQUIRE(code.status == 0);
  CHECK(code.out.find("coded #1 Input/Legal infrastructure") != std::string::npos);
  auto r = tl({"codings", p, "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 1);
  const size_t byte = kNotes.find(quote);
  const int64_t start = cps(kNotes.substr(0, byte));
  CHECK(start != static_cast<int64_t>(byte));  // the test means something only if they differ
  CHECK(j[0]["start"] == start);
  CHECK(j[0]["end"] == start + cps(quote));
  CHECK(j[0]["quote"] == quote);
  CHECK(j[0]["code"] == "Input/Legal infrastructure");
  CHECK(j[0]["stance"] == "contradicts");
  CHECK(j[0]["coder"] == "tester");
  CHECK(j[0]["document"] == 1);
  // And `show --around` finds the same place.
  auto show = tl({"show", p, "1", "--around", std::to_string(start), "--context", "0", "--json"});
  REQUIRE(show.status == 0);
  CHECK(nlohmann::json::parse(show.out)["start"] == start);
}

TEST_CASE("--help of every command exits 0 and offers --json") {
  for (std::string cmd : {"new", "info", "import", "docs", "show", "doc", "codes", "code", "uncode", "recode",
                          "codings", "memo", "undo", "redo", "check"}) {
    CAPTURE(cmd);
    auto r = tl({cmd, "--help"});
    CHECK(r.status == 0);
    CHECK(r.out.find("--json") != std::string::npos);
    CHECK(r.out.find("--help") != std::string::npos);
  }
  auto r = tl({"--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("codings") != std::string::npos);
  auto bad = tl({"no-such-command"});
  CHECK(bad.status == 1);
}

TEST_CASE("--json output of every command parses") {
  Cli c;
  const std::string notes = (c.dir / "notes.txt").string();
  c.dir.write("more.txt", "Berita: ekspor naik.\n");
  c.dir.write("codebook.json", R"({"codes": [{"name": "Impediment", "children": [{"name": "Birokrasi"}]}]})");
  const std::vector<std::vector<std::string>> commands = {
      {"info", c.p},
      {"docs", c.p},
      {"show", c.p, "1"},
      {"show", c.p, "1", "--around", "10", "--context", "3"},
      {"import", c.p, (c.dir / "more.txt").string(), "--type", "news", "--lang", "id", "--date", "2015-03-01"},
      {"doc", c.p, "2", "--rename", "Berita ekspor", "--set", "author=Warta Niaga", "--attr", "pages:number=2"},
      {"doc", c.p, "2"},
      {"codes", c.p},
      {"codes", c.p, "--load", (c.dir / "codebook.json").string()},
      {"codes", c.p, "--add", "Kinerja ekspor", "--parent", "Output/Trade goals reached", "--colour", "#E8877F"},
      {"codes", c.p, "--edit", "Impediment/Birokrasi", "--definition", "Izin yang berbelit"},
      {"codes", c.p, "--move", "Impediment/Birokrasi", "--root"},
      {"codes", c.p, "--merge", "Birokrasi", "--into", "Impediment"},
      {"code", c.p, "--doc", "1", "--start", "0", "--end", "11", "--code", "Process/Programme continuity", "--memo",
       "“pertanyaan”"},
      {"code", c.p, "--doc", "Berita ekspor", "--quote", "ekspor naik", "--code", "O1", "--stance", "+"},
      {"recode", c.p, "2", "--stance", "supports", "--memo", "revisi"},
      {"codings", c.p},
      {"codings", c.p, "--code", "Input", "--type", "interview", "--coder", "tester", "--stance", "neutral"},
      {"uncode", c.p, "2"},
      {"memo", c.p},
      {"memo", c.p, "--code", "Impediment", "--text", "sering disebut"},
      {"memo", c.p, "--edit", "1", "--title", "Rencana baru"},
      {"memo", c.p, "--delete", "2"},
      {"undo", c.p},
      {"redo", c.p},
      {"codes", c.p, "--delete", "Impediment", "--yes"},
      {"doc", c.p, "2", "--delete"},
      {"check", c.p},
  };
  for (auto args : commands) {
    args.push_back("--json");
    CAPTURE(args[0] + " " + (args.size() > 2 ? args[2] : ""));
    auto r = tl(args);
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    nlohmann::json j;
    CHECK_NOTHROW(j = nlohmann::json::parse(r.out));
    CHECK((j.is_object() || j.is_array()));
  }
  auto fresh = tl({"new", (c.dir / "q.telaah").string(), "--json", "--empty"});
  REQUIRE(fresh.status == 0);
  CHECK(nlohmann::json::parse(fresh.out)["codes"] == 0);
  auto memo = tl({"memo", c.p, "--json"});
  auto memos = nlohmann::json::parse(memo.out);
  REQUIRE(memos.size() == 1);
  CHECK(memos[0]["title"] == "Rencana baru");
  CHECK(memos[0]["text"] == "triangulasi");  // --edit with --title only keeps the text
}

TEST_CASE("bad input: one line on stderr, exit 1, the project unchanged") {
  Cli c;
  const std::string p = c.p;
  const std::string missing = (c.dir / "missing.telaah").string();
  const std::string bad = "caf\xE9";  // Latin-1, not UTF-8
  c.dir.write("latin1.txt", "Informan: caf\xE9 di Jakarta\n");
  c.dir.write("broken.json", "{\"codes\": [");
  c.dir.write("bad-codebook.json", R"({"codes": [{"name": "A", "colour": "merah"}]})");
  const std::string before = c.dump();
  const std::string bytes = telaah::test::read_file(p);
  struct Case {
    std::vector<std::string> args;
    std::string expect;
  };
  const std::vector<Case> cases = {
      // A missing project file, for every command that opens one.
      {{"info", missing}, "no project at"},
      {{"import", missing, (c.dir / "notes.txt").string()}, "no project at"},
      {{"docs", missing}, "no project at"},
      {{"show", missing, "1"}, "no project at"},
      {{"doc", missing, "1"}, "no project at"},
      {{"codes", missing}, "no project at"},
      {{"code", missing, "--doc", "1", "--start", "0", "--end", "2", "--code", "Input"}, "no project at"},
      {{"uncode", missing, "1"}, "no project at"},
      {{"recode", missing, "1", "--stance", "supports"}, "no project at"},
      {{"codings", missing}, "no project at"},
      {{"memo", missing}, "no project at"},
      {{"undo", missing}, "no project at"},
      {{"redo", missing}, "no project at"},
      {{"check", missing}, "no project at"},
      {{"new", p}, "a file with that name exists"},
      {{"info", (c.dir / "notes.txt").string()}, "not an SQLite database"},
      // Bad UTF-8 in arguments and in an imported file.
      {{"code", p, "--doc", "1", "--quote", bad, "--code", "Input"},
       "the quote is not valid UTF-8 (first bad byte at position 3)"},
      {{"code", p, "--doc", "1", "--start", "0", "--end", "2", "--code", "Input", "--memo", bad},
       "the memo is not valid UTF-8"},
      {{"code", p, "--doc", "1", "--start", "0", "--end", "2", "--code", "Input", "--coder", bad}, "not valid UTF-8"},
      {{"recode", p, "1", "--memo", bad}, "not valid UTF-8"},
      {{"memo", p, "--text", bad}, "not valid UTF-8"},
      {{"memo", p, "--title", bad, "--text", "x"}, "not valid UTF-8"},
      {{"doc", p, "1", "--rename", bad}, "not valid UTF-8"},
      {{"doc", p, "1", "--set", "author=" + bad}, "not valid UTF-8"},
      {{"doc", p, "1", "--attr", "role=" + bad}, "not valid UTF-8"},
      {{"codes", p, "--add", bad}, "not valid UTF-8"},
      {{"codes", p, "--edit", "Input", "--definition", bad}, "not valid UTF-8"},
      {{"import", p, (c.dir / "notes.txt").string(), "--title", bad, "--allow-duplicates"}, "not valid UTF-8"},
      {{"import", p, (c.dir / "latin1.txt").string(), "--encoding", "utf-8"}, "UTF-8"},
      // Unknown codes, documents, codings, memos.
      {{"code", p, "--doc", "1", "--quote", "Komunike bersama", "--code", "Input/Nothing"},
       "unknown code 'Input/Nothing'"},
      {{"code", p, "--doc", "9", "--quote", "Komunike bersama", "--code", "Input"}, "no document #9"},
      {{"code", p, "--doc", "99999999999999999999999", "--quote", "x", "--code", "Input"}, "no document"},
      {{"codings", p, "--code", "Nothing"}, "unknown code 'Nothing'"},
      {{"codings", p, "--doc", "Tidak ada"}, "no document 'Tidak ada'"},
      {{"codings", p, "--coder", "nobody"}, "no coder 'nobody'"},
      {{"codings", p, "--type", "blog"}, "unknown source type 'blog'"},
      {{"codes", p, "--add", "X", "--parent", "Nothing"}, "unknown code 'Nothing'"},
      {{"codes", p, "--edit", "Nothing", "--name", "Y"}, "unknown code"},
      {{"codes", p, "--move", "Nothing", "--root"}, "unknown code"},
      {{"codes", p, "--merge", "Nothing", "--into", "Input"}, "unknown code"},
      {{"codes", p, "--delete", "Nothing"}, "unknown code"},
      {{"memo", p, "--code", "Nothing", "--text", "x"}, "unknown code"},
      {{"memo", p, "--doc", "7", "--text", "x"}, "no document #7"},
      {{"show", p, "7"}, "no document #7"},
      {{"doc", p, "7", "--rename", "X"}, "no document #7"},
      {{"uncode", p, "42"}, "no coding #42"},
      {{"recode", p, "42", "--stance", "supports"}, "no coding #42"},
      {{"memo", p, "--edit", "42", "--text", "x"}, "no memo #42"},
      {{"memo", p, "--delete", "42"}, "no memo #42"},
      // Offsets out of range.
      {{"code", p, "--doc", "1", "--start", "0", "--end", "100000", "--code", "Input"}, "outside document #1"},
      {{"code", p, "--doc", "1", "--start", "5", "--end", "5", "--code", "Input"},
       "the end must be greater than the start"},
      {{"code", p, "--doc", "1", "--start", "-3", "--end", "5", "--code", "Input"}, "outside document #1"},
      {{"code", p, "--doc", "1", "--start", "3", "--code", "Input"}, "give both --start and --end"},
      {{"code", p, "--doc", "1", "--start", "x", "--end", "5", "--code", "Input"}, "--start"},
      {{"show", p, "1", "--around", "100000"}, "outside the document"},
      // Quotes.
      {{"code", p, "--doc", "1", "--quote", "tidak ada di sini", "--code", "Input"}, "not found"},
      {{"code", p, "--doc", "1", "--quote", "Komunike", "--code", "Input"}, "occurs 2 times"},
      {{"code", p, "--doc", "1", "--quote", "Komunike", "--occurrence", "3", "--code", "Input"},
       "occurrence 3 does not exist"},
      {{"code", p, "--doc", "1", "--quote", "", "--code", "Input"}, "the quote is empty"},
      {{"code", p, "--doc", "1", "--code", "Input"}, "give either --quote"},
      // Other refusals.
      {{"code", p, "--doc", "1", "--quote", "Komunike bersama", "--code", "Input", "--stance", "maybe"},
       "unknown stance 'maybe'"},
      {{"recode", p, "1"}, "nothing to change"},
      {{"doc", p, "1", "--set", "date=2015-02-30"}, "is not a date"},
      {{"doc", p, "1", "--set", "colour=red"}, "unknown document field"},
      {{"doc", p, "1", "--attr", "n:number=empat"}, "is a number"},
      {{"doc", p, "1", "--delete", "--rename", "X"}, "cannot be combined"},
      {{"codes", p, "--add", "Legal infrastructure", "--parent", "Input"}, "exists already"},
      {{"codes", p, "--add", "A/B"}, "cannot contain '/'"},
      {{"codes", p, "--add", "Warna", "--colour", "merah"}, "#RRGGBB"},
      {{"codes", p, "--move", "Input", "--parent", "Input/Legal infrastructure"},
       "under itself or one of its sub-codes"},
      {{"codes", p, "--merge", "Input", "--into", "Input"}, "into itself"},
      {{"codes", p, "--delete", "Input"}, "add --yes"},
      {{"codes", p, "--load", (c.dir / "broken.json").string()}, "is not valid JSON"},
      {{"codes", p, "--load", (c.dir / "bad-codebook.json").string()}, "code 'A' in the codebook file"},
      {{"codes", p, "--load", (c.dir / "none.json").string()}, "cannot read"},
      {{"import", p}, "nothing to import"},
      {{"import", p, (c.dir / "nowhere.txt").string()}, "nowhere.txt"},
      {{"import", p, (c.dir / "notes.txt").string()}, "already"},  // the same content twice
      {{"redo", p}, "nothing to redo"},
      {{"codings", p, "--stance", "maybe"}, "unknown stance"},
  };
  for (const auto& k : cases) {
    std::string line;
    for (const auto& a : k.args) line += (a == p ? std::string("P") : a) + " ";
    CAPTURE(line);
    check_user_error(tl(k.args), k.expect);
  }
  CHECK(c.dump() == before);
  CHECK(telaah::test::read_file(p) == bytes);

  // Undo on a project without actions, and check on a damaged one.
  const std::string q = (c.dir / "q.telaah").string();
  REQUIRE(tl({"new", q}).status == 0);
  check_user_error(tl({"undo", q}), "nothing to undo");
  {
    auto proj = store::Project::open(c.p);
    proj->db().exec("UPDATE codings SET end=100000");
  }
  auto r = tl({"check", c.p});
  check_user_error(r, "1 problem(s) found");
  CHECK(r.out.find("lies outside") != std::string::npos);
}

TEST_CASE("while a window holds the project, writing commands are refused naming the pid, reading ones answer") {
  Cli c;
  const std::string p = c.p;
  const std::string before = c.dump();
  const std::string out = (c.dir / "out.qdpx").string();
  // What each reading command prints with nobody holding the project.
  const std::vector<std::vector<std::string>> reading = {
      {"info", p, "--json"},           {"docs", p, "--json"},      {"show", p, "1"},
      {"codes", p, "--json"},          {"codings", p, "--json"},   {"check", p},
      {"triangulate", p, "--json"},    {"evaluate", p, "--json"},  {"settings", p, "--json"},
      {"report", p, "--format", "md"}, {"agreement", p, "--json"},
  };
  std::vector<test::Result> alone;
  for (const auto& args : reading) alone.push_back(tl(args));

  auto held = store::Project::open(p);  // like an open Telaah window
  const std::string pid = "pid " + std::to_string(::getpid());
  const std::vector<std::vector<std::string>> writing = {
      {"import", p, (c.dir / "notes.txt").string(), "--allow-duplicates"},
      {"doc", p, "1", "--rename", "X"},
      {"codes", p, "--add", "X"},
      {"code", p, "--doc", "1", "--start", "0", "--end", "3", "--code", "Input"},
      {"uncode", p, "1"},
      {"recode", p, "1", "--stance", "supports"},
      {"memo", p, "--text", "x"},
      {"undo", p},
      {"redo", p},
      {"settings", p, "triangulation.k", "3"},
      {"evaluate", p, "--verdict", "effective", "--memo", "x"},
  };
  for (const auto& args : writing) {
    CAPTURE(args[0]);
    auto r = tl(args);
    check_user_error(r, "open in another Telaah window (" + pid + ")");
    CHECK(r.out.empty());
  }
  // Reading commands read what the holder last committed, say so, and print what they print alone.
  for (size_t i = 0; i < reading.size(); ++i) {
    CAPTURE(reading[i][0]);
    auto r = tl(reading[i]);
    CHECK(r.status == alone[i].status);
    CHECK(r.out == alone[i].out);
    if (alone[i].status == 0)  // (agreement refuses a one-coder project before it opens anything)
      CHECK(r.err.find("open in another Telaah window or process (" + pid + "); reading what it last saved") !=
            std::string::npos);
    else
      CHECK(r.err == alone[i].err);
  }
  auto e = tl({"export", p, "--qdpx", out});
  CHECK(e.status == 0);
  CHECK(std::filesystem::is_regular_file(out));
  held.reset();
  CHECK(c.dump() == before);  // the refused writers changed nothing
  // What the holder commits next is what the next reader sees.
  held = store::Project::open(p);
  const auto n_before = nlohmann::json::parse(tl({"codings", p, "--json"}).out).size();
  store::Coding k;
  k.doc = held->documents().front().id;
  k.code = held->resolve_code("Input");
  k.start = 0;
  k.end = 3;
  held->add_coding(k);
  CHECK(nlohmann::json::parse(tl({"codings", p, "--json"}).out).size() == n_before + 1);
  held.reset();
  CHECK(tl({"info", p}).status == 0);  // and once it is closed, it opens
}

TEST_CASE("documents can be renamed, described and deleted from the command line, and undone") {
  Cli c;
  const auto title = nlohmann::json::parse(tl({"docs", c.p, "--json"}).out)[0]["title"];
  auto r = tl({"doc", c.p, "1", "--rename", "Informan A — staf", "--set", "date=2017-02-14", "--set", "language=id",
               "--attr", "role=staf biro", "--attr", "age:number=41", "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["title"] == "Informan A — staf");
  CHECK(j["date"] == "2017-02-14");
  CHECK(j["attributes"]["age"]["type"] == "number");
  auto undo = tl({"undo", c.p, "--json"});
  REQUIRE(undo.status == 0);
  auto docs = nlohmann::json::parse(tl({"docs", c.p, "--json"}).out);
  CHECK(docs[0]["title"] == title);  // the whole edit was one action
  CHECK(docs[0]["attributes"].empty());
  REQUIRE(tl({"doc", c.p, "1", "--delete"}).status == 0);
  CHECK(nlohmann::json::parse(tl({"docs", c.p, "--json"}).out).empty());
  CHECK(nlohmann::json::parse(tl({"codings", c.p, "--json"}).out).empty());
  REQUIRE(tl({"undo", c.p}).status == 0);
  CHECK(nlohmann::json::parse(tl({"codings", c.p, "--json"}).out).size() == 1);
}

TEST_CASE("--occurrence picks one of several") {
  Cli c;
  auto r = tl({"code", c.p, "--doc", "1", "--quote", "Komunike", "--occurrence", "2", "--code", "Input", "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  const size_t second = kNotes.find("Komunike", kNotes.find("Komunike") + 1);
  CHECK(j["start"] == cps(kNotes.substr(0, second)));
  CHECK(j["quote"] == "Komunike");
}

TEST_CASE("info, codes, docs --limit and codings read counts and pages, with the same answers") {
  Cli c;
  c.dir.write("two.txt", "Informan B: Kerja sama ekonomi.\n\nInforman C: Pertukaran budaya.\n");
  REQUIRE(tl({"import", c.p, (c.dir / "two.txt").string(), "--type", "news", "--quiet"}).status == 0);
  REQUIRE(tl({"code", c.p, "--doc", "2", "--quote", "Kerja sama", "--code", "Input/Legal infrastructure"}).status == 0);
  REQUIRE(tl({"code", c.p, "--doc", "2", "--quote", "budaya", "--code", "Input"}).status == 0);
  // Three codings on two documents; then document 2 is hidden: its two codings no longer count.
  auto info = nlohmann::json::parse(tl({"info", c.p, "--json"}).out);
  CHECK(info["documents"] == 2);
  CHECK(info["documents_by_type"]["news"] == 1);
  CHECK(info["documents_by_type"]["official"] == 0);
  CHECK(info["codings"] == 3);
  REQUIRE(tl({"doc", c.p, "2", "--delete"}).status == 0);
  info = nlohmann::json::parse(tl({"info", c.p, "--json"}).out);
  CHECK(info["documents"] == 1);
  CHECK(info["documents_by_type"]["news"] == 0);
  CHECK(info["documents_by_type"]["interview"] == 1);
  CHECK(info["codings"] == 1);
  for (const auto& code : nlohmann::json::parse(tl({"codes", c.p, "--json"}).out))
    CHECK(code["codings"] == (code["path"] == "Input/Legal infrastructure" ? 1 : 0));
  REQUIRE(tl({"undo", c.p}).status == 0);
  for (const auto& code : nlohmann::json::parse(tl({"codes", c.p, "--json"}).out)) {
    CAPTURE(code["path"]);
    CHECK(code["codings"] == (code["path"] == "Input/Legal infrastructure" ? 2 : code["path"] == "Input" ? 1 : 0));
  }
  // A page of the list.
  auto page = nlohmann::json::parse(tl({"docs", c.p, "--limit", "1", "--offset", "1", "--json"}).out);
  REQUIRE(page.size() == 1);
  CHECK(page[0]["id"] == 2);
  CHECK(nlohmann::json::parse(tl({"docs", c.p, "--limit", "1", "--json"}).out)[0]["id"] == 1);
  check_user_error(tl({"docs", c.p, "--type", "memoir"}), "unknown source type 'memoir'");
  // The streamed list prints exactly what printing the whole array printed.
  auto r = tl({"codings", c.p, "--code", "Input", "--json"});
  REQUIRE(r.status == 0);
  const auto all = nlohmann::json::parse(r.out);
  CHECK(all.size() == 3);
  CHECK(r.out == all.dump(2) + "\n");
  r = tl({"codings", c.p, "--coder", "tester", "--stance", "supports", "--json"});
  REQUIRE(r.status == 0);
  CHECK(r.out == "[]\n");
  r = tl({"codings", c.p});
  CHECK(r.out.find("3 codings\n") != std::string::npos);
}
