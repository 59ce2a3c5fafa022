// Choosing files (issue 22 item 6): the in-app browser's places, type
// filters, keys and folder mark, headless; and the desktop's dialog through
// a fake zenity first on PATH (chosen, cancelled, failing -> the in-app browser).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "text/utf8.h"
#include "ui/shell/file_browser.h"

using namespace telaah;
namespace fs = std::filesystem;
using ui::FileBrowser;
using ui::Place;

namespace {

void touch(const fs::path& p) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << "x";
}

struct Browser {
  test::ScratchDir dir{"gui-file-browser"};
  test::Headless h{1400, 900};
  FileBrowser fb;
  std::optional<std::vector<fs::path>> result;
  std::function<void()> draw = [this] {
    if (auto r = fb.draw()) result = r;
  };
  void frame() { h.frame(draw); }
  void frames(int n) { h.frames(n, draw); }
  void key(int k, bool ctrl = false) {
    h.key(k, ctrl);
    frame();
  }
  void type(const std::string& s) {
    for (char c : s) {
      h.type(static_cast<unsigned char>(c));
      frame();
    }
  }
  // Whether the in-app browser's popup is open (asked inside a frame that draws it).
  bool popup_shown() {
    bool open = false;
    h.frame([&] {
      draw();
      open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    });
    return open;
  }
};

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("places: home, desktop, documents, the project's folder, volumes under /media and /mnt, recent folders") {
  test::ScratchDir d("file-places");
  const fs::path home = d.path / "home";
  fs::create_directories(home / "Desktop");
  fs::create_directories(home / "Dokumen");  // named in user-dirs.dirs
  fs::create_directories(home / "Documents");
  fs::create_directories(d.path / "study");
  fs::create_directories(d.path / "older");
  const std::string user_dirs =
      "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumen\"\n";
  const std::string mounts =
      "/dev/sda1 / ext4 rw,relatime 0 0\n"
      "proc /proc proc rw 0 0\n"
      "/dev/sdb1 /media/ayu/USB\\040DISK vfat rw 0 0\n"
      "/dev/sdc1 /mnt/arsip ext4 rw 0 0\n"
      "tmpfs /run/user/1000 tmpfs rw 0 0\n";
  const std::vector<fs::path> recent{d.path / "older", d.path / "gone", d.path / "study"};
  const auto places = ui::file_places(home, d.path / "study", user_dirs, mounts, recent);
  struct Want {
    Place::Kind kind;
    std::string label;
    fs::path path;
  };
  const std::vector<Want> want{
      {Place::Kind::home, "Home", home},
      {Place::Kind::desktop, "Desktop", home / "Desktop"},
      {Place::Kind::documents, "Documents", home / "Dokumen"},
      {Place::Kind::project, "Project folder", d.path / "study"},
      {Place::Kind::volume, "USB DISK", "/media/ayu/USB DISK"},
      {Place::Kind::volume, "arsip", "/mnt/arsip"},
      {Place::Kind::recent, "older", d.path / "older"},  // "gone" does not exist; "study" is listed already
  };
  REQUIRE(places.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(places[i].kind == want[i].kind);
    CHECK(places[i].label == want[i].label);
    CHECK(places[i].path == want[i].path);
  }
  // Without user-dirs.dirs: ~/Desktop and ~/Documents.
  const auto plain = ui::file_places(home, {}, "", "", {});
  REQUIRE(plain.size() == 3);
  CHECK(plain[2].path == home / "Documents");
}

TEST_CASE("recent folders: the folder a file was chosen in is offered next time") {
  Browser b;
  const fs::path root = b.dir.path / "files";
  touch(root / "a.telaah");
  b.fb.open(FileBrowser::Mode::open_project, root);
  b.frames(2);
  b.type("a");
  CHECK(b.fb.selected() == std::set<std::string>{"a.telaah"});
  b.key(test::kEnter);
  REQUIRE(b.result.has_value());
  CHECK(*b.result == std::vector<fs::path>{fs::weakly_canonical(root) / "a.telaah"});
  CHECK_FALSE(b.fb.is_open());
  REQUIRE_FALSE(ui::recent_folders().empty());
  CHECK(ui::recent_folders().front() == fs::weakly_canonical(root));
  b.fb.open(FileBrowser::Mode::import_files, b.dir.path);
  bool listed = false;
  for (const auto& p : b.fb.places())
    listed = listed || (p.kind == Place::Kind::recent && p.path == fs::weakly_canonical(root));
  CHECK(listed);
}

TEST_CASE("type filters: each caller's types, the others hidden; hidden files on Ctrl+H") {
  Browser b;
  const fs::path root = b.dir.path / "mixed";
  for (const char* f : {"a.telaah", "b.qdpx", "c.txt", "d.PDF", "e.docx", "f.png", "r.html", ".hidden.telaah"})
    touch(root / f);
  fs::create_directories(root / "sub");
  b.fb.open(FileBrowser::Mode::open_project, root);
  CHECK(b.fb.shown_names() == Names{"sub", "a.telaah", "b.qdpx"});  // projects and REFI-QDA projects
  b.fb.set_filter(1);
  CHECK(b.fb.shown_names() == Names{"sub", "a.telaah"});  // projects only
  b.fb.set_filter(2);
  CHECK(b.fb.shown_names() == Names{"sub", "a.telaah", "b.qdpx", "c.txt", "d.PDF", "e.docx", "f.png", "r.html"});

  b.fb.open(FileBrowser::Mode::import_files, root);  // what the importers read (case does not matter)
  CHECK(b.fb.shown_names() == Names{"sub", "c.txt", "d.PDF", "e.docx", "r.html"});

  b.fb.open(FileBrowser::Mode::open_project, root);
  b.fb.only_extensions({".qdpx", ".QDE"});
  CHECK(b.fb.filters().size() == 1);
  CHECK(b.fb.shown_names() == Names{"sub", "b.qdpx"});
  b.fb.set_filters(FileBrowser::report_filters());
  CHECK(b.fb.shown_names() == Names{"sub", "e.docx", "r.html"});

  b.fb.set_filters(FileBrowser::project_filters(false));
  b.frames(2);
  CHECK_FALSE(b.fb.show_hidden());
  b.key('H', true);
  CHECK(b.fb.show_hidden());
  CHECK(b.fb.shown_names() == Names{"sub", ".hidden.telaah", "a.telaah"});
  b.key('H', true);
  CHECK(b.fb.shown_names() == Names{"sub", "a.telaah"});
}

TEST_CASE("keys: type-ahead, Up/Down, Enter enters a folder or opens a file, Backspace goes up") {
  Browser b;
  const fs::path root = fs::weakly_canonical(b.dir.path) / "keys";
  fs::create_directories(root / "alpha");
  fs::create_directories(root / "beta");
  touch(root / "beta" / "inner.telaah");
  touch(root / "gamma.telaah");
  touch(root / "garden.telaah");
  b.fb.open(FileBrowser::Mode::open_project, root);
  b.frames(2);
  REQUIRE(b.popup_shown());
  CHECK(b.fb.shown_names() == Names{"alpha", "beta", "gamma.telaah", "garden.telaah"});
  b.type("gar");
  CHECK(b.fb.selected() == std::set<std::string>{"garden.telaah"});
  b.key(test::kUp);
  CHECK(b.fb.selected() == std::set<std::string>{"gamma.telaah"});
  b.key(test::kDown);
  CHECK(b.fb.selected() == std::set<std::string>{"garden.telaah"});
  b.key(test::kUp);
  CHECK(b.fb.selected() == std::set<std::string>{"gamma.telaah"});
  b.h.pause(b.draw);
  b.h.pause(b.draw);
  b.h.pause(b.draw);  // over a second later: a new name
  b.type("b");
  CHECK(b.fb.selected() == std::set<std::string>{"beta"});
  b.key(test::kEnter);
  CHECK(b.fb.dir() == root / "beta");
  CHECK_FALSE(b.result.has_value());
  CHECK(b.fb.shown_names() == Names{"inner.telaah"});
  b.key(test::kBackspace);
  CHECK(b.fb.dir() == root);
  b.key(test::kDown);  // nothing chosen: the first
  CHECK(b.fb.selected() == std::set<std::string>{"alpha"});
  b.h.pause(b.draw);
  b.h.pause(b.draw);
  b.h.pause(b.draw);
  b.type("gar");
  b.key(test::kEnter);
  REQUIRE(b.result.has_value());
  CHECK(*b.result == std::vector<fs::path>{root / "garden.telaah"});
  CHECK_FALSE(b.fb.is_open());
}

TEST_CASE("rows: a folder is marked by a drawn shape; every character of a row is a glyph the atlas has") {
  Browser b;
  const fs::path root = b.dir.path / "glyphs";
  fs::create_directories(root / "Wawancara");
  fs::create_directories(root / "Berita \xC3\xA9t\xC3\xA9");  // Latin-1 letters
  touch(root / "kajian.telaah");
  b.fb.open(FileBrowser::Mode::open_project, root);
  b.frames(3);
  const ImFont* font = b.h.fonts.ui;
  REQUIRE(font != nullptr);
  // The old folder mark, U+25B8, is not among the glyphs the window bakes: it rendered as a broken box.
  CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(0x25B8)) == nullptr);
  REQUIRE(b.fb.row_labels().size() == 3);
  CHECK(b.fb.row_labels()[0] == "Berita \xC3\xA9t\xC3\xA9/");
  for (const auto& label : b.fb.row_labels()) {
    CAPTURE(label);
    size_t i = 0;
    while (i < label.size()) {
      const char32_t c = text::decode_next(label, i);
      CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
  }
}

namespace {

// A fake zenity first on PATH: writes its arguments (one a line) to $FAKE_ARGS,
// prints $FAKE_OUT and exits with $FAKE_RC.
struct FakeZenity {
  fs::path bin, args;
  std::string old_path;
  explicit FakeZenity(const fs::path& dir) : bin(dir / "bin"), args(dir / "zenity-args.txt") {
    fs::create_directories(bin);
    {
      std::ofstream s(bin / "zenity");
      s << "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$FAKE_ARGS\"; done\n"
           "printf '%s' \"$FAKE_OUT\"\nexit \"$FAKE_RC\"\n";
    }
    ::chmod((bin / "zenity").c_str(), 0755);
    old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
    setenv("PATH", (bin.string() + ":" + old_path).c_str(), 1);
    setenv("TELAAH_FILE_CHOOSER", "zenity", 1);
    setenv("FAKE_ARGS", args.c_str(), 1);
  }
  ~FakeZenity() {
    setenv("PATH", old_path.c_str(), 1);
    unsetenv("TELAAH_FILE_CHOOSER");
  }
  void answer(const std::string& out, int rc) {
    setenv("FAKE_OUT", out.c_str(), 1);
    setenv("FAKE_RC", std::to_string(rc).c_str(), 1);
    fs::remove(args);
  }
  std::vector<std::string> arguments() const {
    std::vector<std::string> out;
    std::ifstream in(args);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
  }
};

// Frames until the helper has ended (bounded: 10 s).
bool wait_native(Browser& b) {
  for (int i = 0; i < 5000; ++i) {
    b.frame();
    if (!b.fb.native_running()) {
      b.frame();
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("the desktop's dialog: zenity chooses, cancels, or fails over to the in-app browser") {
  Browser b;
  FakeZenity z(b.dir.path);
  const fs::path root = fs::weakly_canonical(b.dir.path);

  // Import: several files, with the importers' types as the filter.
  z.answer(root.string() + "/a.docx\n" + root.string() + "/b b.pdf\n", 0);
  b.fb.open(FileBrowser::Mode::import_files, root);
  b.frame();
  CHECK(b.fb.native_running());
  CHECK(b.fb.native_helper() == "zenity");
  CHECK_FALSE(b.popup_shown());
  REQUIRE(wait_native(b));
  REQUIRE(b.result.has_value());
  CHECK(*b.result == std::vector<fs::path>{root / "a.docx", root / "b b.pdf"});
  CHECK_FALSE(b.fb.is_open());
  CHECK_FALSE(b.popup_shown());
  const auto args = z.arguments();
  CHECK(has(args, "--file-selection"));
  CHECK(has(args, "--multiple"));
  CHECK(has(args, "--filename=" + root.string() + "/"));
  bool docx = false;
  for (const auto& a : args)
    docx = docx || (a.rfind("--file-filter=", 0) == 0 && a.find("*.docx") != std::string::npos);
  CHECK(docx);

  // A new project: saved with the extension added.
  b.result.reset();
  z.answer(root.string() + "/kajian\n", 0);
  b.fb.open(FileBrowser::Mode::new_project, root);
  REQUIRE(wait_native(b));
  REQUIRE(b.result.has_value());
  CHECK(*b.result == std::vector<fs::path>{root / "kajian.telaah"});
  CHECK(has(z.arguments(), "--save"));

  // Cancelled: nothing chosen, no in-app browser either.
  b.result.reset();
  z.answer("", 1);
  b.fb.open(FileBrowser::Mode::open_project, root);
  REQUIRE(wait_native(b));
  CHECK_FALSE(b.result.has_value());
  CHECK_FALSE(b.fb.is_open());
  CHECK_FALSE(b.popup_shown());

  // Failing (no display, unknown option): the in-app browser opens instead, and zenity is not tried again.
  z.answer("", 3);
  b.fb.open(FileBrowser::Mode::open_project, root);
  REQUIRE(wait_native(b));
  b.frames(2);
  CHECK(b.fb.is_open());
  CHECK(b.popup_shown());
  b.fb.open(FileBrowser::Mode::open_project, root);
  b.frames(2);
  CHECK_FALSE(b.fb.native_running());
  CHECK(b.fb.native_helper().empty());
  CHECK(b.popup_shown());
}
