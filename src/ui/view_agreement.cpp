// The agreement view: intercoder statistics and the disagreement review (issue 10).
#include "ui/view_agreement.h"

#include "ui/app.h"

namespace telaah::ui {

AgreementView::AgreementView(App& app) : app_(app) {}
AgreementView::~AgreementView() = default;

void AgreementView::draw() { app_.draw_not_available(S::view_agreement_about); }
void AgreementView::on_project_changed() {}

void App::draw_agreement_view() { agreement_view_->draw(); }

}  // namespace telaah::ui
