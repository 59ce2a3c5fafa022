// What the GUI tests stand on: a scratch directory (XDG_STATE_HOME points
// into it so no test touches the user's remembered state), a scratch project
// with one document and a small codebook, and an App on a headless ImGui
// context, empty (AppWindow) or with its own copy of the sample project
// (SampleWindow), with the frame, click and settle steps the suites share.
#pragma once
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "../helpers/sample_project.h"
#include "headless.h"
#include "store/project.h"
#include "ui/shell/app.h"

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

inline Fixture make_fixture(const std::filesystem::path& dir, const std::string& text,
                            const std::string& type = "interview") {
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

// An App on a headless ImGui context in a scratch directory, no project open:
// `draw` runs the App's frame (a suite may draw more around it).
struct AppWindow {
  ScratchDir dir;
  Headless h;
  std::unique_ptr<ui::App> app;
  std::function<void()> draw = [this] { app->frame(); };

  explicit AppWindow(const std::string& name, float width = 1400, float height = 900, bool remember = false)
      : dir(name), h(width, height) {
    ui::AppOptions o;
    o.remember = remember;
    o.sample_on_first_start = false;
    app = std::make_unique<ui::App>(o);
    app->set_fonts(h.fonts);
  }
  AppWindow(const AppWindow&) = delete;  // `draw` holds this
  AppWindow& operator=(const AppWindow&) = delete;

  store::Project& project() { return *app->project(); }
  void frame() { h.frame(draw); }
  void frames(int n) { h.frames(n, draw); }
  void pause() { h.pause(draw); }
  void click(ImVec2 p) { h.click(p, draw); }
  void click(const ImRect& r) { click(r.GetCenter()); }
  // Clicks the middle of a rect a view reported; `what` names it when there is none.
  void click(const std::optional<ImRect>& r, const std::string& what) {
    REQUIRE_MESSAGE(r.has_value(), what);
    click(*r);
  }
  // Types `text`, one character a frame.
  void type(const std::string& text) {
    for (char c : text) {
      h.type(static_cast<unsigned char>(c));
      frame();
    }
  }

  // Runs frames until the App runs no task and `done` (if given) holds, asked
  // once at least `min_frames` frames have run (0: before the first), with a
  // short sleep between frames so the background work gets on; then one more
  // frame draws what arrived. False when that did not happen within `max_frames`
  // (20,000: about a minute; background tasks run at nice 10, so a loaded
  // machine starves them: this is a hang bound, not a speed target).
  bool settle(const std::function<bool()>& done = {}, int max_frames = 20000, int min_frames = 1) {
    for (int i = 0;; ++i) {
      if (i >= min_frames && !app->tasks().busy() && (!done || done())) {
        frame();
        return true;
      }
      if (i == max_frames) return false;
      if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
      frame();
    }
  }
};

// A window on a scratch project (make_fixture over `text`), its document
// open, three frames drawn: the suites that drive the coding view by keyboard
// (input, keyboard, qa) stand on it. Fonts are rebuilt between frames when
// the App asks (text size, new glyphs), as the real window does.
struct DocSession {
  ScratchDir dir;
  Headless h;
  Fixture fx;
  std::unique_ptr<ui::App> app;
  std::function<void()> draw;

  DocSession(const std::string& name, const std::string& text, float width = 1400, float height = 900)
      : dir(name), h(width, height) {
    fx = make_fixture(dir.path, text);
    ui::AppOptions o;
    o.remember = false;
    o.sample_on_first_start = false;
    app = std::make_unique<ui::App>(o);
    app->set_fonts(h.fonts);
    app->adopt_project(std::move(fx.project));
    REQUIRE(app->open_document(fx.doc));
    h.between_frames = [this] {
      if (app->fonts_dirty()) {
        h.rebuild_fonts(app->font_spec(), app->glyphs());
        app->set_fonts(h.fonts);
      }
    };
    draw = [this] { app->frame(); };
    h.frames(3, draw);
  }
  DocSession(const DocSession&) = delete;  // `draw` holds this
  DocSession& operator=(const DocSession&) = delete;

  store::Project& p() { return *app->project(); }
  ui::DocumentView& view() { return app->doc_view(); }
  static bool any_popup() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }
  // A key chord `times` times, in one burst through the input queue, then drained.
  void keys(int k, int times = 1, bool ctrl = false, bool shift = false) {
    for (int i = 0; i < times; ++i) h.push_chord(k, ctrl, shift);
    h.drain(draw);
  }
  // Text typed in one burst through the input queue, then drained.
  void burst(const std::string& text) {
    h.push_text(text);
    h.drain(draw);
  }
  // Text typed one character a frame.
  void type_text(const std::string& text) {
    for (char c : text) {
      h.type(static_cast<unsigned char>(c));
      h.frame(draw);
    }
  }
};

// An AppWindow with its own copy of the sample project in the scratch
// directory (`file`, not opened yet: open()). Throws what building the sample
// threw when it does not build; suites that may run without corpus/ ask
// have_sample() first.
struct SampleWindow : AppWindow {
  std::filesystem::path file;

  explicit SampleWindow(const std::string& name, float width = 1400, float height = 900)
      : AppWindow(name, width, height), file(dir.path / "sample.telaah") {
    copy_sample(file);
  }
  bool open() { return app->open_project(file); }
};

// False, with a note in the test's output, when the sample project does not
// build here (a source tree without corpus/).
inline bool have_sample() {
  const std::string why = sample_problem();
  if (why.empty()) return true;
  MESSAGE("SKIPPED: the sample project does not build (" << why << ")");
  return false;
}

}  // namespace telaah::test
