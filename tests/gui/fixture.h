// A scratch project for the GUI tests: a fresh directory, a project file, a
// document with the given text and a small codebook. XDG_STATE_HOME points
// into the scratch directory so no test touches the user's remembered state.
#pragma once
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/project.h"

namespace telaah::test {

struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const std::string& name) {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() /
           ("telaah-" + name + "-" + std::to_string(rd()) + "-" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(path);
    setenv("XDG_STATE_HOME", (path / "state").c_str(), 1);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

struct Fixture {
  std::unique_ptr<store::Project> project;
  store::Id doc = 0;
  store::Id code_a = 0, code_b = 0, code_c = 0;  // two indicators under one variable, and a top-level code
};

inline Fixture make_fixture(const std::filesystem::path& dir, const std::string& text, const std::string& type = "interview") {
  Fixture f;
  store::OpenOptions o;
  o.create = true;
  o.coder = "tester";
  f.project = store::Project::create(dir / "t.telaah", o);
  store::NewDocument d;
  d.title = "Transcript";
  d.source_type = type;
  d.language = "id";
  d.text = text;
  d.original_name = "t.txt";
  d.original_bytes = text;
  f.doc = f.project->add_document(d);
  store::Code v;
  v.name = "Input";
  v.kind = store::CodeKind::variable;
  v.colour = "#4E79A7";
  const store::Id var = f.project->add_code(v);
  store::Code a;
  a.parent = var;
  a.name = "Legal infrastructure";
  a.kind = store::CodeKind::indicator;
  a.colour = "#2F6FB3";
  f.code_a = f.project->add_code(a);
  store::Code b = a;
  b.name = "Human resources";
  b.colour = "#E15759";
  f.code_b = f.project->add_code(b);
  store::Code c;
  c.name = "Impediment";
  c.colour = "#59A14F";
  f.code_c = f.project->add_code(c);
  return f;
}

// Code point offset of the n-th (0-based) occurrence of `needle` in `text`.
inline int64_t cp_of(const std::string& text, const std::string& needle, int n = 0) {
  size_t at = 0;
  for (int i = 0; i <= n; ++i) {
    at = text.find(needle, i == 0 ? 0 : at + 1);
    if (at == std::string::npos) return -1;
  }
  int64_t cp = 0;
  for (size_t i = 0; i < at; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
  return cp;
}

}  // namespace telaah::test
