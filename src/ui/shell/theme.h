// Light and dark themes: the ImGui style for a DPI scale, and the colours of
// the document view. One place, so a new theme is one function.
#pragma once
#include "ui/widgets/document_view.h"

namespace telaah::ui {

enum class Theme { light, dark };
Theme theme_from_string(const std::string& s);  // "dark" or anything else (light)
const char* to_string(Theme t);

// Resets the ImGui style to the theme at the given scale (sizes are scaled
// from a fresh style each time, so repeated calls do not compound).
void apply_theme(Theme t, float scale);
DocPalette doc_palette(Theme t);

}  // namespace telaah::ui
