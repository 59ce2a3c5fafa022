// The heatmap's CPU side (see triangulation_heatmap.h): the callback hand-off
// and the plain ImGui fallback, which mirrors shaders/heatmap.frag.
#include "ui/triangulation/triangulation_heatmap.h"

#include <algorithm>
#include <cmath>

namespace telaah::ui {

HeatmapRenderer& heatmap_renderer() {
  static HeatmapRenderer r;
  return r;
}

static ImVec4 lerp(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

// As stance_hue() and the body colour in heatmap.frag.
ImVec4 heat_body_colour(const HeatCell& c, const HeatmapBatch& b) {
  if (c.flags & kHeatEmpty) return lerp(b.empty, b.background, 0.275f);  // the hatching's average
  const float total = std::max(c.support + c.neutral + c.contradict, 1e-6f);
  const ImVec4 hue((b.support.x * c.support + b.neutral.x * c.neutral + b.contradict.x * c.contradict) / total,
                   (b.support.y * c.support + b.neutral.y * c.neutral + b.contradict.y * c.contradict) / total,
                   (b.support.z * c.support + b.neutral.z * c.neutral + b.contradict.z * c.contradict) / total, 1.0f);
  const float strength = 0.18f + 0.82f * std::clamp(c.coverage, 0.0f, 1.0f);
  return lerp(b.background, hue, strength);
}

float heat_strip_height(const HeatCell& c) {
  return std::clamp((c.max.y - c.min.y) * 0.16f, 3.0f, 7.0f);
}

bool prefers_dark_text(const ImVec4& bg) {
  return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z > 0.5f;
}

static void draw_fallback(ImDrawList* dl, const HeatmapBatch& b) {
  for (const HeatCell& c : b.cells) {
    const ImVec4 body = heat_body_colour(c, b);
    dl->AddRectFilled(c.min, c.max, ImGui::ColorConvertFloat4ToU32((c.flags & kHeatEmpty) ? b.empty : body),
                      b.rounding);
    if (c.flags & kHeatEmpty) {  // the shader's hatching: stripes 9 px apart
      dl->PushClipRect(c.min, c.max, true);
      const ImU32 stripe = ImGui::ColorConvertFloat4ToU32(lerp(b.empty, b.background, 0.55f));
      const float h = c.max.y - c.min.y;
      for (float x = c.min.x - h; x < c.max.x; x += 9.0f)
        dl->AddLine(ImVec2(x, c.max.y), ImVec2(x + h, c.min.y), stripe, 4.5f);
      dl->PopClipRect();
    } else {
      const float total = std::max(c.support + c.neutral + c.contradict, 1e-6f);
      const float w = c.max.x - c.min.x, y0 = c.max.y - heat_strip_height(c) - 1.0f, y1 = c.max.y - 1.0f;
      float x = c.min.x;
      const std::pair<float, ImVec4> parts[] = {
          {c.support, b.support}, {c.neutral, b.neutral}, {c.contradict, b.contradict}};
      for (const auto& [share, colour] : parts) {
        const float x1 = x + w * share / total;
        if (x1 > x) dl->AddRectFilled(ImVec2(x, y0), ImVec2(x1, y1), ImGui::ColorConvertFloat4ToU32(colour));
        x = x1;
      }
    }
    const float ring = (c.flags & kHeatSelected) ? 2.5f : (c.flags & kHeatHovered) ? 1.5f : 0.0f;
    if (ring > 0) {
      const float in = ring * 0.5f;
      dl->AddRect(ImVec2(c.min.x + in, c.min.y + in), ImVec2(c.max.x - in, c.max.y - in),
                  ImGui::ColorConvertFloat4ToU32(b.outline), b.rounding, 0, ring);
    }
  }
}

bool emit_heatmap(ImDrawList* dl, const HeatmapBatch& batch) {
  if (batch.cells.empty()) return false;
  const HeatmapRenderer& r = heatmap_renderer();
  if (!r.draw) {
    draw_fallback(dl, batch);
    return false;
  }
  dl->AddCallback(r.draw, const_cast<HeatmapBatch*>(&batch));
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  return true;
}

}  // namespace telaah::ui
