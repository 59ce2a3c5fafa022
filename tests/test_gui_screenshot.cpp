// The real binary in a real (virtual) X display: `telaah gui --screenshot`
// writes a non-blank PNG of the coded sample project, and an xdotool session
// codes a passage with the mouse and a key. Skipped with a message when
// xvfb-run, xdotool or the corpus are missing. The screenshots are kept in
// screenshots/ under the test's working directory for people to look at.
#include <doctest/doctest.h>

#include <stb/stb_image.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>

#include "gui/fixture.h"
#include "sample/sample.h"

namespace fs = std::filesystem;
using namespace telaah;

namespace {

bool have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

int run(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// The sample project, built once per test run (it takes a few seconds).
const fs::path& sample_project(const fs::path& dir) {
  static fs::path built;
  if (built.empty()) {
    built = dir / "sample.telaah";
    sample::build_sample(built, fs::path(TELAAH_SOURCE_DIR) / "corpus");
  }
  return built;
}

struct Png {
  int w = 0, h = 0;
  size_t colours = 0;
  double busy = 0;  // share of pixels that differ from the most common colour
};

Png inspect(const fs::path& file) {
  Png out;
  int n = 0;
  unsigned char* px = stbi_load(file.c_str(), &out.w, &out.h, &n, 3);
  REQUIRE(px != nullptr);
  std::map<uint32_t, size_t> count;
  for (size_t i = 0; i < static_cast<size_t>(out.w) * static_cast<size_t>(out.h); ++i)
    ++count[(uint32_t(px[3 * i]) << 16) | (uint32_t(px[3 * i + 1]) << 8) | px[3 * i + 2]];
  stbi_image_free(px);
  size_t most = 0;
  for (const auto& [c, k] : count) most = std::max(most, k);
  out.colours = count.size();
  out.busy = 1.0 - static_cast<double>(most) / (static_cast<double>(out.w) * out.h);
  return out;
}

}  // namespace

TEST_CASE("telaah gui --screenshot writes a non-blank PNG of the coded sample project") {
  if (!have("xvfb-run")) {
    MESSAGE("skipped: xvfb-run is not installed (Debian package xvfb)");
    return;
  }
  if (!fs::exists(fs::path(TELAAH_SOURCE_DIR) / "corpus/framework.json")) {
    MESSAGE("skipped: the sample corpus is missing");
    return;
  }
  test::ScratchDir dir("gui-shot");
  const fs::path project = sample_project(dir.path);
  fs::create_directories("screenshots");
  struct Shot {
    const char* name;
    std::string args;
  } shots[] = {
      {"coding-light-en.png", "--open 1 --size 1440x900 --query 'Permendagri Nomor 3'"},
      {"coding-dark-id.png", "--open 3 --size 1280x800 --theme dark --language id --query Seoul"},
      {"search-view.png", "--open 1 --size 1024x700 --view search"},
  };
  for (const auto& s : shots) {
    CAPTURE(s.name);
    const fs::path out = fs::absolute(fs::path("screenshots") / s.name);
    fs::remove(out);
    const std::string cmd = "XDG_STATE_HOME=" + quoted(dir.path / "state") +
                            " xvfb-run -a -s '-screen 0 1600x1000x24' " + std::string(TELAAH_BINARY) + " gui " +
                            quoted(project) + " --screenshot " + quoted(out) + " " + s.args + " 2> " +
                            quoted(dir.path / "stderr.txt");
    REQUIRE(run(cmd) == 0);
    REQUIRE(fs::exists(out));
    const Png png = inspect(out);
    CHECK(png.w >= 1024);
    CHECK(png.colours > 200);  // text, code colours, anti-aliasing: far from a blank frame
    CHECK(png.busy > 0.05);
    MESSAGE("screenshot: " << out.string() << " (" << png.w << "x" << png.h << ", " << png.colours << " colours)");
  }
}

TEST_CASE("end to end with xdotool: drag-select in a real window, press 1, quit; the project holds the coding") {
  if (!have("xvfb-run") || !have("xdotool")) {
    MESSAGE("skipped: xvfb-run or xdotool is not installed (Debian packages xvfb, xdotool)");
    return;
  }
  test::ScratchDir dir("gui-e2e");
  const fs::path src(TELAAH_SOURCE_DIR);
  const fs::path transcript = src / "corpus/interviews/01-biro-kdh-kln.txt";
  if (!fs::exists(transcript)) {
    MESSAGE("skipped: the sample corpus is missing");
    return;
  }
  const fs::path project = dir.path / "e2e.telaah";
  const std::string bin = TELAAH_BINARY;
  REQUIRE(run(bin + " new " + quoted(project) + " > /dev/null") == 0);
  REQUIRE(run(bin + " import " + quoted(project) + " " + quoted(transcript) + " --type interview > /dev/null") == 0);
  REQUIRE(run(bin + " codes " + quoted(project) + " --load " + quoted(src / "corpus/framework.json") +
              " > /dev/null") == 0);
  const std::string cmd = "XDG_STATE_HOME=" + quoted(dir.path / "state") +
                          " xvfb-run -a -s '-screen 0 1280x800x24' bash " +
                          quoted(src / "tests/gui/e2e_code_selection.sh") + " " + bin + " " + quoted(project) +
                          " 1 2> " + quoted(dir.path / "stderr.txt");
  const int rc = run(cmd);
  if (rc != 0) {
    std::ifstream err(dir.path / "stderr.txt");
    MESSAGE("stderr: " << std::string(std::istreambuf_iterator<char>(err), {}));
  }
  REQUIRE(rc == 0);
  auto p = store::Project::open(project);
  const auto cs = p->codings();
  REQUIRE(cs.size() == 1);
  CHECK(p->code_path(cs[0].code) == "Input/Legal infrastructure");  // key 1: the first indicator
  CHECK(cs[0].end - cs[0].start > 5);
  CHECK(p->undo_label().value_or("") == "Code Legal infrastructure");
}
