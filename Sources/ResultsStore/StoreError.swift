/// Why the store could not be opened or used; the server prints it and exits, or answers 500 without details.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(String)
    case newerSchema(found: Int, known: Int)
    case corrupt(String)

    public var description: String {
        switch self {
        case .cannotOpen(let why): return "cannot open the store: \(why)"
        case .newerSchema(let found, let known):
            return "the database has schema version \(found), newer than this server knows (\(known)); "
                + "upgrade portbench-server"
        case .corrupt(let why): return "the store holds something unexpected: \(why)"
        }
    }
}
