import Foundation
import PortbenchSchema

extension FitReport {
    /// `validate-models --fit` as text: per style, each free parameter's committed and fitted value, and the MAPE.
    public func renderTable() -> String {
        var lines = ["Fit of the free parameters (source: fitted) to \(table) — MODELLED", ""]
        for s in styles {
            lines.append(
                "\(s.style.rawValue): \(s.rows) row(s); MAPE \(fmt(s.mapeCommitted, 1))% with the committed values, "
                    + "\(fmt(s.mapeFitted, 1))% fitted")
            guard !s.parameters.isEmpty else {
                lines += ["  no free parameters: every value is cited", ""]
                continue
            }
            var t = TextTable(header: ["parameter", "committed", "fitted", "fit range", ""])
            for p in s.parameters {
                t.rows.append([
                    p.key, fmt(p.committed, 4), fmt(p.fitted, 4), "[\(fmt(p.lower, 4)), \(fmt(p.upper, 4))]",
                    p.atBound ? "at a bound of its range: a mechanism missing?" : "",
                ])
            }
            lines += [t.render(indent: "  "), ""]
        }
        lines.append(
            "To adopt a fit, write its values into Devices/styles.yaml and put `validate-models --cross-validate` "
                + "figures in the commit message.")
        return lines.joined(separator: "\n")
    }
}

extension CrossValidationReport {
    /// `validate-models --cross-validate` as text: per style, each source's rows predicted by a fit without them.
    public func renderTable() -> String {
        var lines = ["Leave-one-source-out cross-validation on \(table) — MODELLED", ""]
        for s in styles {
            let fitted =
                s.freeParameters.isEmpty
                ? "no free parameters, so each fold predicts with the committed values"
                : "refits \(s.freeParameters.joined(separator: ", ")) per fold"
            lines.append(
                "\(s.style.rawValue): MAPE \(fmt(s.mapeInSample, 1))% in sample, "
                    + "\(fmt(s.mapeLeaveOneSourceOut, 1))% leaving each source out (\(fitted))")
            var t = TextTable(header: ["held-out source", "rows", "training rows", "MAPE %", "fitted without it"])
            for f in s.folds {
                let values = f.fitted.sorted { $0.key < $1.key }.map { "\($0.key)=\(fmt($0.value, 4))" }
                t.rows.append([
                    f.source, "\(f.rows)", "\(f.trainingRows)", fmt(f.mape, 1),
                    f.trainingRows == 0 && !f.fitted.isEmpty
                        ? "nothing to fit to: the style's only source (committed values)"
                        : values.joined(separator: " "),
                ])
            }
            lines += [t.render(indent: "  "), ""]
        }
        return lines.joined(separator: "\n")
    }
}
