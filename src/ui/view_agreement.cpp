// The agreement view. Its content arrives with the agreement issue; until then
// the view says plainly that it is not available in this build.
#include "ui/app.h"

namespace telaah::ui {

void App::draw_agreement_view() { draw_not_available(S::view_agreement_about); }

}  // namespace telaah::ui
