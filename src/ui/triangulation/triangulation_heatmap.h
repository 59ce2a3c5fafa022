// The triangulation heatmap's cells as plain data, and how they reach the
// screen. The view fills a HeatmapBatch each frame and calls emit_heatmap:
// when the platform layer has registered a GPU renderer (its GLSL program
// from shaders/ compiled and linked), the batch goes into the draw list as an
// ImDrawList callback followed by ImDrawCallback_ResetRenderState, and the
// renderer draws it inside ImGui_ImplOpenGL3_RenderDrawData. Otherwise
// (headless tests, no GL, a shader that failed) the same cells are drawn with
// plain ImGui rectangles. ui/ never calls GL.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace telaah::ui {

enum HeatFlags : uint32_t { kHeatHovered = 1, kHeatSelected = 2, kHeatEmpty = 4 };

struct HeatCell {
  ImVec2 min, max;                                 // screen pixels
  float support = 0, neutral = 0, contradict = 0;  // shares of the cell's codings (0 when empty)
  float coverage = 0;                              // 0..1: documents relative to the fullest cell
  uint32_t flags = 0;                              // HeatFlags
};

struct HeatmapBatch {
  std::vector<HeatCell> cells;
  ImVec4 support, neutral, contradict, empty, background, outline;
  float rounding = 4.0f;
};

// The GPU renderer the platform layer registers (one per process, like the
// ImGui backend itself). `draw` receives the HeatmapBatch as the command's
// UserCallbackData. `failure` is why there is no GPU path (a compile or link
// log), reported by the view once on the status line.
struct HeatmapRenderer {
  ImDrawCallback draw = nullptr;
  std::string failure;
  bool failure_shown = false;
};
HeatmapRenderer& heatmap_renderer();

// Adds the batch to the draw list; true when the GPU callback was used. The
// batch must live until the frame is rendered (the view keeps it as a member).
bool emit_heatmap(ImDrawList* dl, const HeatmapBatch& batch);

// The colours the shader computes, for the fallback and for choosing a
// readable text colour on top of a cell.
ImVec4 heat_body_colour(const HeatCell& c, const HeatmapBatch& b);
float heat_strip_height(const HeatCell& c);
bool prefers_dark_text(const ImVec4& background);

}  // namespace telaah::ui
