// The document browser: documents grouped by source type, a filter box over
// title, author, date, language and attributes; a click opens a document.
// The list itself (virtualised, filtered once per change) is doc_list.cpp.
#include "ui/coding/view_coding.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void CodingView::draw_browser() {
  ImGui::SetNextItemWidth(-1);
  widgets::input_text_hint("##docfilter", tr(S::filter_documents), &doc_filter_);
  doc_list_.update(ws_.cache(), doc_filter_);
  ImGui::BeginChild("##doclist");
  if (widgets::pane_focus_arrived()) ImGui::SetWindowFocus();  // Tab: the arrows move in the list
  if (ws_.cache().docs.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::hint_no_documents));
    ImGui::PopTextWrapPos();
  }
  if (auto id = doc_list_.draw(ws_.cache(), ws_.doc() ? ws_.doc()->meta.id : 0)) ws_.open_document(*id);
  ImGui::EndChild();
}

}  // namespace telaah::ui
