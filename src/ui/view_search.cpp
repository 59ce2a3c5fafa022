// The search view. Its content arrives with the search issue; until then
// the view says plainly that it is not available in this build.
#include "ui/app.h"

namespace telaah::ui {

void App::draw_search_view() { draw_not_available(S::view_search_about); }

}  // namespace telaah::ui
