import CCurl
import Foundation

/// `HTTPTransport` over libcurl: an easy handle per request in flight (so any number of threads may send at once),
/// handed back to a small pool afterwards so later requests reuse its open connection (no TCP or TLS handshake per
/// upload); no signals, certificate and host verification always on, no redirects followed, the body sent with a
/// Content-Length.
public struct CurlTransport: HTTPTransport {
    /// Responses larger than this are cut off and reported as a transport error.
    public var maxResponseBytes: Int
    private let handles = CurlHandlePool()

    public init(maxResponseBytes: Int = 256 << 20) {
        _ = curlGlobalInit
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        guard let handle = handles.take() else { return .failure(TransportError(.other, "curl_easy_init failed")) }
        defer { handles.give(handle) }
        let sink = ResponseSink(limit: maxResponseBytes)
        let sinkPointer = Unmanaged.passRetained(sink)
        defer { sinkPointer.release() }
        var list: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(list) }
        for (name, value) in request.headers { list = curl_slist_append(list, "\(name): \(value)") }
        // No `Expect: 100-continue` round trip before the body.
        list = curl_slist_append(list, "Expect:")
        let timeoutMs = max(1, Int((request.timeout * 1000).rounded()))
        var errorBuffer = [CChar](repeating: 0, count: 1024)
        let body = request.body ?? Data()
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            body.withUnsafeBytes { bodyBytes in
                _ = pb_curl_setopt_str(handle, CURLOPT_URL, request.url)
                _ = pb_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
                _ = pb_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
                _ = pb_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
                _ = pb_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
                _ = pb_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMs)
                _ = pb_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(timeoutMs, 10_000))
                _ = pb_curl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
                _ = pb_curl_setopt_ptr(handle, CURLOPT_HTTPHEADER, list)
                _ = pb_curl_setopt_write(handle, curlWriteBody)
                _ = pb_curl_setopt_ptr(handle, CURLOPT_WRITEDATA, sinkPointer.toOpaque())
                _ = pb_curl_setopt_header(handle, curlWriteHeader)
                _ = pb_curl_setopt_ptr(handle, CURLOPT_HEADERDATA, sinkPointer.toOpaque())
                switch request.method {
                case "GET": _ = pb_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
                case "POST":
                    // POSTFIELDS does not copy: the body outlives curl_easy_perform inside this closure.
                    let pointer = bodyBytes.baseAddress ?? UnsafeRawPointer(emptyBody)
                    _ = pb_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bodyBytes.count))
                    _ = pb_curl_setopt_ptr(handle, CURLOPT_POSTFIELDS, pointer)
                default: _ = pb_curl_setopt_str(handle, CURLOPT_CUSTOMREQUEST, request.method)
                }
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            if sink.overflow {
                return .failure(TransportError(.other, "response larger than \(maxResponseBytes) bytes"))
            }
            return .failure(TransportError(Self.kind(of: code), message))
        }
        var status = 0
        _ = pb_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: sink.headers, body: sink.body))
    }

    static func kind(of code: CURLcode) -> TransportError.Kind {
        switch code {
        case CURLE_COULDNT_CONNECT: return .connect
        case CURLE_COULDNT_RESOLVE_HOST: return .resolve
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_GOT_NOTHING: return .emptyReply
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_SSL_CONNECT_ERROR: return .connectionLost
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE: return .certificate
        default: return .other
        }
    }
}

/// Idle easy handles with their connection caches. A handle is reset (options only: its connections stay open) as it
/// comes back, so no pointer from the finished request (error buffer, sink) outlives it.
private final class CurlHandlePool: @unchecked Sendable {
    /// Idle handles kept at most (an upload session runs a few workers).
    static let capacity = 16
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []

    func take() -> UnsafeMutableRawPointer? {
        lock.withLock { idle.popLast() } ?? curl_easy_init()
    }

    func give(_ handle: UnsafeMutableRawPointer) {
        curl_easy_reset(handle)
        let kept = lock.withLock {
            guard idle.count < Self.capacity else { return false }
            idle.append(handle)
            return true
        }
        if !kept { curl_easy_cleanup(handle) }
    }

    deinit { idle.forEach(curl_easy_cleanup) }
}

/// libcurl's process-wide setup, run once before the first handle (thread-safe: a global's lazy initialiser).
private let curlGlobalInit: Void = {
    let status = curl_global_init(Int(CURL_GLOBAL_ALL))
    precondition(status == CURLE_OK, "curl_global_init failed: \(status)")
}()

private let emptyBody: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
}()

/// What libcurl hands back while a request runs: the body (up to a limit) and the final response's headers.
private final class ResponseSink {
    let limit: Int
    var body = Data()
    var headers: [String: String] = [:]
    var overflow = false
    init(limit: Int) { self.limit = limit }
}

/// A write callback's arguments as the sink its context points to and the `size * count` bytes at `data`.
private func curlChunk(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> (sink: ResponseSink, bytes: UnsafeRawBufferPointer) {
    let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
    return (sink, UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size * count))
}

private func curlWriteBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    let (sink, bytes) = curlChunk(data, size, count, context)
    guard sink.body.count + bytes.count <= sink.limit else {
        sink.overflow = true
        return 0
    }
    sink.body.append(bytes.assumingMemoryBound(to: UInt8.self))
    return bytes.count
}

private func curlWriteHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    let (sink, bytes) = curlChunk(data, size, count, context)
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if line.hasPrefix("HTTP/") {
        // A new response (after a 1xx): only the final one's headers count.
        sink.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        sink.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return bytes.count
}
