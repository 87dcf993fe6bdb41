#include <QtTest>
class TstWitness : public QObject {
    Q_OBJECT
};
QTEST_APPLESS_MAIN(TstWitness)
#include "tst_witness.moc"
