// Merging a colleague's work: two copies of one project coded by different
// coders come together in one undoable action; duplicates are skipped,
// documents are matched by content, codes by id (same lineage) or by path,
// and whatever cannot be merged is reported.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "analysis/agreement.h"
#include "analysis/merge.h"
#include "sample/sample.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace telaah;
using analysis::MergeConflict;
using store::Id;

namespace {

struct TempDir {
  fs::path dir;
  TempDir() {
    static int n = 0;
    dir = fs::temp_directory_path() / ("telaah-merge-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

store::NewDocument doc(const std::string& title, const std::string& text) {
  store::NewDocument d;
  d.title = title;
  d.text = text;
  return d;
}

// The shared starting point: two documents, a small codebook, one coding by "ayu".
fs::path make_base(const fs::path& file) {
  auto p = store::Project::create(file);
  p->add_document(doc("interview one", "Kami bertemu setiap tahun. Tidak pernah putus. Anggaran terbatas sekali."));
  p->add_document(doc("news two", "The mission signed letters of intent worth millions, mostly for large firms."));
  store::Code in;
  in.name = "Input";
  in.kind = store::CodeKind::variable;
  Id input = p->add_code(in);
  store::Code legal;
  legal.name = "Legal";
  legal.parent = input;
  legal.kind = store::CodeKind::indicator;
  p->add_code(legal);
  store::Code imp;
  imp.name = "Impediment";
  p->add_code(imp);
  p->set_coder("ayu");
  store::Coding c;
  c.doc = 1;
  c.code = p->resolve_code("Input/Legal");
  c.start = 0;
  c.end = 26;
  c.stance = store::Stance::supports;
  p->add_coding(c);
  return file;
}

Id code_as(store::Project& p, const std::string& coder, Id doc, const std::string& code, int64_t s, int64_t e,
           store::Stance st = store::Stance::neutral, const std::string& memo = "") {
  p.set_coder(coder);
  store::Coding c;
  c.doc = doc;
  c.code = p.resolve_code(code);
  c.start = s;
  c.end = e;
  c.stance = st;
  c.memo = memo;
  return p.add_coding(c);
}

size_t count_by(const store::Project& p, const std::string& coder) {
  auto id = p.find_coder(coder);
  if (!id) return 0;
  store::CodingFilter f;
  f.coder = *id;
  return p.codings(f).size();
}

}  // namespace

TEST_CASE("two copies coded by different coders merge as one undoable action") {
  TempDir t;
  const fs::path mine = make_base(t.dir / "mine.telaah");
  const fs::path theirs = t.dir / "theirs.telaah";
  fs::copy_file(mine, theirs);  // the colleague's copy: same project_id, same ids
  {
    auto q = store::Project::open(theirs);
    code_as(*q, "bima", 1, "Input/Legal", 0, 26, store::Stance::contradicts, "not binding");
    code_as(*q, "bima", 1, "Impediment", 48, 72);
    code_as(*q, "bima", 2, "Impediment", 0, 40);
  }
  auto p = store::Project::open(mine);
  code_as(*p, "ayu", 2, "Impediment", 5, 40);
  const int64_t rev = p->revision();

  analysis::MergeOptions dry_run;
  dry_run.dry_run = true;
  auto dry = analysis::merge_project(*p, theirs, dry_run);
  CHECK(dry.added == 3);
  CHECK(p->revision() == rev);  // a dry run changes nothing
  CHECK(count_by(*p, "bima") == 0);

  auto r = analysis::merge_project(*p, theirs);
  CHECK(r.same_lineage);
  CHECK(r.considered == 4);  // ayu's shared coding + bima's three
  CHECK(r.duplicates == 1);  // ayu's coding is in both copies
  CHECK(r.added == 3);
  CHECK(r.skipped == 0);
  CHECK(r.documents_matched == 2);
  CHECK(r.coders_added == std::vector<std::string>{"bima"});
  CHECK(r.conflicts.empty());
  CHECK(r.revision == rev + 1);  // ONE action
  CHECK(count_by(*p, "bima") == 3);
  CHECK(count_by(*p, "ayu") == 2);
  store::CodingFilter f;
  f.coder = p->find_coder("bima");
  auto merged = p->codings(f);
  CHECK(merged[0].memo == "not binding");
  CHECK(merged[0].stance == store::Stance::contradicts);
  CHECK(merged[0].origin.find("merge: theirs.telaah") == 0);
  CHECK(p->check().empty());

  // The merged project is ready for agreement statistics.
  analysis::AgreementOptions o;
  o.sel.coders = {"ayu", "bima"};
  auto ag = analysis::compute_agreement(*p, o);
  CHECK(ag.documents.size() == 2);

  // Merging again adds nothing.
  auto again = analysis::merge_project(*p, theirs);
  CHECK(again.added == 0);
  CHECK(again.duplicates == 4);
  CHECK(p->revision() == rev + 1);

  // Undo removes the whole merge, redo brings it back.
  CHECK(p->undo().find("Merge 3 codings") == 0);
  CHECK(count_by(*p, "bima") == 0);
  CHECK(count_by(*p, "ayu") == 2);
  p->redo();
  CHECK(count_by(*p, "bima") == 3);
}

TEST_CASE("merge of a different project: documents by content, codes by path, conflicts listed") {
  TempDir t;
  auto p = store::Project::open(make_base(t.dir / "mine.telaah"));
  // An independent project: other ids, other order, one unknown document, one unknown code.
  auto q = store::Project::create(t.dir / "other.telaah");
  q->add_document(doc("unrelated", "Something nobody imported here."));
  q->add_document(
      doc("news 2 (renamed)", "The mission signed letters of intent worth millions, mostly for large firms."));
  q->add_document(doc("interview 1", "Kami bertemu setiap tahun. Tidak pernah putus. Anggaran terbatas sekali."));
  store::Code imp;
  imp.name = "Impediment";
  q->add_code(imp);
  store::Code proc;
  proc.name = "Process";
  proc.kind = store::CodeKind::variable;
  Id pr = q->add_code(proc);
  store::Code cont;
  cont.name = "Continuity";
  cont.parent = pr;
  cont.kind = store::CodeKind::indicator;
  cont.definition = "programmes go on";
  q->add_code(cont);
  code_as(*q, "ayu", 3, "Impediment", 48, 72);  // same name as our coder: a clash across projects
  code_as(*q, "citra", 2, "Impediment", 0, 40);
  code_as(*q, "citra", 3, "Process/Continuity", 0, 46);
  code_as(*q, "citra", 1, "Impediment", 0, 9);  // document not here

  auto r = analysis::merge_project(*p, *q);
  CHECK_FALSE(r.same_lineage);
  CHECK(r.considered == 4);
  CHECK(r.added == 2);
  CHECK(r.skipped == 2);
  auto has = [&](MergeConflict::Kind k) {
    for (const auto& c : r.conflicts)
      if (c.kind == k) return true;
    return false;
  };
  CHECK(has(MergeConflict::document_missing));
  CHECK(has(MergeConflict::code_missing));
  CHECK(has(MergeConflict::coder_clash));
  for (const auto& c : r.conflicts)
    if (c.kind == MergeConflict::code_missing) CHECK(c.message.find("Process/Continuity") != std::string::npos);
  CHECK(count_by(*p, "citra") == 1);
  p->undo();
  CHECK(count_by(*p, "citra") == 0);

  // With --create-codes the missing code is created with its parent, in the same action.
  const int64_t rev = p->revision();
  analysis::MergeOptions create;
  create.create_codes = true;
  auto r2 = analysis::merge_project(*p, *q, create);
  CHECK(r2.added == 3);
  CHECK(r2.codes_created == std::vector<std::string>{"Process", "Process/Continuity"});
  CHECK(p->code(p->resolve_code("Process/Continuity")).definition == "programmes go on");
  CHECK(p->revision() == rev + 1);
  p->undo();
  CHECK_THROWS_AS(p->resolve_code("Process/Continuity"), NotFound);

  // Only one coder, under another name.
  analysis::MergeOptions only;
  only.only_coder = "ayu";
  only.as_coder = "ayu-2";
  auto r3 = analysis::merge_project(*p, *q, only);
  CHECK(r3.considered == 1);
  CHECK(r3.added == 1);
  CHECK(count_by(*p, "ayu-2") == 1);
  only.only_coder = "nobody";
  CHECK_THROWS_AS(analysis::merge_project(*p, *q, only), NotFound);
}

TEST_CASE("a document whose file matches but whose text differs is refused, not misplaced") {
  TempDir t;
  auto p = store::Project::open(make_base(t.dir / "mine.telaah"));
  auto q = store::Project::create(t.dir / "other.telaah");
  store::NewDocument d = doc("interview one", "Kami bertemu setiap tahun.  Tidak pernah putus.");
  d.original_bytes = "Kami bertemu setiap tahun. Tidak pernah putus. Anggaran terbatas sekali.";  // same original file
  q->add_document(d);
  store::Code imp;
  imp.name = "Impediment";
  q->add_code(imp);
  code_as(*q, "bima", 1, "Impediment", 0, 10);
  auto r = analysis::merge_project(*p, *q);
  REQUIRE(r.conflicts.size() == 1);
  CHECK(r.conflicts[0].kind == MergeConflict::text_differs);
  CHECK(r.added == 0);
}

TEST_CASE("merging a project into itself or a missing file is refused") {
  TempDir t;
  const fs::path mine = make_base(t.dir / "mine.telaah");
  auto p = store::Project::open(mine);
  CHECK_THROWS_AS(analysis::merge_project(*p, mine), UserError);
  CHECK_THROWS_AS(analysis::merge_project(*p, t.dir / "nope.telaah"), NotFound);
}

TEST_CASE("the sample project: bima's copy merges back into ayu's") {
  TempDir t;
  const fs::path full = t.dir / "sample.telaah";
  try {
    sample::build_sample(full, fs::path(TELAAH_SOURCE_DIR) / "corpus");
  } catch (const std::exception& e) {
    MESSAGE("SKIPPED: the sample project does not build yet (" << e.what() << ")");
    return;
  }
  // Ayu's copy keeps only ayu's codings; bima's copy only bima's.
  const fs::path ayu = t.dir / "ayu.telaah", bima = t.dir / "bima.telaah";
  fs::copy_file(full, ayu);
  fs::copy_file(full, bima);
  size_t bima_total = 0;
  for (auto [file, drop] : {std::pair{ayu, "bima"}, std::pair{bima, "ayu"}}) {
    auto q = store::Project::open(file);
    store::CodingFilter f;
    f.coder = q->find_coder(drop);
    REQUIRE(f.coder);
    auto act = q->begin_action("drop " + std::string(drop));
    for (const auto& c : q->codings(f)) q->remove_coding(c.id);
    act.commit();
    if (std::string(drop) == "ayu") bima_total = count_by(*q, "bima");
  }
  REQUIRE(bima_total > 0);
  auto p = store::Project::open(ayu);
  const size_t ayu_total = count_by(*p, "ayu");
  auto r = analysis::merge_project(*p, bima);
  CHECK(r.added == static_cast<int64_t>(bima_total));
  CHECK(r.conflicts.empty());
  CHECK(count_by(*p, "bima") == bima_total);
  CHECK(count_by(*p, "ayu") == ayu_total);
  auto src = store::Project::open(full);
  CHECK(p->codings().size() == src->codings().size());
  p->undo();
  CHECK(count_by(*p, "bima") == 0);
}
