import Foundation
import PortbenchSchema
import Workload

/// An adapter the registry can build: the style it models, its typed parameters, and the figures its devices must give.
public protocol StyleAdapter: Adapter, Sendable {
    associatedtype Parameters: StyleParameters
    static var style: ExecutionStyle { get }
    init(device: DeviceProfile, parameters: Parameters)
    /// Why a profile of this style cannot be modelled (a figure the adapter reads is absent), or nil when it can.
    static func problem(with profile: DeviceProfile) -> String?
}

extension StyleAdapter {
    static func readParameters(_ reader: StyleSectionReader) -> any StyleParameters { Parameters(reader) }

    static func make(device: DeviceProfile, parameters: any StyleParameters) -> Adapter {
        guard let p = parameters as? Parameters else {
            preconditionFailure(
                "style '\(style.rawValue)' was given another style's parameters (\(type(of: parameters)))")
        }
        return Self(device: device, parameters: p)
    }

    /// The check of styles whose weights live in HBM: both its size and its bandwidth must be given.
    public static func hbmProblem(with profile: DeviceProfile) -> String? {
        profile.memoryGB == nil || profile.memoryGBps == nil
            ? "a \(style.rawValue)-style device needs memory_gb and memory_gbps" : nil
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

    /// The style a profile's `style:` node names and its adapter type; a style no adapter is registered for is an error.
    func style(of node: SpecNode) throws -> (ExecutionStyle, any StyleAdapter.Type) {
        let style = ExecutionStyle(rawValue: try node.string())
        guard let type = adapterType(for: style) else {
            throw node.fail(
                "unknown style '\(style.rawValue)': no adapter is registered for it; expected one of: "
                    + styles.map(\.rawValue).joined(separator: ", "))
        }
        return (style, type)
    }
}
