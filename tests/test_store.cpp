// Tests of src/store: the project file (schema, migrations, lock, checks on
// open), every model operation with its undo and redo, validation, and the
// integrity check.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "helpers/project_fixture.h"
#include "store/quote.h"
#include "store/schema.h"
#include "store/template.h"

using namespace telaah;
using namespace telaah::store;
using telaah::test::dump;
using telaah::test::new_doc;
using telaah::test::TempDir;

namespace {

// A code to add: designated initialisers would trip -Wmissing-field-initializers.
Code mk(const std::string& name, std::optional<Id> parent = std::nullopt, CodeKind kind = CodeKind::code,
        const std::string& colour = "#888888") {
  Code c;
  c.name = name;
  c.parent = parent;
  c.kind = kind;
  c.colour = colour;
  return c;
}

// A project with two documents and a small codebook, for the operation tests.
struct Fixture {
  TempDir dir{"telaah-store"};
  std::unique_ptr<Project> p;
  Id d1 = 0, d2 = 0, input = 0, legal = 0, resources = 0, output = 0;
  Fixture() {
    OpenOptions o;
    o.coder = "ayu";
    p = Project::create(dir / "p.telaah", o);
    // Multi-byte characters before the passages: code points != bytes.
    d1 = p->add_document(new_doc(
        "Informan A", "Pewawancara: “Komunike” 1984 — 서울?\n\nInforman A: Komunike tidak memuat hak dan kewajiban."));
    d2 = p->add_document(new_doc("Berita", "Ekspor naik 👍 dari Rp 24,2 miliar.", "news"));
    input = p->add_code(mk("Input", std::nullopt, CodeKind::variable));
    legal = p->add_code(mk("Legal infrastructure", input, CodeKind::indicator));
    resources = p->add_code(mk("Resources", input, CodeKind::indicator));
    output = p->add_code(mk("Output", std::nullopt, CodeKind::variable));
  }
  Coding coding(Id doc, Id code, int64_t s, int64_t e, Stance st = Stance::neutral) {
    Coding c;
    c.doc = doc;
    c.code = code;
    c.start = s;
    c.end = e;
    c.stance = st;
    return c;
  }
  void reopen() {
    p.reset();
    p = Project::open(dir / "p.telaah");
  }
};

// Runs `op` as one user action and checks the contract of undo and redo:
// one new revision, undo restores exactly the state before, redo the state
// after, and the project stays consistent throughout.
void check_undoable(Project& p, const std::string& what, const std::function<void()>& op) {
  CAPTURE(what);
  const std::string before = dump(p);
  const int64_t rev = p.revision();
  op();
  const std::string after = dump(p);
  CHECK(after != before);
  CHECK(p.revision() == rev + 1);
  CHECK(p.check().empty());
  REQUIRE(p.can_undo());
  p.undo();
  CHECK(dump(p) == before);
  CHECK(p.check().empty());
  REQUIRE(p.can_redo());
  p.redo();
  CHECK(dump(p) == after);
  CHECK(p.check().empty());
  CHECK_FALSE(p.can_redo());
}

// Runs `op`, which must throw E, and checks that nothing changed.
template <class E>
void check_refused(Project& p, const std::string& what, const std::function<void()>& op) {
  CAPTURE(what);
  const std::string before = dump(p);
  const int64_t rev = p.revision();
  CHECK_THROWS_AS(op(), E);
  CHECK(dump(p) == before);
  CHECK(p.revision() == rev);
  CHECK(p.current_action() == nullptr);
}

std::string file_bytes(const std::filesystem::path& f) {
  return telaah::test::read_file(f);
}

// A raw SQLite connection, outside the model (to plant problems or build old files).
std::unique_ptr<SQLite::Database> raw(const std::filesystem::path& f, bool create = false) {
  return std::make_unique<SQLite::Database>(f.string(), SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0));
}

}  // namespace

TEST_CASE("a new project has the current schema and its settings") {
  TempDir dir;
  auto p = Project::create(dir / "new.telaah");
  auto& db = p->db();
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == kSchemaVersion);
  CHECK(static_cast<int>(migrations().size()) == kSchemaVersion);
  CHECK(db.execAndGet("PRAGMA application_id").getInt() == kApplicationId);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
  CHECK(db.execAndGet("PRAGMA trusted_schema").getInt() == 0);
  for (const char* t : {"meta", "settings", "source_types", "documents", "originals", "blocks", "pages", "attributes",
                        "codes", "coders", "codings", "memos", "overrides", "evaluations", "change_log"}) {
    CAPTURE(t);
    CHECK(db.tableExists(t));
  }
  // The text is the last column of a document row (see migration 1 -> 2).
  SQLite::Statement cols(db, "SELECT name FROM pragma_table_info('documents') ORDER BY cid DESC LIMIT 1");
  REQUIRE(cols.executeStep());
  CHECK(cols.getColumn(0).getString() == "text");
  CHECK(p->project_id().size() == 36);
  CHECK(p->revision() == 0);
  CHECK_FALSE(p->can_undo());
  CHECK(p->codes().empty());
  auto types = p->source_types();
  REQUIRE(types.size() == 3);
  CHECK(types[0].name == "interview");
  CHECK(types[1].name == "news");
  CHECK(types[2].name == "official");
  CHECK(p->check().empty());
  CHECK_THROWS_AS(Project::create(dir / "new.telaah"), UserError);  // never over an existing file
}

TEST_CASE("a new project can start with the framework template") {
  TempDir dir;
  OpenOptions o;
  o.default_codebook = true;
  auto p = Project::create(dir / "t.telaah", o);
  CHECK(p->revision() == 0);  // the template is the starting state, not an action
  CHECK_FALSE(p->can_undo());
  CHECK(p->codes().size() == 10);  // 3 variables, 6 indicators, Impediment
  Id legal = p->resolve_code("Input/Legal infrastructure");
  CHECK(p->code(legal).kind == CodeKind::indicator);
  CHECK(p->resolve_code("I1") == legal);  // aliases resolve
  CHECK(p->code(p->resolve_code("Impediment")).kind == CodeKind::code);
  CHECK(p->check().empty());
  // Loading the same framework merges by path: no duplicates.
  auto before = p->codes().size();
  p->load_codebook(template_codebook());
  CHECK(p->codes().size() == before);
}

TEST_CASE("a failed create leaves nothing behind") {
  TempDir dir;
  CHECK_THROWS_AS(Project::create(dir / "no-such-folder" / "p.telaah"), UserError);
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("opening what is not a Telaah project is refused and changes nothing") {
  TempDir dir;
  SUBCASE("missing file") {
    CHECK_THROWS_AS(Project::open(dir / "missing.telaah"), NotFound);
  }
  SUBCASE("a folder") {
    std::filesystem::create_directory(dir / "folder.telaah");
    CHECK_THROWS_AS(Project::open(dir / "folder.telaah"), UserError);
  }
  struct Case {
    const char* name;
    std::function<void(const std::filesystem::path&)> make;
  };
  const std::vector<Case> cases = {
      {"empty file", [&](const auto& f) { dir.write(f.filename(), ""); }},
      {"text file", [&](const auto& f) { dir.write(f.filename(), "Pewawancara: ini bukan basis data.\n"); }},
      {"short file", [&](const auto& f) { dir.write(f.filename(), "SQLite"); }},
      {"another program's SQLite database",
       [&](const auto& f) { raw(f, true)->exec("CREATE TABLE notes(x); INSERT INTO notes VALUES (1)"); }},
      {"SQLite with a user_version but other tables",
       [&](const auto& f) { raw(f, true)->exec("CREATE TABLE notes(x); PRAGMA user_version=1"); }},
      {"SQLite with another application id",
       [&](const auto& f) {
         raw(f, true)->exec("CREATE TABLE meta(k); PRAGMA application_id=42; PRAGMA user_version=2");
       }},
      {"empty SQLite database", [&](const auto& f) { raw(f, true)->exec("PRAGMA user_version=0; VACUUM"); }},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.name));
    auto f = dir / (std::string(c.name) + ".telaah");
    c.make(f);
    const std::string bytes = file_bytes(f);
    CHECK_THROWS_AS(Project::open(f), CorruptProject);
    CHECK(file_bytes(f) == bytes);
    auto lock = f;
    lock += ".lock";
    if (bytes.size() < 16 || bytes.compare(0, 15, "SQLite format 3") != 0) CHECK_FALSE(std::filesystem::exists(lock));
  }
}

TEST_CASE("a project from a newer Telaah is refused and left as it is") {
  TempDir dir;
  Project::create(dir / "p.telaah").reset();
  raw(dir / "p.telaah")->exec("PRAGMA user_version=" + std::to_string(kSchemaVersion + 1));
  const std::string bytes = file_bytes(dir / "p.telaah");
  try {
    Project::open(dir / "p.telaah");
    FAIL("a newer schema was opened");
  } catch (const NewerProject& e) {
    CHECK(std::string(e.what()).find("newer Telaah") != std::string::npos);
  }
  CHECK(file_bytes(dir / "p.telaah") == bytes);
}

// A project as the first released schema wrote it: migration 0 only.
static void make_v1_project(const std::filesystem::path& f) {
  auto db = raw(f, true);
  db->exec("PRAGMA journal_mode=WAL");
  db->exec(migrations()[0]);
  db->exec("INSERT INTO meta VALUES ('project_id', '00000000-0000-4000-8000-000000000001')");
  db->exec(
      "INSERT INTO documents(id, title, source_type_id, length_cp, text, deleted, created, modified) "
      "VALUES (1, 'Lama', 1, 13, 'Seoul–서울 teks', 0, 'c', 'm')");
  db->exec("INSERT INTO blocks(doc_id, start, end, kind) VALUES (1, 0, 13, 'p')");
  db->exec("INSERT INTO codes(id, name, colour) VALUES (1, 'Input', '#123456')");
  db->exec("INSERT INTO coders(id, name) VALUES (1, 'ayu')");
  db->exec(
      "INSERT INTO codings(doc_id, code_id, coder_id, start, end, created, modified) VALUES (1, 1, 1, 6, 8, 'c', 'm')");
  db->exec("INSERT INTO change_log(at, kind, label, changes) VALUES ('t', 'do', 'Old action', '[]')");
  db->exec("PRAGMA user_version=1");
}

TEST_CASE("migration from schema 1 keeps every row and leaves a copy of the old file") {
  TempDir dir;
  const auto f = dir / "old.telaah";
  make_v1_project(f);
  const std::string v1_dump = dump(*raw(f));
  {
    auto p = Project::open(f);
    CHECK(p->db().execAndGet("PRAGMA user_version").getInt() == kSchemaVersion);
    CHECK(p->db().execAndGet("PRAGMA application_id").getInt() == kApplicationId);
    CHECK(p->text(1) == "Seoul–서울 teks");
    CHECK(p->document(1).length_cp == 13);
    auto cs = p->codings();
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].start == 6);
    CHECK(cs[0].end == 8);
    CHECK(p->revision() == 1);
    CHECK(p->check().empty());
    CHECK(p->project_id() == "00000000-0000-4000-8000-000000000001");
  }
  auto bak = f;
  bak += ".pre-v2.bak";
  REQUIRE(std::filesystem::exists(bak));
  {  // the copy is the old file, untouched
    auto b = raw(bak);
    CHECK(b->execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(dump(*b) == v1_dump);
  }
  // Opening again migrates nothing and copies nothing.
  Project::open(f).reset();
  int backups = 0;
  for (auto& e : std::filesystem::directory_iterator(dir.path())) backups += e.path().extension() == ".bak";
  CHECK(backups == 1);
}

TEST_CASE("a migration that fails leaves the project as it was") {
  TempDir dir;
  const auto f = dir / "old.telaah";
  make_v1_project(f);
  const std::string v1_dump = dump(*raw(f));
  migration_test_hook() = [](int from) {
    if (from == 1) throw InternalError("simulated failure while upgrading");
  };
  CHECK_THROWS_AS(Project::open(f), InternalError);
  migration_test_hook() = nullptr;
  {
    auto db = raw(f);
    CHECK(db->execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(dump(*db) == v1_dump);
  }
  auto p = Project::open(f);  // and a later attempt succeeds
  CHECK(p->db().execAndGet("PRAGMA user_version").getInt() == kSchemaVersion);
  CHECK(p->check().empty());
}

TEST_CASE("the lock: one Telaah at a time per project") {
  TempDir dir;
  const auto f = dir / "p.telaah";
  auto p = Project::create(f);
  p->add_document(new_doc("A", "teks"));
  const std::string before = dump(*p);
  const int64_t rev = p->revision();

  // A second open in the same process.
  try {
    Project::open(f);
    FAIL("opened twice");
  } catch (const ProjectLocked& e) {
    CHECK(e.pid == ::getpid());
    CHECK(std::string(e.what()).find("pid " + std::to_string(::getpid())) != std::string::npos);
    CHECK(std::string(e.what()).find("open in another Telaah window") != std::string::npos);
  }

  // From a child process: it is refused and names our pid.
  const pid_t parent = ::getpid();
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    int code = 13;
    try {
      auto q = Project::open(f);
      q->add_document(new_doc("B", "tidak boleh"));
    } catch (const ProjectLocked& e) {
      code = e.pid == parent ? 10 : 11;
    } catch (...) {
      code = 12;
    }
    ::_exit(code);
  }
  int st = 0;
  ::waitpid(child, &st, 0);
  REQUIRE(WIFEXITED(st));
  CHECK(WEXITSTATUS(st) == 10);
  CHECK(dump(*p) == before);
  CHECK(p->revision() == rev);

  // After close it opens again.
  p.reset();
  auto q = Project::open(f);
  CHECK(q->documents().size() == 1);
}

TEST_CASE("quick_check runs on files Telaah did not close itself") {
  TempDir dir;
  const auto f = dir / "p.telaah";
  Project::create(f)->add_document(new_doc("A", "teks"));
  {
    auto p = Project::open(f);
    CHECK_FALSE(p->checked_on_open());  // closed cleanly by us: no full scan
  }
  {
    OpenOptions o;
    o.always_verify = true;
    CHECK(Project::open(f, o)->checked_on_open());
  }
  SUBCASE("a file changed by another program") {
    raw(f)->exec("INSERT INTO settings(key, value) VALUES ('x', 'y')");
    CHECK(Project::open(f)->checked_on_open());
    CHECK_FALSE(Project::open(f)->checked_on_open());
  }
  SUBCASE("a file without its lock file (copied from elsewhere)") {
    auto lock = f;
    lock += ".lock";
    std::filesystem::remove(lock);
    CHECK(Project::open(f)->checked_on_open());
  }
  SUBCASE("a file whose last session crashed") {
    pid_t child = ::fork();
    if (child == 0) {
      auto p = Project::open(f);
      p->set_setting("k", "v");
      ::_exit(0);  // no destructor: like kill -9
    }
    int st = 0;
    ::waitpid(child, &st, 0);
    auto p = Project::open(f);
    CHECK(p->checked_on_open());
    CHECK(p->setting("k") == "v");  // committed work survived
  }
  SUBCASE("a damaged file") {
    {
      auto p = Project::open(f);
      for (int i = 0; i < 40; ++i) p->add_document(new_doc("D" + std::to_string(i), std::string(3000, 'a' + i % 26)));
    }
    {  // scribble over a page in the middle of the file
      std::fstream io(f, std::ios::in | std::ios::out | std::ios::binary);
      io.seekp(static_cast<std::streamoff>(std::filesystem::file_size(f) / 2 / 4096 * 4096));
      std::string junk(4096, '\x5A');
      io.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    CHECK_THROWS_AS(Project::open(f), CorruptProject);
  }
}

TEST_CASE("documents: add, rename, fields, attributes, delete, each undoable") {
  Fixture fx;
  auto& p = *fx.p;
  check_undoable(p, "add document", [&] { p.add_document(new_doc("Baru", "Teks baru.")); });
  check_undoable(p, "add two documents in one action", [&] {
    auto ids = p.add_documents({new_doc("Satu", "1"), new_doc("Dua", "2", "official")}, "Import 2 files");
    CHECK(ids.size() == 2);
  });
  check_undoable(p, "rename", [&] { p.rename_document(fx.d1, "Informan A (staf biro)"); });
  for (auto [field, value] : std::vector<std::pair<std::string, std::string>>{{"title", "Judul"},
                                                                              {"language", "id"},
                                                                              {"date", "2016-02-29"},
                                                                              {"author", "Warta Niaga"},
                                                                              {"source_type", "official"}})
    check_undoable(p, "set " + field, [&] { p.set_document_field(fx.d2, field, value); });
  CHECK(p.document(fx.d2).source_type == "official");
  check_undoable(p, "new attribute", [&] { p.set_attribute(fx.d1, {"role", "text", "staf"}); });
  check_undoable(p, "change attribute", [&] { p.set_attribute(fx.d1, {"role", "text", "kepala"}); });
  check_undoable(p, "number attribute", [&] { p.set_attribute(fx.d1, {"age", "number", "41.5"}); });
  check_undoable(p, "remove attribute", [&] { p.remove_attribute(fx.d1, "role"); });
  p.add_coding(fx.coding(fx.d1, fx.legal, 1, 5));
  check_undoable(p, "delete document", [&] { p.delete_document(fx.d1); });
  CHECK(p.documents().size() == 4);  // after the redo d1 is deleted again
  CHECK_THROWS_AS(p.document(fx.d1), NotFound);
  CHECK(p.codings().empty());  // its codings are hidden with it
  p.undo();
  CHECK(p.codings().size() == 1);
}

TEST_CASE("imported text is stored in NFC, with paragraphs and speaker turns") {
  Fixture fx;
  auto& p = *fx.p;
  Id id = p.add_document(new_doc("NFC", "Pewawancara: Jose\xCC\x81?\r\n\r\nInforman B: Ya."));
  CHECK(p.text(id) == "Pewawancara: Jos\xC3\xA9?\n\nInforman B: Ya.");
  CHECK(p.document(id).length_cp == 35);
  auto b = p.blocks(id);
  REQUIRE(b.size() == 2);
  CHECK(b[0].speaker == "Pewawancara");
  CHECK(b[1].speaker == "Informan B");
  CHECK(b[1].start == 20);
  CHECK(p.document(id).sha256.size() == 64);
  CHECK(p.find_document_by_sha256(p.document(id).sha256) == id);
}

TEST_CASE("codebook: add, edit, move, merge, delete, each undoable") {
  Fixture fx;
  auto& p = *fx.p;
  check_undoable(p, "add code",
                 [&] { p.add_code(mk("Trade goals reached", fx.output, CodeKind::indicator, "#C73E3A")); });
  check_undoable(p, "edit code", [&] {
    Code c = p.code(fx.legal);
    c.name = "Legal basis";
    c.definition = "Whether the agreement follows Permendagri No. 3/2008.";
    c.aliases = {"I1", "Dasar hukum"};
    p.edit_code(c);
  });
  CHECK(p.resolve_code("Input/Legal basis") == fx.legal);
  CHECK(p.resolve_code("Dasar hukum") == fx.legal);
  check_undoable(p, "reorder", [&] { p.move_code(fx.resources, fx.input, 0); });
  CHECK(p.codes()[1].id == fx.resources);
  check_undoable(p, "move to another parent", [&] { p.move_code(fx.resources, fx.output, 0); });
  CHECK(p.code_path(fx.resources) == "Output/Resources");
  check_undoable(p, "move to the top", [&] { p.move_code(fx.resources, std::nullopt, 0); });

  // Merge moves codings, memos and sub-codes.
  Id sub = p.add_code(mk("Staff", fx.resources));
  Id c1 = p.add_coding(fx.coding(fx.d1, fx.resources, 0, 3));
  Id c2 = p.add_coding(fx.coding(fx.d2, sub, 0, 5));
  Id memo = p.add_memo("code", fx.resources, "Catatan", "tentang sumber daya");
  check_undoable(p, "merge", [&] { p.merge_codes(fx.resources, fx.legal); });
  CHECK(p.coding(c1).code == fx.legal);
  CHECK(p.coding(c2).code == sub);
  CHECK(p.code(sub).parent == fx.legal);
  CHECK(p.memos("code", fx.legal).at(0).id == memo);
  CHECK_THROWS_AS(p.code(fx.resources), NotFound);

  // Delete takes the sub-codes, their codings and memos with it.
  check_undoable(p, "delete with codings", [&] { p.delete_code(fx.input); });
  CHECK(p.codings().empty());
  CHECK(p.memos().empty());
  CHECK_THROWS_AS(p.code(sub), NotFound);
  p.undo();
  CHECK(p.codings().size() == 2);
  CHECK(p.code_path(sub) == "Input/Legal basis/Staff");
}

TEST_CASE("load_codebook: one action, merged by path") {
  Fixture fx;
  auto& p = *fx.p;
  Code legal = p.code(fx.legal);
  legal.colour = "#2F6FB3";
  p.edit_code(legal);
  auto j = nlohmann::json::parse(R"({"codes": [
      {"name": "Input", "children": [{"name": "Legal infrastructure", "definition": "Dasar hukum"}, {"name": "Staff"}]},
      {"name": "Impediment", "aliases": ["Hambatan"], "colour": "#F28E2B"}]})");
  check_undoable(p, "load", [&] { p.load_codebook(j); });
  CHECK(p.resolve_code("Input/Legal infrastructure") == fx.legal);  // kept its id
  CHECK(p.code(fx.legal).definition == "Dasar hukum");
  CHECK(p.code(fx.legal).colour == "#2F6FB3");  // a field the file leaves out stays
  CHECK(p.resolve_code("Hambatan") == p.resolve_code("Impediment"));
}

TEST_CASE("codings: add, remove, stance, memo, span, each undoable; quotes anchor them") {
  Fixture fx;
  auto& p = *fx.p;
  const std::string body = p.text(fx.d1);
  auto span = resolve_quote(body, "Komunike tidak memuat", 0, "Informan A");
  CHECK(span.start == 48);  // code points, not bytes (byte 58)
  CHECK(span.end == 69);
  Id c = 0;
  check_undoable(p, "add coding",
                 [&] { c = p.add_coding(fx.coding(fx.d1, fx.legal, span.start, span.end, Stance::contradicts)); });
  CHECK(p.coding(c).coder == p.find_coder("ayu"));
  check_undoable(p, "stance", [&] { p.set_stance(c, Stance::supports); });
  check_undoable(p, "memo", [&] { p.set_coding_memo(c, "tanpa hak — “kewajiban”"); });
  check_undoable(p, "span", [&] { p.set_coding_span(c, 0, 11); });
  check_undoable(p, "overlapping coding", [&] { p.add_coding(fx.coding(fx.d1, fx.resources, 5, 60)); });
  check_undoable(p, "remove", [&] { p.remove_coding(c); });

  // Filters.
  p.add_coding(fx.coding(fx.d2, fx.legal, 0, 5, Stance::supports));
  CodingFilter by_code;
  by_code.codes = p.code_descendants(fx.input);
  CHECK(p.codings(by_code).size() == 2);
  CodingFilter news;
  news.source_type = "news";
  CHECK(p.codings(news).size() == 1);
  CodingFilter sup;
  sup.stance = Stance::supports;
  CHECK(p.codings(sup).size() == 1);
  CodingFilter doc;
  doc.doc = fx.d1;
  CHECK(p.codings(doc).size() == 1);
}

TEST_CASE("memos, settings, coders and source types are undoable") {
  Fixture fx;
  auto& p = *fx.p;
  Id m = 0;
  check_undoable(p, "project memo", [&] { m = p.add_memo("project", 0, "Rencana", "triangulasi"); });
  check_undoable(p, "document memo", [&] { p.add_memo("document", fx.d1, "Informan", "ramah"); });
  check_undoable(p, "edit memo", [&] { p.edit_memo(m, "Rencana 2", "triangulasi tiga sumber"); });
  check_undoable(p, "delete memo", [&] { p.delete_memo(m); });
  check_undoable(p, "new setting", [&] { p.set_setting("triangulation.k", "2"); });
  check_undoable(p, "change setting", [&] { p.set_setting("triangulation.k", "3"); });
  check_undoable(p, "coder", [&] { p.ensure_coder("bima"); });
  check_undoable(p, "source type", [&] { p.add_source_type("observation", "#AABBCC"); });
  CHECK(p.source_type_id("observation") > 3);
}

TEST_CASE("begin_action groups calls into one undo step; a failing part rolls back alone") {
  Fixture fx;
  auto& p = *fx.p;
  check_undoable(p, "grouped", [&] {
    auto a = p.begin_action("Code and comment");
    p.add_coding(fx.coding(fx.d1, fx.legal, 0, 4));
    p.add_coding(fx.coding(fx.d2, fx.legal, 0, 4));
    p.add_memo("code", fx.legal, "", "dua bukti");
    a.commit();
  });
  CHECK(p.undo_label() == "Code and comment");

  // A part that fails inside an action leaves the rest of the action intact.
  const int64_t rev = p.revision();
  {
    auto a = p.begin_action("Partly bad");
    p.add_coding(fx.coding(fx.d1, fx.output, 0, 2));
    CHECK_THROWS_AS(p.add_codings({fx.coding(fx.d1, fx.output, 2, 3), fx.coding(fx.d1, fx.output, 5, 9999)}, "batch"),
                    ValidationError);
    a.commit();
  }
  CHECK(p.revision() == rev + 1);
  CodingFilter f;
  f.codes = {fx.output};
  CHECK(p.codings(f).size() == 1);  // the batch left nothing behind
  CHECK(p.check().empty());
  p.undo();
  CHECK(p.codings(f).empty());

  // An action dropped without commit changes nothing.
  const std::string before = dump(p);
  {
    auto a = p.begin_action("Abandoned");
    p.add_coding(fx.coding(fx.d1, fx.output, 0, 2));
    p.rename_document(fx.d1, "X");
  }
  CHECK(dump(p) == before);
  CHECK(p.revision() == rev + 2);  // rev+1 and its undo
}

TEST_CASE("undo and redo: unlimited, persistent, and a new action clears redo") {
  Fixture fx;
  auto& p = *fx.p;
  CHECK_THROWS_AS(p.redo(), UserError);
  std::vector<std::string> states{dump(p)};
  for (int i = 0; i < 60; ++i) {
    p.add_coding(fx.coding(i % 2 ? fx.d1 : fx.d2, i % 3 ? fx.legal : fx.output, i % 20, i % 20 + 3));
    states.push_back(dump(p));
  }
  fx.reopen();  // the log outlives the session
  for (int i = 60; i > 0; --i) {
    REQUIRE(dump(*fx.p) == states[static_cast<size_t>(i)]);
    fx.p->undo();
  }
  CHECK(dump(*fx.p) == states[0]);
  for (int i = 1; i <= 30; ++i) {
    fx.p->redo();
    REQUIRE(dump(*fx.p) == states[static_cast<size_t>(i)]);
  }
  fx.p->add_memo("project", 0, "baru", "");
  CHECK_FALSE(fx.p->can_redo());
  CHECK_THROWS_AS(fx.p->redo(), UserError);
  fx.p->undo();  // the memo
  CHECK(dump(*fx.p) == states[30]);
  CHECK(fx.p->can_redo());  // the memo can be redone
  fx.p->undo();
  CHECK(dump(*fx.p) == states[29]);
  CHECK(fx.p->check().empty());
}

TEST_CASE("the change log tells listeners what changed") {
  Fixture fx;
  auto& p = *fx.p;
  std::vector<int64_t> seen;
  p.on_commit([&](int64_t rev) { seen.push_back(rev); });
  const int64_t rev = p.revision();
  p.add_coding(fx.coding(fx.d2, fx.legal, 0, 3));
  p.edit_code([&] {
    Code c = p.code(fx.output);
    c.colour = "#000000";
    return c;
  }());
  p.undo();
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == rev + 1);
  auto ch = p.changes_since(rev);
  REQUIRE(ch.size() == 3);
  CHECK(ch[0].docs == std::vector<Id>{fx.d2});
  CHECK_FALSE(ch[0].codebook);
  CHECK(ch[1].codebook);
  CHECK(ch[2].kind == "undo");
  CHECK(ch[2].target == ch[1].rev);
}

TEST_CASE("validation refuses bad input and changes nothing") {
  Fixture fx;
  auto& p = *fx.p;
  Id coding = p.add_coding(fx.coding(fx.d1, fx.legal, 0, 5));
  Id deleted = p.add_document(new_doc("Hapus", "teks"));
  p.delete_document(deleted);
  Id sub = p.add_code(mk("Komunike", fx.legal));
  const int64_t len = p.document(fx.d1).length_cp;
  using V = ValidationError;
  auto add = [&](Id doc, Id code, int64_t s, int64_t e) {
    return [&p, doc, code, s, e] {
      Coding c;
      c.doc = doc, c.code = code, c.start = s, c.end = e;
      p.add_coding(c);
    };
  };
  // Offsets and references.
  check_refused<V>(p, "start < 0", add(fx.d1, fx.legal, -1, 3));
  check_refused<V>(p, "end beyond the text", add(fx.d1, fx.legal, 0, len + 1));
  check_refused<V>(p, "end == start", add(fx.d1, fx.legal, 4, 4));
  check_refused<V>(p, "end < start", add(fx.d1, fx.legal, 5, 2));
  check_refused<NotFound>(p, "unknown document", add(999, fx.legal, 0, 1));
  check_refused<NotFound>(p, "deleted document", add(deleted, fx.legal, 0, 1));
  check_refused<NotFound>(p, "unknown code", add(fx.d1, 999, 0, 1));
  check_refused<NotFound>(p, "unknown coder", [&] {
    Coding c = fx.coding(fx.d1, fx.legal, 0, 1);
    c.coder = 77;
    p.add_coding(c);
  });
  check_refused<V>(p, "resize beyond the text", [&] { p.set_coding_span(coding, 0, len + 10); });
  check_refused<NotFound>(p, "stance of a missing coding", [&] { p.set_stance(4242, Stance::supports); });
  check_refused<V>(p, "bad stance word", [&] { stance_from_string("maybe"); });
  // The tree.
  check_refused<V>(p, "code under itself", [&] { p.move_code(fx.legal, fx.legal, 0); });
  check_refused<V>(p, "code under its own sub-code", [&] { p.move_code(fx.input, sub, 0); });
  check_refused<V>(p, "duplicate sibling", [&] { p.add_code(mk("Resources", fx.input)); });
  check_refused<V>(p, "rename onto a sibling", [&] {
    Code c = p.code(fx.resources);
    c.name = "Legal infrastructure";
    p.edit_code(c);
  });
  p.add_code(mk("Resources", fx.output));
  check_refused<V>(p, "move next to a namesake", [&] { p.move_code(fx.resources, fx.output, 0); });
  p.undo();  // Output/Resources
  p.add_code(mk("Komunike", fx.resources));
  check_refused<V>(p, "merge brings a namesake along", [&] { p.merge_codes(fx.legal, fx.resources); });
  p.undo();  // Resources/Komunike
  check_refused<V>(p, "merge into itself", [&] { p.merge_codes(fx.legal, fx.legal); });
  check_refused<V>(p, "merge into its own sub-code", [&] { p.merge_codes(fx.legal, sub); });
  check_refused<NotFound>(p, "merge an unknown code", [&] { p.merge_codes(999, fx.legal); });
  // Names, colours, dates, text.
  for (std::string name : {"", "Input/Output", " Lead", "Trail ", "two\nlines", "bad \xFF byte"})
    check_refused<V>(p, "code name '" + name + "'", [&] { p.add_code(mk(name)); });
  for (std::string colour : {"", "red", "#12345", "#1234567", "#GGGGGG", "123456"})
    check_refused<V>(p, "colour '" + colour + "'",
                     [&] { p.add_code(mk("Warna", std::nullopt, CodeKind::code, colour)); });
  for (std::string date : {"2015-02-29", "2016-02-30", "2015-13-01", "2015-00-10", "2015-04-31", "15-01-01",
                           "2015/01/01", "2015-1-1", "tahun 2015"})
    check_refused<V>(p, "date '" + date + "'", [&] { p.set_document_field(fx.d1, "date", date); });
  for (std::string date : {"2016-02-29", "2000-02-29", "2015-12", "2015", ""})
    CHECK_NOTHROW(p.set_document_field(fx.d1, "date", date));
  check_refused<V>(p, "1900 was no leap year", [&] { p.set_document_field(fx.d1, "date", "1900-02-29"); });
  check_refused<V>(p, "empty title", [&] { p.rename_document(fx.d1, ""); });
  check_refused<V>(p, "title not UTF-8", [&] { p.rename_document(fx.d1, "Informan \xC0\xAF"); });
  check_refused<V>(p, "text not UTF-8", [&] { p.add_document(new_doc("Rusak", "Seoul \xED\xA0\x80 kota")); });
  check_refused<V>(p, "import with a bad date", [&] {
    auto d = new_doc("X", "y");
    d.date = "2015-02-30";
    p.add_document(d);
  });
  check_refused<NotFound>(p, "unknown source type", [&] { p.add_document(new_doc("X", "y", "blog")); });
  check_refused<V>(p, "unknown field", [&] { p.set_document_field(fx.d1, "colour", "x"); });
  check_refused<V>(p, "number attribute", [&] { p.set_attribute(fx.d1, {"age", "number", "empat puluh"}); });
  check_refused<V>(p, "attribute type", [&] { p.set_attribute(fx.d1, {"age", "integer", "40"}); });
  check_refused<V>(p, "attribute date", [&] { p.set_attribute(fx.d1, {"visited", "date", "2015-02-31"}); });
  check_refused<V>(p, "attribute value not UTF-8", [&] { p.set_attribute(fx.d1, {"role", "text", "\xFF"}); });
  check_refused<NotFound>(p, "remove a missing attribute", [&] { p.remove_attribute(fx.d1, "none"); });
  check_refused<V>(p, "memo not UTF-8", [&] { p.set_coding_memo(coding, "caf\xE9"); });
  check_refused<V>(p, "memo kind", [&] { p.add_memo("coding", coding, "", ""); });
  check_refused<NotFound>(p, "memo about a missing document", [&] { p.add_memo("document", 999, "", ""); });
  check_refused<V>(p, "setting without a name", [&] { p.set_setting("", "x"); });
  check_refused<V>(p, "coder not UTF-8", [&] { p.ensure_coder("\xFE"); });
  check_refused<V>(p, "source type colour", [&] { p.add_source_type("survey", "blue"); });
  check_refused<V>(p, "duplicate source type", [&] { p.add_source_type("news"); });
  // Codebook files.
  for (const char* bad :
       {R"([])", R"({"codes": {}})", R"({"codes": [{"colour": "#123456"}]})",
        R"({"codes": [{"name": "A", "aliases": "A1"}]})", R"({"codes": [{"name": "A", "colour": 12}]})",
        R"({"codes": [{"name": "A", "children": {"name": "B"}}]})", R"({"codes": [{"name": "A", "kind": "theme"}]})",
        R"({"codes": [{"name": "A", "children": [{"name": "B/C"}]}]})",
        R"({"codes": [{"name": "A", "colour": "red"}]})"})
    check_refused<V>(p, std::string("codebook ") + bad, [&] { p.load_codebook(nlohmann::json::parse(bad)); });
  // References by number that are too long to be one.
  check_refused<NotFound>(p, "huge document number", [&] { p.resolve_document("123456789012345678901234567890"); });
  check_refused<NotFound>(p, "huge code number", [&] { p.resolve_code("123456789012345678901234567890"); });
  check_refused<NotFound>(p, "unknown code path", [&] { p.resolve_code("Input/Nothing"); });
  Id year = p.add_code(mk("2015"));
  CHECK(p.resolve_code("2015") == year);  // a number that is no code id is a name
  CHECK(p.check().empty());
}

TEST_CASE("quotes: exact, across line breaks, repeated") {
  const std::string t = "Kata “Komunike” — Komunike 1984.\nKomunike\n  bersama.";
  auto hits = find_quote(t, "Komunike");
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].start == 6);
  CHECK(hits[1].start == 18);
  auto across = find_quote(t, "Komunike bersama.");  // a line break in the text, a space in the quote
  REQUIRE(across.size() == 1);
  CHECK(across[0].start == 33);
  CHECK(across[0].end == 52);
  CHECK(resolve_quote(t, "Komunike", 2, "doc").start == 18);
  CHECK_THROWS_AS(resolve_quote(t, "Komunike", 0, "doc"), UserError);  // three: which one?
  CHECK_THROWS_AS(resolve_quote(t, "Komunike", 4, "doc"), UserError);
  CHECK_THROWS_AS(resolve_quote(t, "Deklarasi", 0, "doc"), UserError);
  CHECK_THROWS_AS(resolve_quote(t, "", 0, "doc"), ValidationError);
  CHECK(resolve_quote("caf\xC3\xA9 ok", "cafe\xCC\x81", 0, "d").end == 4);  // the quote is normalised like the text
}

TEST_CASE("check() is clean after real work and finds planted damage") {
  Fixture fx;
  auto& p = *fx.p;
  Id c = p.add_coding(fx.coding(fx.d1, fx.legal, 0, 5));
  p.add_memo("code", fx.legal, "m", "");
  p.add_memo("document", fx.d2, "m", "");
  CHECK(p.check().empty());
  struct Case {
    const char* name;
    std::string sql;
    std::string expect;  // part of the problem's description
  };
  const std::vector<Case> cases = {
      {"coding beyond its document", "UPDATE codings SET end=9999 WHERE id=" + std::to_string(c), "lies outside"},
      {"wrong stored length", "UPDATE documents SET length_cp=length_cp+1 WHERE id=" + std::to_string(fx.d1),
       "wrong stored length"},
      {"invalid UTF-8 in a text", "UPDATE documents SET text=CAST(x'41FF42' AS TEXT) WHERE id=" + std::to_string(fx.d2),
       "invalid UTF-8 at byte 1"},
      {"a cycle in the tree",
       "UPDATE codes SET parent_id=" + std::to_string(fx.legal) + " WHERE id=" + std::to_string(fx.input),
       "its own ancestor"},
      {"twins", "UPDATE codes SET name='Legal infrastructure' WHERE id=" + std::to_string(fx.resources),
       "two codes named"},
      {"dangling memo", "UPDATE memos SET target_id=999 WHERE kind='code'", "memo #"},
      {"dangling reference", "PRAGMA defer_foreign_keys=ON; UPDATE codings SET code_id=999",
       "points to a missing codes"},
      {"unreadable log", "UPDATE change_log SET changes='not json' WHERE rev=1", "cannot be read"},
      {"block outside its text", "UPDATE blocks SET end=9999 WHERE doc_id=" + std::to_string(fx.d1),
       "paragraph of document"},
  };
  for (const auto& k : cases) {
    CAPTURE(std::string(k.name));
    auto sp = p.begin_action("plant");  // a transaction to roll the damage back afterwards
    p.db().exec(k.sql);
    auto problems = p.check();
    REQUIRE_FALSE(problems.empty());
    bool found = false;
    for (const auto& s : problems) found |= s.find(k.expect) != std::string::npos;
    CAPTURE(problems.front());
    CHECK(found);
    // dropped without commit: the damage is rolled back
  }
  CHECK(p.check().empty());
}

TEST_CASE("text that is not normalised gets its paragraphs derived again") {
  Fixture fx;
  auto d = new_doc("CRLF", "Pewawancara: Ya?\r\n\r\nInforman B: Jose\xCC\x81.");
  d.blocks = {{0, 18, "p", "", 0}, {20, 39, "p", "", 0}};  // positions in the raw text
  d.pages = {{1, 0}, {2, 999}};
  Id id = fx.p->add_document(d);
  CHECK(fx.p->text(id) == "Pewawancara: Ya?\n\nInforman B: Jos\xC3\xA9.");
  auto b = fx.p->blocks(id);
  REQUIRE(b.size() == 2);
  CHECK(b[1].start == 18);
  CHECK(b[1].end == 35);
  CHECK(b[1].speaker == "Informan B");
  CHECK(fx.p->pages(id).size() == 1);
  CHECK(fx.p->check().empty());
}

TEST_CASE("merging and deleting codes carry their evaluations and overrides") {
  Fixture fx;
  auto& p = *fx.p;
  {  // rows of the analysis tables, written as the analysis layer does: inside an action
    auto a = p.begin_action("Rate and override");
    a.insert("evaluations", {{"code_id", fx.resources}, {"rating", "achieved"}, {"modified", "t"}});
    a.insert("evaluations", {{"code_id", fx.legal}, {"rating", "not achieved"}, {"modified", "t"}});
    a.insert("overrides",
             {{"code_id", fx.resources}, {"label", "agreement"}, {"memo", "checked by hand"}, {"created", "t"}});
    a.commit();
  }
  check_undoable(p, "merge a rated code into a rated one", [&] { p.merge_codes(fx.resources, fx.legal); });
  CHECK(p.db().execAndGet("SELECT count(*) FROM evaluations").getInt() == 1);
  CHECK(p.db().execAndGet("SELECT rating FROM evaluations").getString() == "not achieved");  // `into` keeps its own
  CHECK(p.db().execAndGet("SELECT code_id FROM overrides").getInt64() == fx.legal);
  check_undoable(p, "delete a rated code", [&] { p.delete_code(fx.input); });
  CHECK(p.db().execAndGet("SELECT count(*) FROM evaluations").getInt() == 0);
  CHECK(p.db().execAndGet("SELECT count(*) FROM overrides").getInt() == 0);
}
