// The heatmap's GL side (see heatmap_gl.h). The only GL code outside the
// ImGui backend: one program, one VAO, one streamed VBO of six vertices per cell.
#define GL_GLEXT_PROTOTYPES 1
#include "platform/heatmap_gl.h"

#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "shaders_embedded.h"
#include "ui/triangulation/triangulation_heatmap.h"

namespace telaah::platform {

const char* heatmap_vertex_source() {
  return shaders::kShader_heatmap_vert;
}
const char* heatmap_fragment_source() {
  return shaders::kShader_heatmap_frag;
}

namespace {

HeatmapGL* g_active = nullptr;  // the renderer the callback reaches (one GL context per process)

struct Vertex {
  float x, y, lx, ly, w, h, s, n, c, coverage, flags;
};

unsigned compile(GLenum type, const std::string& src, std::string* log) {
  const GLuint sh = glCreateShader(type);
  const char* p = src.c_str();
  glShaderSource(sh, 1, &p, nullptr);
  glCompileShader(sh);
  GLint ok = 0;
  glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
  if (ok) return sh;
  GLint len = 0;
  glGetShaderiv(sh, GL_INFO_LOG_LENGTH, &len);
  std::string text(static_cast<size_t>(std::max(len, 1)), '\0');
  glGetShaderInfoLog(sh, len, nullptr, text.data());
  if (log)
    *log =
        std::string(type == GL_VERTEX_SHADER ? "heatmap.vert" : "heatmap.frag") + " does not compile: " + text.c_str();
  glDeleteShader(sh);
  return 0;
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  *out = s.str();
  return true;
}

// One line for the status bar and stderr: the first line of a long compiler log.
std::string first_lines(const std::string& log) {
  std::string out;
  std::istringstream in(log);
  std::string line;
  for (int i = 0; i < 3 && std::getline(in, line); ++i)
    if (!line.empty()) out += (out.empty() ? "" : " | ") + line;
  return out;
}

}  // namespace

unsigned HeatmapGL::compile_program(const std::string& vertex_src, const std::string& fragment_src, std::string* log) {
  const GLuint vs = compile(GL_VERTEX_SHADER, vertex_src, log);
  if (!vs) return 0;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_src, log);
  if (!fs) {
    glDeleteShader(vs);
    return 0;
  }
  const GLuint prog = glCreateProgram();
  glAttachShader(prog, vs);
  glAttachShader(prog, fs);
  glLinkProgram(prog);
  glDetachShader(prog, vs);
  glDetachShader(prog, fs);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(prog, GL_LINK_STATUS, &ok);
  if (ok) return prog;
  GLint len = 0;
  glGetProgramiv(prog, GL_INFO_LOG_LENGTH, &len);
  std::string text(static_cast<size_t>(std::max(len, 1)), '\0');
  glGetProgramInfoLog(prog, len, nullptr, text.data());
  if (log) *log = std::string("the heatmap program does not link: ") + text.c_str();
  glDeleteProgram(prog);
  return 0;
}

HeatmapGL::~HeatmapGL() {
  if (g_active == this) g_active = nullptr;
}

bool HeatmapGL::init() {
  if (const char* dir = std::getenv("TELAAH_SHADER_DIR"); dir && *dir) {
    std::string vs, fs;
    if (!read_file(std::string(dir) + "/heatmap.vert", &vs) || !read_file(std::string(dir) + "/heatmap.frag", &fs)) {
      ui::HeatmapRenderer& r = ui::heatmap_renderer();
      r.draw = nullptr;
      r.failure = "cannot read heatmap.vert and heatmap.frag in TELAAH_SHADER_DIR=" + std::string(dir);
      r.failure_shown = false;
      std::cerr << "telaah: " << r.failure << "; the heatmap is drawn without its shader\n";
      return false;
    }
    return init(vs, fs);
  }
  return init(heatmap_vertex_source(), heatmap_fragment_source());
}

bool HeatmapGL::init(const std::string& vertex_src, const std::string& fragment_src) {
  shutdown();
  ui::HeatmapRenderer& r = ui::heatmap_renderer();
  std::string log;
  program_ = compile_program(vertex_src, fragment_src, &log);
  if (!program_) {
    r.draw = nullptr;
    r.failure = first_lines(log);
    r.failure_shown = false;
    std::cerr << "telaah: heatmap shader failed, falling back to plain ImGui drawing: " << log << "\n";
    return false;
  }
  u_projection_ = glGetUniformLocation(program_, "u_projection");
  u_support_ = glGetUniformLocation(program_, "u_support");
  u_neutral_ = glGetUniformLocation(program_, "u_neutral");
  u_contradict_ = glGetUniformLocation(program_, "u_contradict");
  u_empty_ = glGetUniformLocation(program_, "u_empty");
  u_background_ = glGetUniformLocation(program_, "u_background");
  u_outline_ = glGetUniformLocation(program_, "u_outline");
  u_rounding_ = glGetUniformLocation(program_, "u_rounding");
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  const auto at = [](size_t floats) { return reinterpret_cast<const void*>(floats * sizeof(float)); };
  const GLsizei stride = sizeof(Vertex);
  const int sizes[] = {2, 2, 2, 4, 1};
  size_t off = 0;
  for (GLuint i = 0; i < 5; ++i) {
    glEnableVertexAttribArray(i);
    glVertexAttribPointer(i, sizes[i], GL_FLOAT, GL_FALSE, stride, at(off));
    off += static_cast<size_t>(sizes[i]);
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  g_active = this;
  r.draw = &HeatmapGL::render;
  r.failure.clear();
  std::cerr << "telaah: heatmap shader program ready (shaders/heatmap.vert + shaders/heatmap.frag)\n";
  return true;
}

void HeatmapGL::shutdown() {
  if (g_active == this) {
    g_active = nullptr;
    ui::heatmap_renderer().draw = nullptr;
  }
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (program_) glDeleteProgram(program_);
  vbo_ = vao_ = program_ = 0;
}

void HeatmapGL::render(const ImDrawList*, const ImDrawCmd* cmd) {
  if (g_active) g_active->draw(cmd);
}

void HeatmapGL::draw(const ImDrawCmd* cmd) {
  const auto* batch = static_cast<const ui::HeatmapBatch*>(cmd->UserCallbackData);
  const ImDrawData* dd = ImGui::GetDrawData();
  if (!batch || batch->cells.empty() || !dd) return;
  std::vector<Vertex> v;
  v.reserve(batch->cells.size() * 6);
  for (const ui::HeatCell& c : batch->cells) {
    const float w = c.max.x - c.min.x, h = c.max.y - c.min.y, f = static_cast<float>(c.flags);
    const auto vert = [&](float lx, float ly) {
      v.push_back({c.min.x + lx, c.min.y + ly, lx, ly, w, h, c.support, c.neutral, c.contradict, c.coverage, f});
    };
    vert(0, 0), vert(w, 0), vert(w, h), vert(0, 0), vert(w, h), vert(0, h);
  }
  // ImGui's own orthographic projection and scissor (imgui_impl_opengl3.cpp).
  const float L = dd->DisplayPos.x, R = dd->DisplayPos.x + dd->DisplaySize.x;
  const float T = dd->DisplayPos.y, B = dd->DisplayPos.y + dd->DisplaySize.y;
  const float proj[16] = {2.0f / (R - L),    0, 0, 0, 0, 2.0f / (T - B), 0, 0, 0, 0, -1, 0, (R + L) / (L - R),
                          (T + B) / (B - T), 0, 1};
  const ImVec2 scale = dd->FramebufferScale;
  const float fb_h = dd->DisplaySize.y * scale.y;
  const ImVec4 clip = cmd->ClipRect;
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>((clip.x - L) * scale.x), static_cast<GLint>(fb_h - (clip.w - T) * scale.y),
            static_cast<GLsizei>((clip.z - clip.x) * scale.x), static_cast<GLsizei>((clip.w - clip.y) * scale.y));
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(program_);
  glUniformMatrix4fv(u_projection_, 1, GL_FALSE, proj);
  const auto col = [](GLint loc, const ImVec4& c) { glUniform4f(loc, c.x, c.y, c.z, c.w); };
  col(u_support_, batch->support);
  col(u_neutral_, batch->neutral);
  col(u_contradict_, batch->contradict);
  col(u_empty_, batch->empty);
  col(u_background_, batch->background);
  col(u_outline_, batch->outline);
  glUniform1f(u_rounding_, batch->rounding);  // in ImGui's units, like the cell coordinates
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(Vertex)), v.data(), GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(v.size()));
  // ImDrawCallback_ResetRenderState follows: the backend restores its program, VAO and buffers.
  if (!logged_first_draw_) {
    logged_first_draw_ = true;
    std::cerr << "telaah: triangulation heatmap drawn by the GLSL shader program (" << batch->cells.size()
              << " cells)\n";
  }
}

}  // namespace telaah::platform
