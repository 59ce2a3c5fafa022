// The triangulation heatmap's GPU renderer: the GLSL program of
// shaders/heatmap.vert and shaders/heatmap.frag (embedded at build time by
// shaders/embed.cmake), executed as an ImDrawList callback inside
// ImGui_ImplOpenGL3_RenderDrawData (see ui/triangulation/triangulation_heatmap.h). When the
// program does not compile or link, the reason goes to stderr and to
// ui::heatmap_renderer().failure (the view shows it once on the status line)
// and the view keeps drawing with plain ImGui.
#pragma once
#include <imgui.h>

#include <string>

namespace telaah::platform {

// The embedded shader sources (the files of shaders/ at build time).
const char* heatmap_vertex_source();
const char* heatmap_fragment_source();

class HeatmapGL {
 public:
  HeatmapGL() = default;
  ~HeatmapGL();
  HeatmapGL(const HeatmapGL&) = delete;
  HeatmapGL& operator=(const HeatmapGL&) = delete;

  // Needs a current GL 3.3 context. Uses the embedded sources, or the files of
  // $TELAAH_SHADER_DIR when set (for shader work). Registers the renderer on
  // success; returns false (fallback on, reason logged once) otherwise.
  bool init();
  bool init(const std::string& vertex_src, const std::string& fragment_src);
  void shutdown();  // with the context still current; unregisters the renderer
  bool ready() const { return program_ != 0; }

  // Compiles and links a program; 0 and the compiler's or linker's log on failure.
  static unsigned compile_program(const std::string& vertex_src, const std::string& fragment_src, std::string* log);

 private:
  static void render(const ImDrawList* list, const ImDrawCmd* cmd);  // the ImDrawCallback
  void draw(const ImDrawCmd* cmd);

  unsigned program_ = 0, vao_ = 0, vbo_ = 0;
  int u_projection_ = -1, u_support_ = -1, u_neutral_ = -1, u_contradict_ = -1, u_empty_ = -1, u_background_ = -1,
      u_outline_ = -1, u_rounding_ = -1;
  bool logged_first_draw_ = false;
};

}  // namespace telaah::platform
