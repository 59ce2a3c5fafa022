// Document sets and edits of many documents at once (issue 22 item 1), through
// the model (store/doc_sets.h) and the command line (`telaah sets`): each
// change one undoable action, bad input refused with one sentence and nothing
// changed, a deleted document leaving its sets (undo brings it back), and
// Project::check() naming a set member that points at a deleted document.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers/project_fixture.h"
#include "helpers/run.h"
#include "store/doc_sets.h"

using namespace telaah;
using telaah::test::TempDir;

namespace {

struct Proj {
  TempDir dir{"telaah-sets"};
  std::unique_ptr<store::Project> p;
  std::vector<store::Id> docs;
  Proj() {
    store::OpenOptions o;
    o.create = true;
    o.coder = "tester";
    p = store::Project::create(dir / "s.telaah", o);
    for (int i = 1; i <= 4; ++i)
      docs.push_back(p->add_document(test::new_doc("Doc " + std::to_string(i), "Text number " + std::to_string(i))));
  }
};

test::Result tl(std::vector<std::string> args) {
  args.insert(args.begin(), TELAAH_BINARY);
  return test::run(args, {"USER=tester"});
}

}  // namespace

TEST_CASE("a set: create, add, remove, rename, delete; each one action, each undone") {
  Proj f;
  auto& p = *f.p;
  const int64_t r0 = p.revision();
  const store::Id s = store::create_doc_set(p, "Jakarta press");
  CHECK(p.revision() == r0 + 1);
  CHECK(store::add_to_doc_set(p, s, {f.docs[0], f.docs[2], f.docs[0]}) == 2);  // a repeat counts once
  CHECK(p.revision() == r0 + 2);
  CHECK(store::add_to_doc_set(p, s, {f.docs[2]}) == 0);  // already a member: no action
  CHECK(p.revision() == r0 + 2);
  CHECK(store::doc_set_members(p, s) == std::vector<store::Id>{f.docs[0], f.docs[2]});
  CHECK(store::doc_set(p, "Jakarta press").size == 2);
  CHECK(store::remove_from_doc_set(p, s, {f.docs[0], f.docs[1]}) == 1);
  CHECK(store::doc_set_members(p, s) == std::vector<store::Id>{f.docs[2]});
  p.undo();
  CHECK(store::doc_set_members(p, s) == std::vector<store::Id>{f.docs[0], f.docs[2]});
  store::rename_doc_set(p, s, "Press");
  CHECK(store::doc_sets(p).at(0).name == "Press");
  store::delete_doc_set(p, s);
  CHECK(store::doc_sets(p).empty());
  CHECK(p.check().empty());
  p.undo();
  REQUIRE(store::doc_sets(p).size() == 1);
  CHECK(store::doc_set_members(p, s) == std::vector<store::Id>{f.docs[0], f.docs[2]});
}

TEST_CASE("bad set input: one sentence, nothing written") {
  Proj f;
  auto& p = *f.p;
  const store::Id s = store::create_doc_set(p, "A");
  const int64_t rev = p.revision();
  CHECK_THROWS_WITH_AS(store::create_doc_set(p, "A"), "a document set named 'A' exists already", ValidationError);
  CHECK_THROWS_AS(store::create_doc_set(p, "  "), ValidationError);
  CHECK_THROWS_AS(store::add_to_doc_set(p, s, {f.docs[0], 999}), NotFound);
  CHECK_THROWS_AS(store::doc_set(p, "nope"), NotFound);
  CHECK(p.revision() == rev);
  CHECK(store::doc_set_members(p, s).empty());  // the good id of the refused call was not added either
}

TEST_CASE("deleting a document takes it out of its sets in the same action; undo puts it back") {
  Proj f;
  auto& p = *f.p;
  const store::Id s = store::create_doc_set(p, "S");
  store::add_to_doc_set(p, s, {f.docs[0], f.docs[1], f.docs[3]});
  SUBCASE("one document") {
    const int64_t rev = p.revision();
    p.delete_document(f.docs[1]);
    CHECK(p.revision() == rev + 1);
    CHECK(store::doc_set_members(p, s) == std::vector<store::Id>{f.docs[0], f.docs[3]});
  }
  SUBCASE("several at once") {
    const int64_t rev = p.revision();
    store::delete_documents(p, {f.docs[1], f.docs[2]});
    CHECK(p.revision() == rev + 1);
    CHECK(p.documents().size() == 2);
    CHECK(store::doc_set_members(p, s) == std::vector<store::Id>{f.docs[0], f.docs[3]});
  }
  CHECK(p.check().empty());
  p.undo();
  CHECK(p.documents().size() == 4);
  CHECK(store::doc_set_members(p, s) == std::vector<store::Id>{f.docs[0], f.docs[1], f.docs[3]});
  CHECK(p.check().empty());
}

TEST_CASE("check() names a set member that points at a deleted document") {
  Proj f;
  auto& p = *f.p;
  const store::Id s = store::create_doc_set(p, "Broken");
  store::add_to_doc_set(p, s, {f.docs[0]});
  p.db().exec("UPDATE documents SET deleted=1 WHERE id=" + std::to_string(f.docs[0]));  // damage by hand
  const auto problems = p.check();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "document set 'Broken' lists document #" + std::to_string(f.docs[0]) + ", which is deleted or missing");
}

TEST_CASE("many documents at once: a field, an attribute, a removal; each one undo step") {
  Proj f;
  auto& p = *f.p;
  const std::vector<store::Id> three{f.docs[0], f.docs[1], f.docs[3]};
  const int64_t rev = p.revision();
  store::set_documents_attribute(p, three, {"outlet", "text", "Kompas"});
  CHECK(p.revision() == rev + 1);
  for (store::Id d : three) CHECK(p.attributes(d).at(0).value == "Kompas");
  CHECK(p.attributes(f.docs[2]).empty());
  store::set_documents_field(p, three, "source_type", "news");
  store::set_documents_field(p, {f.docs[0], f.docs[2]}, "language", "en");
  CHECK(p.revision() == rev + 3);
  CHECK(p.document(f.docs[1]).source_type == "news");
  CHECK(p.document(f.docs[2]).source_type == "interview");
  CHECK(p.document(f.docs[2]).language == "en");
  CHECK(store::remove_documents_attribute(p, {f.docs[0], f.docs[2]}, "outlet") == 1);
  CHECK(p.attributes(f.docs[0]).empty());
  p.undo();
  p.undo();
  p.undo();
  CHECK(p.revision() == rev + 7);
  CHECK(p.document(f.docs[1]).source_type == "interview");
  CHECK(p.attributes(f.docs[0]).at(0).value == "Kompas");
  p.undo();
  for (store::Id d : three) CHECK(p.attributes(d).empty());
  // Refused before anything is written.
  const int64_t before = p.revision();
  CHECK_THROWS_AS(store::set_documents_attribute(p, three, {"year", "number", "nineteen"}), ValidationError);
  CHECK_THROWS_AS(store::set_documents_field(p, three, "source_type", "no such type"), NotFound);
  CHECK_THROWS_AS(store::set_documents_field(p, three, "date", "2011-02-30"), ValidationError);
  CHECK(p.revision() == before);
}

TEST_CASE("the properties saved together: one action, only what changed; boolean attributes") {
  Proj f;
  auto& p = *f.p;
  p.set_attribute(f.docs[0], {"region", "text", "Jakarta"});
  p.set_attribute(f.docs[0], {"old", "text", "x"});
  store::DocumentEdit e{"Renamed", "news", "id", "2011-05-18", "Kompas", {}};
  e.attributes = {{"region", "text", "Seoul"}, {"signed", "boolean", "true"}, {"pages", "number", "12"}};
  const int64_t rev = p.revision();
  CHECK(store::edit_document(p, f.docs[0], e));
  CHECK(p.revision() == rev + 1);
  const auto d = p.document(f.docs[0]);
  CHECK(d.title == "Renamed");
  CHECK(d.source_type == "news");
  CHECK(d.date == "2011-05-18");
  CHECK(d.author == "Kompas");
  const auto attrs = p.attributes(f.docs[0]);  // by name
  REQUIRE(attrs.size() == 3);
  CHECK(attrs[0].name == "pages");
  CHECK(attrs[1].value == "Seoul");
  CHECK(attrs[2].type == "boolean");
  CHECK_FALSE(store::edit_document(p, f.docs[0], e));  // nothing differs: no action
  CHECK(p.revision() == rev + 1);
  auto bad = e;
  bad.attributes.push_back({"flag", "boolean", "maybe"});
  CHECK_THROWS_AS(store::edit_document(p, f.docs[0], bad), ValidationError);
  bad = e;
  bad.date = "18/05/2011";
  CHECK_THROWS_AS(store::edit_document(p, f.docs[0], bad), ValidationError);
  CHECK(p.revision() == rev + 1);
  p.undo();
  CHECK(p.document(f.docs[0]).title == "Doc 1");
  CHECK(p.attributes(f.docs[0]).size() == 2);
  CHECK(store::codings_on_documents(p, {f.docs[0]}) == 0);
}

TEST_CASE("telaah sets: list, create, add, remove, rename, delete, with --json; bad input exit 1") {
  Proj f;
  const std::string file = (f.dir / "s.telaah").string();
  f.p.reset();  // the CLI opens the file itself
  auto r = tl({"sets", file, "create", "Press"});
  REQUIRE(r.status == 0);
  CHECK(r.out == "created set Press\n");
  r = tl({"sets", file, "add", "Press", "1", "Doc 3", "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["done"]["added"] == 2);
  CHECK(j["sets"][0]["documents"] == nlohmann::json::array({1, 3}));
  r = tl({"sets", file});
  REQUIRE(r.status == 0);
  CHECK(r.out == "Press  (2 documents)\n  #1 Doc 1\n  #3 Doc 3\n");
  r = tl({"sets", file, "remove", "Press", "1"});
  CHECK(r.out == "removed 1 document from set Press\n");
  CHECK(tl({"sets", file, "rename", "Press", "Media"}).status == 0);
  r = tl({"sets", file, "list", "--json"});
  j = nlohmann::json::parse(r.out);
  CHECK(j["sets"][0]["name"] == "Media");
  CHECK(j["sets"][0]["size"] == 1);
  CHECK(tl({"undo", file}).status == 0);  // the rename
  CHECK(nlohmann::json::parse(tl({"sets", file, "--json"}).out)["sets"][0]["name"] == "Press");
  for (const auto& [args, msg] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"sets", file, "add", "Nope", "1"}, "no document set 'Nope'"},
           {{"sets", file, "add", "Press", "99"}, "no document #99"},
           {{"sets", file, "create", "Press"}, "exists already"},
           {{"sets", file, "create"}, "give one set name"},
           {{"sets", file, "add", "Press"}, "at least one document"}}) {
    CAPTURE(args);
    r = tl(args);
    CHECK(r.status == 1);
    CHECK(r.err.find(msg) != std::string::npos);
  }
  r = tl({"sets", file, "delete", "Press"});
  CHECK(r.out == "deleted set Press (1 document stays in the project)\n");
  CHECK(tl({"sets", file}).out == "no document sets (create one: telaah sets P create NAME)\n");
  CHECK(tl({"check", file}).status == 0);
}
