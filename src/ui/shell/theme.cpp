// Light and dark themes (see theme.h).
#include "ui/shell/theme.h"

namespace telaah::ui {

Theme theme_from_string(const std::string& s) {
  return s == "dark" ? Theme::dark : Theme::light;
}
const char* to_string(Theme t) {
  return t == Theme::dark ? "dark" : "light";
}

void apply_theme(Theme t, float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (t == Theme::dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0;
  style.ChildRounding = 3;
  style.FrameRounding = 3;
  style.PopupRounding = 3;
  style.GrabRounding = 3;
  style.ScrollbarRounding = 3;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FramePadding = ImVec2(6, 4);
  style.ItemSpacing = ImVec2(8, 5);
  style.ScrollbarSize = 13;
  style.IndentSpacing = 16;
  if (t == Theme::light) {
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    // ImGui's light frames are white: on white panes the text boxes and unchecked radio buttons vanished.
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.92f, 0.93f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.12f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.26f, 0.52f, 0.86f, 0.22f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.52f, 0.86f, 0.32f);
  } else {
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.11f, 0.12f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.13f, 0.13f, 0.14f, 1.0f);
  }
  style.ScaleAllSizes(scale);
}

DocPalette doc_palette(Theme t) {
  DocPalette p;
  if (t == Theme::dark) {
    p.text = IM_COL32(225, 225, 220, 255);
    p.text_dim = IM_COL32(150, 150, 145, 255);
    p.heading = IM_COL32(140, 185, 255, 255);
    p.selection = IM_COL32(90, 140, 230, 110);
    p.find = IM_COL32(230, 200, 40, 90);
    p.find_current = IM_COL32(255, 160, 0, 150);
    p.rule = IM_COL32(120, 120, 120, 200);
    p.gutter_text = IM_COL32(140, 140, 140, 255);
    p.stripe_bg = IM_COL32(255, 255, 255, 8);
    p.highlight_alpha = 0.28f;
    p.speakers = {IM_COL32(120, 180, 255, 255), IM_COL32(255, 170, 90, 255),  IM_COL32(130, 210, 140, 255),
                  IM_COL32(230, 130, 200, 255), IM_COL32(200, 190, 110, 255), IM_COL32(150, 200, 220, 255)};
  } else {
    p.text = IM_COL32(30, 30, 32, 255);
    p.text_dim = IM_COL32(110, 110, 115, 255);
    p.heading = IM_COL32(25, 70, 150, 255);
    p.selection = IM_COL32(60, 120, 230, 85);
    p.find = IM_COL32(255, 220, 0, 110);
    p.find_current = IM_COL32(255, 150, 0, 170);
    p.rule = IM_COL32(150, 150, 150, 200);
    p.gutter_text = IM_COL32(130, 130, 135, 255);
    p.stripe_bg = IM_COL32(0, 0, 0, 8);
    p.highlight_alpha = 0.22f;
    p.speakers = {IM_COL32(30, 90, 180, 255),  IM_COL32(190, 90, 10, 255),  IM_COL32(30, 130, 60, 255),
                  IM_COL32(160, 40, 130, 255), IM_COL32(120, 100, 20, 255), IM_COL32(20, 120, 140, 255)};
  }
  return p;
}

}  // namespace telaah::ui
