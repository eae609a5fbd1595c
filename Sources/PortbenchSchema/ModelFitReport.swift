import Foundation

/// `portbench validate-models --fit`: per style, the values of its free parameters that predict the validation table
/// best (least mean absolute percentage error), beside the values Devices/styles.yaml holds.
public struct FitReport: Codable, Equatable, Sendable {
    public var table: String
    public var provenance: Provenance = .modelled
    public var styles: [StyleFit]

    public init(table: String, styles: [StyleFit]) {
        self.table = table
        self.styles = styles
    }
}

/// One style's fit over its rows of the table.
public struct StyleFit: Codable, Equatable, Sendable {
    public var style: ExecutionStyle
    public var rows: Int
    public var parameters: [FittedParameter]
    /// MAPE (%) with the values styles.yaml holds, and with the fitted ones.
    public var mapeCommitted: Double
    public var mapeFitted: Double

    public init(
        style: ExecutionStyle, rows: Int, parameters: [FittedParameter], mapeCommitted: Double, mapeFitted: Double
    ) {
        self.style = style
        self.rows = rows
        self.parameters = parameters
        self.mapeCommitted = mapeCommitted
        self.mapeFitted = mapeFitted
    }
}

/// A free parameter: its fit range, the value committed and the value the fit found.
public struct FittedParameter: Codable, Equatable, Sendable {
    public var key: String
    public var committed: Double
    public var fitted: Double
    public var lower: Double
    public var upper: Double

    public init(key: String, committed: Double, fitted: Double, lower: Double, upper: Double) {
        self.key = key
        self.committed = committed
        self.fitted = fitted
        self.lower = lower
        self.upper = upper
    }

    /// The fit stopped at an end of its range (within 0.1% of the range's width).
    public var atBound: Bool {
        let tolerance = 1e-3 * (upper - lower)
        return fitted - lower <= tolerance || upper - fitted <= tolerance
    }
}

/// `portbench validate-models --cross-validate`: per style, leave-one-source-out error. Each source's rows are
/// predicted with the free parameters fitted to the other sources' rows only.
public struct CrossValidationReport: Codable, Equatable, Sendable {
    public var table: String
    public var provenance: Provenance = .modelled
    public var styles: [StyleCrossValidation]

    public init(table: String, styles: [StyleCrossValidation]) {
        self.table = table
        self.styles = styles
    }
}

/// One style's cross-validation.
public struct StyleCrossValidation: Codable, Equatable, Sendable {
    public var style: ExecutionStyle
    /// The style's free parameters; with none, nothing is fitted and the held-out error is the in-sample error.
    public var freeParameters: [String]
    /// MAPE (%) of the style's rows with the committed values.
    public var mapeInSample: Double
    /// MAPE (%) of every row predicted by the fold that left its source out.
    public var mapeLeaveOneSourceOut: Double
    public var folds: [SourceFold]

    public init(
        style: ExecutionStyle, freeParameters: [String], mapeInSample: Double, mapeLeaveOneSourceOut: Double,
        folds: [SourceFold]
    ) {
        self.style = style
        self.freeParameters = freeParameters
        self.mapeInSample = mapeInSample
        self.mapeLeaveOneSourceOut = mapeLeaveOneSourceOut
        self.folds = folds
    }
}

/// One fold: a source's rows, predicted with parameters fitted without them.
public struct SourceFold: Codable, Equatable, Sendable {
    public var source: String
    public var rows: Int
    /// The other sources' rows of the style, which the fold was fitted to (none: the committed values were used).
    public var trainingRows: Int
    /// MAPE (%) of the held-out rows.
    public var mape: Double
    /// The values fitted to the other sources' rows (empty when the style has no free parameter).
    public var fitted: [String: Double]

    public init(source: String, rows: Int, trainingRows: Int, mape: Double, fitted: [String: Double]) {
        self.source = source
        self.rows = rows
        self.trainingRows = trainingRows
        self.mape = mape
        self.fitted = fitted
    }
}
