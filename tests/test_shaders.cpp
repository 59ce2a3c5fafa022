// The GLSL of shaders/: every file passes glslangValidator (Debian's
// glslang-tools; skipped with a message when absent), the program embeds
// exactly these files, and the heatmap renderer reports a shader that does not
// compile and leaves the plain ImGui fallback on (needs GL: run under xvfb-run
// when there is no display, skipped with a message when neither exists).
#include <doctest/doctest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gui/fixture.h"
#include "platform/heatmap_gl.h"
#include "ui/triangulation/triangulation_heatmap.h"

namespace fs = std::filesystem;
using namespace telaah;

namespace {

const fs::path kShaders = fs::path(TELAAH_SOURCE_DIR) / "shaders";

bool have(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

int run(const std::string& cmd) {
  const int st = std::system(cmd.c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string with_error(std::string src) {  // a fragment shader that uses an undeclared name
  const auto at = src.rfind('}');
  return src.insert(at, "  frag_colour = vec4(undeclared_thing, 1.0);\n");
}

bool has_renderer() {
  return ui::heatmap_renderer().draw != nullptr;
}

}  // namespace

TEST_CASE("every shader in shaders/ passes glslangValidator, and a broken one does not") {
  if (!have("glslangValidator")) {
    MESSAGE("SKIPPED: glslangValidator not found (install Debian's glslang-tools)");
    return;
  }
  int checked = 0;
  for (const auto& e : fs::directory_iterator(kShaders)) {
    const auto ext = e.path().extension();
    if (ext != ".vert" && ext != ".frag") continue;
    CAPTURE(e.path());
    CHECK(run("glslangValidator '" + e.path().string() + "' >/dev/null") == 0);
    ++checked;
  }
  CHECK(checked >= 2);
  // The validator really rejects errors (so the test above can fail).
  test::ScratchDir dir("shaders");
  std::ofstream(dir.path / "broken.frag") << with_error(slurp(kShaders / "heatmap.frag"));
  CHECK(run("glslangValidator '" + (dir.path / "broken.frag").string() + "' >/dev/null") != 0);
}

TEST_CASE("the program embeds exactly the files of shaders/") {
  CHECK(std::string(platform::heatmap_vertex_source()) == slurp(kShaders / "heatmap.vert"));
  CHECK(std::string(platform::heatmap_fragment_source()) == slurp(kShaders / "heatmap.frag"));
}

TEST_CASE("a shader that does not compile is reported and the fallback stays on (GL)") {
  if (!glfwInit()) {
    if (std::getenv("TELAAH_TEST_UNDER_XVFB")) FAIL("no display even under xvfb-run");
    if (!have("xvfb-run")) {
      MESSAGE("SKIPPED: no display and no xvfb-run; the GL compile test needs an OpenGL 3.3 context");
      return;
    }
    // Again in a child under a virtual display (Mesa's llvmpipe gives GL 3.3 core).
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    const int rc = run("TELAAH_TEST_UNDER_XVFB=1 xvfb-run -a '" + self +
                       "' -tc='a shader that does not compile*' >/dev/null 2>&1");
    CHECK_MESSAGE(rc == 0, "the GL test failed under xvfb-run; run it there by hand to see why");
    return;
  }
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* w = glfwCreateWindow(64, 64, "test", nullptr, nullptr);
  REQUIRE_MESSAGE(w != nullptr, "no OpenGL 3.3 core context");
  glfwMakeContextCurrent(w);
  {
    const std::string vs = platform::heatmap_vertex_source(), frag = platform::heatmap_fragment_source();
    std::string log;
    const unsigned good = platform::HeatmapGL::compile_program(vs, frag, &log);
    CHECK_MESSAGE(good != 0, log);
    log.clear();
    CHECK(platform::HeatmapGL::compile_program(vs, with_error(frag), &log) == 0);
    CHECK(log.find("heatmap.frag") != std::string::npos);
    CHECK(log.find("undeclared_thing") != std::string::npos);
    log.clear();
    CHECK(platform::HeatmapGL::compile_program("#version 330 core\nvoid main() { gl_Position = vec4(0.0) }\n", frag,
                                               &log) == 0);
    CHECK(log.find("heatmap.vert") != std::string::npos);

    // The renderer: a broken program leaves no callback and a reason for the status line.
    ui::HeatmapRenderer& r = ui::heatmap_renderer();
    platform::HeatmapGL gl;
    CHECK_FALSE(gl.init(vs, with_error(frag)));
    CHECK_FALSE(has_renderer());
    CHECK_FALSE(r.failure.empty());
    CHECK_FALSE(r.failure_shown);
    CHECK(gl.init(vs, frag));  // the real sources
    CHECK(has_renderer());
    CHECK(r.failure.empty());
    gl.shutdown();
    CHECK_FALSE(has_renderer());
  }
  glfwDestroyWindow(w);
  glfwTerminate();
}
