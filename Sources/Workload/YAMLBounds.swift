import CYaml

/// Limits on YAML text checked before Yams composes it: the file's size, the number of alias uses (`*name`), so a
/// file of nested aliases (a "billion laughs") cannot make composing or comparing keys take unbounded time, and the
/// nesting depth and node count, so deeply nested keys (which Yams hashes once per enclosing mapping) or a file of
/// tiny nodes cannot make composing take seconds. The real specs nest at most 4 levels and hold a few hundred nodes.
enum YAMLBounds {
    static let maxBytes = 1 << 20
    static let maxAliases = 8
    static let maxDepth = 16
    static let maxNodes = 20_000

    static func check(_ text: String, file: String) throws {
        guard text.utf8.count <= maxBytes else {
            throw SpecError(
                file: file, path: "", message: "the file is \(text.utf8.count) bytes; specs are limited to \(maxBytes)")
        }
        try checkEvents(text, file: file)
    }

    /// Walks libyaml's events (linear time, no tree built) and refuses a document with more than `maxAliases` alias
    /// uses, nested deeper than `maxDepth`, or holding more than `maxNodes` nodes. A syntax error ends the walk
    /// silently: Yams then reports it as before, and everything Yams composes before reaching it is within the bounds.
    static func checkEvents(_ text: String, file: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        let utf8 = Array(text.utf8)
        try utf8.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0, nodes = 0, aliases = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    depth += 1
                    nodes += 1
                    guard depth <= maxDepth else {
                        throw SpecError(
                            file: file, path: "", line: line,
                            message: "nested more than \(maxDepth) levels deep; a spec may nest at most \(maxDepth)")
                    }
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    depth -= 1
                case YAML_ALIAS_EVENT:
                    nodes += 1
                    aliases += 1
                    guard aliases <= maxAliases else {
                        throw SpecError(
                            file: file, path: "", line: line,
                            message:
                                "more than \(maxAliases) YAML aliases (*name); at most \(maxAliases) are allowed in a spec"
                        )
                    }
                case YAML_SCALAR_EVENT:
                    nodes += 1
                default:
                    break
                }
                guard nodes <= maxNodes else {
                    throw SpecError(
                        file: file, path: "", line: line,
                        message: "more than \(maxNodes) YAML nodes; a spec may hold at most \(maxNodes)")
                }
            }
        }
    }
}
