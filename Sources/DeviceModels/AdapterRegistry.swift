import Foundation
import PortbenchSchema
import Workload

/// An adapter the registry can build: the style it models, its typed parameters, and the figures its devices must give.
public protocol StyleAdapter: Adapter, Sendable {
    associatedtype Parameters: StyleParameters
    static var style: ExecutionStyle { get }
    init(device: DeviceProfile, parameters: Parameters)
}

extension StyleAdapter {
    static func readParameters(_ reader: StyleSectionReader) -> any StyleParameters { Parameters(reader) }

    static func make(device: DeviceProfile, parameters: any StyleParameters) -> Adapter {
        guard let p = parameters as? Parameters else {
            preconditionFailure("style '\(style.rawValue)' was given another style's parameters (\(type(of: parameters)))")
        }
        return Self(device: device, parameters: p)
    }
}

/// Maps each execution style to the adapter type that models it. Device profiles, styles.yaml and adapters are all
/// loaded and built through it: `builtIn` holds CUDA, XLA and LPU; `registering(_:)` adds another style.
public struct AdapterRegistry: Sendable {
    /// The adapter types, in registration order.
    public let types: [any StyleAdapter.Type]

    public static let builtIn = AdapterRegistry(types: [CUDAAdapter.self, XLAAdapter.self, LPUAdapter.self])

    /// The registered styles, in registration order.
    public var styles: [ExecutionStyle] { types.map { $0.style } }

    /// This registry with one more style; registering a style twice is a programming error.
    public func registering(_ type: any StyleAdapter.Type) -> AdapterRegistry {
        precondition(adapterType(for: type.style) == nil, "style '\(type.style.rawValue)' is already registered")
        return AdapterRegistry(types: types + [type])
    }

    public func adapterType(for style: ExecutionStyle) -> (any StyleAdapter.Type)? {
        types.first { $0.style == style }
    }
}
