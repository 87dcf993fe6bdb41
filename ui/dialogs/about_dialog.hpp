#pragma once
// Help ▸ About: what ProofScope is, the versions of the libraries it runs on (read at
// run time where the library can tell), and their licences.
#include <QDialog>

namespace ps::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    static QString versions_html();
};

}  // namespace ps::ui
