// The triangulation view. Its content arrives with the triangulation issue; until then
// the view says plainly that it is not available in this build.
#include "ui/app.h"

namespace telaah::ui {

void App::draw_triangulation_view() { draw_not_available(S::view_triangulation_about); }

}  // namespace telaah::ui
